/**
 * Measures a generated authority against the figures it is calibrated to (domain.md §7.2), from the
 * batches alone. Used by the volume test and by preview.ts.
 */
import type { Batch } from './batches.js';
import { addMonthsDay, addWD, dayOf, londonDayOf } from './calendar.js';

export interface Measures {
  contactsPerYear: number;
  referralsPerYear: number;
  reReferralShare: number;
  assessmentsPerYear: number;
  assessmentsWithin45WdShare: number;
  s47PerYear: number;
  icpcPerYear: number;
  icpcWithin15WdShare: number;
  cpPlansAtToday: number;
  cpStartsPerYear: number;
  openCinEpisodesAtToday: number;
  lookedAfterAtToday: number;
  lookedAfterStartsPerYear: number;
  fosterShare: number;
  kinshipShare: number;
  childrensHomesAndSupportedShare: number;
  placedWithParentsShare: number;
  placedForAdoptionShare: number;
  uascShare: number;
  missingChildShare: number;
  missingEpisodesPerMissingChild: number;
  rhiWithin72HoursShare: number;
  careLeaversAtToday: number;
  careLeaverEetShare: number;
  caseHoldingWorkers: number;
  caseloadAverage: number;
  agencyShare: number;
  children: number;
  faultChildShare: number;
}

export class Measurer {
  private readonly H: number;
  private readonly T: number;
  private readonly years: number;
  private contacts = 0;
  private referrals: { person: string; day: number }[] = [];
  private assessments = 0;
  private assessments45 = 0;
  private episodeRef = new Map<string, number>();
  private s47 = 0;
  private icpc = 0;
  private icpc15 = 0;
  private cpOpen = 0;
  private cpStarts = 0;
  private openEpisodes = 0;
  private periodsOpen = new Set<string>();
  private uascOpen = 0;
  private lacStarts = 0;
  private openPlacementTypes: string[] = [];
  private lacLastYear = new Set<string>();
  private missingPersons = new Set<string>();
  private missingEpisodes = 0;
  private rhiEnded = 0;
  private rhi72 = 0;
  private careLeaversOpen = new Set<string>();
  private clInTouch = 0;
  private clEet = 0;
  private caseHolding = new Map<string, boolean>();
  private openAllocationPersons = new Set<string>();
  private childCount = 0;
  private faultPersons = new Set<string>();

  constructor(today: string, years: number) {
    this.T = dayOf(today);
    this.H = addMonthsDay(this.T, -Math.round(12 * years));
    this.years = years;
  }

