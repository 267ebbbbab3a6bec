-- Indexes for the foreign keys that had none, found by the benchmark on its large dataset (61,600 votes): a meeting's
-- votes were read by scanning every vote (100 ms per meeting, on the live page, the minutes and the OParl view), a
-- cancelled meeting's consultations were unscheduled by scanning every consultation, and deleting an agenda item had
-- SQLite look for its sub-items (and, with foreign keys on, every delete of a parent row for its children) by a scan.
CREATE INDEX "Vote_meetingId_createdAt_idx" ON "Vote"("meetingId", "createdAt");
CREATE INDEX "Consultation_meetingId_idx" ON "Consultation"("meetingId");
CREATE INDEX "AgendaItem_parentId_idx" ON "AgendaItem"("parentId");

-- The generated files still without a digest, for the background that fills them in (findAggregatesWithoutDigests):
-- without it each round read every File object of the view (100,000 on the large dataset) once few were left. A
-- partial index, which Prisma's schema cannot state: the query repeats its WHERE terms exactly, as SQLite requires.
CREATE INDEX "OparlObject_digest_pending_idx" ON "OparlObject"("aggregate")
  WHERE "type" = 'File' AND "deleted" = 0 AND json_extract("data", '$.size') IS NULL;
