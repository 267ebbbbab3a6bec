-- The course of a held meeting for its minutes (§38 (1) GemO): actual start and end, and interruptions.
ALTER TABLE "Meeting" ADD COLUMN "startedAt" DATETIME;
ALTER TABLE "Meeting" ADD COLUMN "endedAt" DATETIME;
ALTER TABLE "Meeting" ADD COLUMN "interruptions" TEXT;
