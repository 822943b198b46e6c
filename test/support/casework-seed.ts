/**
 * Builds children's records straight into the tables (SQL inserts), for tests of the pages that
 * read them: worktrays, compliance, allocation and supervision. After inserting, call `recompute`
 * so the stored obligations follow the record, as a write through a service would.
 */
import type { TestApp } from './test-app.js';

let counter = 0;

async function insert(t: TestApp, sql: string, params: unknown[]): Promise<string> {
  const [row] = await t.db.query<{ id: string }>(sql, params);
  return row!.id;
}

export async function seedChild(t: TestApp, given: string, family: string, options: { dateOfBirth?: string } = {}): Promise<string> {
  counter++;
  return insert(t, 'insert into people (la_child_id, given_name, family_name, date_of_birth, sex) values ($1, $2, $3, $4, $5) returning id', [`WT${process.pid}${counter}`, given, family, options.dateOfBirth ?? '2016-05-01', 'U']);
}

/** An open child in need episode whose referral was answered with an assessment, authorised: nothing of it is open. */
export async function seedEpisode(t: TestApp, personId: string, options: { referralDate: string; teamId: string; decided?: boolean; closureDate?: string }): Promise<string> {
  const decided = options.decided ?? true;
  const id = await insert(
    t,
    `insert into cin_episodes (person_id, referral_date, referral_source, primary_need_code, referral_decision, referral_decided_on, team_id, closure_date, closure_reason)
     values ($1, $2, '2A', 'N1', $3, $4, $5, $6, $7) returning id`,
    [personId, options.referralDate, decided ? 'assessment' : null, decided ? options.referralDate : null, options.teamId, options.closureDate ?? null, options.closureDate ? 'RC8' : null],
  );
  if (decided) {
    await t.db.query(`insert into assessments (person_id, cin_episode_id, start_date, authorised_date) values ($1, $2, $3, $3)`, [personId, id, options.referralDate]);
  }
  return id;
}

export async function seedAllocation(t: TestApp, personId: string, options: { workerId: string | null; teamId: string; start: string; end?: string | null; reasonCode?: string }): Promise<string> {
  return insert(t, `insert into allocations (person_id, worker_id, team_id, start_date, end_date, change_reason_code, role) values ($1, $2, $3, $4, $5, $6, 'CW') returning id`, [
    personId,
    options.workerId,
    options.teamId,
    options.start,
    options.end ?? null,
    options.reasonCode ?? 'FCONTA',
  ]);
}

export async function seedCpPlan(t: TestApp, personId: string, episodeId: string, start: string, end: string | null = null): Promise<string> {
  return insert(t, `insert into cp_plans (person_id, cin_episode_id, start_date, end_date, initial_category, latest_category) values ($1, $2, $3, $4, 'NEG', 'NEG') returning id`, [personId, episodeId, start, end]);
}

export async function seedCinPlan(t: TestApp, personId: string, episodeId: string, start: string, end: string | null = null): Promise<string> {
  return insert(t, `insert into cin_plans (person_id, cin_episode_id, start_date, end_date) values ($1, $2, $3, $4) returning id`, [personId, episodeId, start, end]);
}

export async function seedVisit(t: TestApp, personId: string, date: string, options: { type?: string; seen?: boolean; alone?: boolean; writtenUpOn?: string | null } = {}): Promise<string> {
  return insert(t, `insert into visits (person_id, visit_type, visit_date, child_seen, child_seen_alone, written_up_on) values ($1, $2, $3, $4, $5, $6) returning id`, [
    personId,
    options.type ?? 'cp',
    date,
    options.seen ?? true,
    options.alone ?? true,
    options.writtenUpOn === undefined ? date : options.writtenUpOn,
  ]);
}

/** Stores the child's obligations again, as a write through a service does in its transaction. */
export async function recompute(t: TestApp, personId: string): Promise<void> {
  await t.db.db.transaction((tx) => t.services.obligations.recompute(tx, personId));
}

/** A stored obligation row written directly (for compliance arithmetic: known due, met and lapsed dates). */
export async function seedObligation(t: TestApp, personId: string, rule: string, dueOn: string, metOn: string | null = null, lapsedOn: string | null = null): Promise<void> {
  await t.db.query(
    `insert into obligations (person_id, rule, subject_type, subject_id, due_on, met_on, lapsed_on, basis, source, computed_at)
     values ($1, $2, 'test', $3, $4, $5, $6, 'set by the test', 'test', now())`,
    [personId, rule, `${rule}-${dueOn}`, dueOn, metOn, lapsedOn],
  );
}
