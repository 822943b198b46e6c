/**
 * Deriving SSDA903 episodes from the independent timelines Hearth keeps (domain reference §0
 * "Modelling notes that bite", §2, §6.3): a period of care, the legal statuses and the placements.
 *
 * SSDA903 rules this follows (DfE rule numbers as in the D2I validator, domain reference §2.3):
 * - "any change of legal status *or* placement/carer closes an episode (reason ceased X1) and opens a
 *   new one the same day" (§0); the last episode of a period that has ended carries the period's E*
 *   reason (REC). Episodes are contiguous: DEC of one = DECOM of the next (433, 388).
 * - RNE (§2.2): "S started to be looked after; L legal status change only; P placement and carer
 *   change; T placement change, same carer (e.g. carer moves house, IFA<->LA transfer, URN change);
 *   B legal status + placement + carer change same day; U legal status + placement change, same carer."
 *   A placement change is a change of PLACE, PL_POST, URN or PLACE_PROVIDER (the fields rules 434-436
 *   compare); a carer change is a change of the placement's carerId.
 * - A period of care cannot start or end with a temporary placement (380/381), and a child must return
 *   to the normal placement after one (383). These are reported, never repaired.
 * - REASON_PLACE_CHANGE is returned on the episode whose placement ends in a move (225), not for
 *   temporary placements (226) and not on an episode that has not ceased (233).
 *
 * Nothing is silently repaired: every gap, overlap, clipped record or doubtful change is reported in
 * `problems`. Episodes derived alongside an error-severity problem describe what the data says but are
 * not fit to return.
 */
import { categoriesOfNeed } from '../codes/category-of-need.js';
import { legalStatuses } from '../codes/legal-status.js';
import { placementProviders } from '../codes/placement-provider.js';
import { isTemporaryPlacementType, placementTypes } from '../codes/placement-type.js';
import { reasonsEpisodeCeased } from '../codes/reason-episode-ceased.js';
import { reasonsForPlacementChange } from '../codes/reason-placement-change.js';
import { compareDates, formatLongDate, type PlainDate } from '../time/index.js';
import type {
  Episode,
  EpisodeDerivation,
  EpisodeProblem,
  LegalStatusSpell,
  PeriodOfCare,
  PlacementSpell,
  ProblemSeverity,
} from './types.js';

/** A record clipped to the period of care. `item` is the caller's record. */
interface Spell<T> {
  item: T;
  start: PlainDate;
  end: PlainDate | null;
}

interface Segment {
  start: PlainDate;
  end: PlainDate | null;
  ls: Spell<LegalStatusSpell>;
  pl: Spell<PlacementSpell>;
}

interface Draft {
  decom: PlainDate;
  rne: string;
  ls: string;
  /** The placement the episode started in (its 903 fields are the episode's). */
  pl: Spell<PlacementSpell>;
  /** The placement record the episode ended in (differs from `pl` only when records were merged). */
  endingPl: Spell<PlacementSpell>;
  /** Where the episode's last segment ends: the next DECOM when contiguous; null while open. */
  end: PlainDate | null;
  /** True when the next episode starts exactly at `end`. */
  contiguousWithNext: boolean;
}

type Timeline = 'legal-status' | 'placement';

const TIMELINE_NAME: Record<Timeline, string> = { 'legal-status': 'legal status', placement: 'placement' };

const d = formatLongDate;

