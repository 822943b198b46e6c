import { ruleById } from '../../domain/areas/index.js';
import { assessmentFactors, categoriesOfAbuse, primaryNeeds } from '../../domain/codes/index.js';
import { type PlainDate, compareDates, describeDueDate, formatLongDate } from '../../domain/time/index.js';
import type { CaseFile } from './case-file.js';
// The casework page shows every area's records: it reads their labels (the page composes the areas).
import { type AssessmentOutcome, assessmentOutcomeLabels } from '../child-in-need/child-in-need.schema.js';
import { type S47Outcome, s47OutcomeLabels } from '../child-protection/child-protection.schema.js';
import type { CaseActionLink } from './casework.service.js';
import { escapeHtml } from '../../web/escape-html.js';
import { codeLabelHtml } from '../../web/code-label.js';

const long = (d: string | null | undefined) => (d ? formatLongDate(d as PlainDate) : '');

/** "For example, 27 3 2026": the GOV.UK hint, from today so it is never stale. */
/** Visit kinds beyond child in need and child protection, in words (never the stored code: "cla"). */
const VISIT_TYPE_WORDS: Record<string, string> = { cla: 'Looked after child', care_leaver: 'Care leaver', other: 'Other' };

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
      // Factors identified at the assessment (CIN census codes): each in words, its code beside it.
      { html: a.factors.map((f) => codeLabelHtml(assessmentFactors.label(f), f)).join('; ') },
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
        { text: v.visitType === 'cp' ? 'Child protection' : v.visitType === 'cin' ? 'Child in need' : VISIT_TYPE_WORDS[v.visitType] ?? 'Other' },
        { text: yesNo(v.childSeen) },
        { text: yesNo(v.childSeenAlone) },
        { text: yesNo(v.bedroomSeen) },
        v.writtenUpOn ? { text: long(v.writtenUpOn) } : o.canRecord ? { html: `<a class="govuk-link" href="/children/${c.person.id}/visits/${v.id}/write-up">Write up<span class="govuk-visually-hidden"> the visit on ${long(v.visitDate)}</span></a>` } : { text: 'Not yet' },
      ]),
    visitCount: c.visits.length,
  };
}
