CREATE INDEX "allocations_open_person" ON "allocations" USING btree ("person_id") WHERE "allocations"."end_date" is null;--> statement-breakpoint
CREATE INDEX "allocations_open_worker" ON "allocations" USING btree ("worker_id","person_id") WHERE "allocations"."end_date" is null;--> statement-breakpoint
CREATE INDEX "allocations_open_team" ON "allocations" USING btree ("team_id","person_id") WHERE "allocations"."end_date" is null;--> statement-breakpoint
CREATE INDEX "cin_episodes_open_team" ON "cin_episodes" USING btree ("team_id") WHERE "cin_episodes"."closure_date" is null;--> statement-breakpoint
CREATE INDEX "obligations_open_person" ON "obligations" USING btree ("person_id") WHERE "obligations"."met_on" is null and "obligations"."lapsed_on" is null;