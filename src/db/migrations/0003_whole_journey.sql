CREATE TABLE "supervision_children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supervision_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"rationale" text
);
--> statement-breakpoint
CREATE TABLE "supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"supervision_date" date NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"address_type" text DEFAULT 'home' NOT NULL,
	"line1" text NOT NULL,
	"line2" text,
	"town" text NOT NULL,
	"postcode" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "addresses_postcode" CHECK ("addresses"."postcode" ~ '^[A-Z0-9]{5,7}$')
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"note_date" date NOT NULL,
	"kind" text DEFAULT 'note' NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"supersedes_id" uuid,
	"correction_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disabilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "immigration_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"related_person_id" uuid NOT NULL,
	"relationship" text NOT NULL,
	"parental_responsibility" boolean DEFAULT false NOT NULL,
	"lives_with_child" boolean DEFAULT false NOT NULL,
	"start_date" date,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "early_help_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"reason" text,
	"end_reason" text,
	"organisation" text,
	"worker_id" uuid,
	"assessment_start_date" date,
	"assessment_completed_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cin_episode_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"child_seen" boolean,
	"factors" text[] DEFAULT '{}'::text[] NOT NULL,
	"authorised_date" date,
	"authorised_by" uuid,
	"outcome" text,
	"outcome_nfa" boolean,
	"team_id" uuid,
	"worker_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assessments_authorised_after_start" CHECK ("assessments"."authorised_date" is null or "assessments"."authorised_date" >= "assessments"."start_date")
);
--> statement-breakpoint
CREATE TABLE "cin_plan_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cin_plan_id" uuid NOT NULL,
	"review_date" date NOT NULL,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cin_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cin_episode_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"team_id" uuid,
	"worker_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cin_plans_dates" CHECK ("cin_plans"."end_date" is null or "cin_plans"."end_date" >= "cin_plans"."start_date")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"visit_type" text NOT NULL,
	"visit_date" date NOT NULL,
	"child_seen" boolean NOT NULL,
	"child_seen_alone" boolean DEFAULT false NOT NULL,
	"bedroom_seen" boolean DEFAULT false NOT NULL,
	"written_up_on" date,
	"notes" text,
	"worker_id" uuid,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "visits_type" CHECK ("visits"."visit_type" in ('cin', 'cp', 'cla', 'care_leaver', 'other'))
);
--> statement-breakpoint
CREATE TABLE "core_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cp_plan_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cp_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cin_episode_id" uuid NOT NULL,
	"icpc_id" uuid,
	"start_date" date NOT NULL,
	"end_date" date,
	"initial_category" text NOT NULL,
	"latest_category" text NOT NULL,
	"other_la" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cp_plans_dates" CHECK ("cp_plans"."end_date" is null or "cp_plans"."end_date" > "cp_plans"."start_date"),
	CONSTRAINT "cp_plans_category" CHECK ("cp_plans"."initial_category" in ('NEG', 'PHY', 'SAB', 'EMO', 'MUL') and "cp_plans"."latest_category" in ('NEG', 'PHY', 'SAB', 'EMO', 'MUL'))
);
--> statement-breakpoint
CREATE TABLE "cp_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cp_plan_id" uuid NOT NULL,
	"due_date" date,
	"review_date" date NOT NULL,
	"continue_plan" boolean NOT NULL,
	"quorate" boolean,
	"participation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initial_cp_conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cin_episode_id" uuid NOT NULL,
	"s47_enquiry_id" uuid,
	"transfer_in" boolean DEFAULT false NOT NULL,
	"target_date" date,
	"conference_date" date NOT NULL,
	"plan_required" boolean NOT NULL,
	"chair_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "icpc_has_s47_or_transfer" CHECK ("initial_cp_conferences"."s47_enquiry_id" is not null or "initial_cp_conferences"."transfer_in")
);
--> statement-breakpoint
CREATE TABLE "s47_enquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cin_episode_id" uuid NOT NULL,
	"strategy_discussion_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"outcome" text,
	"icpc_required" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "s47_dates" CHECK ("s47_enquiries"."end_date" is null or "s47_enquiries"."end_date" >= "s47_enquiries"."start_date")
);
--> statement-breakpoint
CREATE TABLE "strategy_discussions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"cin_episode_id" uuid NOT NULL,
	"discussion_date" date NOT NULL,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision" text NOT NULL,
	"rationale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "strategy_decision" CHECK ("strategy_discussions"."decision" in ('s47', 'no_s47'))
);
--> statement-breakpoint
CREATE TABLE "foster_carers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"provider_id" uuid,
	"carer_type" text NOT NULL,
	"approved_date" date,
	"approval_end_date" date,
	"temporary_approval" boolean DEFAULT false NOT NULL,
	"places" integer DEFAULT 1 NOT NULL,
	"postcode" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_costs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"weekly_cost" numeric(10, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"provider_type" text NOT NULL,
	"ownership" text NOT NULL,
	"ofsted_urn" text,
	"postcode" text,
	"local_authority_area" text,
	"beds" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "providers_ownership" CHECK ("providers"."ownership" in ('PR1', 'PR2', 'PR3', 'PR4', 'PR5'))
);
--> statement-breakpoint
CREATE TABLE "care_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"period_of_care_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"permanence_plans" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cla_outcome_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"event_date" date NOT NULL,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cla_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"period_of_care_id" uuid NOT NULL,
	"due_date" date,
	"review_date" date NOT NULL,
	"participation" text,
	"iro_id" uuid,
	"cancelled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"check_type" text NOT NULL,
	"check_date" date NOT NULL,
	"status" text DEFAULT 'completed' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "immunisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"up_to_date" boolean NOT NULL,
	"status_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"period_of_care_id" uuid NOT NULL,
	"code" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"missing_type" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"rhi_offered" boolean,
	"rhi_offered_date" date,
	"rhi_accepted" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "missing_type" CHECK ("missing_episodes"."missing_type" in ('M', 'A'))
);
--> statement-breakpoint
CREATE TABLE "peps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"pep_date" date NOT NULL,
	"school" text,
	"quality" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "periods_of_care" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"reason_ended" text,
	"category_of_need" text NOT NULL,
	"uasc" boolean DEFAULT false NOT NULL,
	"home_postcode" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "periods_of_care_dates" CHECK ("periods_of_care"."end_date" is null or "periods_of_care"."end_date" >= "periods_of_care"."start_date"),
	CONSTRAINT "periods_of_care_ended" CHECK (("periods_of_care"."end_date" is null) = ("periods_of_care"."reason_ended" is null))
);
--> statement-breakpoint
CREATE TABLE "permanence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"period_of_care_id" uuid,
	"adm_decision_date" date,
	"placement_order_date" date,
	"matched_date" date,
	"placed_for_adoption_date" date,
	"decision_reversed_date" date,
	"decision_reversed_reason" text,
	"permanence_order_date" date,
	"permanence_order_type" text,
	"adopted_by_carer" boolean,
	"adopters" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"period_of_care_id" uuid NOT NULL,
	"placement_type" text NOT NULL,
	"provider" text,
	"provider_id" uuid,
	"foster_carer_id" uuid,
	"postcode" text,
	"urn" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"change_reason" text,
	"long_term" boolean DEFAULT false NOT NULL,
	"weekly_cost" numeric(10, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "placements_dates" CHECK ("placements"."end_date" is null or "placements"."end_date" >= "placements"."start_date")
);
--> statement-breakpoint
CREATE TABLE "previous_permanence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"option" text NOT NULL,
	"la" text,
	"order_date" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sdq_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"completed_date" date NOT NULL,
	"score" integer,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sdq_score_or_reason" CHECK (("sdq_scores"."score" is null) <> ("sdq_scores"."reason" is null) and ("sdq_scores"."score" is null or "sdq_scores"."score" between 0 and 40))
);
--> statement-breakpoint
CREATE TABLE "care_leaver_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"contact_date" date NOT NULL,
	"in_touch" text NOT NULL,
	"activity" text,
	"accommodation" text,
	"accommodation_suitable" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_leavers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"eligibility" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"personal_adviser_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "care_leavers_eligibility" CHECK ("care_leavers"."eligibility" in ('eligible', 'relevant', 'former_relevant', 'qualifying'))
);
--> statement-breakpoint
CREATE TABLE "pathway_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"plan_date" date NOT NULL,
	"is_review" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "synthetic_faults" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"table_name" text NOT NULL,
	"record_id" uuid,
	"fault" text NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_la_child_id";--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "la_child_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "job_title" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "agency" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "fte" numeric(3, 2) DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "case_holding" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "allocations" ADD COLUMN "change_reason_code" text;--> statement-breakpoint
