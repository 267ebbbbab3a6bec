-- DropIndex
DROP INDEX "Meeting_committeeId_startsAt_idx";

-- DropIndex
DROP INDEX "Meeting_startsAt_idx";

-- CreateIndex
CREATE INDEX "Meeting_committeeId_startsAt_id_idx" ON "Meeting"("committeeId", "startsAt", "id");

-- CreateIndex
CREATE INDEX "Meeting_startsAt_id_idx" ON "Meeting"("startsAt", "id");

-- CreateIndex
CREATE INDEX "Paper_year_serial_id_idx" ON "Paper"("year", "serial", "id");

-- CreateIndex
CREATE INDEX "Resolution_year_serial_id_idx" ON "Resolution"("year", "serial", "id");

-- CreateIndex
CREATE INDEX "Resolution_announcedMeetingId_idx" ON "Resolution"("announcedMeetingId");

-- CreateIndex
CREATE INDEX "Resolution_committeeId_isPublic_announcedAt_idx" ON "Resolution"("committeeId", "isPublic", "announcedAt");

