/**
 * Periods of care over a sequence of SSDA903 episodes, and whether a child was looked after on a day.
 *
 * "Consecutive episodes form a period of care; a period ends with an E* reason" (domain reference §0).
 * periodsOfCare groups a child's episodes (derived by deriveEpisodes, or loaded from a past return)
 * into periods and reports what the DfE's sequence rules would reject: 142, 148, 355/356, 357, 388,
 * 431-436, 501 and 504. It looks only at the fields the return carries, so a move to a new carer that
 * changes none of PLACE, PLACE_PROVIDER, PL_POST or URN is reported here exactly as the DfE validator
 * would (rule 435/436), even though deriveEpisodes only warns about it.
 */
import { compareDates, formatLongDate, type PlainDate } from '../time/index.js';
import { normaliseForComparison } from './episodes.js';
import type { Episode, EpisodeProblem, ProblemSeverity } from './types.js';

/** The episode fields the sequence checks read. */
export type EpisodeLike = Pick<Episode, 'decom' | 'dec' | 'rne' | 'rec' | 'ls' | 'cin' | 'place' | 'placeProvider' | 'plPost' | 'urn'>;

/** A period of care as a run of episodes. */
export interface EpisodePeriod<E extends EpisodeLike = EpisodeLike> {
  startDate: PlainDate;
  /** DEC of the last episode; null while open. */
  endDate: PlainDate | null;
  /** REC of the last episode when it is an E* code; null while open (or when the last REC is wrongly X1). */
  reasonEnded: string | null;
  episodes: E[];
}

/** Anything with a start and an optional end, e.g. PeriodOfCare or EpisodePeriod. */
export interface DateSpan {
  startDate: PlainDate;
  endDate: PlainDate | null;
}

const d = formatLongDate;

function placementDiffers(a: EpisodeLike, b: EpisodeLike): boolean {
  return (
    a.place !== b.place ||
    normaliseForComparison(a.placeProvider) !== normaliseForComparison(b.placeProvider) ||
    normaliseForComparison(a.plPost) !== normaliseForComparison(b.plPost) ||
    normaliseForComparison(a.urn) !== normaliseForComparison(b.urn)
  );
}

/**
 * Groups one child's episodes (any order) into periods of care, in date order. Pass the child's whole
 * history: the first episode is expected to have RNE S (rule 357).
 */
