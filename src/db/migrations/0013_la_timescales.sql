-- The looked-after and care-leaver timescales need what meets them: the placement plan agreed (reg 9),
-- the time a missing child returned (the return home interview within 72 hours), the strategy
-- meeting held for a missing child, and the care leaver's needs assessment (reg 42).
ALTER TABLE "missing_episodes" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD COLUMN "strategy_meeting_date" date;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "placement_plan_date" date;--> statement-breakpoint
ALTER TABLE "care_leavers" ADD COLUMN "needs_assessment_date" date;