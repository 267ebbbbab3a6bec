-- An invitation records which papers' titles it published: the public papers on its public items. A paper withdrawn
-- later (deleted or no longer public) keeps its title where an invitation published it, and nowhere else.
ALTER TABLE "Invitation" ADD COLUMN "publicPapers" TEXT NOT NULL DEFAULT '[]';

-- The invitations sent already published the papers that are public now on their meetings' public items.
UPDATE "Invitation" SET "publicPapers" = coalesce((
  SELECT json_group_array(DISTINCT i."paperId") FROM "AgendaItem" i JOIN "Paper" p ON p."id" = i."paperId"
  WHERE i."meetingId" = "Invitation"."meetingId" AND i."isPublic" = 1 AND p."isPublic" = 1 AND p."deletedAt" IS NULL
), '[]');