ALTER TABLE "allocations" ADD COLUMN "role" text DEFAULT 'CW' NOT NULL;--> statement-breakpoint
ALTER TABLE "allocations" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "is_child" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "upn" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "upn_unknown_reason" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "ethnicity" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "death_date" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "nationality" text;--> statement-breakpoint
ALTER TABLE "supervision_children" ADD CONSTRAINT "supervision_children_supervision_id_supervisions_id_fk" FOREIGN KEY ("supervision_id") REFERENCES "public"."supervisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_supervisor_id_users_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disabilities" ADD CONSTRAINT "disabilities_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "immigration_statuses" ADD CONSTRAINT "immigration_statuses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_related_person_id_people_id_fk" FOREIGN KEY ("related_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD CONSTRAINT "early_help_episodes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_cin_episode_id_cin_episodes_id_fk" FOREIGN KEY ("cin_episode_id") REFERENCES "public"."cin_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cin_plan_reviews" ADD CONSTRAINT "cin_plan_reviews_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cin_plan_reviews" ADD CONSTRAINT "cin_plan_reviews_cin_plan_id_cin_plans_id_fk" FOREIGN KEY ("cin_plan_id") REFERENCES "public"."cin_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cin_plans" ADD CONSTRAINT "cin_plans_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cin_plans" ADD CONSTRAINT "cin_plans_cin_episode_id_cin_episodes_id_fk" FOREIGN KEY ("cin_episode_id") REFERENCES "public"."cin_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_groups" ADD CONSTRAINT "core_groups_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_groups" ADD CONSTRAINT "core_groups_cp_plan_id_cp_plans_id_fk" FOREIGN KEY ("cp_plan_id") REFERENCES "public"."cp_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_plans" ADD CONSTRAINT "cp_plans_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_plans" ADD CONSTRAINT "cp_plans_cin_episode_id_cin_episodes_id_fk" FOREIGN KEY ("cin_episode_id") REFERENCES "public"."cin_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_plans" ADD CONSTRAINT "cp_plans_icpc_id_initial_cp_conferences_id_fk" FOREIGN KEY ("icpc_id") REFERENCES "public"."initial_cp_conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_reviews" ADD CONSTRAINT "cp_reviews_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_reviews" ADD CONSTRAINT "cp_reviews_cp_plan_id_cp_plans_id_fk" FOREIGN KEY ("cp_plan_id") REFERENCES "public"."cp_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initial_cp_conferences" ADD CONSTRAINT "initial_cp_conferences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initial_cp_conferences" ADD CONSTRAINT "initial_cp_conferences_cin_episode_id_cin_episodes_id_fk" FOREIGN KEY ("cin_episode_id") REFERENCES "public"."cin_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initial_cp_conferences" ADD CONSTRAINT "initial_cp_conferences_s47_enquiry_id_s47_enquiries_id_fk" FOREIGN KEY ("s47_enquiry_id") REFERENCES "public"."s47_enquiries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s47_enquiries" ADD CONSTRAINT "s47_enquiries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s47_enquiries" ADD CONSTRAINT "s47_enquiries_cin_episode_id_cin_episodes_id_fk" FOREIGN KEY ("cin_episode_id") REFERENCES "public"."cin_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s47_enquiries" ADD CONSTRAINT "s47_enquiries_strategy_discussion_id_strategy_discussions_id_fk" FOREIGN KEY ("strategy_discussion_id") REFERENCES "public"."strategy_discussions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_discussions" ADD CONSTRAINT "strategy_discussions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_discussions" ADD CONSTRAINT "strategy_discussions_cin_episode_id_cin_episodes_id_fk" FOREIGN KEY ("cin_episode_id") REFERENCES "public"."cin_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foster_carers" ADD CONSTRAINT "foster_carers_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plans" ADD CONSTRAINT "care_plans_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plans" ADD CONSTRAINT "care_plans_period_of_care_id_periods_of_care_id_fk" FOREIGN KEY ("period_of_care_id") REFERENCES "public"."periods_of_care"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cla_outcome_events" ADD CONSTRAINT "cla_outcome_events_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cla_reviews" ADD CONSTRAINT "cla_reviews_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cla_reviews" ADD CONSTRAINT "cla_reviews_period_of_care_id_periods_of_care_id_fk" FOREIGN KEY ("period_of_care_id") REFERENCES "public"."periods_of_care"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_checks" ADD CONSTRAINT "health_checks_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "immunisations" ADD CONSTRAINT "immunisations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_statuses" ADD CONSTRAINT "legal_statuses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_statuses" ADD CONSTRAINT "legal_statuses_period_of_care_id_periods_of_care_id_fk" FOREIGN KEY ("period_of_care_id") REFERENCES "public"."periods_of_care"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peps" ADD CONSTRAINT "peps_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods_of_care" ADD CONSTRAINT "periods_of_care_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permanence" ADD CONSTRAINT "permanence_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permanence" ADD CONSTRAINT "permanence_period_of_care_id_periods_of_care_id_fk" FOREIGN KEY ("period_of_care_id") REFERENCES "public"."periods_of_care"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_period_of_care_id_periods_of_care_id_fk" FOREIGN KEY ("period_of_care_id") REFERENCES "public"."periods_of_care"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_foster_carer_id_foster_carers_id_fk" FOREIGN KEY ("foster_carer_id") REFERENCES "public"."foster_carers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "previous_permanence" ADD CONSTRAINT "previous_permanence_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sdq_scores" ADD CONSTRAINT "sdq_scores_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_leaver_contacts" ADD CONSTRAINT "care_leaver_contacts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_leavers" ADD CONSTRAINT "care_leavers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_plans" ADD CONSTRAINT "pathway_plans_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_children_person" ON "supervision_children" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "supervision_children_supervision" ON "supervision_children" USING btree ("supervision_id");--> statement-breakpoint
CREATE INDEX "supervisions_worker" ON "supervisions" USING btree ("worker_id","supervision_date");--> statement-breakpoint
CREATE INDEX "addresses_person" ON "addresses" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "case_notes_person" ON "case_notes" USING btree ("person_id","note_date");--> statement-breakpoint
CREATE UNIQUE INDEX "disabilities_person_code" ON "disabilities" USING btree ("person_id","code");--> statement-breakpoint
CREATE INDEX "immigration_statuses_person" ON "immigration_statuses" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "relationships_person" ON "relationships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "relationships_related" ON "relationships" USING btree ("related_person_id");--> statement-breakpoint
CREATE INDEX "early_help_episodes_person" ON "early_help_episodes" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "assessments_person" ON "assessments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "assessments_episode" ON "assessments" USING btree ("cin_episode_id");--> statement-breakpoint
CREATE INDEX "cin_plan_reviews_plan" ON "cin_plan_reviews" USING btree ("cin_plan_id");--> statement-breakpoint
CREATE INDEX "cin_plans_person" ON "cin_plans" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "visits_person_date" ON "visits" USING btree ("person_id","visit_date");--> statement-breakpoint
CREATE INDEX "core_groups_plan" ON "core_groups" USING btree ("cp_plan_id","meeting_date");--> statement-breakpoint
CREATE INDEX "cp_plans_person" ON "cp_plans" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "cp_reviews_plan" ON "cp_reviews" USING btree ("cp_plan_id");--> statement-breakpoint
CREATE INDEX "icpc_person" ON "initial_cp_conferences" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "s47_enquiries_person" ON "s47_enquiries" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "strategy_discussions_person" ON "strategy_discussions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "foster_carers_provider" ON "foster_carers" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "placement_costs_placement" ON "placement_costs" USING btree ("placement_id","from_date");--> statement-breakpoint
CREATE INDEX "care_plans_person" ON "care_plans" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "cla_outcome_events_person" ON "cla_outcome_events" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "cla_reviews_person" ON "cla_reviews" USING btree ("person_id","review_date");--> statement-breakpoint
CREATE INDEX "health_checks_person" ON "health_checks" USING btree ("person_id","check_type","check_date");--> statement-breakpoint
CREATE INDEX "immunisations_person" ON "immunisations" USING btree ("person_id","status_date");--> statement-breakpoint
CREATE INDEX "legal_statuses_period" ON "legal_statuses" USING btree ("period_of_care_id","start_date");--> statement-breakpoint
CREATE INDEX "missing_episodes_person" ON "missing_episodes" USING btree ("person_id","start_date");--> statement-breakpoint
CREATE INDEX "peps_person" ON "peps" USING btree ("person_id","pep_date");--> statement-breakpoint
CREATE INDEX "periods_of_care_person" ON "periods_of_care" USING btree ("person_id","start_date");--> statement-breakpoint
CREATE INDEX "permanence_person" ON "permanence" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "placements_period" ON "placements" USING btree ("period_of_care_id","start_date");--> statement-breakpoint
CREATE INDEX "placements_person" ON "placements" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "sdq_scores_person" ON "sdq_scores" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "care_leaver_contacts_person" ON "care_leaver_contacts" USING btree ("person_id","contact_date");--> statement-breakpoint
CREATE INDEX "care_leavers_person" ON "care_leavers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "pathway_plans_person" ON "pathway_plans" USING btree ("person_id","plan_date");--> statement-breakpoint
CREATE INDEX "synthetic_faults_person" ON "synthetic_faults" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_child_has_id" CHECK (not "people"."is_child" or "people"."la_child_id" is not null);--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_upn" CHECK ("people"."upn" is null or "people"."upn" ~ '^[A-Z][0-9]{11}[0-9A-Z]$');--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_la_child_id" CHECK ("people"."la_child_id" is null or "people"."la_child_id" ~ '^[A-Za-z0-9]{1,20}$');