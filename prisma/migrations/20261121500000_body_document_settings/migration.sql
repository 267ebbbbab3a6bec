-- CreateTable
CREATE TABLE "BodyDocumentSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "letterhead" TEXT,
    "footer" TEXT,
    "logoKey" TEXT,
    "templates" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "BodyDocumentSettings_bodyId_key" ON "BodyDocumentSettings"("bodyId");

