import { addWorkingDays, compareDates, formatLongDate } from '../../time/index.js';
import type { ObligationRecord } from '../child-record.js';
import type { DueItem } from '../due-item.js';
import { dateItem } from './item.js';

export const RULE_ASSESSMENT = 'assessment';
export const SOURCE_ASSESSMENT = 'Working Together to Safeguard Children 2023: the child and family assessment within 45 working days of the referral';

/**
 * The assessment is due 45 working days from the referral, for every episode whose response was
 * an assessment or that has one; met when the first assessment is authorised.
 */
export function assessmentDue(r: ObligationRecord): DueItem[] {
  return r.episodes.flatMap((e) => {
    const inEpisode = r.assessments.filter((a) => a.episodeId === e.id).sort((a, b) => compareDates(a.startDate, b.startDate));
    if (e.referralDecision !== 'assessment' && inEpisode.length === 0) return [];
    const dueOn = addWorkingDays(e.referralDate, 45);
    const authorised = inEpisode.map((a) => a.authorisedDate).filter((d) => d !== null).sort(compareDates)[0] ?? null;
    const lapsed = !authorised && e.closureDate ? e.closureDate : null;
    return [dateItem({ rule: RULE_ASSESSMENT, personId: r.personId, subjectType: 'cin_episode', subjectId: e.id, dueOn, metOn: authorised, lapsedOn: lapsed, basis: `45 working days from the referral on ${formatLongDate(e.referralDate)}`, source: SOURCE_ASSESSMENT })];
  });
}
