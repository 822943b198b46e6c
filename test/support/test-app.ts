import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from '../../src/config/config.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { createApp } from '../../src/web/app.js';
import type { Services } from '../../src/web/services.js';
import { settableClock } from '../../src/web/clock.js';
import { freshDatabase } from './test-database.js';
import { Browserless } from './browserless.js';

process.env.TZ ??= 'Europe/London';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  db: DatabaseHandle;
  clock: ReturnType<typeof settableClock>;
  config: Config;
  ids: Record<string, string>;
  /** A signed-in HTTP client (cookies and CSRF handled) for one of the fixture users. */
  as(username: string): Promise<Browserless>;
  anonymous(): Browserless;
  close(): Promise<void>;
}

/**
 * The fixture authority every integration test starts from: a service with a MASH team and an
 * assessment team, and one user in each role that matters for the front door.
 */
export const FIXTURE_USERS = [
  { username: 'mash', displayName: 'Mo Mash', roles: ['mash_worker'], team: 'MASH' },
  { username: 'mash2', displayName: 'Mia Mash', roles: ['mash_worker'], team: 'MASH' },
  { username: 'worker', displayName: 'Wendy Worker', roles: ['social_worker'], team: 'Assessment' },
  { username: 'teammgr', displayName: 'Tariq Manager', roles: ['team_manager'], team: 'Assessment' },
  { username: 'servicemgr', displayName: 'Sue Service', roles: ['service_manager'], team: 'Children’s Services' },
  { username: 'otherworker', displayName: 'Olu Other', roles: ['social_worker'], team: 'Other Team' },
  { username: 'analyst', displayName: 'Ana Lyst', roles: ['performance_analyst'], team: null },
  { username: 'iro', displayName: 'Ira Reviewer', roles: ['iro'], team: null },
  { username: 'commissioner', displayName: 'Cam Commissioner', roles: ['placements_commissioner'], team: null },
  { username: 'admin', displayName: 'Adam Admin', roles: ['administrator'], team: null },
] as const;

export async function createTestApp(options: { now?: Date; config?: Partial<Config> } = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const clock = settableClock(options.now ?? new Date('2026-11-23T10:00:00Z'));
  const config = loadConfig({ NODE_ENV: 'test', AUTHORITY_NAME: 'Testshire Council' }, options.config ?? {});
  const { app, services } = await createApp({ config, db, clock });
  await services.users.addTeam({ name: 'Children’s Services', kind: 'service' });
  await services.users.addTeam({ name: 'MASH', kind: 'team', parentName: 'Children’s Services', isFrontDoor: true });
  await services.users.addTeam({ name: 'Assessment', kind: 'team', parentName: 'Children’s Services' });
  await services.users.addTeam({ name: 'Other Team', kind: 'team' });
  const ids: Record<string, string> = {};
  for (const u of FIXTURE_USERS) {
    ids[u.username] = await services.users.addUser({ username: u.username, displayName: u.displayName, password: TEST_PASSWORD, roles: [...u.roles], teamName: u.team });
  }
  for (const t of await services.users.listTeams()) ids[`team:${t.name}`] = t.id;
  return {
    app,
    services,
    db,
    clock,
    config,
    ids,
    async as(username: string) {
      const client = new Browserless(app);
      await client.signIn(username, TEST_PASSWORD);
      return client;
    },
    anonymous: () => new Browserless(app),
    async close() {
      await app.close();
      await db.close();
    },
  };
}
