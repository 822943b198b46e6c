import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database.js';
import { rowsOf } from '../db/database.js';

/**
 * The demo's users and password, and whether a database is empty: what `hearth serve` needs
 * without loading the synthetic authority's generator (demo-authority.ts), which it imports only
 * when it has an empty database to fill.
 */
export const DEMO_PASSWORD = 'hearth-demo-2026';

export const DEMO_USERS = [
  { username: 'mash.worker', displayName: 'Priya Shah', roles: ['mash_worker'], team: 'MASH' },
  { username: 'mash.manager', displayName: 'Daniel Okafor', roles: ['team_manager', 'mash_worker'], team: 'MASH' },
  { username: 'social.worker', displayName: 'Hannah Clarke', roles: ['social_worker'], team: 'Assessment Team North' },
  { username: 'team.manager', displayName: 'Marcus Reid', roles: ['team_manager'], team: 'Assessment Team North' },
  { username: 'service.manager', displayName: 'Fiona Campbell', roles: ['service_manager'], team: 'Children’s Social Care' },
  { username: 'iro', displayName: 'Grace Adeyemi', roles: ['iro'], team: 'Safeguarding and Quality Assurance' },
  { username: 'analyst', displayName: 'Tom Whitfield', roles: ['performance_analyst'], team: 'Performance and Insight' },
  { username: 'commissioner', displayName: 'Aisha Rahman', roles: ['placements_commissioner'], team: 'Commissioning' },
  { username: 'admin', displayName: 'Sam Patel', roles: ['administrator'], team: null },
] as const;

export async function isEmpty(handle: DatabaseHandle): Promise<boolean> {
  const rows = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from users`));
  return (rows[0]?.n ?? 0) === 0;
}

