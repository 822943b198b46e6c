-- The child's school, as the front door records it with a new child (issue 9): its name, and the
-- DfE unique reference number (URN, 6 digits, Get Information about Schools) when known.
ALTER TABLE "people" ADD COLUMN "school_name" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "school_urn" text;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_school_urn" CHECK ("people"."school_urn" is null or "people"."school_urn" ~ '^[0-9]{6}$');