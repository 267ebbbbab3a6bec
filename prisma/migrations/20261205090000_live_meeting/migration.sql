-- The live meeting: the agenda item the chair has called, for the room's display.
ALTER TABLE "Meeting" ADD COLUMN "liveItemId" TEXT;

-- Action fields are renamed in the workspace, with a version like every edited record.
ALTER TABLE "ActionField" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
