import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/database.js';
import { settings } from '../../db/schema/index.js';
import { Conflict, ValidationFailed } from '../../domain/errors.js';
import { DEFAULT_RAG_CLOCK_HOURS, type RagClockHours } from '../../domain/front-door/rag.js';
import { DEFAULT_LOCAL_NORMS, type LocalNorms } from '../../domain/obligations/index.js';
import type { Clock } from '../../web/clock.js';
import type { AuditService } from '../audit/audit.service.js';

/** Local norms with their defaults; a stored row overrides the default. */
const DEFAULTS = {
  'front-door.rag-clock-hours': DEFAULT_RAG_CLOCK_HOURS,
  'obligations.local-norms': DEFAULT_LOCAL_NORMS,
} satisfies Record<string, unknown>;

type SettingKey = keyof typeof DEFAULTS;
type SettingValue<K extends SettingKey> = (typeof DEFAULTS)[K];

export type SettingsService = ReturnType<typeof createSettingsService>;

export function createSettingsService(db: Database, audit: AuditService, clock: Clock) {
  /** `on` is the transaction to read in, when called inside one (PGlite would wait forever for a read outside it). */
  async function get<K extends SettingKey>(key: K, on: Executor = db): Promise<{ value: SettingValue<K>; version: number }> {
    const [row] = await on.select().from(settings).where(eq(settings.key, key));
    return row ? { value: row.value as SettingValue<K>, version: row.version } : { value: DEFAULTS[key], version: 0 };
  }

  async function ragClockHours(): Promise<RagClockHours> {
    return (await get('front-door.rag-clock-hours')).value;
  }

  /** The local timescale standards (visit frequencies, core groups...), each falling back to its default. */
  async function localNorms(on: Executor = db): Promise<LocalNorms> {
    return { ...DEFAULT_LOCAL_NORMS, ...(await get('obligations.local-norms', on)).value };
  }

  /** Changed only by an administrator (the route checks the role); the change is audited. */
  async function setRagClockHours(userId: string, hours: RagClockHours, expectedVersion: number): Promise<void> {
    for (const [k, v] of Object.entries(hours)) {
      if (!Number.isInteger(v) || v < 1 || v > 240) throw new ValidationFailed([{ field: k, message: `The ${k} clock must be a whole number of hours from 1 to 240` }]);
    }
    const key = 'front-door.rag-clock-hours';
    await db.transaction(async (tx) => {
      const [current] = await tx.select().from(settings).where(eq(settings.key, key)).for('update');
      const version = current?.version ?? 0;
      if (version !== expectedVersion) throw new Conflict('Someone else changed the RAG clocks while you were editing them.');
      if (current) {
        await tx.update(settings).set({ value: hours, updatedBy: userId, updatedAt: clock.now(), version: version + 1 }).where(eq(settings.key, key));
      } else {
        await tx.insert(settings).values({ key, value: hours, updatedBy: userId, updatedAt: clock.now(), version: 1 });
      }
      await audit.record(tx, { userId, action: 'setting-changed', subjectType: 'setting', subjectId: key, detail: { from: current?.value ?? DEFAULTS[key], to: hours } });
    });
  }

  return { get, ragClockHours, setRagClockHours, localNorms };
}
