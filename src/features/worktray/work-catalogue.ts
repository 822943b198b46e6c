/**
 * What each stored obligation means to a practitioner, read from the areas' registry
 * (src/domain/areas): its name in their words, the kind of work it belongs to (the worktray's
 * filter), and the page that records it. Pure: the worktrays, the compliance pages and the
 * `hearth obligations` command all read it.
 */
import { type FormPage, STORED_RULES, type WorkKind, isWorkKind, ruleById, rulesOfKind, workKindLabels } from '../../domain/areas/index.js';
import { RULE_ASSESSMENT, RULE_VISIT_WRITE_UP } from '../../domain/obligations/index.js';
import { type PlainDate, formatLongDate } from '../../domain/time/index.js';
import { urls } from '../../web/urls.js';

export { type WorkKind, isWorkKind, rulesOfKind, workKindLabels };

export interface RuleInfo {
  /** The duty in practitioners' words ("CP statutory visit"). */
  label: string;
  kind: WorkKind;
  /** What the link to the form says ("Record a visit"). */
  action: string;
}

export const RULES: Record<string, RuleInfo> = Object.fromEntries(STORED_RULES.map((r) => [r.id, { label: r.label, kind: r.kind, action: r.action }]));

/** Every rule a worktray or compliance page knows, in the order compliance lists them. */
export const RULE_ORDER: readonly string[] = STORED_RULES.map((r) => r.id);

export function ruleInfo(rule: string): RuleInfo {
  return RULES[rule] ?? { label: rule, kind: 'visits', action: 'Open the child’s record' };
}

/** One stored obligation, as the worktrays read it. */
export interface WorkItemFacts {
  rule: string;
  personId: string;
  subjectType: string;
  subjectId: string;
  dueOn: PlainDate;
  /** For a visit write-up: the visit's date. */
  visitDate?: PlainDate | null;
  /** For case supervision: the worker whose supervision it is. */
  workerId?: string | null;
  /** For an assessment: the one in progress (started, not yet authorised), if any. */
  openAssessmentId?: string | null;
}

/** "Write up visit of 3 March 2026", "CP statutory visit". */
export function workLabel(item: Pick<WorkItemFacts, 'rule' | 'visitDate'>): string {
  if (item.rule === RULE_VISIT_WRITE_UP && item.visitDate) return `Write up visit of ${formatLongDate(item.visitDate)}`;
  return ruleInfo(item.rule).label;
}

/** The address of a rule's form page (src/web/urls.ts), for one due item. */
function formHref(page: FormPage, item: WorkItemFacts): string {
  const p = item.personId;
  switch (page) {
    case 'contact':
      return urls.contacts.show(item.subjectId);
    case 'referral':
      return urls.referrals.show(item.subjectId);
    case 'startAssessment':
      return urls.casework.startAssessment(p);
    case 'strategyDiscussion':
      return urls.casework.strategyDiscussion(p);
    case 'initialConference':
      return urls.casework.initialConference(p);
    case 'reviewConference':
      return urls.casework.reviewConference(p);
    case 'coreGroup':
      return urls.casework.coreGroup(p);
    case 'visit':
      return urls.casework.visit(p);
    case 'visitWriteUp':
      return urls.casework.visitWriteUp(p, item.subjectId);
    case 'cinPlanReview':
      return urls.casework.cinPlanReview(p);
    case 'supervision':
      return urls.supervision.new({ worker: item.workerId ?? undefined });
    case 'laCarePlan':
      return urls.lookedAfter.carePlan(p);
    case 'laPlacementPlan':
      return urls.lookedAfter.placementPlan(p);
    case 'laReview':
      return urls.lookedAfter.review(p);
    case 'laVisit':
      return urls.lookedAfter.visit(p);
    case 'laHealth':
      return urls.lookedAfter.health(p);
    case 'laPep':
      return urls.lookedAfter.pep(p);
    case 'returnInterview':
      return urls.lookedAfter.returnInterview(p, item.subjectId);
    case 'childRecord':
      // No page records this work yet (a care leaver's plans and contacts, a missing child's strategy meeting).
      return urls.child(p);
  }
}

/**
 * The page that records the work (the rule's form in the registry): one click from the worktray.
 * Case supervision is recorded by the worker's manager, so only someone who may record it gets
 * that link; others get the child's record. An assessment already started is authorised by a manager.
 */
export function workHref(item: WorkItemFacts, options: { canRecordSupervision: boolean }): { href: string; text: string; note?: string } {
  const p = item.personId;
  const child = urls.child(p);
  const rule = ruleById(item.rule);
  // Anything new, or an hour clock (not on a worktray): the child's record.
  if (!rule || rule.due === 'contacts') return { href: child, text: 'Open the child’s record' };
  if (rule.id === RULE_ASSESSMENT && item.openAssessmentId) {
    // Started already: a manager authorises it; the worker's next step is on the casework page.
    return options.canRecordSupervision
      ? { href: urls.casework.authoriseAssessment(p, item.openAssessmentId), text: 'Authorise the assessment' }
      : { href: urls.casework.home(p), text: 'Open the casework', note: 'The assessment is in progress: your manager authorises it' };
  }
  if (rule.recordedBy === 'manager' && !(options.canRecordSupervision && item.workerId)) {
    return { href: child, text: 'Open the child’s record', note: 'Your manager records this in your supervision' };
  }
  return { href: formHref(rule.form, item), text: rule.action };
}
