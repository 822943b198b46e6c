import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { people, teams } from '../../db/schema/index.js';
import { type Principal, can } from '../../domain/access/index.js';
import { NotFound } from '../../domain/errors.js';
import { INDICATORS, type IndicatorChild, indicatorById } from '../../domain/indicators/index.js';
import { type Clock, type PlainDate, type ReportingYear, londonDateOf, windowOf } from '../../domain/time/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { childrenHeldBy, loadIndicatorChildren } from './indicator-records.js';

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;

export interface IndicatorQuery {
  year: ReportingYear;
  /** One team's children (the team holding the case at the end of the window), or the whole authority. */
  teamId: string | null;
  /** Count as if today were this day (the committee's pack as at its date); default today. */
  asOf?: PlainDate;
}

/**
 * The indicators for a reporting year, for the authority or one team, and the children behind a
 * figure. The figures are counts; the children's names are personal data, so the list is for those
 * who may see those children (an analyst any; a service manager their own teams) and is audited.
 */
export function createIndicatorsService({ db, clock, audit, settings }: { db: Database; clock: Clock; audit: AuditService; settings: SettingsService }) {
  const requireViewer = (p: Principal) => {
    if (!can(p, 'indicators.view')) throw new NotFound('page');
  };

  /** Whether this user may see which children are behind a figure for this team (null: the whole authority). */
  const maySeeChildren = (p: Principal, teamId: string | null) => can(p, 'child.view-any') || (teamId !== null && p.managedTeamIds.includes(teamId));

  async function compute(query: IndicatorQuery) {
    return db.transaction(async (tx) => {
      const today = query.asOf ?? londonDateOf(clock.now());
      const window = windowOf(query.year, today);
      const [all, population, teamRows] = [await loadIndicatorChildren(tx, window), await settings.population0to17(tx), await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.kind, 'team')).orderBy(asc(teams.name))];
      const team = query.teamId ? teamRows.find((t) => t.id === query.teamId) : null;
      if (query.teamId && !team) throw new NotFound('team');
      let children: IndicatorChild[] = all;
      if (team) {
        const held = await childrenHeldBy(tx, team.id, window.to);
        children = all.filter((c) => held.has(c.personId));
      }
      return { today, window, population, teams: teamRows, team: team ?? null, input: { children, window, population0to17: population } };
    });
  }

  async function summary(principal: Principal, query: IndicatorQuery) {
    requireViewer(principal);
    const { input, ...rest } = await compute(query);
    const results = INDICATORS.map((indicator) => ({ indicator, result: indicator.compute(input) }));
    return { ...rest, results, maySeeChildren: maySeeChildren(principal, query.teamId) };
  }

  async function childrenBehind(principal: Principal, indicatorId: string, query: IndicatorQuery) {
    requireViewer(principal);
    const indicator = indicatorById(indicatorId);
    if (!indicator) throw new NotFound('indicator');
    const { input, ...rest } = await compute(query);
    const result = indicator.compute(input);
    const allowed = maySeeChildren(principal, query.teamId);
    const ids = allowed ? [...result.childIds] : [];
    return db.transaction(async (tx) => {
      const rows = ids.length
        ? await tx
            .select({ id: people.id, given_name: people.givenName, family_name: people.familyName, la_child_id: people.laChildId, dateOfBirth: people.dateOfBirth })
            .from(people)
            .where(inArray(people.id, ids))
            .orderBy(asc(people.familyName), asc(people.givenName))
        : [];
      if (allowed) {
        await audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'indicator-children', subjectId: indicator.id, detail: { year: query.year, teamId: query.teamId, children: rows.length } });
      }
      return { ...rest, indicator, result, children: rows, maySeeChildren: allowed };
    });
  }

  return { summary, childrenBehind };
}