function compareEnds(a: PlainDate | null, b: PlainDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareDates(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when day `date` falls before `end` (null = open, so always). */
function before(date: PlainDate, end: PlainDate | null): boolean {
  return end === null || date < end;
}

/** For comparing postcodes, URNs and provider codes: case and spaces do not matter; blank = null. */
export function normaliseForComparison(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, '').toUpperCase();
}

/**
 * True when two placements differ in a field the SSDA903 return can see: PLACE, PLACE_PROVIDER,
 * PL_POST or URN (the fields rules 434-436 compare between consecutive episodes).
 */
export function placementFieldsDiffer(
  a: Pick<PlacementSpell, 'placeType' | 'provider' | 'postcode' | 'urn'>,
  b: Pick<PlacementSpell, 'placeType' | 'provider' | 'postcode' | 'urn'>,
): boolean {
  return (
    a.placeType !== b.placeType ||
    normaliseForComparison(a.provider) !== normaliseForComparison(b.provider) ||
    normaliseForComparison(a.postcode) !== normaliseForComparison(b.postcode) ||
    normaliseForComparison(a.urn) !== normaliseForComparison(b.urn)
  );
}

/**
 * RNE for a change within a period, from what changed (domain reference §2.2):
 * legal status only → L; placement and carer → P; placement, same carer → T;
 * legal status + placement + carer → B; legal status + placement, same carer → U.
 */
export function reasonForNewEpisode(change: { legalStatus: boolean; placement: boolean; carer: boolean }): 'L' | 'P' | 'T' | 'B' | 'U' {
  if (change.placement) {
    if (change.legalStatus) return change.carer ? 'B' : 'U';
    return change.carer ? 'P' : 'T';
  }
  return 'L';
}

function legalStatusKey(s: LegalStatusSpell): string {
  return s.code;
}

function placementKey(p: PlacementSpell): string {
  return [p.id, p.placeType, p.provider, p.postcode, p.urn, p.carerId, p.reasonPlaceChange].map((x) => x ?? '').join('\u0000');
}

class Problems {
  readonly list: EpisodeProblem[] = [];

  add(severity: ProblemSeverity, code: EpisodeProblem['code'], message: string, date?: PlainDate, rule?: string): void {
    const p: EpisodeProblem = { code, severity, message };
    if (date !== undefined) p.date = date;
    if (rule !== undefined) p.rule = rule;
    this.list.push(p);
  }
}

function checkPeriod(period: PeriodOfCare, categoryOfNeed: string, problems: Problems): boolean {
  let usable = true;
  if (period.endDate !== null && period.endDate <= period.startDate) {
    usable = false;
    problems.add(
      'error',
      'period-dates-invalid',
      period.endDate === period.startDate
        ? `The period of care starts and ends on ${d(period.startDate)}: it must last at least a day.`
        : `The period of care ends on ${d(period.endDate)}, before it starts on ${d(period.startDate)}.`,
      period.startDate,
      period.endDate === period.startDate ? '355' : '356',
    );
  }
  if (period.endDate !== null && period.reasonEnded === null) {
    problems.add('error', 'period-reason-missing', `The period of care ended on ${d(period.endDate)} but no reason it ended is recorded.`, period.endDate, '148');
  }
  if (period.endDate === null && period.reasonEnded !== null) {
    problems.add('error', 'period-reason-without-end-date', `A reason the period of care ended (${period.reasonEnded}) is recorded but no end date.`, undefined, '148');
  }
  if (period.reasonEnded === 'X1') {
    problems.add('error', 'period-reason-x1', 'X1 is not a reason for a period of care to end: it means a new episode starts the same day.', period.endDate ?? undefined, '388');
  } else if (period.reasonEnded !== null && !reasonsEpisodeCeased.has(period.reasonEnded)) {
    problems.add('error', 'unknown-code', `"${period.reasonEnded}" is not an SSDA903 reason episode ceased (REC) code.`, period.endDate ?? undefined, '149');
  }
  if (!categoriesOfNeed.has(categoryOfNeed)) {
    problems.add('error', 'unknown-code', `"${categoryOfNeed}" is not an SSDA903 category of need (N1 to N8).`, period.startDate, '145');
  }
  return usable;
}

/**
 * Sorts a timeline, drops records that cannot be used, clips the rest to the period and reports gaps,
 * overlaps and records running outside the period. Records wholly outside the period are ignored
 * without comment: they belong to other periods (the SSD's ssd_legal_status is per person, not per
 * period).
 */
function prepareTimeline<T extends { startDate: PlainDate; endDate: PlainDate | null }>(
  timeline: Timeline,
  items: readonly T[],
  keyOf: (item: T) => string,
  describe: (item: T) => string,
  period: PeriodOfCare,
  problems: Problems,
): Spell<T>[] {
  const name = TIMELINE_NAME[timeline];
  const sorted = [...items].sort(
    (a, b) => compareDates(a.startDate, b.startDate) || compareEnds(a.endDate, b.endDate) || compareText(keyOf(a), keyOf(b)),
  );
  const spells: Spell<T>[] = [];
  for (const item of sorted) {
    if (item.endDate !== null && item.endDate <= item.startDate) {
      // An unusable record is reported only if it falls within the period (it may belong to another).
      const [lo, hi] = [item.endDate, item.startDate];
      if (hi < period.startDate || !before(lo, period.endDate)) continue;
    }
    if (item.endDate !== null && item.endDate < item.startDate) {
      problems.add('error', `${timeline}-ends-before-start`, `The ${describe(item)} ends on ${d(item.endDate)}, before it starts on ${d(item.startDate)}; it has been left out.`, item.startDate, '356');
      continue;
    }
    if (item.endDate === item.startDate) {
      problems.add('error', `${timeline}-zero-length`, `The ${describe(item)} starts and ends on ${d(item.startDate)}; an episode must last at least a day, so it has been left out.`, item.startDate, '355');
      continue;
    }
    if (!before(period.startDate, item.endDate) || !before(item.startDate, period.endDate)) continue;
    let start = item.startDate;
    let end = item.endDate;
    if (start < period.startDate) {
      problems.add('warning', `${timeline}-starts-before-period`, `The ${describe(item)} starts before the period of care starts on ${d(period.startDate)}; only the part from ${d(period.startDate)} is used.`, start);
      start = period.startDate;
    }
    if (period.endDate !== null && (end === null || end > period.endDate)) {
      problems.add(
        'warning',
        `${timeline}-continues-after-period`,
        `The ${describe(item)} ${end === null ? 'has no end date' : `ends on ${d(end)}`} but the period of care ended on ${d(period.endDate)}; only the part up to ${d(period.endDate)} is used.`,
        period.endDate,
      );
      end = period.endDate;
    }
    spells.push({ item, start, end });
  }

  if (spells.length === 0) {
    problems.add('error', `${timeline}-missing`, `No ${name} is recorded during the period of care starting ${d(period.startDate)}.`, period.startDate);
    return spells;
  }

  let coveredTo: PlainDate | null = period.startDate; // null = covered with no end
  for (const s of spells) {
    if (coveredTo === null || s.start < coveredTo) {
      problems.add('error', `${timeline}-overlap`, `The ${describe(s.item)} starting ${d(s.start)} overlaps another ${name}.`, s.start, timeline === 'placement' ? '501' : undefined);
    } else if (s.start > coveredTo) {
      if (coveredTo === period.startDate) {
        problems.add('error', `${timeline}-missing-at-start`, `No ${name} is recorded at the start of the period of care on ${d(period.startDate)}: the first starts on ${d(s.start)}.`, period.startDate);
      } else {
        problems.add('error', `${timeline}-gap`, `No ${name} is recorded from ${d(coveredTo)} to ${d(s.start)}.`, coveredTo);
      }
    }
    if (coveredTo !== null) coveredTo = s.end === null ? null : s.end > coveredTo ? s.end : coveredTo;
  }
  if (coveredTo !== null) {
    if (period.endDate === null) {
      problems.add('error', `${timeline}-missing-at-end`, `No ${name} is recorded from ${d(coveredTo)}, though the period of care has not ended.`, coveredTo);
    } else if (coveredTo < period.endDate) {
      problems.add('error', `${timeline}-missing-at-end`, `No ${name} is recorded from ${d(coveredTo)} until the period of care ended on ${d(period.endDate)}.`, coveredTo);
    }
  }
  return spells;
}

function checkCodes(legal: readonly Spell<LegalStatusSpell>[], placements: readonly Spell<PlacementSpell>[], problems: Problems): void {
  for (const { item, start } of legal) {
    if (!legalStatuses.has(item.code)) {
      problems.add('error', 'unknown-code', `"${item.code}" (legal status from ${d(start)}) is not an SSDA903 legal status (LS) code.`, start, '144');
    }
  }
  for (const { item, start } of placements) {
    if (!placementTypes.has(item.placeType)) {
      problems.add('error', 'unknown-code', `"${item.placeType}" (placement from ${d(start)}) is not an SSDA903 placement type (PLACE) code.`, start, '146');
    }
    if (item.provider !== null && !placementProviders.has(item.provider)) {
      problems.add('error', 'unknown-code', `"${item.provider}" (placement from ${d(start)}) is not an SSDA903 placement provider (PR0 to PR5).`, start, '178');
    }
    const reason = item.reasonPlaceChange ?? null;
    if (reason !== null && !reasonsForPlacementChange.has(reason)) {
      problems.add('error', 'unknown-code', `"${reason}" (placement from ${d(start)}) is not an SSDA903 reason for placement change.`, start, '1009');
    }
  }
}

/** The record in force on `date`; with overlapping records (reported elsewhere) the latest-starting one. */
function activeOn<T>(spells: readonly Spell<T>[], date: PlainDate): Spell<T> | undefined {
  let found: Spell<T> | undefined;
  for (const s of spells) if (s.start <= date && before(date, s.end)) found = s;
  return found;
}

function segmentsOf(period: PeriodOfCare, legal: readonly Spell<LegalStatusSpell>[], placements: readonly Spell<PlacementSpell>[]): Segment[] {
  const dates = new Set<PlainDate>([period.startDate]);
  for (const s of [...legal, ...placements]) {
    dates.add(s.start);
    if (s.end !== null) dates.add(s.end);
  }
  const boundaries = [...dates].filter((x) => x >= period.startDate && before(x, period.endDate)).sort(compareDates);
  const segments: Segment[] = [];
  boundaries.forEach((start, i) => {
    const end = boundaries[i + 1] ?? period.endDate;
    const ls = activeOn(legal, start);
    const pl = activeOn(placements, start);
    if (ls !== undefined && pl !== undefined) segments.push({ start, end, ls, pl });
    // otherwise a hole in one of the timelines, already reported by prepareTimeline
  });
  return segments;
}

function describeLegalStatus(s: LegalStatusSpell): string {
  return `legal status ${s.code} from ${d(s.startDate)}`;
}

function describePlacement(p: PlacementSpell): string {
  return `placement ${p.placeType} from ${d(p.startDate)}`;
}

/** Whether two placements have the same carer: 'unknown' when either has none recorded. */
function carerRelation(a: PlacementSpell, b: PlacementSpell): 'same' | 'different' | 'unknown' {
  const carerA = a.carerId ?? null;
  const carerB = b.carerId ?? null;
  if (carerA === null || carerB === null) return 'unknown';
  return carerA === carerB ? 'same' : 'different';
}

function buildDrafts(segments: readonly Segment[], problems: Problems): Draft[] {
  const drafts: Draft[] = [];
  let prev: Segment | undefined;
  for (const seg of segments) {
    const current = drafts[drafts.length - 1];
    if (prev === undefined || current === undefined) {
      drafts.push({ decom: seg.start, rne: 'S', ls: seg.ls.item.code, pl: seg.pl, endingPl: seg.pl, end: seg.end, contiguousWithNext: false });
      prev = seg;
      continue;
    }
    const contiguous = prev.end === seg.start;
    const legalStatusChanged = seg.ls.item.code !== prev.ls.item.code;
    let placementChanged = false;
    let carerChanged = false;
    if (seg.pl !== prev.pl) {
      const carers = carerRelation(prev.pl.item, seg.pl.item);
      if (placementFieldsDiffer(prev.pl.item, seg.pl.item)) {
        placementChanged = true;
        carerChanged = carers !== 'same'; // a carer we cannot see is taken to have changed
      } else if (carers === 'different') {
        placementChanged = true;
        carerChanged = true;
        problems.add(
          'warning',
          'carer-change-not-visible',
          `The carer changed on ${d(seg.start)} but the placement type, provider, postcode and URN did not; the DfE validator compares only those, so it will query this move (RNE ${legalStatusChanged ? 'B' : 'P'}).`,
          seg.start,
          legalStatusChanged ? '436' : '435',
        );
      } else if (carers === 'unknown') {
        problems.add(
          'warning',
          'placement-record-split',
          `The placement records either side of ${d(seg.start)} have the same type, provider, postcode and URN and no carer recorded to tell them apart, so they are treated as one placement. Record the carer if the child moved.`,
          seg.start,
        );
      }
      // same carer and same 903 fields: the same placement as far as SSDA903 is concerned
    }

    if (contiguous && !legalStatusChanged && !placementChanged) {
      current.endingPl = seg.pl;
      current.end = seg.end;
      prev = seg;
      continue;
    }

    let rne: string;
    if (legalStatusChanged || placementChanged) {
      rne = reasonForNewEpisode({ legalStatus: legalStatusChanged, placement: placementChanged, carer: carerChanged });
    } else {
      // Only after a hole (already reported): nothing the return can see changed, so say which
      // record was re-established.
      rne = seg.ls !== prev.ls ? 'L' : carerRelation(prev.pl.item, seg.pl.item) === 'same' ? 'T' : 'P';
    }
    current.contiguousWithNext = contiguous;
    drafts.push({ decom: seg.start, rne, ls: seg.ls.item.code, pl: seg.pl, endingPl: seg.pl, end: seg.end, contiguousWithNext: false });
    prev = seg;
  }
  return drafts;
}

const PLACEMENT_MOVES = new Set(['P', 'B', 'T', 'U']);

function toEpisodes(period: PeriodOfCare, drafts: readonly Draft[], categoryOfNeed: string, problems: Problems): Episode[] {
  return drafts.map((draft, i) => {
    const next = drafts[i + 1];
    let dec: PlainDate | null;
    let rec: string | null;
    if (next !== undefined) {
      dec = draft.contiguousWithNext ? next.decom : draft.end;
      rec = 'X1';
    } else if (period.endDate !== null && draft.end === period.endDate) {
      dec = period.endDate;
      rec = period.reasonEnded;
    } else {
      dec = draft.end; // a hole at the end (reported), or still open
      rec = dec === null ? null : 'X1';
    }

    let reasonPlaceChange: string | null = null;
    if (next !== undefined && PLACEMENT_MOVES.has(next.rne) && !isTemporaryPlacementType(draft.pl.item.placeType) && !isTemporaryPlacementType(next.pl.item.placeType)) {
      reasonPlaceChange = draft.endingPl.item.reasonPlaceChange ?? null;
      if (reasonPlaceChange === null) {
        problems.add('error', 'reason-for-placement-change-missing', `No reason for the placement change on ${d(next.decom)} is recorded on the ${describePlacement(draft.endingPl.item)}.`, next.decom, '225');
      }
    }

    const pl = draft.pl.item;
    return {
      periodId: period.id,
      decom: draft.decom,
      rne: draft.rne,
      ls: draft.ls,
      cin: categoryOfNeed,
      place: pl.placeType,
      placeProvider: pl.provider,
      plPost: pl.postcode,
      urn: pl.urn,
      dec,
      rec,
      reasonPlaceChange,
      carerId: pl.carerId ?? null,
      placementId: pl.id ?? null,
    };
  });
}

function checkTemporaryPlacements(period: PeriodOfCare, episodes: readonly Episode[], problems: Problems): void {
  episodes.forEach((ep, i) => {
    if (!isTemporaryPlacementType(ep.place)) return;
    if (i === 0) {
      problems.add('error', 'temporary-placement-at-start', `The period of care starts on ${d(ep.decom)} with a temporary placement (${ep.place}); a period of care cannot start with one.`, ep.decom, '380');
    } else if (ep.rne !== 'P' && ep.rne !== 'B') {
      problems.add(
        'warning',
        'temporary-placement-rne',
        `The episode starting ${d(ep.decom)} is in a temporary placement (${ep.place}) with RNE ${ep.rne}; the DfE validator (rule 380 as implemented by D2I) expects an episode in a temporary placement to start with a move to a new carer (RNE P or B).`,
        ep.decom,
        '380',
      );
    }
    if (period.endDate !== null && ep.dec === period.endDate) {
      problems.add('error', 'temporary-placement-at-end', `The period of care ends on ${d(period.endDate)} in a temporary placement (${ep.place}); a period of care cannot end with one.`, period.endDate, '381');
    }
    const after = episodes[i + 1];
    if (after === undefined || isTemporaryPlacementType(after.place)) return;
    let j = i - 1;
    while (j >= 0 && isTemporaryPlacementType(episodes[j]?.place ?? '')) j--;
    const normal = episodes[j];
    if (normal === undefined) return;
    if (after.place !== normal.place || normaliseForComparison(after.plPost) !== normaliseForComparison(normal.plPost)) {
      problems.add(
        'error',
        'temporary-placement-no-return',
        `After the temporary placement (${ep.place}) from ${d(ep.decom)} the child did not return to the placement they were in before it (${normal.place}): the placement from ${d(after.decom)} is ${after.place}${normaliseForComparison(after.plPost) !== normaliseForComparison(normal.plPost) ? ' at a different postcode' : ''}.`,
        after.decom,
        '383',
      );
    }
  });
}

/**
 * The SSDA903 episodes of one period of care, from its legal statuses and placements (each its own
 * timeline, in any order), and the problems found on the way. The category of need is the child's for
 * the whole period (rule 504).
 *
 * Legal statuses and placements wholly outside the period are ignored, so a child's whole legal-status
 * history can be passed. Records partly outside are clipped to the period with a warning.
 */
export function deriveEpisodes(
  period: PeriodOfCare,
  legalStatusSpells: readonly LegalStatusSpell[],
  placements: readonly PlacementSpell[],
  categoryOfNeed: string,
): EpisodeDerivation {
  const problems = new Problems();
  if (!checkPeriod(period, categoryOfNeed, problems)) return { episodes: [], problems: problems.list };

  const legal = prepareTimeline('legal-status', legalStatusSpells, legalStatusKey, describeLegalStatus, period, problems);
  const placed = prepareTimeline('placement', placements, placementKey, describePlacement, period, problems);
  checkCodes(legal, placed, problems);

  const drafts = buildDrafts(segmentsOf(period, legal, placed), problems);
  const episodes = toEpisodes(period, drafts, categoryOfNeed, problems);
  checkTemporaryPlacements(period, episodes, problems);
  return { episodes, problems: problems.list };
}
