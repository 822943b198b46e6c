/**
 * A test app over a tiny synthetic authority (src/synth): whole journeys (children in need, on
 * child protection plans, looked after, care leavers) with years of history, loaded with COPY
 * into a fresh database, their obligations computed, and signed-in users who can read any child.
 *
 * The generator makes its own teams (a "MASH" among them) and staff, so the fixture authority of
 * createTestApp is not added: its team names would clash.
 */
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/config.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { recomputeAllObligations } from '../../src/features/obligations/obligations.service.js';
import { generateAuthority } from '../../src/synth/index.js';
import { loadBatches } from '../../src/synth/load-authority.js';
import { type PlainDate, parsePlainDate } from '../../src/domain/time/index.js';
import { createApp } from '../../src/web/app.js';
import type { Services } from '../../src/web/services.js';
import { settableClock } from '../../src/web/clock.js';
import { Browserless } from './browserless.js';
import { TEST_PASSWORD } from './test-app.js';
import { freshDatabase } from './test-database.js';

process.env.TZ ??= 'Europe/London';

export interface SyntheticApp {
  app: FastifyInstance;
  services: Services;
  db: DatabaseHandle;
  clock: ReturnType<typeof settableClock>;
  /** Raw rows, for picking children by their stage of the journey. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  as(username: string): Promise<Browserless>;
  close(): Promise<void>;
}

/** The users added to the synthetic authority: any of them may read any child. */
export const SYNTHETIC_READERS = [
  // Performance analysts may view any child (read only, audited); they do not see placement costs.
  { username: 'reader', displayName: 'Rita Reader', roles: ['performance_analyst'], team: null },
  // A service manager over the whole service: the management line covers every team; sees costs.
  { username: 'head', displayName: 'Hari Head', roles: ['service_manager'], team: 'Children’s Social Care' },
] as const;

export async function createSyntheticApp(options: { today?: PlainDate; scale?: number; seed?: number; years?: number } = {}): Promise<SyntheticApp> {
  const today = options.today ?? (parsePlainDate('2026-11-20'));
  const db = await freshDatabase();
  await loadBatches(db, generateAuthority({ scale: options.scale ?? 0.01, seed: options.seed ?? 3, years: options.years ?? 3, today }));
  const clock = settableClock(new Date(`${today}T10:00:00Z`));
  const config = loadConfig({ NODE_ENV: 'test', AUTHORITY_NAME: 'Hearthshire Council' }, {});
  const { app, services } = await createApp({ config, db, clock });
  await recomputeAllObligations(db, await services.settings.localNorms(), clock.now(), { fresh: true });
  for (const u of SYNTHETIC_READERS) {
    await services.users.addUser({ username: u.username, displayName: u.displayName, password: TEST_PASSWORD, roles: [...u.roles], teamName: u.team });
  }
  return {
    app,
    services,
    db,
    clock,
    query: (sql, params) => db.query(sql, params),
    async as(username: string) {
      const client = new Browserless(app);
      await client.signIn(username, TEST_PASSWORD);
      return client;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
