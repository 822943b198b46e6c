import type { DatabaseHandle } from '../../db/database.js';
import { type Principal, can } from '../../domain/access/index.js';
import { NotFound } from '../../domain/errors.js';
import type { RagClockHours } from '../../domain/front-door/rag.js';
import type { NumericNorm } from '../../domain/obligations/index.js';
import type { Clock, SchoolTerm } from '../../domain/time/index.js';
import { recomputeAllObligations } from '../obligations/obligations.service.js';
import type { SettingsService } from '../settings/settings.service.js';

export interface RecomputeStatus {
  state: 'idle' | 'running' | 'done' | 'failed';
  startedAt: Date | null;
  finishedAt: Date | null;
  done: number;
  total: number;
  /** Obligations written by the last finished run. */
  written: number | null;
  error: string | null;
}

export type AdminService = ReturnType<typeof createAdminService>;

const requireAdministrator = (p: Principal) => {
  if (!can(p, 'settings.administer')) throw new NotFound('page');
};

/**
 * The administrator's settings: the MASH RAG clocks, the local timescale standards and the caseload
 * guide, each versioned and audited by the settings service. A change of the timescale standards
 * recomputes every child's obligations; that runs after the setting's transaction has committed,
 * in the background (at the scale of a borough it takes a while), one run at a time; a change made
 * while a run is going starts one more run when it ends, with the newest standards.
 */
export function createAdminService({ handle, settings, clock, log }: { handle: DatabaseHandle; settings: SettingsService; clock: Clock; log?: (message: string) => void }) {
  const status: RecomputeStatus = { state: 'idle', startedAt: null, finishedAt: null, done: 0, total: 0, written: null, error: null };
  let running: Promise<void> | null = null;
  let again = false;

  async function runOnce(): Promise<void> {
    Object.assign(status, { state: 'running', startedAt: clock.now(), finishedAt: null, done: 0, total: 0, error: null });
    try {
      const norms = await settings.localNorms();
      status.written = await recomputeAllObligations(handle, norms, clock.now(), {
        onProgress: (done, total) => Object.assign(status, { done, total }),
      });
      Object.assign(status, { state: 'done', finishedAt: clock.now() });
    } catch (error) {
      Object.assign(status, { state: 'failed', finishedAt: clock.now(), error: (error as Error).message });
      (log ?? console.error)(`Recomputing every child's obligations failed: ${(error as Error).stack ?? String(error)}`);
    }
  }

  /** Starts a recomputation (or queues one more behind the running one); resolves when all are done. */
  function recomputeAll(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  async function page(principal: Principal) {
    requireAdministrator(principal);
    const [rag, norms, guide, terms] = await Promise.all([settings.get('front-door.rag-clock-hours'), settings.get('obligations.local-norms'), settings.get('workforce.caseload-guide'), settings.get('obligations.school-terms')]);
    return { rag, norms: { value: { ...(await settings.localNorms()) }, version: norms.version }, guide, terms, status: { ...status } };
  }

  async function setRagClockHours(principal: Principal, hours: RagClockHours, version: number) {
    requireAdministrator(principal);
    await settings.setRagClockHours(principal.userId, hours, version);
  }

  /** Saves the standards (committed and audited), then starts the recomputation; the returned promise is that run. */
  async function setLocalNorms(principal: Principal, norms: Record<NumericNorm, number>, version: number): Promise<{ recomputation: Promise<void> }> {
    requireAdministrator(principal);
    const saved = await settings.setLocalNorms(principal.userId, norms, version);
    // A repeated form saved nothing new: the run the first one started covers it.
    return { recomputation: saved.repeated ? (running ?? Promise.resolve()) : recomputeAll() };
  }

  /** Saves the school terms, then recomputes every child (personal education plans are due each term). */
  async function setSchoolTerms(principal: Principal, terms: readonly SchoolTerm[], version: number): Promise<{ recomputation: Promise<void> }> {
    requireAdministrator(principal);
    const saved = await settings.setSchoolTerms(principal.userId, terms, version);
    return { recomputation: saved.repeated ? (running ?? Promise.resolve()) : recomputeAll() };
  }

  async function setCaseloadGuide(principal: Principal, guide: number, version: number) {
    requireAdministrator(principal);
    await settings.setCaseloadGuide(principal.userId, guide, version);
  }

  return { page, setRagClockHours, setLocalNorms, setSchoolTerms, setCaseloadGuide, recomputeAll, status: (): RecomputeStatus => ({ ...status }), idle: () => running ?? Promise.resolve() };
}
