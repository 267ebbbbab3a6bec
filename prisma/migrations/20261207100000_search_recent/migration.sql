-- The newest documents of the search index again, in two windows of their own: "search_recent" holds the documents
-- whose rowid is among the newest 5,000, "search_recent_wide" those among the newest 50,000 (SEARCH_WINDOWS in
-- src/db/queries/search.ts). FTS5's bm25 counts, for each word, every document of its index that contains it, so its
-- cost grows with the index it ranks in (a frequent word: 90 ms on the benchmark's large database of 340,000
-- documents, 0.5 ms on the small one of 3,400). The search reads a tier of the 100 newest matches and ranks it in the
-- smallest window that holds it: a frequent word's tier lies in the small window, a rarer word's in the wide one,
-- and only a very rare word's, which counts few documents anyway, in the whole index. Each trigger that writes a
-- document to "search_index" copies it into each window while it is within it, and lets the oldest leave.
CREATE VIRTUAL TABLE "search_recent" USING fts5(kind UNINDEXED, ref_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO "search_recent" (rowid, kind, ref_id, title, body)
  SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid > (SELECT coalesce(max("doc"), 0) FROM "search_index_doc") - 5000;
CREATE VIRTUAL TABLE "search_recent_wide" USING fts5(kind UNINDEXED, ref_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO "search_recent_wide" (rowid, kind, ref_id, title, body)
  SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid > (SELECT coalesce(max("doc"), 0) FROM "search_index_doc") - 50000;

DROP TRIGGER "search_measure_insert";
CREATE TRIGGER "search_measure_insert" AFTER INSERT ON "Measure" BEGIN
  INSERT INTO "search_index_doc" ("kind", "ref_id") VALUES ('measure', NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id"), 'measure', NEW."id", NEW."code" || ' ' || NEW."title", coalesce(NEW."description", '') || ' ' || coalesce(NEW."responsible", '') || ' ' || coalesce(NEW."indicators", '') || ' ' || coalesce(NEW."evidence", ''));
  DELETE FROM "search_recent" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent_wide" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent_wide" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 50000;
  DELETE FROM "search_recent_wide" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 50000;
END;

DROP TRIGGER "search_measure_update";
CREATE TRIGGER "search_measure_update" AFTER UPDATE ON "Measure" BEGIN
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id"), 'measure', NEW."id", NEW."code" || ' ' || NEW."title", coalesce(NEW."description", '') || ' ' || coalesce(NEW."responsible", '') || ' ' || coalesce(NEW."indicators", '') || ' ' || coalesce(NEW."evidence", ''));
  DELETE FROM "search_recent" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent_wide" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent_wide" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'measure' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 50000;
  DELETE FROM "search_recent_wide" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 50000;
END;

DROP TRIGGER "search_resolution_insert";
CREATE TRIGGER "search_resolution_insert" AFTER INSERT ON "Resolution" BEGIN
  INSERT INTO "search_index_doc" ("kind", "ref_id") VALUES ('resolution', NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id"), 'resolution', NEW."id", (SELECT "shortName" FROM "Committee" WHERE "id" = NEW."committeeId") || '/' || NEW."year" || '/' || printf('%03d', NEW."serial"), NEW."text");
  DELETE FROM "search_recent" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent_wide" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent_wide" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 50000;
  DELETE FROM "search_recent_wide" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 50000;
END;

DROP TRIGGER "search_resolution_update";
CREATE TRIGGER "search_resolution_update" AFTER UPDATE OF "text" ON "Resolution" BEGIN
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id"), 'resolution', NEW."id", (SELECT "shortName" FROM "Committee" WHERE "id" = NEW."committeeId") || '/' || NEW."year" || '/' || printf('%03d', NEW."serial"), NEW."text");
  DELETE FROM "search_recent" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent_wide" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent_wide" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 50000;
  DELETE FROM "search_recent_wide" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 50000;
END;

DROP TRIGGER "search_paper_insert";
CREATE TRIGGER "search_paper_insert" AFTER INSERT ON "Paper" BEGIN
  INSERT INTO "search_index_doc" ("kind", "ref_id") VALUES ('paper', NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id"), 'paper', NEW."id", NEW."year" || '/' || printf('%03d', NEW."serial") || ' ' || NEW."title", coalesce(NEW."proposedResolution", '') || ' ' || coalesce(NEW."factsAndReasons", '') || ' ' || coalesce(NEW."financialEffects", ''));
  DELETE FROM "search_recent" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent_wide" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent_wide" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 50000;
  DELETE FROM "search_recent_wide" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 50000;
END;

DROP TRIGGER "search_paper_update";
CREATE TRIGGER "search_paper_update" AFTER UPDATE ON "Paper" BEGIN
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id"), 'paper', NEW."id", NEW."year" || '/' || printf('%03d', NEW."serial") || ' ' || NEW."title", coalesce(NEW."proposedResolution", '') || ' ' || coalesce(NEW."factsAndReasons", '') || ' ' || coalesce(NEW."financialEffects", ''));
  DELETE FROM "search_recent" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent_wide" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent_wide" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 50000;
  DELETE FROM "search_recent_wide" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 50000;
END;

DROP TRIGGER "search_minutes_insert";
CREATE TRIGGER "search_minutes_insert" AFTER INSERT ON "MinutesItemNote" BEGIN
  INSERT INTO "search_index_doc" ("kind", "ref_id") VALUES ('minutes', NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id"), 'minutes', NEW."id", '', NEW."notes");
  DELETE FROM "search_recent" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent_wide" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent_wide" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 50000;
  DELETE FROM "search_recent_wide" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 50000;
END;

DROP TRIGGER "search_minutes_update";
CREATE TRIGGER "search_minutes_update" AFTER UPDATE ON "MinutesItemNote" BEGIN
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id"), 'minutes', NEW."id", '', NEW."notes");
  DELETE FROM "search_recent" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent_wide" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent_wide" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'minutes' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 50000;
  DELETE FROM "search_recent_wide" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 50000;
END;

DROP TRIGGER "search_item_insert";
CREATE TRIGGER "search_item_insert" AFTER INSERT ON "AgendaItem" BEGIN
  INSERT INTO "search_index_doc" ("kind", "ref_id") VALUES ('item', NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id"), 'item', NEW."id", NEW."title", coalesce(NEW."description", ''));
  DELETE FROM "search_recent" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent_wide" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent_wide" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 50000;
  DELETE FROM "search_recent_wide" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 50000;
END;

DROP TRIGGER "search_item_update";
CREATE TRIGGER "search_item_update" AFTER UPDATE OF "title", "description" ON "AgendaItem" BEGIN
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id"), 'item', NEW."id", NEW."title", coalesce(NEW."description", ''));
  DELETE FROM "search_recent" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 5000;
  DELETE FROM "search_recent_wide" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id");
  INSERT INTO "search_recent_wide" (rowid, kind, ref_id, title, body)
    SELECT rowid, kind, ref_id, title, body FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id") AND rowid > (SELECT max("doc") FROM "search_index_doc") - 50000;
  DELETE FROM "search_recent_wide" WHERE rowid <= (SELECT max("doc") FROM "search_index_doc") - 50000;
END;

DROP TRIGGER "search_item_delete";
CREATE TRIGGER "search_item_delete" AFTER DELETE ON "AgendaItem" BEGIN
  DELETE FROM "search_recent" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = OLD."id");
  DELETE FROM "search_recent_wide" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = OLD."id");
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = OLD."id");
  DELETE FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = OLD."id";
END;
