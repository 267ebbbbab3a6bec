-- The OParl view is built and refreshed in bounded chunks outside the requests that read it. A build numbers itself
-- ("build"), walks the bodies, meetings and papers in order ("buildPhase", "buildCursor") towards the audit entry it
-- started at ("buildHead"), and stamps each object it confirmed with its number; when it ends, what no chunk
-- confirmed has left the public view. "completedAt": when the view was last complete (null: never yet).
-- "followOffset": how many aggregates of the next audit entry are rebuilt already, when one entry touches more than
-- a step takes (a membership: every meeting of its committee).
ALTER TABLE "OparlObject" ADD COLUMN "build" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "OparlObject_build_idx" ON "OparlObject"("build");
ALTER TABLE "OparlSync" ADD COLUMN "completedAt" DATETIME;
ALTER TABLE "OparlSync" ADD COLUMN "build" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OparlSync" ADD COLUMN "buildHead" INTEGER;
ALTER TABLE "OparlSync" ADD COLUMN "buildPhase" TEXT;
ALTER TABLE "OparlSync" ADD COLUMN "buildCursor" TEXT;
ALTER TABLE "OparlSync" ADD COLUMN "followOffset" INTEGER NOT NULL DEFAULT 0;
UPDATE "OparlSync" SET "completedAt" = "syncedAt";