  add(batch: Batch): void {
    const { H, T } = this;
    const inWindow = (day: number) => day >= H && day < T;
    const yearAgo = addMonthsDay(T, -12);
    for (const r of batch.rows) {
      switch (batch.table) {
        case 'users':
          if (r['case_holding'] && r['active']) this.caseHolding.set(r['id'] as string, r['agency'] as boolean);
          break;
        case 'people':
          if (r['is_child']) this.childCount++;
          break;
        case 'contacts':
          if (inWindow(londonDayOf(r['received_at'] as Date))) this.contacts++;
          break;
        case 'cin_episodes': {
          const day = dayOf(r['referral_date'] as string);
          this.episodeRef.set(r['id'] as string, day);
          this.referrals.push({ person: r['person_id'] as string, day });
          if (r['closure_date'] === null) this.openEpisodes++;
          break;
        }
        case 'assessments':
          if (r['authorised_date'] !== null && inWindow(dayOf(r['authorised_date'] as string))) {
            this.assessments++;
            const ref = this.episodeRef.get(r['cin_episode_id'] as string)!;
            if (dayOf(r['authorised_date'] as string) <= addWD(Math.max(ref, dayOf(r['start_date'] as string) - 0), 45)) this.assessments45++;
          }
          break;
        case 's47_enquiries':
          if (inWindow(dayOf(r['start_date'] as string))) this.s47++;
          break;
        case 'initial_cp_conferences':
          if (inWindow(dayOf(r['conference_date'] as string))) {
            this.icpc++;
            if (r['target_date'] !== null && (r['conference_date'] as string) <= (r['target_date'] as string)) this.icpc15++;
          }
          break;
        case 'cp_plans':
          if (r['end_date'] === null) this.cpOpen++;
          if (inWindow(dayOf(r['start_date'] as string))) this.cpStarts++;
          break;
        case 'periods_of_care':
          if (r['end_date'] === null) {
            this.periodsOpen.add(r['id'] as string);
            if (r['uasc']) this.uascOpen++;
          }
          if (inWindow(dayOf(r['start_date'] as string))) this.lacStarts++;
          if (r['end_date'] === null || dayOf(r['end_date'] as string) >= yearAgo) this.lacLastYear.add(r['person_id'] as string);
          break;
        case 'placements':
          if (r['end_date'] === null && this.periodsOpen.has(r['period_of_care_id'] as string)) this.openPlacementTypes.push(r['placement_type'] as string);
          break;
        case 'missing_episodes': {
          const start = dayOf(r['start_date'] as string);
          if (start >= yearAgo) {
            this.missingPersons.add(r['person_id'] as string);
            this.missingEpisodes++;
          }
          if (r['end_date'] !== null && inWindow(dayOf(r['end_date'] as string)) && dayOf(r['end_date'] as string) <= T - 4) {
            this.rhiEnded++;
            if (r['rhi_offered_date'] !== null && dayOf(r['rhi_offered_date'] as string) <= dayOf(r['end_date'] as string) + 3) this.rhi72++;
          }
          break;
        }
        case 'care_leavers':
          if (r['end_date'] === null && r['eligibility'] !== 'eligible') this.careLeaversOpen.add(r['person_id'] as string);
          break;
        case 'care_leaver_contacts':
          if (dayOf(r['contact_date'] as string) >= yearAgo && r['in_touch'] === 'YES') {
            this.clInTouch++;
            if (/^[FP][1245]$/.test(r['activity'] as string)) this.clEet++;
          }
          break;
        case 'allocations':
          if (r['role'] === 'CW' && r['end_date'] === null && this.caseHolding.has(r['worker_id'] as string)) this.openAllocationPersons.add(r['person_id'] as string);
          break;
        case 'synthetic_faults':
          this.faultPersons.add(r['person_id'] as string);
          break;
      }
    }
  }

  result(): Measures {
    const y = this.years;
    const byPerson = new Map<string, number[]>();
    for (const r of this.referrals) {
      const list = byPerson.get(r.person) ?? [];
      list.push(r.day);
      byPerson.set(r.person, list);
    }
    // re-referrals: referrals in the window (after its first year, so that the previous 12 months are visible)
    let counted = 0;
    let re = 0;
    let refsInWindow = 0;
    const from = addMonthsDay(this.H, 12);
    for (const list of byPerson.values()) {
      list.sort((a, b) => a - b);
      list.forEach((day, i) => {
        if (day >= this.H && day < this.T) refsInWindow++;
        if (day < from || day >= this.T) return;
        counted++;
        if (i > 0 && list[i - 1]! >= addMonthsDay(day, -12)) re++;
      });
    }
    const types = this.openPlacementTypes.filter((t) => !t.startsWith('T'));
    const share = (pred: (t: string) => boolean) => (types.length === 0 ? 0 : types.filter(pred).length / types.length);
    const lac = this.periodsOpen.size;
    const workers = this.caseHolding.size;
    const agency = [...this.caseHolding.values()].filter(Boolean).length;
    return {
      contactsPerYear: this.contacts / y,
      referralsPerYear: refsInWindow / y,
      reReferralShare: counted === 0 ? 0 : re / counted,
      assessmentsPerYear: this.assessments / y,
      assessmentsWithin45WdShare: this.assessments === 0 ? 0 : this.assessments45 / this.assessments,
      s47PerYear: this.s47 / y,
      icpcPerYear: this.icpc / y,
      icpcWithin15WdShare: this.icpc === 0 ? 0 : this.icpc15 / this.icpc,
      cpPlansAtToday: this.cpOpen,
      cpStartsPerYear: this.cpStarts / y,
      openCinEpisodesAtToday: this.openEpisodes,
      lookedAfterAtToday: lac,
      lookedAfterStartsPerYear: this.lacStarts / y,
      fosterShare: share((t) => t.startsWith('U')),
      kinshipShare: share((t) => t === 'U1' || t === 'U2' || t === 'U3'),
      childrensHomesAndSupportedShare: share((t) => ['K1', 'K2', 'K3', 'H5'].includes(t)),
      placedWithParentsShare: share((t) => t === 'P1'),
      placedForAdoptionShare: share((t) => t.startsWith('A')),
      uascShare: lac === 0 ? 0 : this.uascOpen / lac,
      missingChildShare: this.lacLastYear.size === 0 ? 0 : this.missingPersons.size / this.lacLastYear.size,
      missingEpisodesPerMissingChild: this.missingPersons.size === 0 ? 0 : this.missingEpisodes / this.missingPersons.size,
      rhiWithin72HoursShare: this.rhiEnded === 0 ? 0 : this.rhi72 / this.rhiEnded,
      careLeaversAtToday: this.careLeaversOpen.size,
      careLeaverEetShare: this.clInTouch === 0 ? 0 : this.clEet / this.clInTouch,
      caseHoldingWorkers: workers,
      caseloadAverage: workers === 0 ? 0 : this.openAllocationPersons.size / workers,
      agencyShare: workers === 0 ? 0 : agency / workers,
      children: this.childCount,
      faultChildShare: this.childCount === 0 ? 0 : this.faultPersons.size / this.childCount,
    };
  }
}

