import {
  adoptionDecisionReversedReasons,
  assessmentFactors,
  careLeaverAccommodation,
  careLeaverActivities,
  careLeaverInTouch,
  categoriesOfAbuse,
  categoriesOfNeed,
  cinClosureReasons,
  legalStatuses,
  missingTypes,
  permanencePlans,
  placementTypes,
  primaryNeeds,
  reasonsEpisodeCeased,
  reasonsForPlacementChange,
  referralSources,
  reviewParticipation,
  sdqReasons,
} from '../../domain/codes/index.js';
import { earlyHelpOutcomes, earlyHelpReviewOutcomes, earlyHelpServices } from '../../domain/early-help/codes.js';
import { type ContactDecision, contactDecisionLabels, type ReferralDecision, referralDecisionLabels } from '../../domain/front-door/contact-decision.js';
import { type RagRating, ragLabels } from '../../domain/front-door/rag.js';
import { type CareLeaverEligibility, careLeaverEligibilityLabels } from '../../domain/journey/status.js';
import { type PlainDate, formatLongDate, formatLondonDateTime, londonDateOf, londonDateTimeToInstant } from '../../domain/time/index.js';
import type { ChildRecordRows } from './children.repo.js';
import { visitWriteUpOf } from './visit-write-up.js';
import { allocationRoleLabel, assessmentOutcomeLabel, cinPlanReviewOutcomeLabel, formatPostcode, healthCheckLabel, healthCheckStatusLabel, pepQualityLabel, permanenceOrderLabel, s47OutcomeLabel, visitTypeLabel, yesNo } from './labels.js';

/** Every kind of entry, in the order the filter lists them (the journey's order). */
export const chronologyKindLabels = {
  contact: 'Contacts',
  rag: 'RAG ratings',
  decision: 'MASH decisions',
  referral: 'Referrals',
  allocation: 'Allocations',
  closure: 'Closures',
  'early-help': 'Early help',
  assessment: 'Assessments',
  'cin-plan': 'Child in need plans',
  strategy: 'Strategy discussions',
  s47: 'Section 47 enquiries',
  conference: 'Child protection conferences',
  'cp-plan': 'Child protection plans',
  'core-group': 'Core groups',
  care: 'Periods of care',
  'legal-status': 'Legal status',
  placement: 'Placements',
  'cla-review': 'Looked after reviews',
  missing: 'Missing episodes',
  health: 'Health',
  education: 'Education',
  permanence: 'Permanence and adoption',
  'care-leaver': 'Care leaver',
  visit: 'Visits',
  supervision: 'Supervision decisions',
  'case-note': 'Case notes',
  address: 'Addresses',
  immigration: 'Immigration status',
} as const;

export type ChronologyKind = keyof typeof chronologyKindLabels;

export const isChronologyKind = (k: string): k is ChronologyKind => Object.hasOwn(chronologyKindLabels, k);

export interface ChronologyEntry {
  kind: ChronologyKind;
  /** When it happened; a date-only event is stored at the start of its day (see `newestFirst` for its place in the list). */
  at: Date;
  /** The London date it happened on (worked out once: sorting compares it often). */
  day: string;
  dateOnly: boolean;
  title: string;
  text: string;
  /** Who recorded it (or, for a visit recorded by no one known, who visited). */
  by: string | null;
  /** When it was recorded, if on a later day than it happened (a late write-up is worth seeing). */
  recordedLate: Date | null;
  href: string | null;
  /** Where a date-only entry falls among the others of its day, oldest first. */
  step: number;
}

export type ChronologySources = Partial<Omit<ChildRecordRows, 'staff'>> & { staff: ReadonlyMap<string, string> };

/** Midnight in London at the start of a date, remembered: a long record repeats its dates, and the conversion is not cheap. */
const dayStarts = new Map<string, number>();
function dayStart(d: string): Date {
  let ms = dayStarts.get(d);
  if (ms === undefined) {
    ms = londonDateTimeToInstant(d as PlainDate, '00:00').getTime();
    if (dayStarts.size > 50_000) dayStarts.clear();
    dayStarts.set(d, ms);
  }
  return new Date(ms);
}
const longDate = (d: string) => formatLongDate(d as PlainDate);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** Sentences joined with full stops, without doubling one a sentence already ends with. */
const join = (...parts: (string | null | undefined | false)[]) =>
  (parts.filter(Boolean) as string[]).map((x) => x.trim()).reduce((text, x) => (text ? `${text}${/[.!?]$/.test(text) ? ' ' : '. '}${x}` : x), '');

