-- Closure of a child in need episode with a manager's agreement (cin_closure_proposals), and early help
-- recorded in Hearth: the team, lead practitioner and service of an episode, how it began (a MASH
-- decision or a step down) and ended (a step up or closure with an outcome), and its reviews.

CREATE TABLE "early_help_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"review_date" date NOT NULL,
	"outcome" text NOT NULL,
	"notes" text NOT NULL,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cin_closure_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cin_episode_id" uuid NOT NULL,
	"closure_date" date NOT NULL,
	"closure_reason" text NOT NULL,
	"summary" text NOT NULL,
	"step_down" boolean DEFAULT false NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cin_closure_proposals_decision" CHECK ("cin_closure_proposals"."decision" is null or "cin_closure_proposals"."decision" in ('agreed', 'declined')),
	CONSTRAINT "cin_closure_proposals_decided" CHECK (("cin_closure_proposals"."decision" is null) = ("cin_closure_proposals"."decided_at" is null)),
	CONSTRAINT "cin_closure_proposals_declined_with_reason" CHECK ("cin_closure_proposals"."decision" is distinct from 'declined' or "cin_closure_proposals"."decline_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD COLUMN "service" text;--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD COLUMN "from_contact_id" uuid;--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD COLUMN "stepped_down_from_episode_id" uuid;--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD COLUMN "step_up_contact_id" uuid;--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD COLUMN "closure_summary" text;--> statement-breakpoint
ALTER TABLE "early_help_reviews" ADD CONSTRAINT "early_help_reviews_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_help_reviews" ADD CONSTRAINT "early_help_reviews_episode_id_early_help_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."early_help_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_help_reviews" ADD CONSTRAINT "early_help_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cin_closure_proposals" ADD CONSTRAINT "cin_closure_proposals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cin_closure_proposals" ADD CONSTRAINT "cin_closure_proposals_cin_episode_id_cin_episodes_id_fk" FOREIGN KEY ("cin_episode_id") REFERENCES "public"."cin_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "early_help_reviews_person" ON "early_help_reviews" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "early_help_reviews_episode" ON "early_help_reviews" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "cin_closure_proposals_person" ON "cin_closure_proposals" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cin_closure_proposals_one_awaiting" ON "cin_closure_proposals" USING btree ("cin_episode_id") WHERE "cin_closure_proposals"."decision" is null;--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD CONSTRAINT "early_help_episodes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD CONSTRAINT "early_help_episodes_from_contact_id_contacts_id_fk" FOREIGN KEY ("from_contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD CONSTRAINT "early_help_episodes_step_up_contact_id_contacts_id_fk" FOREIGN KEY ("step_up_contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "early_help_episodes_one_open" ON "early_help_episodes" USING btree ("person_id") WHERE "early_help_episodes"."end_date" is null;--> statement-breakpoint
CREATE INDEX "early_help_episodes_open_team" ON "early_help_episodes" USING btree ("team_id") WHERE "early_help_episodes"."end_date" is null;--> statement-breakpoint
CREATE INDEX "early_help_episodes_open_worker" ON "early_help_episodes" USING btree ("worker_id") WHERE "early_help_episodes"."end_date" is null;--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD CONSTRAINT "early_help_episodes_dates" CHECK ("early_help_episodes"."end_date" is null or "early_help_episodes"."end_date" >= "early_help_episodes"."start_date");--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD CONSTRAINT "early_help_episodes_ended" CHECK (("early_help_episodes"."end_date" is null) = ("early_help_episodes"."end_reason" is null));