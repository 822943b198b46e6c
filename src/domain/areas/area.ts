import type { CaseFacts } from '../journey/case-facts.js';
import type { ObligationRecord } from '../obligations/child-record.js';
import type { DueItem } from '../obligations/due-item.js';
import type { LocalNorms } from '../obligations/local-norms.js';
import type { WorkKind } from './work-kinds.js';

/** A pure function from a child's record and the local norms to its due items. */
export type DueFunction = (record: ObligationRecord, norms: LocalNorms) => DueItem[];

/**
 * The page that records a rule's work, by name: src/web/urls.ts turns it into an address (the
 * work catalogue does), so addresses stay in one module and the domain names no path.
 */
export const FORM_PAGES = ['contact', 'referral', 'startAssessment', 'strategyDiscussion', 'initialConference', 'reviewConference', 'coreGroup', 'visit', 'visitWriteUp', 'cinPlanReview', 'supervision',
  // Looked after (src/web/urls.ts urls.lookedAfter), and the child's record where no page records the work yet.
  'laCarePlan', 'laPlacementPlan', 'laReview', 'laVisit', 'laHealth', 'laPep', 'returnInterview', 'childRecord'] as const;
export type FormPage = (typeof FORM_PAGES)[number];

/** Who records the work that meets a rule: the page's link and the worktray follow from it. */
export type RecordedBy = 'front-door' | 'worker' | 'manager';

/**
 * One statutory or local timescale, declared once: the worktrays, compliance, the child's page,
 * the `hearth obligations` command and docs/architecture.md all read this entry.
 */
export interface AreaRule {
  /** The id stored in obligations.rule: never rename one that has been stored. */
  id: string;
  /** Where the timescale comes from (statute, guidance, or "Local standard (configurable)"). */
  source: string;
  /** The duty in practitioners' words ("CP statutory visit"), everywhere it is shown. */
  label: string;
  /** What meets it, where the casework page lists what is due, when that differs from the label ("Child and family assessment authorised"). */
  metBy?: string;
  /** The worktray's filter it belongs to. */
  kind: WorkKind;
  recordedBy: RecordedBy;
  /** What the link to the form says ("Record a visit"). */
  action: string;
  /** The page that records it (its address is in src/web/urls.ts). */
  form: FormPage;
  /**
   * How the due items are worked out: a due function, or the id of the rule whose function also
   * yields this one (the first core group and the ones after come from one chain), or 'contacts'
   * for the hour clocks worked out where contacts are listed (never stored).
   */
  due: DueFunction | { with: string } | 'contacts';
  /** Where compliance and the worktray filter list it: the journey's order. */
  order: number;
}

/** One line of an area's allowed-actions table (after OpenCRVS's): the action, and why not when refused. */
export interface ActionRule<Facts, Action extends string = string> {
  action: Action;
  /** Null when allowed; otherwise why not, in words a worker understands. */
  refuse: (facts: Facts) => string | null;
}

/** One part of a child's journey: its rules, its actions and its chronology kinds. */
export interface Area {
  id: string;
  title: string;
  rules: readonly AreaRule[];
  /** What may be recorded next in this area, and why not (src/domain/journey/allowed-actions.ts gathers them). */
  actions: readonly ActionRule<CaseFacts>[];
  /** The kinds of chronology entry this area's records make (src/features/children/chronology.ts draws them). */
  chronologyKinds: readonly string[];
}
