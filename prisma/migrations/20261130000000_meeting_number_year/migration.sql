-- Meeting numbers count within a committee's year (the Berlin calendar year of the start), in date order.
-- The year turns in winter time (UTC+1), so one hour added to the UTC start gives the Berlin year.
ALTER TABLE "Meeting" ADD COLUMN "numberYear" INTEGER NOT NULL DEFAULT 0;
UPDATE "Meeting" SET "numberYear" = CAST(strftime('%Y', "startsAt", '+1 hour') AS INTEGER);
DROP INDEX "Meeting_committeeId_sequenceNumber_key";
CREATE UNIQUE INDEX "Meeting_committeeId_numberYear_sequenceNumber_key" ON "Meeting"("committeeId", "numberYear", "sequenceNumber");
