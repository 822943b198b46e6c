-- Issue 9: a referred child reaches a team, moves between teams with a reason (team_transfers),
-- and front-door work is dated when it happened: decided_at / referral_decided_on / start_date hold
-- when it happened, and these columns when it was keyed (null on rows from before they were kept).
CREATE TABLE "team_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_team_id" uuid,
	"to_team_id" uuid NOT NULL,
	"transfer_date" date NOT NULL,
	"reason_code" text NOT NULL,
	"notes" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_transfers_reason" CHECK ("team_transfers"."reason_code" in ('cin', 'looked-after', 'leaving-care', 'child-protection', 'other'))
);--> statement-breakpoint
ALTER TABLE "allocations" ADD COLUMN "recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cin_episodes" ADD COLUMN "referral_decision_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "decision_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "team_transfers" ADD CONSTRAINT "team_transfers_from_team_id_teams_id_fk" FOREIGN KEY ("from_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_transfers" ADD CONSTRAINT "team_transfers_to_team_id_teams_id_fk" FOREIGN KEY ("to_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_transfers" ADD CONSTRAINT "team_transfers_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_transfers_person" ON "team_transfers" USING btree ("person_id","transfer_date");
