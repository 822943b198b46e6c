-- Audit rows are written without a hash in the transaction they record, and sealed into the chain
-- after they commit (features/audit/audit-sealer.ts), so no view waits on the chain head's row lock.
ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
-- Rows chained before sealing existed keep their place: the chain followed id order.
ALTER TABLE "audit_events" DISABLE TRIGGER audit_events_no_update_or_delete;--> statement-breakpoint
UPDATE "audit_events" SET "chain_seq" = "id";--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE TRIGGER audit_events_no_update_or_delete;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_chain_seq" ON "audit_events" USING btree ("chain_seq");--> statement-breakpoint
CREATE INDEX "audit_events_unsealed" ON "audit_events" USING btree ("id") WHERE "audit_events"."hash" is null;--> statement-breakpoint
-- Still append-only: the one change allowed is sealing an unsealed row (prev_hash, hash and chain_seq
-- set once, every other column as it was). DELETE, TRUNCATE and any other UPDATE are refused.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND OLD.prev_hash IS NULL AND OLD.chain_seq IS NULL
     AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.chain_seq IS NOT NULL
     AND (NEW.id, NEW.at, NEW.user_id, NEW.action, NEW.subject_type, NEW.subject_id, NEW.person_id, NEW.detail)
         IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.user_id, OLD.action, OLD.subject_type, OLD.subject_id, OLD.person_id, OLD.detail) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
END;
$$;
