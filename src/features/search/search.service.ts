import type { Database, Executor } from '../../db/database.js';
import { fillSearchNames } from '../../db/search-name.js';
import type { Principal } from '../../domain/access/index.js';
import { NotFound } from '../../domain/errors.js';
import { type Clock, londonDateOf } from '../../domain/time/index.js';
import type { AuditService } from '../audit/audit.service.js';
import { canFindChildren } from './child-visibility.js';
import { type ChildStanding, loadChildStandings } from '../children/child-standing.js';
import { type ChildFound, searchChildren, setThresholds } from './search.repo.js';
import type { SearchCriteria } from './search.schema.js';

export interface Deps {
  db: Database;
  audit: AuditService;
  clock: Clock;
  /** The front door's look-back setting (settings service), read in the search's transaction. */
  frontDoorRecentDays(on: Executor): Promise<number>;
}

/** Results shown at most; one more is fetched to know there are more. */
export const RESULTS_SHOWN = 50;

export type SearchService = ReturnType<typeof createSearchService>;

export function createSearchService({ db, audit, clock, frontDoorRecentDays }: Deps) {
  function requireSearch(principal: Principal) {
    if (!canFindChildren(principal)) throw new NotFound('page');
  }

  /**
   * Finds children the principal may see. Each search is audited (who, and how many results; not
   * what was searched for, which may hold an identifier) in the same transaction.
   */
  async function find(principal: Principal, criteria: SearchCriteria): Promise<{ children: ChildFound[]; standings: Map<string, ChildStanding>; more: boolean }> {
    requireSearch(principal);
    // Names written without their search form since the last one (other code, bulk loads): a few
    // at a time, so that they are found; nothing to do, and one empty index scan, almost always.
    await fillSearchNames(db, { limit: 200 });
    return db.transaction(async (tx) => {
      await setThresholds(tx);
      const frontDoor = { asOf: londonDateOf(clock.now()), recentDays: await frontDoorRecentDays(tx) };
      const rows = await searchChildren(tx, principal, criteria, RESULTS_SHOWN + 1, frontDoor);
      const children = rows.slice(0, RESULTS_SHOWN);
      const standings = await loadChildStandings(tx, children.map((c) => c.id), frontDoor.asOf);
      await audit.record(tx, { userId: principal.userId, action: 'person-search', subjectType: 'person', detail: { results: children.length, more: rows.length > RESULTS_SHOWN } });
      return { children, standings, more: rows.length > RESULTS_SHOWN };
    });
  }

  return { find, canSearch: canFindChildren };
}
