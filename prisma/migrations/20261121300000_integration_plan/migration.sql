-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "adoptedOn" TEXT,
    "adoptedByResolutionId" TEXT,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Plan_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "resolutionId" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "PlanUpdate_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActionField" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    CONSTRAINT "ActionField_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "actionFieldId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "responsible" TEXT,
    "partners" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "progress" INTEGER NOT NULL,
    "startDate" TEXT,
    "targetDate" TEXT,
    "indicators" TEXT,
    "evidence" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Measure_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Measure_actionFieldId_fkey" FOREIGN KEY ("actionFieldId") REFERENCES "ActionField" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeasureHistory" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "measureId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "actorName" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "fromProgress" INTEGER,
    "toProgress" INTEGER NOT NULL,
    "reason" TEXT,
    "resolutionId" TEXT,
    "source" TEXT NOT NULL,
    CONSTRAINT "MeasureHistory_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeasureLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "resolutionId" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "newStatus" TEXT,
    "newProgress" INTEGER,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "MeasureLink_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ActionField_planId_number_key" ON "ActionField"("planId", "number");

-- CreateIndex
CREATE INDEX "Measure_actionFieldId_idx" ON "Measure"("actionFieldId");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_planId_code_key" ON "Measure"("planId", "code");

-- CreateIndex
CREATE INDEX "MeasureHistory_measureId_at_idx" ON "MeasureHistory"("measureId", "at");

-- CreateIndex
CREATE INDEX "MeasureLink_measureId_idx" ON "MeasureLink"("measureId");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureLink_resolutionId_measureId_relation_key" ON "MeasureLink"("resolutionId", "measureId", "relation");


-- Full-text search (FTS5, also on D1). Not part of schema.prisma: Prisma does not model virtual tables.
-- Triggers keep the index in step with every write, on both runtimes. Visibility is applied when searching.
CREATE VIRTUAL TABLE "search_index" USING fts5(kind UNINDEXED, ref_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER "search_measure_insert" AFTER INSERT ON "Measure" BEGIN
  INSERT INTO "search_index" (kind, ref_id, title, body) VALUES ('measure', NEW."id", NEW."code" || ' ' || NEW."title", coalesce(NEW."description", '') || ' ' || coalesce(NEW."responsible", '') || ' ' || coalesce(NEW."indicators", '') || ' ' || coalesce(NEW."evidence", ''));
END;
CREATE TRIGGER "search_measure_update" AFTER UPDATE ON "Measure" BEGIN
  DELETE FROM "search_index" WHERE kind = 'measure' AND ref_id = OLD."id";
  INSERT INTO "search_index" (kind, ref_id, title, body) VALUES ('measure', NEW."id", NEW."code" || ' ' || NEW."title", coalesce(NEW."description", '') || ' ' || coalesce(NEW."responsible", '') || ' ' || coalesce(NEW."indicators", '') || ' ' || coalesce(NEW."evidence", ''));
END;

CREATE TRIGGER "search_resolution_insert" AFTER INSERT ON "Resolution" BEGIN
  INSERT INTO "search_index" (kind, ref_id, title, body) VALUES ('resolution', NEW."id", '', NEW."text");
END;
CREATE TRIGGER "search_resolution_update" AFTER UPDATE OF "text" ON "Resolution" BEGIN
  DELETE FROM "search_index" WHERE kind = 'resolution' AND ref_id = OLD."id";
  INSERT INTO "search_index" (kind, ref_id, title, body) VALUES ('resolution', NEW."id", '', NEW."text");
END;

CREATE TRIGGER "search_paper_insert" AFTER INSERT ON "Paper" BEGIN
  INSERT INTO "search_index" (kind, ref_id, title, body) VALUES ('paper', NEW."id", NEW."title", coalesce(NEW."proposedResolution", '') || ' ' || coalesce(NEW."factsAndReasons", '') || ' ' || coalesce(NEW."financialEffects", ''));
END;
CREATE TRIGGER "search_paper_update" AFTER UPDATE ON "Paper" BEGIN
  DELETE FROM "search_index" WHERE kind = 'paper' AND ref_id = OLD."id";
  INSERT INTO "search_index" (kind, ref_id, title, body) VALUES ('paper', NEW."id", NEW."title", coalesce(NEW."proposedResolution", '') || ' ' || coalesce(NEW."factsAndReasons", '') || ' ' || coalesce(NEW."financialEffects", ''));
END;

CREATE TRIGGER "search_minutes_insert" AFTER INSERT ON "MinutesItemNote" BEGIN
  INSERT INTO "search_index" (kind, ref_id, title, body) VALUES ('minutes', NEW."id", '', NEW."notes");
END;
CREATE TRIGGER "search_minutes_update" AFTER UPDATE ON "MinutesItemNote" BEGIN
  DELETE FROM "search_index" WHERE kind = 'minutes' AND ref_id = OLD."id";
  INSERT INTO "search_index" (kind, ref_id, title, body) VALUES ('minutes', NEW."id", '', NEW."notes");
END;

-- What existed before this migration.
INSERT INTO "search_index" (kind, ref_id, title, body) SELECT 'resolution', "id", '', "text" FROM "Resolution";
INSERT INTO "search_index" (kind, ref_id, title, body) SELECT 'paper', "id", "title", coalesce("proposedResolution", '') || ' ' || coalesce("factsAndReasons", '') || ' ' || coalesce("financialEffects", '') FROM "Paper";
INSERT INTO "search_index" (kind, ref_id, title, body) SELECT 'minutes', "id", '', "notes" FROM "MinutesItemNote";

-- A guard for batches: inserting a 0 here fails the CHECK and so rolls back the whole batch (SQLite
-- transaction on Node, D1 batch on Workers). See `assertion()` in src/db/sql.ts. It never holds a row.
CREATE TABLE "_batch_guard" ("ok" INTEGER NOT NULL CHECK ("ok" = 1));