export function periodsOfCare<E extends EpisodeLike>(episodes: readonly E[]): { periods: EpisodePeriod<E>[]; problems: EpisodeProblem[] } {
  const problems: EpisodeProblem[] = [];
  const add = (severity: ProblemSeverity, code: EpisodeProblem['code'], message: string, date: PlainDate, rule: string) =>
    problems.push({ code, severity, message, date, rule });

  const sorted = [...episodes].sort((a, b) => {
    const byStart = compareDates(a.decom, b.decom);
    if (byStart !== 0) return byStart;
    if (a.dec === b.dec) return 0;
    if (a.dec === null) return 1;
    if (b.dec === null) return -1;
    return compareDates(a.dec, b.dec);
  });

  const groups: E[][] = [];
  sorted.forEach((ep, i) => {
    if (ep.dec !== null && ep.dec <= ep.decom) {
      add('error', 'episode-dates-invalid', ep.dec === ep.decom
        ? `The episode starting ${d(ep.decom)} ends the same day: an episode must last at least a day.`
        : `The episode starting ${d(ep.decom)} ends on ${d(ep.dec)}, before it starts.`, ep.decom, ep.dec === ep.decom ? '355' : '356');
    }
    if ((ep.dec === null) !== (ep.rec === null)) {
      add('error', 'episode-reason-missing', ep.dec === null
        ? `The episode starting ${d(ep.decom)} has a reason it ceased (${ep.rec}) but no date it ceased.`
        : `The episode starting ${d(ep.decom)} ceased on ${d(ep.dec)} but has no reason it ceased.`, ep.decom, '148');
    }

    const prev = sorted[i - 1];
    const group = groups[groups.length - 1];
    if (prev === undefined || group === undefined) {
      if (ep.rne !== 'S') {
        add('error', 'first-episode-not-s', `The first episode, starting ${d(ep.decom)}, has RNE ${ep.rne}; a child's first episode must have RNE S (started to be looked after).`, ep.decom, '357');
      }
      groups.push([ep]);
      return;
    }

    if (prev.dec === null) {
      add('error', 'episode-open-not-last', `A new episode starts on ${d(ep.decom)} but the previous one, starting ${d(prev.decom)}, has not ended.`, ep.decom, '142');
    } else if (ep.decom < prev.dec) {
      add('error', 'episode-overlap', `The episode starting ${d(ep.decom)} starts before the previous one ended on ${d(prev.dec)}.`, ep.decom, '501');
    }

    if (ep.rne === 'S' && prev.dec !== null && ep.decom <= prev.dec) {
      add('error', 'rne-s-on-continuation', `The episode starting ${d(ep.decom)} has RNE S (started to be looked after) but the previous episode ended ${ep.decom === prev.dec ? 'the same day' : 'after it started'}.`, ep.decom, '431');
    }
    if (prev.rec === 'X1' && prev.dec !== null && ep.decom !== prev.dec) {
      add('error', 'x1-without-continuation', `The episode ending ${d(prev.dec)} has REC X1 but no episode starts that day.`, prev.dec, '388');
    }
    if (prev.rec !== null && prev.rec !== 'X1' && prev.dec !== null && ep.decom === prev.dec) {
      add('error', 'continuation-without-x1', `The episode ending ${d(prev.dec)} has REC ${prev.rec} (ceased to be looked after) but another episode starts the same day; its REC should be X1.`, prev.dec, '388');
    }

    const continues = ep.rne !== 'S' && prev.rec === 'X1' && prev.dec !== null;
    if (!continues) {
      if (ep.rne !== 'S') {
        add('error', 'rne-not-s-after-care-ceased', `The episode starting ${d(ep.decom)} has RNE ${ep.rne} but the child ${prev.dec === null ? 'was in an open episode' : `ceased to be looked after on ${d(prev.dec)}`}; it should have RNE S.`, ep.decom, '432');
      }
      groups.push([ep]);
      return;
    }

    if (ep.decom !== prev.dec) {
      add('error', 'continuation-not-same-day', `The episode starting ${d(ep.decom)} has RNE ${ep.rne} (a continuation) but the previous episode ended on ${d(prev.dec ?? ep.decom)}.`, ep.decom, '433');
    }
    const lsChanged = ep.ls !== prev.ls;
    const plChanged = placementDiffers(prev, ep);
    if (ep.rne === 'L' && (!lsChanged || plChanged)) {
      add('error', 'rne-inconsistent', `The episode starting ${d(ep.decom)} has RNE L (legal status change only) but ${lsChanged ? 'the placement also changed' : 'the legal status did not change'}.`, ep.decom, '434');
    } else if ((ep.rne === 'P' || ep.rne === 'T') && (lsChanged || !plChanged)) {
      add('error', 'rne-inconsistent', `The episode starting ${d(ep.decom)} has RNE ${ep.rne} (placement change only) but ${lsChanged ? 'the legal status also changed' : 'the placement type, provider, postcode and URN did not change'}.`, ep.decom, '435');
    } else if ((ep.rne === 'B' || ep.rne === 'U') && (!lsChanged || !plChanged)) {
      add('error', 'rne-inconsistent', `The episode starting ${d(ep.decom)} has RNE ${ep.rne} (legal status and placement change) but ${!lsChanged ? 'the legal status did not change' : 'the placement type, provider, postcode and URN did not change'}.`, ep.decom, '436');
    }
    const first = group[0];
    if (first !== undefined && ep.cin !== first.cin) {
      add('error', 'category-of-need-changed', `The category of need changes from ${first.cin} to ${ep.cin} on ${d(ep.decom)}, within a period of care.`, ep.decom, '504');
    }
    group.push(ep);
  });

  const last = sorted[sorted.length - 1];
  if (last !== undefined && last.rec === 'X1' && last.dec !== null) {
    add('error', 'x1-without-continuation', `The last episode ends on ${d(last.dec)} with REC X1 but no episode follows.`, last.dec, '388');
  }

  const periods = groups.map((eps): EpisodePeriod<E> => {
    const first = eps[0] as E;
    const end = eps[eps.length - 1] as E;
    return {
      startDate: first.decom,
      endDate: end.dec,
      reasonEnded: end.rec === 'X1' ? null : end.rec,
      episodes: eps,
    };
  });
  return { periods, problems };
}

/** The period (or anything with start and end dates) the child was looked after in on `date`, if any. */
export function periodOn<P extends DateSpan>(periods: readonly P[], date: PlainDate): P | undefined {
  return periods.find((p) => p.startDate <= date && (p.endDate === null || date < p.endDate));
}

/**
 * True when the child was looked after on `date`. A period runs from its start date up to but not
 * including its end date (the day the child ceased to be looked after), as SSDA903 episodes do: a child
 * who ceased on 31 March was not looked after at 31 March.
 */
export function isLookedAfterOn(periods: readonly DateSpan[], date: PlainDate): boolean {
  return periodOn(periods, date) !== undefined;
}
