-- The public record: the body's AGS, contact and seat with coordinates (OParl Body), a committee's constitution
-- date (Organization.startDate), a meeting place's coordinates (Location.geojson) and a paper's own date.
ALTER TABLE "Body" ADD COLUMN "ags" TEXT;
ALTER TABLE "Body" ADD COLUMN "contactEmail" TEXT;
ALTER TABLE "Body" ADD COLUMN "contactName" TEXT;
ALTER TABLE "Body" ADD COLUMN "address" TEXT;
ALTER TABLE "Body" ADD COLUMN "latitude" REAL;
ALTER TABLE "Body" ADD COLUMN "longitude" REAL;

ALTER TABLE "Committee" ADD COLUMN "constitutedOn" TEXT;

ALTER TABLE "Meeting" ADD COLUMN "locationLatitude" REAL;
ALTER TABLE "Meeting" ADD COLUMN "locationLongitude" REAL;

ALTER TABLE "Paper" ADD COLUMN "date" TEXT;
