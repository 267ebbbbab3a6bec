-- CreateTable
CREATE TABLE "Attendance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "excuseReason" TEXT,
    "standsInForId" TEXT,
    "arrivedBeforeItemId" TEXT,
    "leftBeforeItemId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Recusal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "motion" TEXT NOT NULL,
    "yes" INTEGER,
    "no" INTEGER,
    "abstain" INTEGER,
    "details" TEXT,
    "outcome" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "quorum" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Vote_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Resolution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committeeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "serial" INTEGER NOT NULL,
    "meetingId" TEXT,
    "itemId" TEXT,
    "paperId" TEXT,
    "voteId" TEXT,
    "text" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipientBody" TEXT,
    "isPublic" BOOLEAN NOT NULL,
    "followUp" TEXT NOT NULL,
    "supersededById" TEXT,
    "announcedAt" DATETIME,
    "announcedMeetingId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Resolution_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MinutesEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" TEXT,
    "text" TEXT NOT NULL,
    "refId" TEXT,
    "actorName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "MinutesEntry_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Minutes" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "circulatedAt" DATETIME,
    "finalAt" DATETIME,
    "publishedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Minutes_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MinutesItemNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "minutesId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MinutesItemNote_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MinutesRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "minutesId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "actorName" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    CONSTRAINT "MinutesRevision_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MinutesObjection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "minutesId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "filedAt" DATETIME NOT NULL,
    "decision" TEXT,
    "decisionNote" TEXT,
    "decidedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "MinutesObjection_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MinutesSignature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "minutesId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL,
    CONSTRAINT "MinutesSignature_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WrittenProcedure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committeeId" TEXT NOT NULL,
    "motion" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "resolutionId" TEXT,
    "actorName" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WrittenObjection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procedureId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "note" TEXT,
    "filedAt" DATETIME NOT NULL,
    CONSTRAINT "WrittenObjection_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "WrittenProcedure" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committeeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sequenceNumber" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME,
    "locationName" TEXT,
    "locationAddress" TEXT,
    "locationRoom" TEXT,
    "state" TEXT NOT NULL,
    "emergencyReason" TEXT,
    "cancelledReason" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "repeatMeeting" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("cancelledReason", "committeeId", "createdAt", "emergencyReason", "endsAt", "id", "locationAddress", "locationName", "locationRoom", "sequence", "sequenceNumber", "startsAt", "state", "title", "updatedAt", "version") SELECT "cancelledReason", "committeeId", "createdAt", "emergencyReason", "endsAt", "id", "locationAddress", "locationName", "locationRoom", "sequence", "sequenceNumber", "startsAt", "state", "title", "updatedAt", "version" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_committeeId_startsAt_idx" ON "Meeting"("committeeId", "startsAt");
CREATE INDEX "Meeting_startsAt_idx" ON "Meeting"("startsAt");
CREATE UNIQUE INDEX "Meeting_committeeId_sequenceNumber_key" ON "Meeting"("committeeId", "sequenceNumber");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_meetingId_personId_key" ON "Attendance"("meetingId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Recusal_itemId_personId_key" ON "Recusal"("itemId", "personId");

-- CreateIndex
CREATE INDEX "Vote_itemId_idx" ON "Vote"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "Resolution_voteId_key" ON "Resolution"("voteId");

-- CreateIndex
CREATE INDEX "Resolution_meetingId_idx" ON "Resolution"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "Resolution_committeeId_year_serial_key" ON "Resolution"("committeeId", "year", "serial");

-- CreateIndex
CREATE INDEX "MinutesEntry_meetingId_itemId_idx" ON "MinutesEntry"("meetingId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "Minutes_meetingId_key" ON "Minutes"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesItemNote_minutesId_itemId_key" ON "MinutesItemNote"("minutesId", "itemId");

-- CreateIndex
CREATE INDEX "MinutesRevision_minutesId_idx" ON "MinutesRevision"("minutesId");

-- CreateIndex
CREATE INDEX "MinutesObjection_minutesId_idx" ON "MinutesObjection"("minutesId");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesSignature_minutesId_personId_key" ON "MinutesSignature"("minutesId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "WrittenObjection_procedureId_personId_key" ON "WrittenObjection"("procedureId", "personId");

