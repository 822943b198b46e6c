ALTER TABLE "people" ADD COLUMN "search_name" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search_keys" text[];--> statement-breakpoint
CREATE INDEX "people_upn" ON "people" USING btree ("upn");--> statement-breakpoint
CREATE INDEX "people_expected_dob" ON "people" USING btree ("expected_date_of_birth") WHERE "people"."expected_date_of_birth" is not null;--> statement-breakpoint
CREATE INDEX "people_search_name_trgm" ON "people" USING gin ("search_name" gin_trgm_ops) WITH (fastupdate=false) WHERE "people"."is_child";--> statement-breakpoint
CREATE INDEX "people_search_keys" ON "people" USING gin ("search_keys") WITH (fastupdate=false) WHERE "people"."is_child";--> statement-breakpoint
CREATE INDEX "people_search_name_missing" ON "people" USING btree ("id") WHERE "people"."search_name" is null;--> statement-breakpoint
-- A change of name that does not also set the search columns clears them, so that they are
-- computed again (fillSearchNames in src/db/search-name.ts) rather than left describing the old
-- name. Existing rows start with null search columns and are filled the same way after migrating.
CREATE FUNCTION people_search_name_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.search_name IS NOT DISTINCT FROM OLD.search_name THEN
    NEW.search_name := NULL;
    NEW.search_keys := NULL;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER people_search_name_stale BEFORE UPDATE OF given_name, family_name ON people
  FOR EACH ROW WHEN (NEW.given_name IS DISTINCT FROM OLD.given_name OR NEW.family_name IS DISTINCT FROM OLD.family_name)
  EXECUTE FUNCTION people_search_name_stale();
