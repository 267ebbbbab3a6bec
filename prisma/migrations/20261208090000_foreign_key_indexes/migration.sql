-- Indexes for the foreign keys that had none, found by the benchmark on its large dataset (61,600 votes): a meeting's
-- votes were read by scanning every vote (100 ms per meeting, on the live page, the minutes and the OParl view), a
-- cancelled meeting's consultations were unscheduled by scanning every consultation, and deleting an agenda item had
-- SQLite look for its sub-items (and, with foreign keys on, every delete of a parent row for its children) by a scan.
CREATE INDEX "Vote_meetingId_createdAt_idx" ON "Vote"("meetingId", "createdAt");
CREATE INDEX "Consultation_meetingId_idx" ON "Consultation"("meetingId");
CREATE INDEX "AgendaItem_parentId_idx" ON "AgendaItem"("parentId");
