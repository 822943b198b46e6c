import type { DatabaseHandle } from './database.js';

/**
 * PGlite has no autovacuum: without this its tables bloat and the planner's statistics go stale.
 * PostgreSQL vacuums itself, so the schedule is only for the embedded engine.
 */
export function scheduleVacuum(handle: DatabaseHandle, everyMinutes: number, log: (msg: string) => void): () => void {
  if (handle.engine !== 'pglite' || everyMinutes <= 0) return () => {};
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await handle.query('VACUUM ANALYZE');
    } catch (error) {
      log(`VACUUM ANALYZE failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  }, everyMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
