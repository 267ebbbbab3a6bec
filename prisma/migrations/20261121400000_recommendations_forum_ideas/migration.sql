-- CreateTable
CREATE TABLE "RecommendationFollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "handling" TEXT NOT NULL,
    "receivingResolutionId" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ForumIdea" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "forum" TEXT NOT NULL,
    "forumDate" TEXT NOT NULL,
    "proposedBy" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "measureId" TEXT,
    "paperId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationFollowUp_recommendationId_key" ON "RecommendationFollowUp"("recommendationId");

-- CreateIndex
CREATE INDEX "ForumIdea_bodyId_forumDate_idx" ON "ForumIdea"("bodyId", "forumDate");

