import { ruleById } from '../../domain/areas/index.js';
import { assessmentFactors, categoriesOfAbuse, cinClosureReasons, primaryNeeds, reviewParticipation } from '../../domain/codes/index.js';
import { type PlainDate, compareDates, describeDueDate, formatLongDate } from '../../domain/time/index.js';
import type { CaseFile, CpPlanRow, S47Row, StrategyRow } from './case-file.js';
import { AGENCIES, ASSESSMENT_OUTCOMES, type AssessmentOutcome, NO_FACTORS, S47_OUTCOMES, type S47Outcome, assessmentOutcomeLabels, currentFactors, s47OutcomeLabels } from './casework.schema.js';
import type { CaseActionLink } from './casework.service.js';
import { escapeHtml } from '../../web/escape-html.js';

type Values = Record<string, string | string[] | undefined>;
const long = (d: string | null | undefined) => (d ? formatLongDate(d as PlainDate) : '');
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v.at(-1) ?? '') : (v ?? ''));

/** "For example, 27 3 2026": the GOV.UK hint, from today so it is never stale. */
export function dateExample(today: PlainDate): string {
  const [y, m, d] = today.split('-');
  return `For example, ${Number(d)} ${Number(m)} ${y}`;
}

export const childName = (c: CaseFile) => `${c.person.givenName} ${c.person.familyName}`;

/** What every form page shows: the child, the open episode, and where "Back" goes. */
export function formBase(c: CaseFile, today: PlainDate) {
  return {
    child: c.person,
    childName: childName(c),
    dateHint: dateExample(today),
    backLink: { href: `/children/${c.person.id}/casework` },
    episodeText: c.open ? `Child in need episode from the referral on ${long(c.open.referralDate)}` : null,
  };
}

export const yesNoValue = (b: boolean | null | undefined) => (b === true ? 'yes' : b === false ? 'no' : '');

// ---------------------------------------------------------------------------------------------
// Choices as GOV.UK items

export function factorItems(values: Values) {
  const chosen = new Set(([] as string[]).concat(values.factors ?? []));
  const items: Record<string, unknown>[] = currentFactors.filter((c) => c.code !== NO_FACTORS).map((c) => ({ value: c.code, text: `${c.code}: ${c.label}`, checked: chosen.has(c.code) }));
  items.push({ divider: 'or' });
  items.push({ value: NO_FACTORS, text: `${NO_FACTORS}: ${assessmentFactors.label(NO_FACTORS)}`, behaviour: 'exclusive', checked: chosen.has(NO_FACTORS) });
  return items;
}

export function assessmentOutcomeItems(values: Values) {
  return ASSESSMENT_OUTCOMES.map((o) => ({ value: o, text: assessmentOutcomeLabels[o], checked: str(values.outcome) === o }));
}

export function s47OutcomeItems(values: Values) {
  return S47_OUTCOMES.map((o) => ({ value: o, text: s47OutcomeLabels[o], checked: str(values.outcome) === o }));
}

export function categoryItems(selected: string) {
  return categoriesOfAbuse.codes.map((c) => ({ value: c.code, text: c.label, checked: selected === c.code }));
}

export function participationItems(selected: string) {
  return [{ value: '', text: 'Not recorded' }, ...reviewParticipation.codes.map((c) => ({ value: c.code, text: `${c.code}: ${c.label}`, selected: c.code === selected }))];
}

export function closureReasonItems(selected: string, suggested: string | null) {
  return cinClosureReasons.codes.map((c) => ({ value: c.code, text: `${c.code}: ${c.label}`, checked: selected === c.code, hint: c.code === suggested ? { text: 'Suggested by the assessment’s outcome' } : undefined }));
}

