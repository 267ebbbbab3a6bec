-- Hardening: a TOTP code works once; sign-in attempts are reserved before the check and found again by a random ref.
-- AlterTable
ALTER TABLE "Account" ADD COLUMN "totpLastStep" INTEGER;

-- AlterTable
ALTER TABLE "SignInAttempt" ADD COLUMN "ref" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "SignInAttempt_ref_key" ON "SignInAttempt"("ref");

