-- Clerks search by register numbers ("2026/004", "IA/2026/003") and by agenda item titles. Papers and resolutions
-- now carry their number in the indexed title (FTS5 splits "IA/2026/003" into ia, 2026, 003, which a query for the
-- same number matches as a phrase), and every agenda item is a document of its own (kind "item"), read with the
-- visibility of its meeting's agenda.

DROP TRIGGER "search_resolution_insert";
CREATE TRIGGER "search_resolution_insert" AFTER INSERT ON "Resolution" BEGIN
  INSERT INTO "search_index_doc" ("kind", "ref_id") VALUES ('resolution', NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id"), 'resolution', NEW."id", (SELECT "shortName" FROM "Committee" WHERE "id" = NEW."committeeId") || '/' || NEW."year" || '/' || printf('%03d', NEW."serial"), NEW."text");
END;
DROP TRIGGER "search_resolution_update";
CREATE TRIGGER "search_resolution_update" AFTER UPDATE OF "text" ON "Resolution" BEGIN
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'resolution' AND "ref_id" = NEW."id"), 'resolution', NEW."id", (SELECT "shortName" FROM "Committee" WHERE "id" = NEW."committeeId") || '/' || NEW."year" || '/' || printf('%03d', NEW."serial"), NEW."text");
END;

DROP TRIGGER "search_paper_insert";
CREATE TRIGGER "search_paper_insert" AFTER INSERT ON "Paper" BEGIN
  INSERT INTO "search_index_doc" ("kind", "ref_id") VALUES ('paper', NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id"), 'paper', NEW."id", NEW."year" || '/' || printf('%03d', NEW."serial") || ' ' || NEW."title", coalesce(NEW."proposedResolution", '') || ' ' || coalesce(NEW."factsAndReasons", '') || ' ' || coalesce(NEW."financialEffects", ''));
END;
DROP TRIGGER "search_paper_update";
CREATE TRIGGER "search_paper_update" AFTER UPDATE ON "Paper" BEGIN
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = NEW."id"), 'paper', NEW."id", NEW."year" || '/' || printf('%03d', NEW."serial") || ' ' || NEW."title", coalesce(NEW."proposedResolution", '') || ' ' || coalesce(NEW."factsAndReasons", '') || ' ' || coalesce(NEW."financialEffects", ''));
END;

CREATE TRIGGER "search_item_insert" AFTER INSERT ON "AgendaItem" BEGIN
  INSERT INTO "search_index_doc" ("kind", "ref_id") VALUES ('item', NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id"), 'item', NEW."id", NEW."title", coalesce(NEW."description", ''));
END;
CREATE TRIGGER "search_item_update" AFTER UPDATE OF "title", "description" ON "AgendaItem" BEGIN
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id");
  INSERT INTO "search_index" (rowid, kind, ref_id, title, body) VALUES ((SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = NEW."id"), 'item', NEW."id", NEW."title", coalesce(NEW."description", ''));
END;
CREATE TRIGGER "search_item_delete" AFTER DELETE ON "AgendaItem" BEGIN
  DELETE FROM "search_index" WHERE rowid = (SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = OLD."id");
  DELETE FROM "search_index_doc" WHERE "kind" = 'item' AND "ref_id" = OLD."id";
END;

-- The documents that exist already.
DELETE FROM "search_index" WHERE rowid IN (SELECT "doc" FROM "search_index_doc" WHERE "kind" IN ('paper', 'resolution'));
INSERT INTO "search_index" (rowid, kind, ref_id, title, body)
  SELECT d."doc", 'paper', p."id", p."year" || '/' || printf('%03d', p."serial") || ' ' || p."title", coalesce(p."proposedResolution", '') || ' ' || coalesce(p."factsAndReasons", '') || ' ' || coalesce(p."financialEffects", '')
  FROM "Paper" p JOIN "search_index_doc" d ON d."kind" = 'paper' AND d."ref_id" = p."id";
INSERT INTO "search_index" (rowid, kind, ref_id, title, body)
  SELECT d."doc", 'resolution', r."id", c."shortName" || '/' || r."year" || '/' || printf('%03d', r."serial"), r."text"
  FROM "Resolution" r JOIN "Committee" c ON c."id" = r."committeeId" JOIN "search_index_doc" d ON d."kind" = 'resolution' AND d."ref_id" = r."id";
INSERT INTO "search_index_doc" ("kind", "ref_id") SELECT 'item', "id" FROM "AgendaItem";
INSERT INTO "search_index" (rowid, kind, ref_id, title, body)
  SELECT d."doc", 'item', i."id", i."title", coalesce(i."description", '')
  FROM "AgendaItem" i JOIN "search_index_doc" d ON d."kind" = 'item' AND d."ref_id" = i."id";
