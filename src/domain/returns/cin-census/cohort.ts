import { type PlainDate, compareDates } from '../../time/index.js';
import type { CensusChild, CensusEpisode } from './census-child.js';

/** The census year: 1 April to 31 March, the reference date. */
export interface CensusYear {
  /** The first day, 1 April. */
  start: PlainDate;
  /** 31 March: the reference date; nothing after it is returned. */
  referenceDate: PlainDate;
}

const onOrBefore = (a: PlainDate, b: PlainDate) => compareDates(a, b) <= 0;
/** An end date as the census knows it on the reference date: a later end is not yet an end. */
const endAsAt = (d: PlainDate | null, ref: PlainDate) => (d !== null && onOrBefore(d, ref) ? d : null);
/** Started by the reference date and not ended before the year began. */
const touches = (start: PlainDate, end: PlainDate | null, y: CensusYear) => onOrBefore(start, y.referenceDate) && (end === null || onOrBefore(y.start, end));

/**
 * What of a child's record the census for the year returns (DfE CIN census guide: children in need
 * at any point in the year): episodes open at some time in it, and within them what was open or
 * happened in it, each as it stood on the reference date (a closure after 31 March is not returned).
 * Null when no episode touches the year: the child is not in the census.
 */
export function childInYear(child: CensusChild, y: CensusYear): CensusChild | null {
  const episodes = child.episodes.filter((e) => touches(e.referralDate, e.closureDate, y)).map((e) => episodeInYear(e, y));
  return episodes.length ? { ...child, deathDate: endAsAt(child.deathDate, y.referenceDate), episodes } : null;
}

function episodeInYear(e: CensusEpisode, y: CensusYear): CensusEpisode {
  const ref = y.referenceDate;
  const closed = endAsAt(e.closureDate, ref);
  // Enquiries that began in the year, or whose conference was held in it (an enquiry begun in March
  // whose conference and plan came in April: DfE rules 8715 and 8740 expect such an enquiry to be
  // returned, and 2883/2885 find a plan with no conference without it), with the conference each led to.
  const inYear = (d: PlainDate) => onOrBefore(y.start, d) && onOrBefore(d, ref);
  const s47s = e.s47s.filter((s) => inYear(s.startDate) || e.icpcs.some((c) => c.s47Id === s.id && inYear(c.date)));
  const kept = new Set(s47s.map((s) => s.id));
  return {
    ...e,
    closureDate: closed,
    closureReason: closed ? e.closureReason : null,
    assessments: e.assessments
      .filter((a) => touches(a.startDate, a.authorisedDate, y))
      .map((a) => ({ ...a, authorisedDate: endAsAt(a.authorisedDate, ref), factors: a.authorisedDate && onOrBefore(a.authorisedDate, ref) ? a.factors : [] })),
    cinPlans: e.cinPlans.filter((p) => touches(p.startDate, p.endDate, y)).map((p) => ({ ...p, endDate: endAsAt(p.endDate, ref) })),
    s47s,
    icpcs: e.icpcs.filter((c) => onOrBefore(c.date, ref) && (c.s47Id ? kept.has(c.s47Id) : onOrBefore(y.start, c.date))),
    cpPlans: e.cpPlans.filter((p) => touches(p.startDate, p.endDate, y)).map((p) => ({ ...p, endDate: endAsAt(p.endDate, ref), reviews: p.reviews.filter((r) => onOrBefore(r, ref)) })),
  };
}
