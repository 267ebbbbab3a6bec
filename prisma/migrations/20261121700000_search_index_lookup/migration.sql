-- The search index's triggers found a document to replace by its UNINDEXED kind and ref_id columns, which FTS5
-- can only scan: one update of a minutes note took 170 ms on the benchmark's large database (230,000 documents)
-- and 2.6 ms on the small one. "search_index_doc" names each document's rowid, so that an update deletes by rowid.
-- A document keeps its rowid when it changes.
CREATE TABLE "search_index_doc" (
  "doc" INTEGER NOT NULL PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "ref_id" TEXT NOT NULL
);
CREATE UNIQUE INDEX "search_index_doc_kind_ref_id_key" ON "search_index_doc"("kind", "ref_id");
INSERT INTO "search_index_doc" ("doc", "kind", "ref_id") SELECT rowid, kind, ref_id FROM "search_index";

DROP TRIGGER "search_measure_insert";
CREATE TRIGGER "search_measure_insert" AFTER INSERT ON "Measure" BEGIN
  INSERT INTO "search_index_doc" ("kind", "ref_id") VALUES ('measure', NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id"), 'measure', NEW."id", NEW."code" || ' ' || NEW."title", coalesce(NEW."description", '') || ' ' || coalesce(NEW."responsible", '') || ' ' || coalesce(NEW."indicators", '') || ' ' || coalesce(NEW."evidence", ''));
END;
DROP TRIGGER "search_measure_update";
CREATE TRIGGER "search_measure_update" AFTER UPDATE ON "Measure" BEGIN
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id"), 'measure', NEW."id", NEW."code" || ' ' || NEW."title", coalesce(NEW."description", '') || ' ' || coalesce(NEW."responsible", '') || ' ' || coalesce(NEW."indicators", '') || ' ' || coalesce(NEW."evidence", ''));
END;

DROP TRIGGER "search_resolution_insert";
CREATE TRIGGER "search_resolution_insert" AFTER INSERT ON "Resolution" BEGIN
  INSERT INTO "search_index_doc" ("kind", "ref_id") VALUES ('resolution', NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id"), 'resolution', NEW."id", '', NEW."text");
END;
DROP TRIGGER "search_resolution_update";
CREATE TRIGGER "search_resolution_update" AFTER UPDATE OF "text" ON "Resolution" BEGIN
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id"), 'resolution', NEW."id", '', NEW."text");
END;

DROP TRIGGER "search_paper_insert";
CREATE TRIGGER "search_paper_insert" AFTER INSERT ON "Paper" BEGIN
  INSERT INTO "search_index_doc" ("kind", "ref_id") VALUES ('paper', NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id"), 'paper', NEW."id", NEW."title", coalesce(NEW."proposedResolution", '') || ' ' || coalesce(NEW."factsAndReasons", '') || ' ' || coalesce(NEW."financialEffects", ''));
END;
DROP TRIGGER "search_paper_update";
CREATE TRIGGER "search_paper_update" AFTER UPDATE ON "Paper" BEGIN
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id"), 'paper', NEW."id", NEW."title", coalesce(NEW."proposedResolution", '') || ' ' || coalesce(NEW."factsAndReasons", '') || ' ' || coalesce(NEW."financialEffects", ''));
END;

DROP TRIGGER "search_minutes_insert";
CREATE TRIGGER "search_minutes_insert" AFTER INSERT ON "MinutesItemNote" BEGIN
  INSERT INTO "search_index_doc" ("kind", "ref_id") VALUES ('minutes', NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id"), 'minutes', NEW."id", '', NEW."notes");
END;
DROP TRIGGER "search_minutes_update";
CREATE TRIGGER "search_minutes_update" AFTER UPDATE ON "MinutesItemNote" BEGIN
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id"), 'minutes', NEW."id", '', NEW."notes");
END;
