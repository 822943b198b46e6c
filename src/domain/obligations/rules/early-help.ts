import { addDays, formatLongDate } from '../../time/index.js';
import type { ObligationRecord } from '../child-record.js';
import type { DueItem } from '../due-item.js';
import type { LocalNorms } from '../local-norms.js';
import { dateItem } from './item.js';
import { recurringDuty } from './recurring.js';

export const RULE_EARLY_HELP_REVIEW = 'early-help-review';
export const SOURCE_EARLY_HELP_REVIEW = 'Local standard (configurable): early help plans reviewed with the family at least every 6 weeks (calendar weeks)';

/**
 * An open early help episode is reviewed every N calendar weeks (a local standard, 6 by default):
 * the first N weeks from the start, each next N weeks from the last review. The chain stops when
 * the episode ends (closed, or stepped up); a review then still unmet lapses.
 */
export function earlyHelpReviewDue(r: ObligationRecord, norms: LocalNorms): DueItem[] {
  const days = norms.earlyHelpReviewWeeks * 7;
  const w = norms.earlyHelpReviewWeeks;
  return r.earlyHelpEpisodes.flatMap((e) =>
    recurringDuty({
      start: e.startDate,
      end: e.endDate,
      events: r.earlyHelpReviews.filter((v) => v.episodeId === e.id).map((v) => v.date),
      first: (s) => addDays(s, days),
      next: (last) => addDays(last, days),
    }).map((o) =>
      dateItem({
        rule: RULE_EARLY_HELP_REVIEW,
        personId: r.personId,
        subjectType: 'early_help_episode',
        subjectId: e.id,
        dueOn: o.dueOn,
        metOn: o.metOn,
        lapsedOn: o.lapsedOn,
        basis: `${w} week${w === 1 ? '' : 's'} from ${o.anchorIsStart ? 'the start of early help' : 'the last early help review'} on ${formatLongDate(o.anchor)}`,
        source: SOURCE_EARLY_HELP_REVIEW,
      }),
    ),
  );
}
