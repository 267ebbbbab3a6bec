-- OParl 1.1: the public view as published (objects that leave it stay, as deleted), how far it has followed
-- the audit log, and the body's choice to publish attendance.
ALTER TABLE "Body" ADD COLUMN "publishAttendance" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OparlObject" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "aggregate" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "deleted" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "modifiedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OparlSync" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "auditId" INTEGER NOT NULL,
    "syncedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "OparlObject_bodyId_type_deleted_modifiedAt_id_idx" ON "OparlObject"("bodyId", "type", "deleted", "modifiedAt", "id");

-- CreateIndex
CREATE INDEX "OparlObject_bodyId_type_modifiedAt_id_idx" ON "OparlObject"("bodyId", "type", "modifiedAt", "id");

-- CreateIndex
CREATE INDEX "OparlObject_aggregate_idx" ON "OparlObject"("aggregate");


-- CreateTable
CREATE TABLE "DocumentDigest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fingerprint" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha512" TEXT NOT NULL,
    "renderedAt" DATETIME NOT NULL
);