/**
 * Within a day, date-only entries in the order things happen (oldest first): the referral is
 * opened, then responded to; a strategy discussion starts a section 47 enquiry, a conference
 * decides on a plan; a placement ends before the next starts; closures come last.
 */
const STEP: Record<ChronologyKind, number> = {
  address: 0,
  immigration: 0,
  contact: 0,
  rag: 0,
  referral: 0,
  decision: 1,
  'early-help': 1,
  strategy: 2,
  s47: 3,
  assessment: 3,
  conference: 4,
  'cp-plan': 5,
  'cin-plan': 5,
  care: 5,
  'legal-status': 6,
  placement: 7,
  allocation: 8,
  'core-group': 9,
  'cla-review': 9,
  health: 9,
  education: 9,
  visit: 9,
  missing: 10,
  permanence: 10,
  'care-leaver': 10,
  supervision: 11,
  'case-note': 11,
  closure: 12,
};

/** One chronology of everything recorded about the child, newest first. */
export function buildChronology(s: ChronologySources): ChronologyEntry[] {
  const entries: ChronologyEntry[] = [];
  const staff = (id: string | null | undefined) => (id ? (s.staff.get(id) ?? null) : null);
  /** A record's byline: who recorded it, and when if that was a later day than the event. */
  const recorded = (row: { createdBy: string | null; createdAt: Date }, on: string) => {
    const by = staff(row.createdBy);
    return { by, recordedLate: by && londonDateOf(row.createdAt) > on ? row.createdAt : null };
  };
  const onDay = (kind: ChronologyKind, date: string, title: string, text: string, who: { by: string | null; recordedLate?: Date | null }, extra: { href?: string | null; step?: number } = {}) => {
    entries.push({ kind, at: dayStart(date), day: date, dateOnly: true, title, text, by: who.by, recordedLate: who.recordedLate ?? null, href: extra.href ?? null, step: extra.step ?? STEP[kind] });
  };
  const nobody = { by: null };

  for (const c of s.contacts ?? []) {
    entries.push({ kind: 'contact', at: c.receivedAt, day: londonDateOf(c.receivedAt), dateOnly: false, title: `Contact from ${referralSources.label(c.source)}`, text: c.concerns, by: staff(c.recordedBy), recordedLate: londonDateOf(c.recordedAt) > londonDateOf(c.receivedAt) ? c.recordedAt : null, href: `/contacts/${c.id}`, step: STEP.contact });
    if (c.decision && c.decidedAt) {
      // Dated when it was decided; keyed on a later day shows as a late entry (issue 9).
      const late = c.decisionRecordedAt && londonDateOf(c.decisionRecordedAt) > londonDateOf(c.decidedAt) ? c.decisionRecordedAt : null;
      entries.push({ kind: 'decision', at: c.decidedAt, day: londonDateOf(c.decidedAt), dateOnly: false, title: `MASH decision: ${contactDecisionLabels[c.decision as ContactDecision]}`, text: c.decisionRationale ?? '', by: staff(c.decidedBy), recordedLate: late, href: `/contacts/${c.id}`, step: STEP.decision });
    }
  }
  for (const r of s.ratings ?? []) {
    entries.push({ kind: 'rag', at: r.ratedAt, day: londonDateOf(r.ratedAt), dateOnly: false, title: `RAG rated ${ragLabels[r.rating as RagRating].toLowerCase()}`, text: r.reason ?? '', by: staff(r.ratedBy), recordedLate: null, href: `/contacts/${r.contactId}`, step: STEP.rag });
  }
  for (const { episode: e, teamName } of s.episodes ?? []) {
    onDay('referral', e.referralDate, 'Referral: child in need episode opened', `Primary need ${e.primaryNeedCode}: ${primaryNeeds.label(e.primaryNeedCode)}${teamName ? `; team: ${teamName}` : ''}`, { by: staff(e.createdBy) }, { href: `/referrals/${e.id}` });
    if (e.referralDecision && e.referralDecidedOn) {
      const late = e.referralDecisionRecordedAt && londonDateOf(e.referralDecisionRecordedAt) > e.referralDecidedOn ? e.referralDecisionRecordedAt : null;
      onDay('decision', e.referralDecidedOn, `Response to referral: ${referralDecisionLabels[e.referralDecision as ReferralDecision]}`, e.referralDecisionRationale ?? '', { by: staff(e.referralDecidedBy), recordedLate: late }, { href: `/referrals/${e.id}` });
    }
    if (e.closureDate) {
      onDay('closure', e.closureDate, `Child in need episode closed (${e.closureReason})`, join(e.closureReason && cinClosureReasons.label(e.closureReason), `Open from ${longDate(e.referralDate)}`), nobody, { href: `/referrals/${e.id}` });
    }
  }
  // The team allocation a referral starts is the referral's own entry (which names the team), not a second one.
  const referralStarts = new Set((s.episodes ?? []).map(({ episode: e }) => `${e.referralDate}|${e.createdBy}`));
  for (const { allocation: a, teamName } of s.allocations ?? []) {
    if (a.workerId === null && a.role === 'CW' && referralStarts.has(`${a.startDate}|${a.createdBy}`)) continue;
    const worker = staff(a.workerId);
    const title = a.role === 'PA' ? `${allocationRoleLabel(a.role)}: ${worker ?? 'to be allocated'} (${teamName})` : `Allocated to ${worker ?? 'the team'} (${teamName})`;
    const late = a.recordedAt && londonDateOf(a.recordedAt) > a.startDate ? a.recordedAt : null;
    onDay('allocation', a.startDate, title, a.reason ?? '', { by: staff(a.createdBy), recordedLate: late });
  }
  for (const e of s.earlyHelp ?? []) {
    const offer = e.service ? earlyHelpServices.label(e.service) : e.organisation;
    // Opened by a MASH decision, the start is that decision's entry ("MASH decision: Early help").
    if (!e.fromContactId) onDay('early-help', e.startDate, `Early help started${offer ? ` (${offer})` : ''}`, join(e.steppedDownFromEpisodeId ? 'Stepped down from children’s social care' : null, e.reason), recorded(e, e.startDate));
    if (e.endDate) {
      const outcome = e.endReason ? (earlyHelpOutcomes.has(e.endReason) ? earlyHelpOutcomes.label(e.endReason) : e.endReason) : null;
      onDay('early-help', e.endDate, `Early help ended${outcome ? `: ${lowerFirst(outcome)}` : ''}`, join(`Started ${longDate(e.startDate)}`, e.closureSummary), nobody, { href: e.stepUpContactId ? `/contacts/${e.stepUpContactId}` : null, step: STEP.closure });
    }
  }
  for (const r of s.earlyHelpReviews ?? []) {
    onDay('early-help', r.reviewDate, `Early help review: ${lowerFirst(earlyHelpReviewOutcomes.label(r.outcome))}`, r.notes, recorded(r, r.reviewDate));
  }
  for (const a of s.assessments ?? []) {
    onDay('assessment', a.startDate, 'Child and family assessment started', a.childSeen === null ? '' : `Child seen: ${yesNo(a.childSeen).toLowerCase()}`, recorded(a, a.startDate));
    if (a.authorisedDate) {
      const factors = a.factors.map((f) => `${f}: ${assessmentFactors.label(f)}`).join('; ');
      onDay('assessment', a.authorisedDate, `Child and family assessment authorised: ${lowerFirst(assessmentOutcomeLabel(a.outcome))}`, join(`Started ${longDate(a.startDate)}`, factors && `Factors: ${factors}`, a.analysis && `Analysis: ${a.analysis}`), { by: staff(a.authorisedBy) }, { step: STEP.assessment + 0.5 });
    }
  }
  for (const p of s.cinPlans ?? []) {
    onDay('cin-plan', p.startDate, 'Child in need plan started', '', recorded(p, p.startDate));
    if (p.endDate) onDay('cin-plan', p.endDate, 'Child in need plan ended', `Started ${longDate(p.startDate)}`, nobody, { step: STEP['cin-plan'] - 0.5 });
  }
  for (const r of s.cinPlanReviews ?? []) onDay('cin-plan', r.reviewDate, 'Child in need plan review', cinPlanReviewOutcomeLabel(r.outcome), recorded(r, r.reviewDate), { step: STEP['cin-plan'] - 1 });
  for (const d of s.strategyDiscussions ?? []) {
    const agencies = d.attendees.map((a) => (a.name ? `${a.name} (${a.agency})` : a.agency)).join(', ');
    onDay('strategy', d.discussionDate, `Strategy discussion: ${d.decision === 's47' ? 'section 47 enquiry' : 'no section 47 enquiry'}`, join(agencies && `Attended: ${agencies}`, d.rationale), recorded(d, d.discussionDate));
  }
  for (const e of s.s47Enquiries ?? []) {
    onDay('s47', e.startDate, 'Section 47 enquiry started', '', recorded(e, e.startDate));
    if (e.endDate) onDay('s47', e.endDate, `Section 47 enquiry completed: ${lowerFirst(s47OutcomeLabel(e.outcome))}`, `Started ${longDate(e.startDate)}`, nobody, { step: STEP.s47 + 0.5 });
  }
  for (const c of s.icpcs ?? []) {
    const chair = staff(c.chairId);
    onDay(
      'conference',
      c.conferenceDate,
      `Initial child protection conference: ${c.planRequired ? 'child protection plan' : 'no plan'}`,
      join(c.transferIn && 'Transfer in from another local authority', c.targetDate && `Due by ${longDate(c.targetDate)}`, chair && `Chair: ${chair}`),
      recorded(c, c.conferenceDate),
    );
  }
  for (const r of s.cpReviews ?? []) {
    onDay(
      'conference',
      r.reviewDate,
      `Review child protection conference: ${r.continuePlan ? 'plan continues' : 'plan ended'}`,
      join(r.dueDate && `Due by ${longDate(r.dueDate)}`, r.quorate !== null && `Quorate: ${yesNo(r.quorate).toLowerCase()}`, r.participation && `Participation: ${reviewParticipation.label(r.participation)}`),
      recorded(r, r.reviewDate),
    );
  }
  for (const p of s.cpPlans ?? []) {
    const category = lowerFirst(categoriesOfAbuse.label(p.initialCategory));
    onDay('cp-plan', p.startDate, `Child protection plan started (${category})`, p.otherLa ? 'Plan held by another local authority' : '', recorded(p, p.startDate));
    if (p.endDate) {
      const latest = p.latestCategory !== p.initialCategory ? `Latest category: ${lowerFirst(categoriesOfAbuse.label(p.latestCategory))}` : '';
      onDay('cp-plan', p.endDate, 'Child protection plan ended', join(`Started ${longDate(p.startDate)}`, latest), nobody);
    }
  }
  for (const g of s.coreGroups ?? []) onDay('core-group', g.meetingDate, 'Core group meeting', g.notes ?? '', recorded(g, g.meetingDate));
  for (const p of s.periodsOfCare ?? []) {
    onDay('care', p.startDate, 'Became looked after', join(`Category of need ${p.categoryOfNeed}: ${categoriesOfNeed.label(p.categoryOfNeed)}`, p.uasc && 'Unaccompanied asylum-seeking child'), recorded(p, p.startDate), { step: STEP.care });
    if (p.endDate) onDay('care', p.endDate, `Ceased to be looked after (${p.reasonEnded})`, join(p.reasonEnded && reasonsEpisodeCeased.label(p.reasonEnded), `Looked after from ${longDate(p.startDate)}`), nobody, { step: STEP.closure - 0.5 });
  }
  for (const l of s.legalStatuses ?? []) onDay('legal-status', l.startDate, `Legal status: ${lowerFirst(legalStatuses.label(l.code))} (${l.code})`, '', recorded(l, l.startDate));
  for (const { placement: p, providerName, carerName } of s.placements ?? []) {
    const where = join([carerName, providerName, formatPostcode(p.postcode)].filter(Boolean).join(', '));
    onDay('placement', p.startDate, `Placement started: ${placementTypes.label(p.placementType)} (${p.placementType})`, join(where, p.longTerm && 'Intended to be long-term', p.matchingRationale && `Why this placement: ${p.matchingRationale}`), recorded(p, p.startDate));
    if (p.endDate && p.changeReason) onDay('placement', p.endDate, 'Placement ended', join(`${reasonsForPlacementChange.label(p.changeReason)} (${p.changeReason})`, `Started ${longDate(p.startDate)}`), nobody, { step: STEP.placement - 0.5 });
  }
  for (const r of s.claReviews ?? []) {
    const iro = staff(r.iroId);
    onDay('cla-review', r.reviewDate, r.cancelled ? 'Looked after review cancelled' : 'Looked after review', join(r.participation && `Participation: ${reviewParticipation.label(r.participation)} (${r.participation})`, iro && `IRO: ${iro}`, r.dueDate && `Due by ${longDate(r.dueDate)}`, r.decisions && `Decisions: ${r.decisions}`), recorded(r, r.reviewDate));
  }
  for (const m of s.missingEpisodes ?? []) {
    if (m.strategyMeetingDate) onDay('missing', m.strategyMeetingDate, 'Strategy meeting (missing or away)', m.seniorManagerNotified === true ? 'Senior manager told' : m.seniorManagerNotified === false ? 'Senior manager not told' : '', nobody, { step: STEP.missing + 0.25 });
    onDay('missing', m.startDate, m.missingType === 'A' ? 'Away from placement without authorisation' : 'Missing from placement', join(missingTypes.label(m.missingType), m.reportedToPolice === true && 'Reported to the police', m.reportedToPolice === false && 'Not reported to the police'), recorded(m, m.startDate), { step: STEP.missing });
    if (m.endDate) {
      const rhi = m.rhiOffered === null ? '' : m.rhiOffered ? `Return home interview offered${m.rhiOfferedDate ? ` on ${longDate(m.rhiOfferedDate)}` : ''}${m.rhiAccepted === null ? '' : m.rhiAccepted ? ' and accepted' : ' and declined'}${m.rhiBy ? ` (${m.rhiBy})` : ''}` : 'No return home interview offered';
      onDay('missing', m.endDate, m.missingType === 'A' ? 'Returned after being away' : 'Returned after being missing', join(`${m.missingType === 'A' ? 'Away' : 'Missing'} from ${longDate(m.startDate)}`, rhi), nobody, { step: STEP.missing + 0.5 });
    }
  }
  for (const h of s.healthChecks ?? []) onDay('health', h.checkDate, `${healthCheckLabel(h.checkType)}: ${lowerFirst(healthCheckStatusLabel(h.status))}`, '', recorded(h, h.checkDate));
  for (const i of s.immunisations ?? []) onDay('health', i.statusDate, i.upToDate ? 'Immunisations up to date' : 'Immunisations not up to date', '', recorded(i, i.statusDate));
  for (const q of s.sdqScores ?? []) onDay('health', q.completedDate, q.score !== null ? `Strengths and difficulties questionnaire (SDQ): score ${q.score}` : 'Strengths and difficulties questionnaire (SDQ) not completed', q.reason ? sdqReasons.label(q.reason) : '', recorded(q, q.completedDate));
  for (const p of s.peps ?? []) onDay('education', p.pepDate, 'Personal education plan (PEP)', join(p.school, p.quality && `Quality: ${lowerFirst(pepQualityLabel(p.quality))}`, p.targets && `Targets: ${p.targets}`), recorded(p, p.pepDate));
  for (const c of s.carePlans ?? []) {
    const plans = c.permanencePlans.map((x) => permanencePlans.label(x)).join('; ');
    onDay('permanence', c.startDate, 'Care plan', plans && `Permanence plan: ${plans}`, recorded(c, c.startDate));
  }
  for (const p of s.permanence ?? []) {
    const who = recorded(p, p.admDecisionDate ?? p.placementOrderDate ?? '');
    if (p.admDecisionDate) onDay('permanence', p.admDecisionDate, 'Agency decision: should be placed for adoption', '', who);
    if (p.placementOrderDate) onDay('permanence', p.placementOrderDate, 'Placement order made', '', nobody);
    if (p.matchedDate) onDay('permanence', p.matchedDate, 'Matched with adopters', '', nobody);
    if (p.placedForAdoptionDate) onDay('permanence', p.placedForAdoptionDate, 'Placed for adoption', p.adoptedByCarer ? 'Adopted by their foster carer' : '', nobody);
    if (p.decisionReversedDate) onDay('permanence', p.decisionReversedDate, 'Adoption decision reversed', p.decisionReversedReason ? adoptionDecisionReversedReasons.label(p.decisionReversedReason) : '', nobody);
    if (p.permanenceOrderDate) onDay('permanence', p.permanenceOrderDate, `${permanenceOrderLabel(p.permanenceOrderType)} made`, '', nobody);
  }
  for (const c of s.careLeavers ?? []) {
    const pa = staff(c.personalAdviserId);
    onDay('care-leaver', c.startDate, `Care leaver: ${lowerFirst(careLeaverEligibilityLabels[c.eligibility as CareLeaverEligibility] ?? c.eligibility)}`, pa ? `Personal adviser: ${pa}` : '', recorded(c, c.startDate));
  }
  for (const p of s.pathwayPlans ?? []) onDay('care-leaver', p.planDate, p.isReview ? 'Pathway plan review' : 'Pathway plan', '', recorded(p, p.planDate));
  for (const k of s.keepInTouch ?? []) {
    onDay(
      'care-leaver',
      k.contactDate,
      `Keeping in touch: ${lowerFirst(careLeaverInTouch.label(k.inTouch))}`,
      join(k.activity && `Activity: ${careLeaverActivities.label(k.activity)}`, k.accommodation && `Accommodation: ${careLeaverAccommodation.label(k.accommodation)}`),
      recorded(k, k.contactDate),
    );
  }
  for (const v of s.visits ?? []) {
    const who = recorded(v, v.visitDate);
    const seen = v.childSeen ? join(v.childSeenAlone ? 'Child seen alone' : 'Child seen, not alone', v.bedroomSeen && 'Bedroom seen') : 'Child not seen';
    const writtenUp = !v.writtenUpOn ? 'Not yet written up' : v.writtenUpOn === v.visitDate ? 'Written up the same day' : `Written up on ${longDate(v.writtenUpOn)}`;
    const w = visitWriteUpOf(v.details);
    const childSaid = typeof v.details?.childSaid === 'string' ? `The child said: ${v.details.childSaid}` : '';
    onDay('visit', v.visitDate, visitTypeLabel(v.visitType), join(seen, writtenUp, w?.seen && `Seen: ${w.seen}`, w?.heard && `Heard: ${w.heard}`, w?.done && `Done: ${w.done}`, v.notes, childSaid), { by: who.by ?? staff(v.workerId), recordedLate: who.recordedLate });
  }
  for (const d of s.supervisionDecisions ?? []) onDay('supervision', d.date, 'Supervision decision', join(d.decision, d.rationale, staff(d.workerId) && `Worker: ${staff(d.workerId)}`), { by: staff(d.supervisorId) });
  for (const n of s.caseNotes ?? []) onDay('case-note', n.noteDate, n.title, join(n.body, n.correctionReason && `Correction: ${n.correctionReason}`), recorded(n, n.noteDate));
  for (const a of s.addresses ?? []) onDay('address', a.startDate, `Address: ${[a.line1, a.line2, a.town].filter(Boolean).join(', ')}`, join(formatPostcode(a.postcode), a.addressType !== 'home' && a.addressType), recorded(a, a.startDate));
  for (const i of s.immigrationStatuses ?? []) onDay('immigration', i.startDate, `Immigration status: ${i.status === 'UASC' ? 'unaccompanied asylum-seeking child' : lowerFirst(i.status)}`, i.endDate ? `Until ${longDate(i.endDate)}` : '', recorded(i, i.startDate));
  return entries.sort(newestFirst);
}

/** The byline as the timeline shows it after "by": "Hannah Clarke (recorded 2 December 2026 at 4pm)". */
export function bylineOf(e: Pick<ChronologyEntry, 'by' | 'recordedLate'>): string | null {
  if (!e.by) return null;
  return e.recordedLate ? `${e.by} (recorded ${formatLondonDateTime(e.recordedLate)})` : e.by;
}

/**
 * Newest first, day by day. Within a day, events known only by their date come above (after) the
 * timed ones: they follow from them (a referral is opened by the MASH decision that day, its
 * response comes later still), so sorting them at midnight put a referral below the contact that
 * led to it. Timed events by their instant; date-only events by their step in the day.
 */
function newestFirst(a: ChronologyEntry, b: ChronologyEntry): number {
  if (a.day !== b.day) return a.day < b.day ? 1 : -1;
  if (a.dateOnly !== b.dateOnly) return a.dateOnly ? -1 : 1;
  if (a.dateOnly) return b.step - a.step;
  return b.at.getTime() - a.at.getTime();
}
