/**
 * Builds a looked-after child's record straight into the tables (SQL inserts), for tests of the
 * pages that read their timescales: the worktrays, compliance, the child's page. After inserting,
 * call `recompute` (casework-seed.ts) so the stored obligations follow the record.
 */
import type { TestApp } from './test-app.js';

async function insert(t: TestApp, sql: string, params: unknown[]): Promise<string> {
  const [row] = await t.db.query<{ id: string }>(sql, params);
  return row!.id;
}

/** A period of care from `start`, with its legal status and first placement starting that day. */
export async function seedPeriodOfCare(t: TestApp, personId: string, options: { start: string; legalStatus?: string; placementType?: string; longTerm?: boolean }): Promise<{ periodId: string; placementId: string }> {
  const periodId = await insert(t, `insert into periods_of_care (person_id, start_date, category_of_need) values ($1, $2, 'N1') returning id`, [personId, options.start]);
  await t.db.query(`insert into legal_statuses (person_id, period_of_care_id, code, start_date) values ($1, $2, $3, $4)`, [personId, periodId, options.legalStatus ?? 'V2', options.start]);
  const placementId = await insert(t, `insert into placements (person_id, period_of_care_id, placement_type, start_date, long_term) values ($1, $2, $3, $4, $5) returning id`, [
    personId,
    periodId,
    options.placementType ?? 'U6',
    options.start,
    options.longTerm ?? false,
  ]);
  return { periodId, placementId };
}

/** A missing (M) episode, returned at `returnedAt` when given. */
export async function seedMissingEpisode(t: TestApp, personId: string, options: { start: string; end: string | null; returnedAt?: Date; rhiOfferedOn?: string }): Promise<string> {
  return insert(t, `insert into missing_episodes (person_id, missing_type, start_date, end_date, returned_at, rhi_offered, rhi_offered_date) values ($1, 'M', $2, $3, $4, $5, $6) returning id`, [
    personId,
    options.start,
    options.end,
    options.returnedAt ?? null,
    options.rhiOfferedOn ? true : null,
    options.rhiOfferedOn ?? null,
  ]);
}
