import type { Database } from '../../db/database.js';
import type { Principal } from '../../domain/access/index.js';
import { type Clock, londonDateOf } from '../../domain/time/index.js';
import type { SettingsService } from '../settings/settings.service.js';
import { openByRule } from './analyst.service.js';
import { lookedAfterNow } from './commissioner.service.js';
import { iroOverview } from './iro.service.js';
import { serviceOverview } from './service-overview.service.js';

export type HomesService = ReturnType<typeof createHomesService>;

/** What each role's home reads: one small query module per home, grouped in SQL, never a query per team or child. */
export function createHomesService({ db, clock, settings }: { db: Database; clock: Clock; settings: SettingsService }) {
  const today = () => londonDateOf(clock.now());
  return {
    async serviceOverview(principal: Principal) {
      const on = today();
      const guide = await settings.caseloadGuide();
      return { today: on, guide, teams: await serviceOverview(db, principal.managedTeamIds, on, guide) };
    },
    async iro(principal: Principal) {
      const on = today();
      return { today: on, ...(await iroOverview(db, principal.userId, on)) };
    },
    async analyst() {
      const on = today();
      return { today: on, rules: await openByRule(db, on) };
    },
    async commissioner() {
      const on = today();
      return { today: on, ...(await lookedAfterNow(db, on)) };
    },
  };
}
