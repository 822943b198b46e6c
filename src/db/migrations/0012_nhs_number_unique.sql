-- An NHS number belongs to one person: the unique index is the backstop of the front door's
-- duplicate check when two forms arrive at once. A database that already holds two people with one
-- NHS number is refused with their child IDs, to be merged or corrected first, rather than failing
-- on an anonymous duplicate key.
DO $$
DECLARE
  duplicates text;
BEGIN
  SELECT string_agg(nhs_number || ' (' || ids || ')', '; ') INTO duplicates
    FROM (SELECT nhs_number, string_agg(coalesce(la_child_id, id::text), ', ' ORDER BY la_child_id, id) AS ids
            FROM people WHERE nhs_number IS NOT NULL GROUP BY nhs_number HAVING count(*) > 1 LIMIT 20) d;
  IF duplicates IS NOT NULL THEN
    RAISE EXCEPTION 'Some NHS numbers belong to more than one person; merge or correct them before migrating: %', duplicates;
  END IF;
END;
$$;
--> statement-breakpoint
DROP INDEX "people_nhs_number";--> statement-breakpoint
CREATE UNIQUE INDEX "people_nhs_number" ON "people" USING btree ("nhs_number");
