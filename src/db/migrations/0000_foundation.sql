CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"ip" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"succeeded" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"is_front_door" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "teams_name_unique" UNIQUE("name"),
	CONSTRAINT "teams_kind" CHECK ("teams"."kind" in ('service', 'team'))
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "user_roles_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"password_hash" text NOT NULL,
	"team_id" uuid,
	"social_work_england_number" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"worker_id" uuid,
	"team_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_child_id" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date,
	"expected_date_of_birth" date,
	"sex" text DEFAULT 'U' NOT NULL,
	"nhs_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "people_la_child_id_unique" UNIQUE("la_child_id"),
	CONSTRAINT "people_la_child_id" CHECK ("people"."la_child_id" ~ '^[A-Za-z0-9]{1,20}$'),
	CONSTRAINT "people_sex" CHECK ("people"."sex" in ('M', 'F', 'U')),
	CONSTRAINT "people_nhs_number" CHECK ("people"."nhs_number" is null or "people"."nhs_number" ~ '^[0-9]{10}$')
);
--> statement-breakpoint
CREATE TABLE "cin_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"referral_date" date NOT NULL,
	"referral_source" text NOT NULL,
	"primary_need_code" text NOT NULL,
	"referral_decision" text,
	"referral_decision_rationale" text,
	"referral_decided_by" uuid,
	"referral_decided_on" date,
	"closure_date" date,
	"closure_reason" text,
	"team_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cin_episodes_primary_need" CHECK ("cin_episodes"."primary_need_code" ~ '^N[0-9]$'),
	CONSTRAINT "cin_episodes_referral_decision" CHECK ("cin_episodes"."referral_decision" is null or "cin_episodes"."referral_decision" in ('assessment', 'strategy_discussion', 'nfa')),
	CONSTRAINT "cin_episodes_closure" CHECK (("cin_episodes"."closure_date" is null) = ("cin_episodes"."closure_reason" is null)),
	CONSTRAINT "cin_episodes_closure_after_referral" CHECK ("cin_episodes"."closure_date" is null or "cin_episodes"."closure_date" >= "cin_episodes"."referral_date")
);
--> statement-breakpoint
CREATE TABLE "contact_rag_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"rating" text NOT NULL,
	"reason" text,
	"rated_at" timestamp with time zone NOT NULL,
	"rated_by" uuid NOT NULL,
	CONSTRAINT "contact_rag_rating" CHECK ("contact_rag_ratings"."rating" in ('red', 'amber', 'green'))
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"referrer_name" text,
	"referrer_organisation" text,
	"referrer_contact" text,
	"concerns" text NOT NULL,
	"team_id" uuid NOT NULL,
	"assigned_worker_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cin_episode_id" uuid,
	"decision" text,
	"decision_rationale" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contacts_decision" CHECK ("contacts"."decision" is null or "contacts"."decision" in ('nfa', 'advice', 'early_help', 'referral', 'strategy_discussion')),
	CONSTRAINT "contacts_decided" CHECK (("contacts"."decision" is null) = ("contacts"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_id" integer NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"person_id" uuid,
	"detail" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "form_submissions" (
	"token" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"result_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cin_episodes" ADD CONSTRAINT "cin_episodes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cin_episodes" ADD CONSTRAINT "cin_episodes_referral_decided_by_users_id_fk" FOREIGN KEY ("referral_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cin_episodes" ADD CONSTRAINT "cin_episodes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cin_episodes" ADD CONSTRAINT "cin_episodes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_rag_ratings" ADD CONSTRAINT "contact_rag_ratings_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_rag_ratings" ADD CONSTRAINT "contact_rag_ratings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_assigned_worker_id_users_id_fk" FOREIGN KEY ("assigned_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_username_at" ON "sign_in_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_at" ON "sign_in_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "allocations_person" ON "allocations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "allocations_worker" ON "allocations" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "allocations_team" ON "allocations" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "people_family_name" ON "people" USING btree (lower("family_name"));--> statement-breakpoint
CREATE INDEX "people_dob" ON "people" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "people_nhs_number" ON "people" USING btree ("nhs_number");--> statement-breakpoint
CREATE UNIQUE INDEX "cin_episodes_one_open" ON "cin_episodes" USING btree ("person_id") WHERE "cin_episodes"."closure_date" is null;--> statement-breakpoint
CREATE INDEX "cin_episodes_person" ON "cin_episodes" USING btree ("person_id","referral_date");--> statement-breakpoint
CREATE INDEX "contact_rag_ratings_contact" ON "contact_rag_ratings" USING btree ("contact_id","rated_at");--> statement-breakpoint
CREATE INDEX "contacts_person" ON "contacts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "contacts_awaiting" ON "contacts" USING btree ("team_id") WHERE "contacts"."decision" is null;--> statement-breakpoint
CREATE INDEX "audit_events_person" ON "audit_events" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_user" ON "audit_events" USING btree ("user_id","at");