/**
 * What each stored obligation means to a practitioner: its name in their words, the kind of work
 * it belongs to (the worktray's filter), and the page that records it. Pure: the worktrays, the
 * compliance pages and the `hearth obligations` command all read it.
 */
import {
  RULE_ASSESSMENT,
  RULE_CASE_SUPERVISION,
  RULE_CIN_PLAN_REVIEW,
  RULE_CIN_VISIT,
  RULE_CORE_GROUP,
  RULE_CP_VISIT,
  RULE_CP_VISIT_SEEN_ALONE,
  RULE_FIRST_CORE_GROUP,
  RULE_ICPC,
  RULE_REFERRAL_DECISION,
  RULE_REVIEW_CONFERENCE,
  RULE_STRATEGY_DISCUSSION,
  RULE_VISIT_WRITE_UP,
} from '../../domain/obligations/index.js';
import { type PlainDate, formatLongDate } from '../../domain/time/index.js';
import { urls } from '../../web/urls.js';

export type WorkKind = 'visits' | 'write-ups' | 'strategy' | 'conferences' | 'core-groups' | 'assessments' | 'cin-reviews' | 'referrals' | 'supervision';

/** The kinds of work, in the order the filter lists them. */
export const workKindLabels: Record<WorkKind, string> = {
  visits: 'Visits',
  'write-ups': 'Writing up visits',
  strategy: 'Strategy discussions',
  conferences: 'Child protection conferences',
  'core-groups': 'Core groups',
  assessments: 'Assessments',
  'cin-reviews': 'Child in need plan reviews',
  referrals: 'Referral decisions',
  supervision: 'Case supervision',
};

export function isWorkKind(value: unknown): value is WorkKind {
  return typeof value === 'string' && value in workKindLabels;
}

export interface RuleInfo {
  /** The duty in practitioners' words ("CP statutory visit"). */
  label: string;
  kind: WorkKind;
  /** What the link to the form says ("Record a visit"). */
  action: string;
}

export const RULES: Record<string, RuleInfo> = {
  [RULE_REFERRAL_DECISION]: { label: 'Decide the response to the referral', kind: 'referrals', action: 'Make the referral decision' },
  [RULE_ASSESSMENT]: { label: 'Child and family assessment', kind: 'assessments', action: 'Record the assessment' },
  [RULE_STRATEGY_DISCUSSION]: { label: 'Strategy discussion', kind: 'strategy', action: 'Record the strategy discussion' },
  [RULE_ICPC]: { label: 'Initial child protection conference', kind: 'conferences', action: 'Record the conference' },
  [RULE_FIRST_CORE_GROUP]: { label: 'First core group', kind: 'core-groups', action: 'Record the core group' },
  [RULE_CORE_GROUP]: { label: 'Core group', kind: 'core-groups', action: 'Record the core group' },
  [RULE_REVIEW_CONFERENCE]: { label: 'Review child protection conference', kind: 'conferences', action: 'Record the review conference' },
  [RULE_CP_VISIT]: { label: 'CP statutory visit', kind: 'visits', action: 'Record a visit' },
  [RULE_CP_VISIT_SEEN_ALONE]: { label: 'CP visit: see the child alone', kind: 'visits', action: 'Record a visit' },
  [RULE_CIN_VISIT]: { label: 'Child in need visit', kind: 'visits', action: 'Record a visit' },
  [RULE_CIN_PLAN_REVIEW]: { label: 'Child in need plan review', kind: 'cin-reviews', action: 'Record the review' },
  [RULE_VISIT_WRITE_UP]: { label: 'Write up visit', kind: 'write-ups', action: 'Write up the visit' },
  [RULE_CASE_SUPERVISION]: { label: 'Case supervision', kind: 'supervision', action: 'Record supervision' },
};

/** Every rule a worktray or compliance page knows, in the order compliance lists them. */
export const RULE_ORDER: readonly string[] = Object.keys(RULES);

export function ruleInfo(rule: string): RuleInfo {
  return RULES[rule] ?? { label: rule, kind: 'visits', action: 'Open the child’s record' };
}

export function rulesOfKind(kind: WorkKind): string[] {
  return RULE_ORDER.filter((r) => RULES[r]!.kind === kind);
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

/**
 * The page that records the work: one click from the worktray. Case supervision is recorded by the
 * worker's manager, so only someone who may record it gets that link; others get the child's record.
 */
export function workHref(item: WorkItemFacts, options: { canRecordSupervision: boolean }): { href: string; text: string; note?: string } {
  const p = item.personId;
  const child = urls.child(p);
  const info = ruleInfo(item.rule);
  switch (item.rule) {
    case RULE_REFERRAL_DECISION:
      return { href: urls.referrals.show(item.subjectId), text: info.action };
    case RULE_ASSESSMENT:
      // Started already: a manager authorises it; the worker's next step is on the casework page.
      if (item.openAssessmentId) {
        return options.canRecordSupervision
          ? { href: urls.casework.authoriseAssessment(p, item.openAssessmentId), text: 'Authorise the assessment' }
          : { href: urls.casework.home(p), text: 'Open the casework', note: 'The assessment is in progress: your manager authorises it' };
      }
      return { href: urls.casework.startAssessment(p), text: info.action };
    case RULE_STRATEGY_DISCUSSION:
      return { href: urls.casework.strategyDiscussion(p), text: info.action };
    case RULE_ICPC:
      return { href: urls.casework.initialConference(p), text: info.action };
    case RULE_REVIEW_CONFERENCE:
      return { href: urls.casework.reviewConference(p), text: info.action };
    case RULE_FIRST_CORE_GROUP:
    case RULE_CORE_GROUP:
      return { href: urls.casework.coreGroup(p), text: info.action };
    case RULE_CP_VISIT:
    case RULE_CP_VISIT_SEEN_ALONE:
    case RULE_CIN_VISIT:
      return { href: urls.casework.visit(p), text: info.action };
    case RULE_CIN_PLAN_REVIEW:
      return { href: urls.casework.cinPlanReview(p), text: info.action };
    case RULE_VISIT_WRITE_UP:
      return { href: urls.casework.visitWriteUp(p, item.subjectId), text: info.action };
    case RULE_CASE_SUPERVISION:
      return options.canRecordSupervision && item.workerId
        ? { href: urls.supervision.new({ worker: item.workerId }), text: info.action }
        : { href: child, text: 'Open the child’s record', note: 'Your manager records this in your supervision' };
    default:
      // Anything new: the child's record.
      return { href: child, text: 'Open the child’s record' };
  }
}