export interface Expected {
  target: number;
  tolerance: number;
}

/**
 * What a generated authority should measure (domain.md §7.2, Lewisham-sized borough), with the
 * tolerance the volume test allows at this scale. Counts are per year (over the window) or at
 * `today`; shares are fractions. Small scales get wider tolerances (sampling noise).
 */
export function expectedVolumes(scale: number, years: number): Record<string, Expected> {
  const perYear = (perScale: number, rel: number): Expected => {
    const t = perScale * scale;
    return { target: t, tolerance: Math.max(rel * t, 5 * Math.sqrt(t / years)) };
  };
  const atToday = (perScale: number, rel: number): Expected => {
    const t = perScale * scale;
    return { target: t, tolerance: Math.max(rel * t, 4.5 * Math.sqrt(t)) };
  };
  /** A share p of about n cases: at least `base`, wider when n is small (clustered: siblings). */
  const share = (p: number, base: number, n: number): Expected => ({ target: p, tolerance: Math.max(base, 3 * Math.sqrt((p * (1 - p)) / Math.max(1, n))) });
  const lac = 480 * scale;
  return {
    contactsPerYear: perYear(12000, 0.15),
    referralsPerYear: perYear(3500, 0.15),
    reReferralShare: share(0.22, 0.05, 3500 * scale * Math.max(1, years - 1)),
    assessmentsPerYear: perYear(3550, 0.15),
    assessmentsWithin45WdShare: share(0.86, 0.04, 3550 * scale * years),
    s47PerYear: perYear(1260, 0.15),
    icpcPerYear: perYear(400, 0.2),
    icpcWithin15WdShare: share(0.81, 0.05, 400 * scale * years),
    cpPlansAtToday: atToday(270, 0.25),
    openCinEpisodesAtToday: atToday(2800, 0.15),
    lookedAfterAtToday: atToday(480, 0.2),
    lookedAfterStartsPerYear: perYear(200, 0.25),
    fosterShare: share(0.7, 0.07, lac),
    kinshipShare: share(0.16, 0.05, lac),
    childrensHomesAndSupportedShare: share(0.17, 0.06, lac),
    placedWithParentsShare: share(0.065, 0.035, lac),
    placedForAdoptionShare: share(0.03, 0.025, lac),
    uascShare: share(0.08, 0.04, lac),
    missingChildShare: share(0.15, 0.06, 700 * scale),
    missingEpisodesPerMissingChild: { target: 6, tolerance: 2 },
    careLeaverEetShare: share(0.57, 0.07, 400 * scale),
    rhiWithin72HoursShare: share(0.9, 0.05, 400 * scale * years),
    careLeaversAtToday: atToday(450, 0.3),
    caseloadAverage: { target: 16, tolerance: Math.max(2.5, 8 / Math.sqrt(175 * scale)) },
    agencyShare: { target: 0.18, tolerance: 0.03 },
    faultChildShare: { target: 0.015, tolerance: 0.008 },
  };
}

/** The measures outside their tolerance: [name, measured, expected]. */
export function outsideTolerance(m: Measures, expected: Record<string, Expected>): [string, number, Expected][] {
  const out: [string, number, Expected][] = [];
  for (const [k, e] of Object.entries(expected)) {
    const value = (m as unknown as Record<string, number>)[k];
    if (value === undefined || Math.abs(value - e.target) > e.tolerance) out.push([k, value ?? NaN, e]);
  }
  return out;
}
