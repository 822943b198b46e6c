CREATE TABLE "improvement_action_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"updated_on" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"status" text NOT NULL,
	"rag" text NOT NULL,
	"progress" text
);
--> statement-breakpoint
CREATE TABLE "improvement_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"action" text NOT NULL,
	"owner_id" uuid,
	"owner_name" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"rag" text DEFAULT 'amber' NOT NULL,
	"progress" text,
	"indicator_id" text,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "improvement_actions_status" CHECK ("improvement_actions"."status" in ('not_started', 'in_progress', 'done')),
	CONSTRAINT "improvement_actions_rag" CHECK ("improvement_actions"."rag" in ('red', 'amber', 'green')),
	CONSTRAINT "improvement_actions_completed" CHECK (("improvement_actions"."status" = 'done') = ("improvement_actions"."completed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "improvement_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"made_on" date NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "improvement_action_updates" ADD CONSTRAINT "improvement_action_updates_action_id_improvement_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."improvement_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_action_updates" ADD CONSTRAINT "improvement_action_updates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_recommendation_id_improvement_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."improvement_recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "improvement_action_updates_action" ON "improvement_action_updates" USING btree ("action_id","updated_at");--> statement-breakpoint
CREATE INDEX "improvement_actions_recommendation" ON "improvement_actions" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "improvement_recommendations_made_on" ON "improvement_recommendations" USING btree ("made_on");