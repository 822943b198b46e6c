CREATE TABLE "obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"due_on" date,
	"due_at" timestamp with time zone,
	"met_on" date,
	"lapsed_on" date,
	"basis" text NOT NULL,
	"source" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "obligations_person" ON "obligations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "obligations_open_due" ON "obligations" USING btree ("due_on") WHERE "obligations"."met_on" is null and "obligations"."lapsed_on" is null;--> statement-breakpoint
CREATE INDEX "obligations_rule_due" ON "obligations" USING btree ("rule","due_on");