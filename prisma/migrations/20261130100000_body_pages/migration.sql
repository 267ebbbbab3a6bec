-- The texts of a body's portal pages (accessibility statement, Leichte Sprache, sign language, imprint, privacy),
-- where the body replaces Gremium's defaults.
CREATE TABLE "BodyPage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BodyPage_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "BodyPage_bodyId_key_key" ON "BodyPage"("bodyId", "key");
