-- Two-factor sign-in (TOTP) with recovery codes, and sessions that wait for the second factor.
ALTER TABLE "Account" ADD COLUMN "totpKey" TEXT;
ALTER TABLE "Account" ADD COLUMN "totpEnabledAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "recoveryCodes" TEXT;
ALTER TABLE "Session" ADD COLUMN "secondFactorPending" BOOLEAN NOT NULL DEFAULT false;
