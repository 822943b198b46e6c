import { type PlainDate, addDays, addHours, addWorkingDays, compareDates, daysBetween, formatLondonDateTime, formatLongDate, londonDateOf } from '../../time/index.js';
import type { ObligationRecord } from '../child-record.js';
import type { DueItem } from '../due-item.js';
import type { LocalNorms } from '../local-norms.js';

export const RULE_RETURN_INTERVIEW = 'return-home-interview';
export const RULE_MISSING_STRATEGY = 'missing-strategy-meeting';
export const SOURCE_RETURN_INTERVIEW = 'Statutory guidance on children who run away or go missing from home or care (DfE 2014): a return home interview offered within 72 hours of the child’s return, by someone independent of the placement';
export const SOURCE_MISSING_STRATEGY =
  'Local standard (configurable): a strategy meeting when a child has been absent longer than 72 hours, or at the 3rd missing episode within 90 days, by default; London Child Protection Procedures (children missing from home and care) and the borough’s procedure';

const byStart = (r: ObligationRecord) => [...r.missingEpisodes].sort((a, b) => compareDates(a.startDate, b.startDate));

/**
 * The return home interview, offered within 72 hours of the return of a child who was missing (not
 * merely away, whereabouts known). An hour clock kept as a date-time: `dueAt` is the return's instant
 * plus 72 hours where the return's time is recorded, and `dueOn` its London date (the worktray's
 * date); without a time, `dueOn` is 3 days after the date of return. Met on the day it was offered;
 * when the child goes missing again before an offer, that episode's interview takes its place.
 */
export function returnInterviewsDue(r: ObligationRecord): DueItem[] {
  const episodes = byStart(r);
  return episodes.flatMap((m, i) => {
    if (m.type !== 'M' || m.endDate === null) return [];
    const dueAt = m.returnedAt ? addHours(m.returnedAt, 72) : null;
    const dueOn = dueAt ? londonDateOf(dueAt) : addDays(m.endDate, 3);
    const next = episodes.slice(i + 1).find((n) => n.type === 'M' && compareDates(n.startDate, m.endDate!) >= 0);
    const lapsedOn = !m.rhiOfferedOn && next ? next.startDate : null;
    return [
      {
        rule: RULE_RETURN_INTERVIEW,
        personId: r.personId,
        subjectType: 'missing_episode',
        subjectId: m.id,
        dueOn,
        dueAt,
        metOn: m.rhiOfferedOn,
        metAt: null,
        lapsedOn,
        basis: m.returnedAt ? `72 hours from the return, ${formatLondonDateTime(m.returnedAt)}` : `72 hours from the return on ${formatLongDate(m.endDate)}`,
        source: SOURCE_RETURN_INTERVIEW,
      },
    ];
  });
}

/**
 * A strategy meeting for a missing child when a local trigger fires (settings): absent for the set
 * hours (72 by default: counted in whole days from the date they went missing, the episode's time of
 * day not being recorded), or the set number of missing episodes (3) starting within the set days
 * (90). Due the set working days (1) after the trigger; met by the meeting recorded on the episode.
 * One item per episode, from its earliest trigger; unmet when the child goes missing again, that
 * episode carries the duty on.
 */
export function missingStrategyMeetingsDue(r: ObligationRecord, norms: LocalNorms): DueItem[] {
  const episodes = byStart(r);
  const missing = episodes.filter((m) => m.type === 'M');
  const absentDays = Math.ceil(norms.missingStrategyAbsentHours / 24);
  return episodes.flatMap((m, i) => {
    const triggers: { on: PlainDate; why: string }[] = [];
    if (m.endDate === null || daysBetween(m.startDate, m.endDate) >= absentDays) {
      triggers.push({ on: addDays(m.startDate, absentDays), why: `absent ${norms.missingStrategyAbsentHours} hours from ${formatLongDate(m.startDate)}` });
    }
    if (m.type === 'M') {
      const inWindow = missing.filter((x) => compareDates(x.startDate, m.startDate) <= 0 && daysBetween(x.startDate, m.startDate) < norms.missingStrategyWindowDays);
      if (inWindow.length >= norms.missingStrategyEpisodes) triggers.push({ on: m.startDate, why: `missing episode ${inWindow.length} within ${norms.missingStrategyWindowDays} days, on ${formatLongDate(m.startDate)}` });
    }
    const trigger = triggers.sort((a, b) => compareDates(a.on, b.on))[0];
    if (!trigger) return [];
    const next = episodes[i + 1];
    const n = norms.missingStrategyWorkingDays;
    return [
      {
        rule: RULE_MISSING_STRATEGY,
        personId: r.personId,
        subjectType: 'missing_episode',
        subjectId: m.id,
        dueOn: addWorkingDays(trigger.on, n),
        dueAt: null,
        metOn: m.strategyMeetingOn,
        metAt: null,
        lapsedOn: !m.strategyMeetingOn && next ? next.startDate : null,
        basis: `${n} working day${n === 1 ? '' : 's'} from the trigger: ${trigger.why}`,
        source: SOURCE_MISSING_STRATEGY,
      },
    ];
  });
}
