-- Figures over time: indicators of the plan and key figures on immigration, each value per period with the history
-- of its corrections; and the integration report of a year, whose Markdown sections are the only text it stores.
CREATE TABLE "Figure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "category" TEXT,
    "planId" TEXT,
    "actionFieldId" TEXT,
    "measureId" TEXT,
    "baselineValue" REAL,
    "baselinePeriod" TEXT,
    "targetValue" REAL,
    "targetPeriod" TEXT,
    "source" TEXT,
    "description" TEXT,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "Figure_bodyId_key_key" ON "Figure"("bodyId", "key");
CREATE INDEX "Figure_actionFieldId_idx" ON "Figure"("actionFieldId");
CREATE INDEX "Figure_measureId_idx" ON "Figure"("measureId");

CREATE TABLE "FigureValue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "figureId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "source" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FigureValue_figureId_fkey" FOREIGN KEY ("figureId") REFERENCES "Figure" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "FigureValue_figureId_period_key" ON "FigureValue"("figureId", "period");

CREATE TABLE "FigureValueRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "valueId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "actorName" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "source" TEXT,
    "note" TEXT,
    "reason" TEXT,
    CONSTRAINT "FigureValueRevision_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "FigureValue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "FigureValueRevision_valueId_at_idx" ON "FigureValueRevision"("valueId", "at");

CREATE TABLE "IntegrationReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "IntegrationReport_bodyId_year_key" ON "IntegrationReport"("bodyId", "year");

CREATE TABLE "IntegrationReportSection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actionFieldId" TEXT,
    "markdown" TEXT NOT NULL,
    CONSTRAINT "IntegrationReportSection_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IntegrationReport" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "IntegrationReportSection_reportId_position_idx" ON "IntegrationReportSection"("reportId", "position");
