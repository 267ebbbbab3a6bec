-- E-mail: an outbox of mails to send, and a person's wish for no e-mail.
ALTER TABLE "Person" ADD COLUMN "mailOptOut" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "OutboxMail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "meetingId" TEXT,
    "personId" TEXT,
    "recipientName" TEXT NOT NULL,
    "recipientEmail" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "optOut" BOOLEAN NOT NULL DEFAULT false,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "claim" TEXT,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "actorName" TEXT NOT NULL
);
CREATE INDEX "OutboxMail_state_nextAttemptAt_idx" ON "OutboxMail"("state", "nextAttemptAt");
CREATE INDEX "OutboxMail_bodyId_createdAt_idx" ON "OutboxMail"("bodyId", "createdAt");
CREATE INDEX "OutboxMail_meetingId_createdAt_idx" ON "OutboxMail"("meetingId", "createdAt");
