/** The child protection area's form choices as GOV.UK items, and the plan's facts shown on its forms. */
import { categoriesOfAbuse, reviewParticipation } from '../../domain/codes/index.js';
import { type PlainDate, formatLongDate } from '../../domain/time/index.js';
import type { CaseFile, CpPlanRow, S47Row, StrategyRow } from '../casework/case-file.js';
import { escapeHtml } from '../../web/escape-html.js';
import { AGENCIES, S47_OUTCOMES, s47OutcomeLabels } from './child-protection.schema.js';

type Values = Record<string, string | string[] | undefined>;
const long = (d: string | null | undefined) => (d ? formatLongDate(d as PlainDate) : '');
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v.at(-1) ?? '') : (v ?? ''));

export function s47OutcomeItems(values: Values) {
  return S47_OUTCOMES.map((o) => ({ value: o, text: s47OutcomeLabels[o], checked: str(values.outcome) === o }));
}

export function categoryItems(selected: string) {
  return categoriesOfAbuse.codes.map((c) => ({ value: c.code, text: c.label, checked: selected === c.code }));
}

export function participationItems(selected: string) {
  return [{ value: '', text: 'Not recorded' }, ...reviewParticipation.codes.map((c) => ({ value: c.code, text: `${c.code}: ${c.label}`, selected: c.code === selected }))];
}

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
