-- The secretariat records a signature given on paper: who signed and when; it is marked as such.
ALTER TABLE "MinutesSignature" ADD COLUMN "onPaper" BOOLEAN NOT NULL DEFAULT false;
