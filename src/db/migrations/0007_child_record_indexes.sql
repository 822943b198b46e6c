CREATE INDEX "cin_plan_reviews_person" ON "cin_plan_reviews" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "core_groups_person" ON "core_groups" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "cp_reviews_person" ON "cp_reviews" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "legal_statuses_person" ON "legal_statuses" USING btree ("person_id");