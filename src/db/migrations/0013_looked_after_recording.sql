-- Recording the looked-after journey in Hearth (issue 10): the matching rationale of a placement,
-- the IRO's decisions and letter to the child, and a missing episode's times, police report and who
-- holds the return home interview, the strategy meeting and the senior manager told, a PEP's targets, when the placement plan was agreed. All nullable: the synthetic authority's rows predate them.
-- returned_at, placement_plan_date and strategy_meeting_date are added IF NOT EXISTS: the looked-after timescales add the same columns in their own migration.
ALTER TABLE "cla_reviews" ADD COLUMN "decisions" text;--> statement-breakpoint
ALTER TABLE "cla_reviews" ADD COLUMN "letter_to_child" text;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD COLUMN IF NOT EXISTS "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD COLUMN "reported_to_police" boolean;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD COLUMN "rhi_offered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD COLUMN "rhi_by" text;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD COLUMN IF NOT EXISTS "strategy_meeting_date" date;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD COLUMN "senior_manager_notified" boolean;--> statement-breakpoint
ALTER TABLE "peps" ADD COLUMN "targets" text;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "matching_rationale" text;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN IF NOT EXISTS "placement_plan_date" date;