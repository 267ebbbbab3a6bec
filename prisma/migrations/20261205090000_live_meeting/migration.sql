-- The live meeting: the agenda item the chair has called, for the room's display.
ALTER TABLE "Meeting" ADD COLUMN "liveItemId" TEXT;