/** The agencies at a strategy discussion, each revealing a box for who attended. */
export function agencyItems(values: Values, errors: Record<string, { text: string }>) {
  const chosen = new Set(([] as string[]).concat(values.agencies ?? []));
  return AGENCIES.map((a) => {
    const name = `names-${a.key}`;
    const error = errors[name];
    const input = `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}"><label class="govuk-label" for="${name}">Who attended (optional)</label><div class="govuk-hint" id="${name}-hint">Names and roles</div>${
      error ? `<p id="${name}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${escapeHtml(error.text)}</p>` : ''
    }<input class="govuk-input${error ? ' govuk-input--error' : ''}" id="${name}" name="${name}" type="text" value="${escapeHtml(str(values[name]))}" aria-describedby="${name}-hint${error ? ` ${name}-error` : ''}"></div>`;
    return { value: a.key, text: a.label, checked: chosen.has(a.key), conditional: { html: input } };
  });
}

/** The section 47 enquiries a conference may follow, and the transfer-in. */
export function conferenceLinkItems(c: CaseFile, needing: S47Row[], selected: string, due: { rule: string; subjectId: string; dueOn: PlainDate }[]) {
  const sd = (s: S47Row) => c.strategyDiscussions.find((d) => d.id === s.strategyDiscussionId);
  const items: Record<string, unknown>[] = needing.map((s) => {
    const dueOn = due.find((d) => d.rule === 'initial-conference' && d.subjectId === s.id)?.dueOn;
    return {
      value: s.id,
      text: `Section 47 enquiry from the strategy discussion on ${long(sd(s)?.discussionDate ?? s.startDate)}`,
      hint: { text: `Completed on ${long(s.endDate)}. The conference is due within 15 working days of the strategy discussion${dueOn ? `: by ${long(dueOn)}` : ''}.` },
      checked: selected === s.id || (needing.length === 1 && selected === ''),
    };
  });
  if (items.length) items.push({ divider: 'or' });
  items.push({ value: 'transfer-in', text: 'Transfer-in conference', hint: { text: 'The child is subject to a child protection plan in another local authority and has moved here' }, checked: selected === 'transfer-in' });
  return items;
}

export function strategyItems(awaiting: StrategyRow[], selected: string) {
  return awaiting.map((d) => ({ value: d.id, text: `Strategy discussion on ${long(d.discussionDate)}`, checked: selected === d.id || awaiting.length === 1 }));
}

// ---------------------------------------------------------------------------------------------
// Known facts shown on a form (never asked again)

type Row = { key: { text: string }; value: { text: string } };
const row = (key: string, value: string): Row => ({ key: { text: key }, value: { text: value } });

export function planRows(c: CaseFile, plan: CpPlanRow): Row[] {
  const reviews = c.cpReviews.filter((r) => r.cpPlanId === plan.id);
  const groups = c.coreGroups.filter((g) => g.cpPlanId === plan.id);
  return [
    row('Plan started', `${long(plan.startDate)}, at the initial conference`),
    row('Category of abuse', `Initial: ${categoriesOfAbuse.label(plan.initialCategory)}. Latest: ${categoriesOfAbuse.label(plan.latestCategory)}`),
    row('Last review conference', reviews.length ? long(reviews.at(-1)!.reviewDate) : 'None yet'),
    row('Last core group', groups.length ? long(groups.at(-1)!.meetingDate) : 'None yet'),
  ];
}

// ---------------------------------------------------------------------------------------------
// The casework page

/** What is due, in the registry's words for what meets it. */
const dueLabel = (rule: string) => {
  const r = ruleById(rule);
  return r ? (r.metBy ?? r.label) : rule;
};

/** Refusals with the same reason said once: "Record a review conference, Record a core group: not on a plan". */
function groupByReason(refused: CaseActionLink[]): { texts: string[]; reason: string }[] {
  const groups = new Map<string, string[]>();
  for (const a of refused) groups.set(a.reason ?? '', [...(groups.get(a.reason ?? '') ?? []), a.text]);
  return [...groups].map(([reason, texts]) => ({ texts, reason }));
}

interface DueRow {
  rule: string;
  dueOn: string | null;
  metOn: string | null;
  lapsedOn: string | null;
  basis: string;
}

const yesNo = (b: boolean | null) => (b === true ? 'Yes' : b === false ? 'No' : 'Not recorded');

export function caseworkPage(o: { c: CaseFile; canRecord: boolean; actions: CaseActionLink[]; due: DueRow[]; today: PlainDate }) {
  const { c, today } = o;
  const open = o.due.filter((d) => d.dueOn && !d.metOn && !d.lapsedOn).sort((a, b) => compareDates(a.dueOn as PlainDate, b.dueOn as PlainDate));
  const byNewest = <T>(rows: T[], date: (r: T) => string) => [...rows].sort((a, b) => compareDates(date(b) as PlainDate, date(a) as PlainDate));
  const sd = (id: string) => c.strategyDiscussions.find((d) => d.id === id);
  return {
    pageTitle: `Casework: ${childName(c)}`,
    childName: childName(c),
    child: c.person,
    openEpisode: c.open,
    episodeText: c.open ? `Open child in need episode from the referral on ${long(c.open.referralDate)} (primary need ${c.open.primaryNeedCode}: ${primaryNeeds.label(c.open.primaryNeedCode)})` : 'No open child in need episode.',
    canRecord: o.canRecord,
    allowed: o.actions.filter((a) => a.allowed),
    refused: groupByReason(o.actions.filter((a) => !a.allowed)),
    dueRows: open.map((d) => {
      const words = describeDueDate(d.dueOn as PlainDate, today);
      return [{ text: dueLabel(d.rule) }, { text: long(d.dueOn) }, { html: `<strong class="${words.status === 'overdue' ? 'hearth-overdue' : ''}">${escapeHtml(words.words)}</strong>` }, { text: d.basis }];
    }),
    assessmentRows: byNewest(c.assessments, (a) => a.startDate).map((a) => [
      { text: long(a.startDate) },
      { text: a.authorisedDate ? long(a.authorisedDate) : 'Not yet authorised' },
      { text: a.outcome ? assessmentOutcomeLabels[a.outcome as AssessmentOutcome] ?? a.outcome : '' },
      { text: a.factors.join(', ') },
    ]),
    strategyRows: byNewest(c.strategyDiscussions, (d) => d.discussionDate).map((d) => [
      { text: long(d.discussionDate) },
      { text: d.attendees.map((a) => (a.name ? `${a.agency} (${a.name})` : a.agency)).join(', ') },
      { text: d.decision === 's47' ? 'Section 47 enquiry' : 'No section 47 enquiry' },
    ]),
    s47Rows: byNewest(c.s47s, (s) => s.startDate).map((s) => [
      { text: long(s.startDate) },
      { text: s.endDate ? long(s.endDate) : 'Open' },
      { text: s.outcome ? s47OutcomeLabels[s.outcome as S47Outcome] ?? s.outcome : '' },
    ]),
    conferenceRows: byNewest(c.icpcs, (i) => i.conferenceDate).map((i) => {
      const s47 = c.s47s.find((s) => s.id === i.s47EnquiryId);
      return [
        { text: long(i.conferenceDate) },
        { text: i.transferIn ? 'Transfer-in' : s47 ? `Strategy discussion on ${long(sd(s47.strategyDiscussionId)?.discussionDate ?? s47.startDate)}` : '' },
        { text: i.targetDate ? long(i.targetDate) : '' },
        { text: i.planRequired ? 'Child protection plan' : 'No plan' },
      ];
    }),
    cpPlanRows: byNewest(c.cpPlans, (p) => p.startDate).map((p) => [
      { text: long(p.startDate) },
      { text: p.endDate ? long(p.endDate) : 'Open' },
      { text: `${categoriesOfAbuse.label(p.initialCategory)} / ${categoriesOfAbuse.label(p.latestCategory)}` },
      { text: String(c.cpReviews.filter((r) => r.cpPlanId === p.id).length) },
      { text: String(c.coreGroups.filter((g) => g.cpPlanId === p.id).length) },
    ]),
    cinPlanRows: byNewest(c.cinPlans, (p) => p.startDate).map((p) => [
      { text: long(p.startDate) },
      { text: p.endDate ? long(p.endDate) : 'Open' },
      { text: String(c.cinPlanReviews.filter((r) => r.cinPlanId === p.id).length) },
    ]),
    visitRows: byNewest(c.visits, (v) => v.visitDate)
      .slice(0, 10)
      .map((v) => [
        { text: long(v.visitDate) },
        { text: v.visitType === 'cp' ? 'Child protection' : v.visitType === 'cin' ? 'Child in need' : v.visitType },
        { text: yesNo(v.childSeen) },
        { text: yesNo(v.childSeenAlone) },
        { text: yesNo(v.bedroomSeen) },
        v.writtenUpOn ? { text: long(v.writtenUpOn) } : o.canRecord ? { html: `<a class="govuk-link" href="/children/${c.person.id}/visits/${v.id}/write-up">Write up<span class="govuk-visually-hidden"> the visit on ${long(v.visitDate)}</span></a>` } : { text: 'Not yet' },
      ]),
    visitCount: c.visits.length,
  };
}
