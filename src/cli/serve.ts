import type { Config } from '../config/config.js';
import { scheduleVacuum } from '../db/maintenance.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { createApp } from '../web/app.js';
import { systemClock } from '../web/clock.js';
import { DEMO_PASSWORD, DEMO_USERS, isEmpty } from './demo-users.js';
import { refuseDemoInProduction } from './production-guard.js';
import { progressReporter } from './progress.js';

/**
 * Starts Hearth: opens (and locks) the database, applies migrations, loads the demo authority into
 * an empty database when asked, serves, and on SIGINT/SIGTERM stops taking requests, lets those in
 * flight finish, checkpoints and closes the database, and releases the lock.
 */
export async function serve(config: Config, options: { demo: boolean; demoScale: number }): Promise<void> {
  if (options.demo) refuseDemoInProduction(config, 'hearth serve --demo');
  const db = await openDatabase(config.database);
  let stopVacuum = () => {};
  try {
    await migrate(db);
    let demoLoaded = false;
    if (options.demo && (await isEmpty(db))) {
      process.stdout.write(`Loading the demo authority at scale ${options.demoScale} (first run only)...\n`);
      const progress = progressReporter();
      await (await import('./demo-authority.js')).loadDemoAuthority(db, config, systemClock.now(), { scale: options.demoScale, seed: 1, years: 5, onProgress: progress.update });
      progress.stop();
      demoLoaded = true;
    }
    const { app, services } = await createApp({ config, db, clock: systemClock, logger: config.env === 'production', sealAuditEveryMs: 1000 });
    const address = await app.listen({ host: config.host, port: config.port });
    stopVacuum = scheduleVacuum(db, config.vacuumIntervalMinutes, (m) => console.error(m));
    const where = config.database.engine === 'pglite' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL';
    console.log(`\nHearth is running at ${address.replace('127.0.0.1', 'localhost')} (${where}).`);
    if (options.demo) {
      console.log(`${demoLoaded ? 'Demo authority loaded. ' : ''}Sign in with any demo user and the password ${DEMO_PASSWORD}:`);
      for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(16)} ${u.displayName} (${u.roles.join(', ').replaceAll('_', ' ')})`);
    }
    console.log('Press Ctrl-C to stop.');
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping Hearth...`);
      stopVacuum();
      try {
        await app.close();
        // A handler whose client has gone may still be running: let it finish before the database closes.
        for (let waited = 0; app.inFlight() > 0 && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
        await services.audit.seal();
      } finally {
        await db.close();
        console.log('Stopped cleanly.');
        process.exit(0);
      }
    };
    // `on`, not `once`: Ctrl-C reaches this process twice (from the terminal and forwarded by
    // bin/hearth.js), and a second signal with no handler would kill it mid-shutdown.
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    stopVacuum();
    await db.close();
    throw error;
  }
}
