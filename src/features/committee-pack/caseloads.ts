import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { teams } from '../../db/schema/index.js';
import type { PlainDate } from '../../domain/time/index.js';
import { serviceOverview } from '../homes/service-overview.service.js';

export type CommitteePackService = ReturnType<typeof createCommitteePackService>;

/** What the pack reads that no other page gives it: caseloads across every team. */
export function createCommitteePackService({ db }: { db: Database }) {
  return { caseloadsByTeam: (today: PlainDate, guide: number) => caseloadsByTeam(db, today, guide) };
}

/** Every case-holding team's workers and children against the caseload guide (the service manager's overview, for the whole authority). */
async function caseloadsByTeam(db: Database, today: PlainDate, guide: number) {
  const all = await db.select({ id: teams.id }).from(teams).where(eq(teams.kind, 'team')).orderBy(asc(teams.name));
  const rows = await serviceOverview(db, all.map((t) => t.id), today, guide);
  return rows.filter((r) => r.workers > 0);
}
