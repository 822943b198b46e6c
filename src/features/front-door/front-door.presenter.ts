import { cinClosureReasons, primaryNeeds, referralSources } from '../../domain/codes/index.js';
import { codeLabelHtml } from '../../web/code-label.js';
import { type ContactDecision, contactDecisionLabels, type ReferralDecision, referralDecisionLabels } from '../../domain/front-door/contact-decision.js';
import { type RagRating, ragLabels } from '../../domain/front-door/rag.js';
import { type PlainDate, describeDueDate, describeDueInstant, formatLongDate, formatLondonDateTime, londonDateOf } from '../../domain/time/index.js';
import type { FrontDoorService } from './front-door.service.js';

type ContactView = Awaited<ReturnType<FrontDoorService['getContact']>>;
type ReferralView = Awaited<ReturnType<FrontDoorService['getReferral']>>;

export function sourceItems(selected: string | undefined) {
  return [{ value: '', text: 'Select who the contact came from' }, ...referralSources.codes.map((c) => ({ value: c.code, text: `${c.code}: ${c.label}`, selected: c.code === selected }))];
}

export function needItems(selected: string | undefined) {
  return [{ value: '', text: 'Select the primary need' }, ...primaryNeeds.codes.map((c) => ({ value: c.code, text: `${c.code}: ${c.label}`, selected: c.code === selected }))];
}

export function workerItems(workers: { id: string; displayName: string }[], selected: string | undefined) {
  return workers.map((w) => ({ value: w.id, text: w.displayName, selected: w.id === selected }));
}

/** "For example, 27 3 2026": the GOV.UK hint, with today's date so it is never stale. */
export function dateExample(today: PlainDate): string {
  const [y, m, d] = today.split('-');
  return `${Number(d)} ${Number(m)} ${y}`;
}

export function contactPage(c: ContactView, now: Date) {
  const current = c.ratings.at(-1);
  const rag = current?.rating as RagRating | undefined;
  const dueAt = c.due.dueAt!;
  const summaryRows = [
    { key: { text: 'Received' }, value: { text: formatLondonDateTime(c.contact.receivedAt) } },
    { key: { text: 'Who it came from' }, value: { text: `${c.contact.source}: ${referralSources.label(c.contact.source)}` } },
    { key: { text: 'Referrer' }, value: { text: [c.contact.referrerName, c.contact.referrerOrganisation, c.contact.referrerContact].filter(Boolean).join(', ') || 'Not recorded' } },
    { key: { text: 'Concerns raised' }, value: { text: c.contact.concerns } },
    { key: { text: 'Date of birth' }, value: { text: c.person.dateOfBirth ? formatLongDate(c.person.dateOfBirth) : 'Not known' } },
    { key: { text: 'Child ID' }, value: { text: c.person.laChildId } },
    { key: { text: 'Front-door team' }, value: { text: c.teamName } },
    { key: { text: 'MASH worker' }, value: { text: c.assignedWorkerName ?? 'Not assigned' } },
    { key: { text: 'Recorded by' }, value: { text: `${c.recordedByName}, ${formatLondonDateTime(c.contact.recordedAt)}` } },
  ];
  if (c.contact.decisionRationale) summaryRows.push({ key: { text: 'Rationale' }, value: { text: c.contact.decisionRationale } });
  const met = c.contact.decidedAt ? (c.contact.decidedAt.getTime() <= dueAt.getTime() ? 'within the RAG timescale' : `after the RAG timescale, which was due ${formatLondonDateTime(dueAt)}`) : '';
  return {
    c,
    rag,
    ragLabel: rag ? ragLabels[rag] : 'Not rated',
    due: describeDueInstant(dueAt, now),
    dueBasis: c.due.basis,
    dueAtText: formatLondonDateTime(dueAt),
    dueMet: met,
    decisionLabel: c.contact.decision ? contactDecisionLabels[c.contact.decision as ContactDecision] : '',
    summaryRows,
    ratingRows: c.ratings.map((r) => [
      { html: `<span class="hearth-rag hearth-rag--${r.rating}">${ragLabels[r.rating as RagRating]}</span>` },
      { text: formatLondonDateTime(r.ratedAt) },
      { text: r.ratedBy },
      { text: r.reason ?? '' },
    ]),
  };
}

export function referralPage(r: ReferralView, today: PlainDate) {
  const e = r.episode;
  const rows: { key: { text: string }; value: { text?: string; html?: string } }[] = [
    { key: { text: 'Referral date' }, value: { text: formatLongDate(e.referralDate) } },
    { key: { text: 'Referral source' }, value: { text: `${e.referralSource}: ${referralSources.label(e.referralSource)}` } },
    { key: { text: 'Primary need' }, value: { text: `${e.primaryNeedCode}: ${primaryNeeds.label(e.primaryNeedCode)}` } },
  ];
  if (e.referralDecision) {
    rows.push({ key: { text: 'Response' }, value: { text: `${referralDecisionLabels[e.referralDecision as ReferralDecision]}, decided ${formatLongDate(e.referralDecidedOn!)}${r.decidedByName ? ` by ${r.decidedByName}` : ''}` } });
    if (e.referralDecisionRationale) rows.push({ key: { text: 'Rationale' }, value: { text: e.referralDecisionRationale } });
  }
  if (e.closureDate) rows.push({ key: { text: 'Closed' }, value: { html: `${formatLongDate(e.closureDate)}: ${e.closureReason ? codeLabelHtml(cinClosureReasons.label(e.closureReason), e.closureReason) : 'no reason recorded'}` } });
  return {
    r,
    summaryRows: rows,
    contactCards: r.contacts.map((c) => referralContactCard(c)),
    due: describeDueDate(r.due.dueOn!, today),
    dueOnText: formatLongDate(r.due.dueOn!),
  };
}

/**
 * What brought the child to the front door, on the referral: the contact's concerns in the
 * referrer's words, who referred, and the MASH decision with its rationale, who made it and when.
 */
function referralContactCard(c: ReferralView['contacts'][number]) {
  const rows: { key: { text: string }; value: { text?: string; html?: string } }[] = [
    { key: { text: 'Received' }, value: { text: formatLondonDateTime(c.receivedAt) } },
    { key: { text: 'Who it came from' }, value: { text: `${c.source}: ${referralSources.label(c.source)}` } },
    { key: { text: 'Referrer' }, value: { text: [c.referrerName, c.referrerOrganisation, c.referrerContact].filter(Boolean).join(', ') || 'Not recorded' } },
    { key: { text: 'Concerns raised' }, value: { text: c.concerns } },
  ];
  if (c.decision) {
    const by = c.decidedByName ? ` by ${c.decidedByName}` : '';
    rows.push({ key: { text: 'MASH decision' }, value: { text: `${contactDecisionLabels[c.decision as ContactDecision] ?? c.decision}, ${c.decidedAt ? formatLondonDateTime(c.decidedAt) : ''}${by}` } });
    rows.push({ key: { text: 'MASH rationale' }, value: { text: c.decisionRationale || 'Not recorded' } });
  } else {
    rows.push({ key: { text: 'MASH decision' }, value: { text: 'Not yet made' } });
  }
  return { title: `Contact received ${formatLondonDateTime(c.receivedAt)}`, rows };
}

export const todayFrom = (now: Date) => londonDateOf(now);
