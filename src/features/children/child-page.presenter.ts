/**
 * The child's page as a view model: the summary card, the chronology and the sections, from the
 * record, today's date and what the reader may see. Pure (no clock, no database): the template
 * only lays out what this returns, with text cells wherever it can (autoescaped) and HTML built
 * here only for links, escaped.
 */
import {
  assessmentFactors,
  careLeaverAccommodation,
  careLeaverActivities,
  careLeaverInTouch,
  categoriesOfAbuse,
  categoriesOfNeed,
  cinClosureReasons,
  disabilities,
  ethnicities,
  legalStatuses,
  missingTypes,
  permanencePlans,
  placementProviders,
  primaryNeeds,
  reasonsEpisodeCeased,
  reasonsForNewEpisode,
  reasonsForPlacementChange,
  reviewParticipation,
  sdqReasons,
  ssda903UpnUnknownReasons,
} from '../../domain/codes/index.js';
import { type ReferralDecision, referralDecisionLabels } from '../../domain/front-door/contact-decision.js';
import { type CareLeaverEligibility, type ChildStatus, careLeaverEligibilityLabels, childStatusOn, describeChildStatus, placementWords } from '../../domain/journey/status.js';
import { deriveEpisodes } from '../../domain/looked-after/index.js';
import { type PlainDate, compareDates, datePartsOf, describeDueDate, describeDueInstant, formatLongDate } from '../../domain/time/index.js';
import type { ChildRecord } from './children.service.js';
import { type ChronologyEntry, type ChronologyKind, buildChronology, bylineOf, chronologyKindLabels } from './chronology.js';
import {
  allocationRoleLabel,
  assessmentOutcomeLabel,
  cinPlanReviewOutcomeLabel,
  formatPostcode,
  healthCheckLabel,
  healthCheckStatusLabel,
  obligationRuleLabel,
  pepQualityLabel,
  permanenceOrderLabel,
  relationshipLabel,
  s47OutcomeLabel,
  visitTypeLabel,
  yesNo,
} from './labels.js';
import { escapeHtml } from '../../web/escape-html.js';

/** Whole years of age on `today`. */
export function ageOn(dateOfBirth: PlainDate, today: PlainDate): number {
  const b = datePartsOf(dateOfBirth);
  const t = datePartsOf(today);
  return t.year - b.year - (t.month < b.month || (t.month === b.month && t.day < b.day) ? 1 : 0);
}

/** The chronology shows this many entries at first; "show older" adds as many again. */
export const CHRONOLOGY_PAGE = 100;
/** Visits listed before "show all visits". */
export const VISITS_SHOWN = 25;

export interface CaseAction {
  href: string;
  text: string;
}

export interface ChildPageOptions {
  today: PlainDate;
  now: Date;
  /** Kinds of chronology entry to show (none = all). */
  kinds: readonly ChronologyKind[];
  /** How many chronology entries to show: a number, or 'all'. */
  show: number | 'all';
  allVisits: boolean;
  /** Weekly placement costs: managers and commissioners only. */
  canSeeCost: boolean;
  /** Contacts are front-door records: only the front door opens them. */
  canOpenContacts: boolean;
  canRecordContact: boolean;
  /** What the journey lets this user record next (casework.service caseActionsFor); refused ones are left out. */
  recordable?: readonly { href: string; text: string; allowed: boolean }[];
}

type Cell = { text: string; classes?: string; format?: string } | { html: string; classes?: string };
type Row = { key: { text: string }; value: { text: string } };

export type Block =
  | { type: 'heading'; text: string; level: 3 | 4 }
  | { type: 'table'; caption: string; head: Cell[]; rows: Cell[][]; firstCellIsHeader?: boolean; more?: { href: string; text: string } | null }
  | { type: 'card'; title: string; rows: Row[] }
  | { type: 'list'; rows: Row[] }
  | { type: 'warning'; text: string }
  | { type: 'problems'; title: string; items: string[] }
  | { type: 'paragraph'; text: string }
  | { type: 'details'; summary: string; blocks: Block[] };

export interface Section {
  id: string;
  title: string;
  count: number;
  blocks: Block[];
  /** Shown even with nothing counted (the family section's facts about the child). */
  show?: boolean;
}

const d = (s: string | null | undefined) => (s ? formatLongDate(s as PlainDate) : '');
const t = (text: string | null | undefined, classes?: string): Cell => (classes ? { text: text ?? '', classes } : { text: text ?? '' });
const num = (n: number | string): Cell => ({ text: String(n), format: 'numeric' });
const row = (key: string, value: string | null | undefined): Row => ({ key: { text: key }, value: { text: value || 'Not recorded' } });
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const newest = <T>(xs: readonly T[], date: (x: T) => string | null) => [...xs].sort((a, b) => (date(b) ?? '').localeCompare(date(a) ?? ''));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const money = (n: number) => `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const inForce = (s: { startDate: string; endDate: string | null }, day: string) => s.startDate <= day && (s.endDate === null || s.endDate > day);
/** A review held after the date it was due by. */
const late = (r: { reviewDate: string; dueDate: string | null }) => r.dueDate !== null && r.reviewDate > r.dueDate;

export function presentChildPage(rec: ChildRecord, o: ChildPageOptions) {
  const p = rec.person;
  const staff = (id: string | null | undefined) => (id ? (rec.staff.get(id) ?? null) : null);
  const status = statusOf(rec, o.today);
  const chronology = buildChronology(rec);
  return {
    pageTitle: `${p.givenName} ${p.familyName}`,
    p,
    summary: summaryOf(rec, status, o, staff),
    caseActions: [
      ...(o.canRecordContact ? [{ href: `/contacts/new?person=${p.id}`, text: `Record a contact about ${p.givenName}` }] : []),
      ...(o.recordable ?? []).filter((a) => a.allowed).map((a) => ({ href: a.href, text: a.text })),
      ...((o.recordable ?? []).length ? [{ href: `/children/${p.id}/casework`, text: 'Casework: what is due and everything that can be recorded' }] : []),
    ],
    chronology: chronologyOf(rec, chronology, o),
    sections: [
      familySection(rec, o.today, staff),
      childInNeedSection(rec, staff),
      childProtectionSection(rec, staff),
      lookedAfterSection(rec, o, staff),
      healthSection(rec),
      educationSection(rec),
      careLeaverSection(rec, o.today, staff),
      visitsSection(rec, o, staff),
      supervisionSection(rec, staff),
    ].filter((s) => s.count > 0 || s.show === true),
  };
}

export type ChildPageView = ReturnType<typeof presentChildPage>;

/** The child's status today, from the domain's pure function of the record. */
export function statusOf(rec: ChildRecord, today: PlainDate): ChildStatus {
  const pd = (s: string) => s as PlainDate;
  const pdn = (s: string | null) => (s === null ? null : (s as PlainDate));
  const span = (x: { startDate: string; endDate: string | null }) => ({ startDate: pd(x.startDate), endDate: pdn(x.endDate) });
  return childStatusOn(
    {
      episodes: rec.episodes.map((e) => ({ referralDate: pd(e.episode.referralDate), closureDate: pdn(e.episode.closureDate) })),
      contactsAwaitingDecision: rec.contacts.filter((c) => !c.decidedAt).length,
      hasContacts: rec.contacts.length > 0,
      cinPlans: rec.cinPlans.map(span),
      cpPlans: rec.cpPlans.map((x) => ({ ...span(x), latestCategory: x.latestCategory })),
      periodsOfCare: rec.periodsOfCare.map(span),
      legalStatuses: rec.legalStatuses.map((x) => ({ ...span(x), code: x.code })),
      placements: rec.placements.map((x) => ({ ...span(x.placement), placementType: x.placement.placementType })),
      careLeaver: rec.careLeavers.map((x) => ({ ...span(x), eligibility: x.eligibility as CareLeaverEligibility })),
      deathDate: pdn(rec.person.deathDate),
    },
    today,
  );
}

type Staff = (id: string | null | undefined) => string | null;

export interface KeyDate {
  label: string;
  date: string;
  words: string;
  overdue: boolean;
  basis: string;
}

/** A row of the summary card: plain text, the alerts (tags) or the key dates (a list). */
export type SummaryRow = { key: string; text: string } | { key: string; alerts: { text: string; colour: string }[] } | { key: string; keyDates: KeyDate[] };

function summaryOf(rec: ChildRecord, status: ChildStatus, o: ChildPageOptions, staff: Staff) {
  const p = rec.person;
  const today = o.today;
  const age = p.dateOfBirth ? ageOn(p.dateOfBirth, today) : null;
  const dob = p.dateOfBirth
    ? `${d(p.dateOfBirth)} (age ${age})`
    : p.expectedDateOfBirth
      ? `Not yet born (expected ${d(p.expectedDateOfBirth)})`
      : 'Not known';

  // Who holds the case: the open allocation as case worker, else the open episode's team.
  const openAllocations = newest(rec.allocations.filter((a) => !a.allocation.endDate || a.allocation.endDate > today), (a) => a.allocation.startDate);
  const worker = openAllocations.find((a) => a.allocation.role !== 'PA');
  const adviser = openAllocations.find((a) => a.allocation.role === 'PA');
  const open = rec.episodes.find((e) => !e.episode.closureDate);
  let personalAdviser = adviser ? `${staff(adviser.allocation.workerId) ?? 'To be allocated'}, ${adviser.teamName}` : status.careLeaver ? (staff(rec.careLeavers.find((c) => inForce(c, today))?.personalAdviserId) ?? 'Not allocated') : null;
  let allocated = worker ? `${staff(worker.allocation.workerId) ?? 'Unallocated'}, ${worker.teamName}` : open ? `Not yet allocated${open.teamName ? ` (${open.teamName})` : ''}` : 'Not allocated';
  // A care leaver's case is held by their personal adviser: say so once, not "Not allocated".
  if (!worker && !open && personalAdviser && personalAdviser !== 'Not allocated') {
    allocated = personalAdviser.replace(/^([^,]+)/, '$1 (personal adviser)');
    personalAdviser = null;
  }

  // Key dates: the earliest open item of each rule, soonest first.
  const earliest = new Map<string, (typeof rec.openObligations)[number]>();
  const due = (x: (typeof rec.openObligations)[number]) => x.dueOn ?? (x.dueAt ? x.dueAt.toISOString() : '');
  for (const ob of rec.openObligations) {
    const seen = earliest.get(ob.rule);
    if (!seen || due(ob) < due(seen)) earliest.set(ob.rule, ob);
  }
  const keyDates = [...earliest.values()]
    .sort((a, b) => due(a).localeCompare(due(b)))
    .map((ob): KeyDate => {
      const words = ob.dueOn ? describeDueDate(ob.dueOn, today) : ob.dueAt ? describeDueInstant(ob.dueAt, o.now) : null;
      return { label: obligationRuleLabel(ob.rule), date: ob.dueOn ? d(ob.dueOn) : '', words: words?.words ?? '', overdue: words?.status === 'overdue', basis: ob.basis };
    });

  // Alerts: missing now, a child protection plan, unaccompanied asylum-seeking child, disability.
  const alerts: { text: string; colour: string }[] = [];
  const missing = newest(rec.missingEpisodes.filter((m) => inForce(m, today)), (m) => m.startDate)[0];
  if (missing) alerts.push({ text: `${missing.missingType === 'A' ? 'Away without authorisation' : 'Missing'} since ${d(missing.startDate)}`, colour: 'red' });
  if (status.cpPlan) alerts.push({ text: 'Child protection plan', colour: 'red' });
  const uasc = rec.immigrationStatuses.some((i) => i.status === 'UASC' && inForce(i, today)) || rec.periodsOfCare.some((pc) => pc.uasc && inForce(pc, today));
  if (uasc) alerts.push({ text: 'Unaccompanied asylum-seeking child', colour: 'purple' });
  const disabled = rec.disabilities.filter((x) => x.code !== 'NONE');
  if (disabled.length) alerts.push({ text: `Disability: ${disabled.map((x) => lowerFirst(disabilities.label(x.code))).join(', ')}`, colour: 'blue' });

  const lives = livesOf(rec, status, today);
  // The family's household is not the child's while they are in care or have left it.
  const livesWith = status.status === 'looked-after' || status.status === 'care-leaver' ? null : livesWithOf(rec, today);
  const rows: SummaryRow[] = [
    { key: 'Date of birth', text: dob },
    { key: 'Status today', text: describeChildStatus(status) },
  ];
  if (alerts.length) rows.push({ key: 'Alerts', alerts });
  rows.push({ key: 'Lives', text: lives });
  if (livesWith) rows.push({ key: 'Lives with', text: livesWith });
  rows.push({ key: 'Allocated worker', text: allocated });
  if (personalAdviser) rows.push({ key: 'Personal adviser', text: personalAdviser });
  rows.push(
    { key: 'Key dates', keyDates },
    { key: 'Child ID', text: p.laChildId ?? 'None' },
    { key: 'NHS number', text: p.nhsNumber ?? 'Not recorded' },
    { key: 'Sex', text: ({ M: 'Male', F: 'Female', U: 'Not known' } as Record<string, string>)[p.sex] ?? 'Not known' },
  );
  return {
    rows,
    status,
    missing: missing ? (missing.missingType === 'A' ? `Away from placement without authorisation since ${d(missing.startDate)} (whereabouts known).` : `Missing since ${d(missing.startDate)} (whereabouts unknown).`) : null,
  };
}

type PlacementRow = ChildRecord['placements'][number];

/** "with foster carers", "in a children’s home", "placed for adoption": where the child lives, by placement type. */
function placementShortWords(placementType: string): string {
  const words = placementWords(placementType);
  return words.startsWith('placed with') ? words.slice('placed '.length) : words;
}

/** SSDA903 PLACE_PROVIDER in a few words. */
const PROVIDER_WORDS: Record<string, string> = { PR0: 'parent', PR1: 'own local authority', PR2: 'other local authority', PR3: 'other public', PR4: 'private', PR5: 'voluntary sector' };

/** A DfE label without its bracketed examples: "Change to or implementation of care plan". */
const shortLabel = (label: string) => label.replace(/\s*\([^)]*\)\s*$/, '');

/** "Gia and Porter Lynch-Bailey (Hearthshire Fostering Service), FM6 9LW" */
function placementWhere(x: PlacementRow): string {
  const who = x.carerName ? `${x.carerName}${x.providerName ? ` (${x.providerName})` : ''}` : (x.providerName ?? x.placement.provider ?? '');
  const area = !x.carerName && x.providerArea ? `in ${x.providerArea}` : '';
  return [who, area, formatPostcode(x.placement.postcode)].filter(Boolean).join(', ');
}

function currentAddress(rec: ChildRecord, today: PlainDate) {
  return newest(rec.addresses.filter((a) => inForce(a, today)), (a) => a.startDate)[0] ?? null;
}

function livesOf(rec: ChildRecord, status: ChildStatus, today: PlainDate): string {
  if (status.status === 'looked-after') {
    const placement = status.placement && rec.placements.find((x) => x.placement.startDate === status.placement!.startDate && x.placement.placementType === status.placement!.placementType);
    if (!placement) return 'No placement recorded';
    const where = placementWhere(placement);
    return `${upperFirst(placementShortWords(placement.placement.placementType))}${where ? `: ${where}` : ''}, since ${d(placement.placement.startDate)}`;
  }
  const address = currentAddress(rec, today);
  const home = address ? `${address.line1}, ${address.town}, ${formatPostcode(address.postcode)}` : null;
  if (status.status === 'care-leaver') {
    const latest = newest(rec.keepInTouch.filter((k) => k.accommodation), (k) => k.contactDate)[0];
    if (latest) return `${careLeaverAccommodation.label(latest.accommodation!).replace(/: (suitable|not suitable)$/, ' ($1)')}, as at ${d(latest.contactDate)}`;
    return home ? `Address on record: ${home}` : 'Not recorded';
  }
  return home ? `At home: ${home}` : 'No address recorded';
}

function livesWithOf(rec: ChildRecord, today: PlainDate): string | null {
  const withChild = rec.relationships.filter((r) => r.relationship.livesWithChild && (!r.relationship.endDate || r.relationship.endDate > today));
  if (!withChild.length) return null;
  return withChild.map((r) => `${r.givenName} ${r.familyName} (${r.relationship.relationship})`).join(', ');
}

function chronologyOf(rec: ChildRecord, all: ChronologyEntry[], o: ChildPageOptions) {
  const matching = o.kinds.length ? all.filter((e) => o.kinds.includes(e.kind)) : all;
  const limit = o.show === 'all' ? matching.length : o.show;
  const shown = matching.slice(0, limit);
  const counts = new Map<ChronologyKind, number>();
  for (const e of all) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const linkTo = (href: string | null) => (href && (o.canOpenContacts || !href.startsWith('/contacts/')) ? href : null);
  const query = (show: number | 'all') => {
    const params = new URLSearchParams();
    for (const k of o.kinds) params.append('kind', k);
    params.set('show', String(show));
    return `/children/${rec.person.id}?${params.toString()}#chronology`;
  };
  const older = matching.length - shown.length;
  return {
    items: shown.map((e) => {
      const href = linkTo(e.href);
      const byline = bylineOf(e);
      return {
        label: { text: e.title },
        html: href ? `${escapeHtml(e.text)}${e.text ? '<br>' : ''}<a class="govuk-link" href="${escapeHtml(href)}">Open the record<span class="govuk-visually-hidden">: ${escapeHtml(e.title)}</span></a>` : escapeHtml(e.text),
        datetime: { timestamp: e.at.toISOString(), type: e.dateOnly ? 'date' : 'datetime' },
        byline: byline ? { text: byline } : undefined,
      };
    }),
    // Only the kinds this child's chronology has, in the journey's order, each with its count.
    kindItems: (Object.keys(chronologyKindLabels) as ChronologyKind[])
      .filter((k) => counts.has(k))
      .map((k) => ({ value: k, text: `${chronologyKindLabels[k]} (${counts.get(k)})`, checked: o.kinds.includes(k) })),
    filtered: o.kinds.length > 0,
    total: all.length,
    matching: matching.length,
    shown: shown.length,
    older: older > 0 ? { count: older, moreHref: older > CHRONOLOGY_PAGE ? query(shown.length + CHRONOLOGY_PAGE) : null, allHref: query('all') } : null,
    everythingHref: `/children/${rec.person.id}#chronology`,
  };
}

// --- Sections ------------------------------------------------------------------------------

function familySection(rec: ChildRecord, today: PlainDate, staff: Staff): Section {
  const p = rec.person;
  const blocks: Block[] = [];
  const immigration = newest(rec.immigrationStatuses, (i) => i.startDate)[0];
  const about: Row[] = [
    row('Ethnicity', p.ethnicity ? ethnicities.label(p.ethnicity) : null),
    row('Disability', rec.disabilities.length ? rec.disabilities.map((x) => disabilities.label(x.code)).join('; ') : null),
    row('Unique pupil number (UPN)', p.upn ?? (p.upnUnknownReason ? `Not known: ${lowerFirst(ssda903UpnUnknownReasons.label(p.upnUnknownReason))}` : null)),
  ];
  if (p.nationality) about.push(row('Nationality', p.nationality));
  if (immigration) about.push(row('Immigration status', `${immigration.status === 'UASC' ? 'Unaccompanied asylum-seeking child' : immigration.status} from ${d(immigration.startDate)}${immigration.endDate ? ` to ${d(immigration.endDate)}` : ''}`));
  if (p.deathDate) about.push(row('Date of death', d(p.deathDate)));
  blocks.push({ type: 'heading', text: `About ${p.givenName}`, level: 3 }, { type: 'list', rows: about });

  if (rec.relationships.length) {
    const order = ['mother', 'father', 'step-parent', 'carer', 'grandparent', 'sibling', 'half-sibling'];
    const rank = (r: string) => (order.indexOf(r) < 0 ? order.length : order.indexOf(r));
    const people = [...rec.relationships].sort((a, b) => rank(a.relationship.relationship) - rank(b.relationship.relationship) || (a.dateOfBirth ?? '').localeCompare(b.dateOfBirth ?? ''));
    blocks.push(
      { type: 'heading', text: 'Family and people involved', level: 3 },
      {
        type: 'table',
        caption: 'Family and people involved',
        firstCellIsHeader: true,
        head: [t('Name'), t('Relationship'), t('Date of birth'), t('Parental responsibility'), t('Lives with the child')],
        rows: people.map((r) => [
          t(`${r.givenName} ${r.familyName}`),
          t(`${relationshipLabel(r.relationship.relationship)}${r.relationship.endDate && r.relationship.endDate <= today ? ` (until ${d(r.relationship.endDate)})` : ''}`),
          t(r.dateOfBirth ? `${d(r.dateOfBirth)} (age ${ageOn(r.dateOfBirth, today)})` : 'Not known'),
          t(yesNo(r.relationship.parentalResponsibility)),
          t(yesNo(r.relationship.livesWithChild)),
        ]),
      },
    );
  }
  if (rec.addresses.length) {
    blocks.push(
      { type: 'heading', text: 'Addresses', level: 3 },
      {
        type: 'table',
        caption: 'Addresses, newest first',
        head: [t('Address'), t('Postcode'), t('From'), t('To')],
        rows: newest(rec.addresses, (a) => a.startDate).map((a) => [t([a.line1, a.line2, a.town].filter(Boolean).join(', ') + (a.addressType !== 'home' ? ` (${a.addressType})` : '')), t(formatPostcode(a.postcode)), t(d(a.startDate)), t(a.endDate ? d(a.endDate) : 'Now')]),
      },
    );
  }
  if (rec.allocations.length) {
    blocks.push(
      { type: 'heading', text: 'Social workers and personal advisers', level: 3 },
      {
        type: 'table',
        caption: 'Social workers and personal advisers, newest first',
        head: [t('Worker'), t('Role'), t('Team'), t('From'), t('To'), t('Reason')],
        rows: newest(rec.allocations, (a) => a.allocation.startDate).map(({ allocation: a, teamName }) => [
          t(staff(a.workerId) ?? 'Not allocated to a worker'),
          t(allocationRoleLabel(a.role)),
          t(teamName),
          t(d(a.startDate)),
          t(a.endDate ? d(a.endDate) : 'Now'),
          t(a.reason),
        ]),
      },
    );
  }
  const show = about.some((r) => r.value.text !== 'Not recorded');
  // Counted in people: the addresses and workers are shown too, but the tab says how many people are involved.
  return { id: 'family', title: 'Family and people', count: rec.relationships.length, blocks, show: show || rec.addresses.length > 0 || rec.allocations.length > 0 };
}

function childInNeedSection(rec: ChildRecord, staff: Staff): Section {
  const blocks: Block[] = [];
  if (rec.episodes.length) {
    blocks.push(
      { type: 'heading', text: 'Child in need episodes', level: 3 },
      {
        type: 'table',
        caption: 'Child in need episodes, newest first',
        head: [t('Referral'), t('Primary need'), t('Response'), t('Closed')],
        rows: newest(rec.episodes, (e) => e.episode.referralDate).map(({ episode: e }) => [
          { html: `<a class="govuk-link" href="/referrals/${escapeHtml(e.id)}">${escapeHtml(d(e.referralDate))}</a>` },
          t(`${e.primaryNeedCode}: ${primaryNeeds.label(e.primaryNeedCode)}`),
          t(e.referralDecision ? referralDecisionLabels[e.referralDecision as ReferralDecision] : 'Awaiting response'),
          t(e.closureDate ? `${d(e.closureDate)} (${e.closureReason})` : 'Open'),
        ]),
      },
    );
    const closed = rec.episodes.filter((e) => e.episode.closureReason);
    if (closed.length) blocks.push({ type: 'paragraph', text: `Reasons for closure: ${[...new Set(closed.map((e) => e.episode.closureReason!))].sort().map((c) => `${c} ${lowerFirst(cinClosureReasons.label(c))}`).join('; ')}.` });
  }
  if (rec.assessments.length) {
    blocks.push(
      { type: 'heading', text: 'Child and family assessments', level: 3 },
      {
        type: 'table',
        caption: 'Child and family assessments, newest first',
        head: [t('Started'), t('Authorised'), t('Outcome'), t('Factors identified'), t('Child seen'), t('Worker')],
        rows: newest(rec.assessments, (a) => a.startDate).map((a) => [
          t(d(a.startDate)),
          t(a.authorisedDate ? `${d(a.authorisedDate)}${staff(a.authorisedBy) ? ` by ${staff(a.authorisedBy)}` : ''}` : 'In progress'),
          t(a.authorisedDate ? assessmentOutcomeLabel(a.outcome) : ''),
          t(a.factors.map((f) => `${f} ${lowerFirst(assessmentFactors.label(f))}`).join('; ')),
          t(yesNo(a.childSeen)),
          t(staff(a.workerId)),
        ]),
      },
    );
  }
  if (rec.cinPlans.length) {
    const reviewsOf = (id: string) => newest(rec.cinPlanReviews.filter((r) => r.cinPlanId === id), (r) => r.reviewDate);
    blocks.push(
      { type: 'heading', text: 'Child in need plans', level: 3 },
      {
        type: 'table',
        caption: 'Child in need plans, newest first',
        head: [t('Started'), t('Ended'), t('Reviews'), t('Latest review'), t('Worker')],
        rows: newest(rec.cinPlans, (x) => x.startDate).map((x) => {
          const reviews = reviewsOf(x.id);
          return [t(d(x.startDate)), t(x.endDate ? d(x.endDate) : 'Open'), num(reviews.length), t(reviews[0] ? `${d(reviews[0].reviewDate)}: ${lowerFirst(cinPlanReviewOutcomeLabel(reviews[0].outcome))}` : 'None yet'), t(staff(x.workerId))];
        }),
      },
    );
  }
  if (rec.earlyHelp.length) {
    blocks.push(
      { type: 'heading', text: 'Early help', level: 3 },
      {
        type: 'table',
        caption: 'Early help, newest first',
        head: [t('Started'), t('Ended'), t('Organisation'), t('Reason'), t('Outcome')],
        rows: newest(rec.earlyHelp, (e) => e.startDate).map((e) => [t(d(e.startDate)), t(e.endDate ? d(e.endDate) : 'Open'), t(e.organisation), t(e.reason), t(e.endReason ? upperFirst(e.endReason) : e.endDate ? 'Not recorded' : '')]),
      },
    );
  }
  return { id: 'child-in-need', title: 'Child in need', count: rec.episodes.length + rec.assessments.length + rec.cinPlans.length + rec.earlyHelp.length, blocks };
}

function childProtectionSection(rec: ChildRecord, staff: Staff): Section {
  const blocks: Block[] = [];
  const category = (c: string) => lowerFirst(categoriesOfAbuse.label(c));
  for (const plan of newest(rec.cpPlans, (x) => x.startDate)) {
    const reviews = newest(rec.cpReviews.filter((r) => r.cpPlanId === plan.id), (r) => r.reviewDate);
    const groups = newest(rec.coreGroups.filter((g) => g.cpPlanId === plan.id), (g) => g.meetingDate);
    const icpc = rec.icpcs.find((c) => c.id === plan.icpcId);
    blocks.push({
      type: 'card',
      title: `Child protection plan from ${d(plan.startDate)}${plan.endDate ? ` to ${d(plan.endDate)}` : ' (open)'}`,
      rows: [
        row('Category of abuse', plan.initialCategory === plan.latestCategory ? upperFirst(category(plan.latestCategory)) : `${upperFirst(category(plan.latestCategory))} (initially ${category(plan.initialCategory)})`),
        row('Initial conference', icpc ? d(icpc.conferenceDate) : plan.otherLa ? 'Plan held by another local authority' : null),
        row('Review conferences', reviews.length ? `${plural(reviews.length, 'review')}, latest ${d(reviews[0]!.reviewDate)}` : 'None yet'),
        row('Core group meetings', groups.length ? `${plural(groups.length, 'meeting')}, latest ${d(groups[0]!.meetingDate)}` : 'None yet'),
      ],
    });
  }
  if (rec.cpReviews.length) {
    const planStart = new Map(rec.cpPlans.map((x) => [x.id, x.startDate]));
    const severalPlans = rec.cpPlans.length > 1;
    blocks.push(
      { type: 'heading', text: 'Review child protection conferences', level: 3 },
      {
        type: 'table',
        caption: 'Review child protection conferences, newest first',
        head: [t('Date'), t('Due by'), t('Outcome'), t('Quorate'), t('Child’s participation'), ...(severalPlans ? [t('Plan from')] : [])],
        rows: newest(rec.cpReviews, (r) => r.reviewDate).map((r) => [
          t(`${d(r.reviewDate)}${late(r) ? ' (late)' : ''}`),
          t(d(r.dueDate)),
          t(r.continuePlan ? 'Plan continues' : 'Plan ended'),
          t(yesNo(r.quorate)),
          t(r.participation ? `${r.participation}: ${reviewParticipation.label(r.participation)}` : 'Not recorded'),
          ...(severalPlans ? [t(d(planStart.get(r.cpPlanId)))] : []),
        ]),
      },
    );
  }
  if (rec.coreGroups.length) {
    const groups = newest(rec.coreGroups, (g) => g.meetingDate);
    blocks.push({ type: 'heading', text: 'Core group meetings', level: 3 });
    // Without notes a table is a column of dates: a sentence says the same in a line or two.
    if (groups.some((g) => g.notes)) blocks.push({ type: 'table', caption: 'Core group meetings, newest first', head: [t('Date'), t('Notes')], rows: groups.map((g) => [t(d(g.meetingDate)), t(g.notes)]) });
    else blocks.push({ type: 'paragraph', text: `${plural(groups.length, 'meeting')}, newest first: ${groups.map((g) => d(g.meetingDate)).join(', ')}.` });
  }
  if (rec.icpcs.length) {
    blocks.push(
      { type: 'heading', text: 'Initial child protection conferences', level: 3 },
      {
        type: 'table',
        caption: 'Initial child protection conferences, newest first',
        head: [t('Date'), t('Due by'), t('Within 15 working days'), t('Outcome'), t('Chair')],
        rows: newest(rec.icpcs, (c) => c.conferenceDate).map((c) => [
          t(d(c.conferenceDate)),
          t(c.transferIn ? 'Transfer in' : d(c.targetDate)),
          t(c.targetDate && !c.transferIn ? yesNo(compareDates(c.conferenceDate, c.targetDate) <= 0) : ''),
          t(c.planRequired ? 'Child protection plan' : 'No plan'),
          t(staff(c.chairId)),
        ]),
      },
    );
  }
  if (rec.s47Enquiries.length) {
    blocks.push(
      { type: 'heading', text: 'Section 47 enquiries', level: 3 },
      {
        type: 'table',
        caption: 'Section 47 enquiries, newest first',
        head: [t('Started'), t('Completed'), t('Outcome'), t('Initial conference needed')],
        rows: newest(rec.s47Enquiries, (e) => e.startDate).map((e) => [t(d(e.startDate)), t(e.endDate ? d(e.endDate) : 'In progress'), t(s47OutcomeLabel(e.outcome)), t(yesNo(e.icpcRequired, e.endDate ? 'Not recorded' : ''))]),
      },
    );
  }
  if (rec.strategyDiscussions.length) {
    blocks.push(
      { type: 'heading', text: 'Strategy discussions', level: 3 },
      {
        type: 'table',
        caption: 'Strategy discussions, newest first',
        head: [t('Date'), t('Decision'), t('Who took part'), t('Rationale')],
        rows: newest(rec.strategyDiscussions, (s) => s.discussionDate).map((s) => [
          t(d(s.discussionDate)),
          t(s.decision === 's47' ? 'Section 47 enquiry' : 'No section 47 enquiry'),
          t(s.attendees.map((a) => (a.name ? `${a.name} (${a.agency})` : upperFirst(a.agency))).join(', ')),
          t(s.rationale),
        ]),
      },
    );
  }
  return { id: 'child-protection', title: 'Child protection', count: rec.strategyDiscussions.length + rec.s47Enquiries.length + rec.icpcs.length + rec.cpPlans.length + rec.cpReviews.length + rec.coreGroups.length, blocks };
}

function lookedAfterSection(rec: ChildRecord, o: ChildPageOptions, staff: Staff): Section {
  const blocks: Block[] = [];
  const costs = new Map<string, { fromDate: string; weeklyCost: number }[]>();
  for (const c of rec.placementCosts) costs.set(c.placementId, [...(costs.get(c.placementId) ?? []), c]);
  /** The weekly cost now (or when the placement ended). */
  const costOf = (x: PlacementRow) => {
    const asAt = x.placement.endDate && x.placement.endDate <= o.today ? x.placement.endDate : o.today;
    const latest = newest((costs.get(x.placement.id) ?? []).filter((c) => c.fromDate <= asAt), (c) => c.fromDate)[0];
    const cost = latest?.weeklyCost ?? x.placement.weeklyCost;
    return cost === null || cost === undefined ? 'Not recorded' : money(cost);
  };

  const periods = newest(rec.periodsOfCare, (x) => x.startDate);
  periods.forEach((period, i) => {
    const legal = rec.legalStatuses.filter((l) => l.periodOfCareId === period.id);
    const placed = rec.placements.filter((x) => x.placement.periodOfCareId === period.id);
    const carePlan = newest(rec.carePlans.filter((c) => c.periodOfCareId === period.id), (c) => c.startDate)[0];
    const perm = rec.permanence.find((x) => x.periodOfCareId === period.id);
    const title = `Period of care from ${d(period.startDate)}${period.endDate ? ` to ${d(period.endDate)}` : ' (looked after now)'}`;
    const rows: Row[] = [];
    if (period.endDate) rows.push(row('Why it ended', `${reasonsEpisodeCeased.label(period.reasonEnded ?? '')} (${period.reasonEnded})`));
    rows.push(row('Category of need', `${categoriesOfNeed.label(period.categoryOfNeed)} (${period.categoryOfNeed})`));
    if (period.uasc) rows.push(row('Unaccompanied asylum-seeking child', 'Yes'));
    if (carePlan) rows.push(row('Permanence plan', carePlan.permanencePlans.map((x) => permanencePlans.label(x)).join('; ') || 'Not recorded'));
    if (perm) {
      const steps = [
        perm.admDecisionDate && `should be placed for adoption (agency decision) ${d(perm.admDecisionDate)}`,
        perm.placementOrderDate && `placement order ${d(perm.placementOrderDate)}`,
        perm.matchedDate && `matched ${d(perm.matchedDate)}`,
        perm.placedForAdoptionDate && `placed for adoption ${d(perm.placedForAdoptionDate)}`,
        perm.decisionReversedDate && `decision reversed ${d(perm.decisionReversedDate)}`,
        perm.permanenceOrderDate && `${lowerFirst(permanenceOrderLabel(perm.permanenceOrderType))} ${d(perm.permanenceOrderDate)}`,
      ].filter(Boolean) as string[];
      if (steps.length) rows.push(row('Permanence', upperFirst(steps.join('; '))));
    }
    blocks.push({ type: 'card', title, rows });

    if (legal.length) {
      blocks.push({ type: 'heading', text: 'Legal status', level: 4 }, {
        type: 'table',
        caption: `Legal status, period of care from ${d(period.startDate)}`,
        head: [t('Legal status'), t('From'), t('To')],
        rows: newest(legal, (l) => l.startDate).map((l) => [t(`${legalStatuses.label(l.code)} (${l.code})`), t(d(l.startDate)), t(l.endDate ? d(l.endDate) : 'Now')]),
      });
    }
    if (placed.length) {
      const head = [t('Placement'), t('Carer or provider'), t('From'), t('To'), t('Why it ended')];
      if (o.canSeeCost) head.push({ text: 'Weekly cost', format: 'numeric' });
      blocks.push({ type: 'heading', text: 'Placements', level: 4 }, {
        type: 'table',
        caption: `Placements, period of care from ${d(period.startDate)}, newest first`,
        head,
        rows: newest(placed, (x) => x.placement.startDate).map((x) => {
          const pl = x.placement;
          const cells = [
            t(`${upperFirst(placementShortWords(pl.placementType))} (${pl.placementType})${pl.longTerm ? ', long-term' : ''}`),
            t([placementWhere(x), pl.provider && `${upperFirst(PROVIDER_WORDS[pl.provider] ?? placementProviders.label(pl.provider))} provision (${pl.provider})`].filter(Boolean).join('. ')),
            t(d(pl.startDate)),
            t(pl.endDate ? d(pl.endDate) : 'Now'),
            t(pl.changeReason ? `${shortLabel(reasonsForPlacementChange.label(pl.changeReason))} (${pl.changeReason})` : ''),
          ];
          if (o.canSeeCost) cells.push(num(costOf(x)));
          return cells;
        }),
      });
    }
    // The SSDA903 episodes this period returns, derived from the two timelines (never stored).
    const derived = deriveEpisodes(
      { id: period.id, startDate: period.startDate, endDate: period.endDate, reasonEnded: period.reasonEnded },
      legal.map((l) => ({ startDate: l.startDate, endDate: l.endDate, code: l.code })),
      placed.map((x) => ({
        id: x.placement.id,
        startDate: x.placement.startDate,
        endDate: x.placement.endDate,
        placeType: x.placement.placementType,
        provider: x.placement.provider,
        postcode: x.placement.postcode,
        urn: x.placement.urn,
        carerId: x.placement.fosterCarerId ?? x.placement.providerId,
        reasonPlaceChange: x.placement.changeReason,
      })),
      period.categoryOfNeed,
    );
    if (derived.episodes.length || derived.problems.length) {
      const inner: Block[] = [];
      if (derived.problems.length) {
        inner.push({ type: 'problems', title: `The return would query this period of care (${plural(derived.problems.length, 'problem')})`, items: derived.problems.map((x) => `${x.message}${x.rule ? ` (rule ${x.rule})` : ''}`) });
      }
      inner.push({
        type: 'table',
        caption: `SSDA903 episodes, period of care from ${d(period.startDate)}, newest first`,
        head: [t('Started (DECOM)'), t('Reason for new episode (RNE)'), t('Legal status (LS)'), t('Placement (PLACE, provider, postcode)'), t('Ended (DEC)'), t('Reason ceased (REC)')],
        rows: [...derived.episodes].reverse().map((e) => [
          t(d(e.decom)),
          t(`${e.rne}: ${reasonsForNewEpisode.label(e.rne)}`),
          t(e.ls),
          t([e.place, e.placeProvider, e.plPost && formatPostcode(e.plPost)].filter(Boolean).join(', ')),
          t(e.dec ? d(e.dec) : 'Open'),
          t(e.rec === 'X1' ? 'X1 (a new episode the same day)' : e.rec ? `${e.rec}: ${reasonsEpisodeCeased.label(e.rec)}` : ''),
        ]),
      });
      blocks.push({ type: 'details', summary: `SSDA903 episodes for the return (${plural(derived.episodes.length, 'episode')}${derived.problems.length ? `, ${plural(derived.problems.length, 'problem')}` : ''})`, blocks: inner });
    }
    if (i === 0 && periods.length > 1) blocks.push({ type: 'heading', text: 'Earlier periods of care', level: 3 });
  });

  if (rec.claReviews.length) {
    blocks.push(
      { type: 'heading', text: 'Looked after reviews', level: 3 },
      {
        type: 'table',
        caption: 'Looked after reviews, newest first',
        head: [t('Date'), t('Due by'), t('Child’s participation'), t('IRO (independent reviewing officer)')],
        rows: newest(rec.claReviews, (r) => r.reviewDate).map((r) => [
          t(`${d(r.reviewDate)}${r.cancelled ? ' (cancelled)' : late(r) ? ' (late)' : ''}`),
          t(d(r.dueDate)),
          t(r.participation ? `${r.participation}: ${reviewParticipation.label(r.participation)}` : 'Not recorded'),
          t(staff(r.iroId)),
        ]),
      },
    );
  }
  if (rec.missingEpisodes.length) {
    blocks.push(
      { type: 'heading', text: 'Missing and away from placement', level: 3 },
      {
        type: 'table',
        caption: 'Missing and away from placement, newest first',
        head: [t('From'), t('Returned'), t('Missing or away'), t('Return home interview')],
        rows: newest(rec.missingEpisodes, (m) => m.startDate).map((m) => [
          t(d(m.startDate)),
          t(m.endDate ? d(m.endDate) : 'Not yet returned', m.endDate ? undefined : 'hearth-overdue'),
          t(missingTypes.label(m.missingType)),
          t(m.rhiOffered === null ? 'Not recorded' : m.rhiOffered ? `Offered${m.rhiOfferedDate ? ` ${d(m.rhiOfferedDate)}` : ''}${m.rhiAccepted === null ? '' : m.rhiAccepted ? ', accepted' : ', declined'}` : 'Not offered'),
        ]),
      },
    );
  }
  return { id: 'looked-after', title: 'Looked after', count: rec.periodsOfCare.length + rec.placements.length + rec.claReviews.length + rec.missingEpisodes.length, blocks };
}

function healthSection(rec: ChildRecord): Section {
  const blocks: Block[] = [];
  // The latest of each, at a glance: what an IRO or a health colleague asks first.
  const latest = (type: (t: string) => boolean) => newest(rec.healthChecks.filter((h) => type(h.checkType) && h.status === 'completed'), (h) => h.checkDate)[0];
  const assessment = latest((x) => x.endsWith('health_assessment'));
  const dental = latest((x) => x === 'dental_check');
  const immunised = newest(rec.immunisations, (i) => i.statusDate)[0];
  const sdq = newest(rec.sdqScores, (q) => q.completedDate)[0];
  const glance: Row[] = [];
  if (assessment) glance.push(row('Latest health assessment', `${d(assessment.checkDate)} (${lowerFirst(healthCheckLabel(assessment.checkType))})`));
  if (dental) glance.push(row('Latest dental check', d(dental.checkDate)));
  if (immunised) glance.push(row('Immunisations', `${immunised.upToDate ? 'Up to date' : 'Not up to date'} as at ${d(immunised.statusDate)}`));
  if (sdq) glance.push(row('Latest SDQ', sdq.score !== null ? `Score ${sdq.score} on ${d(sdq.completedDate)}` : `Not completed on ${d(sdq.completedDate)}`));
  if (glance.length) blocks.push({ type: 'list', rows: glance });
  if (rec.healthChecks.length) {
    blocks.push(
      { type: 'heading', text: 'Health assessments and dental checks', level: 3 },
      {
        type: 'table',
        caption: 'Health assessments and dental checks, newest first',
        head: [t('Date'), t('Check'), t('Status')],
        rows: newest(rec.healthChecks, (h) => h.checkDate).map((h) => [t(d(h.checkDate)), t(healthCheckLabel(h.checkType)), t(healthCheckStatusLabel(h.status))]),
      },
    );
  }
  if (rec.immunisations.length) {
    blocks.push(
      { type: 'heading', text: 'Immunisations', level: 3 },
      { type: 'table', caption: 'Immunisations, newest first', head: [t('As at'), t('Up to date')], rows: newest(rec.immunisations, (i) => i.statusDate).map((i) => [t(d(i.statusDate)), t(yesNo(i.upToDate))]) },
    );
  }
  if (rec.sdqScores.length) {
    blocks.push(
      { type: 'heading', text: 'Strengths and difficulties questionnaire (SDQ)', level: 3 },
      {
        type: 'table',
        caption: 'Strengths and difficulties questionnaire (SDQ) scores, newest first',
        head: [t('Date'), { text: 'Score (0 to 40)', format: 'numeric' }, t('Reason not completed')],
        rows: newest(rec.sdqScores, (q) => q.completedDate).map((q) => [t(d(q.completedDate)), num(q.score ?? ''), t(q.reason ? `${q.reason}: ${sdqReasons.label(q.reason)}` : '')]),
      },
    );
  }
  return { id: 'health', title: 'Health', count: rec.healthChecks.length + rec.immunisations.length + rec.sdqScores.length, blocks };
}

function educationSection(rec: ChildRecord): Section {
  const p = rec.person;
  const latestPep = newest(rec.peps, (x) => x.pepDate)[0];
  const blocks: Block[] = [
    {
      type: 'list',
      rows: [
        row('Unique pupil number (UPN)', p.upn ?? (p.upnUnknownReason ? `Not known: ${lowerFirst(ssda903UpnUnknownReasons.label(p.upnUnknownReason))}` : null)),
        ...(latestPep ? [row('Latest PEP', `${d(latestPep.pepDate)}${latestPep.school ? `, ${latestPep.school}` : ''}`)] : []),
      ],
    },
    { type: 'heading', text: 'Personal education plans (PEPs)', level: 3 },
    {
      type: 'table',
      caption: 'Personal education plans, newest first',
      head: [t('Date'), t('School'), t('Quality')],
      rows: newest(rec.peps, (x) => x.pepDate).map((x) => [t(d(x.pepDate)), t(x.school), t(pepQualityLabel(x.quality))]),
    },
  ];
  return { id: 'education', title: 'Education', count: rec.peps.length, blocks };
}

function careLeaverSection(rec: ChildRecord, today: PlainDate, staff: Staff): Section {
  const blocks: Block[] = [];
  const count = rec.careLeavers.length + rec.pathwayPlans.length + rec.keepInTouch.length;
  if (!count) return { id: 'care-leaver', title: 'Care leaver', count, blocks };
  const eligibility = (e: string) => careLeaverEligibilityLabels[e as CareLeaverEligibility] ?? e;
  const now = newest(rec.careLeavers.filter((c) => inForce(c, today)), (c) => c.startDate)[0];
  const plan = newest(rec.pathwayPlans, (x) => x.planDate)[0];
  const latest = newest(rec.keepInTouch, (k) => k.contactDate)[0];
  blocks.push({
    type: 'list',
    rows: [
      row('Eligibility', now ? `${eligibility(now.eligibility)} since ${d(now.startDate)}` : 'No current eligibility'),
      row('Personal adviser', now ? staff(now.personalAdviserId) : null),
      row('Latest pathway plan', plan ? `${d(plan.planDate)}${plan.isReview ? ' (review)' : ''}` : null),
      row('Last in touch', latest ? `${d(latest.contactDate)}: ${lowerFirst(careLeaverInTouch.label(latest.inTouch))}` : null),
      row('Activity', latest?.activity ? careLeaverActivities.label(latest.activity) : null),
      row('Accommodation', latest?.accommodation ? careLeaverAccommodation.label(latest.accommodation) : null),
    ],
  });
  if (rec.careLeavers.length) {
    blocks.push(
      { type: 'heading', text: 'Eligibility for care leaver support', level: 3 },
      {
        type: 'table',
        caption: 'Eligibility for care leaver support, newest first',
        head: [t('Eligibility'), t('From'), t('To'), t('Personal adviser')],
        rows: newest(rec.careLeavers, (c) => c.startDate).map((c) => [t(eligibility(c.eligibility)), t(d(c.startDate)), t(c.endDate ? d(c.endDate) : 'Now'), t(staff(c.personalAdviserId))]),
      },
    );
  }
  if (rec.pathwayPlans.length) {
    blocks.push(
      { type: 'heading', text: 'Pathway plans', level: 3 },
      { type: 'table', caption: 'Pathway plans, newest first', head: [t('Date'), t('Plan or review')], rows: newest(rec.pathwayPlans, (x) => x.planDate).map((x) => [t(d(x.planDate)), t(x.isReview ? 'Review' : 'Pathway plan')]) },
    );
  }
  if (rec.keepInTouch.length) {
    blocks.push(
      { type: 'heading', text: 'Keeping in touch', level: 3 },
      {
        type: 'table',
        caption: 'Keeping in touch, newest first',
        head: [t('Date'), t('In touch'), t('Activity'), t('Accommodation')],
        rows: newest(rec.keepInTouch, (k) => k.contactDate).map((k) => [
          t(d(k.contactDate)),
          t(careLeaverInTouch.label(k.inTouch)),
          t(k.activity ? careLeaverActivities.label(k.activity) : ''),
          t(k.accommodation ? careLeaverAccommodation.label(k.accommodation) : ''),
        ]),
      },
    );
  }
  return { id: 'care-leaver', title: 'Care leaver', count, blocks };
}

function visitsSection(rec: ChildRecord, o: ChildPageOptions, staff: Staff): Section {
  const all = newest(rec.visits, (v) => v.visitDate);
  const shown = o.allVisits ? all : all.slice(0, VISITS_SHOWN);
  const seen = all.filter((v) => v.childSeen);
  const blocks: Block[] = [
    { type: 'paragraph', text: all.length ? `${plural(all.length, 'visit')}; the child was seen at ${seen.length}, and seen alone at ${seen.filter((v) => v.childSeenAlone).length}. Latest first.` : '' },
    {
      type: 'table',
      caption: 'Visits, latest first',
      head: [t('Date'), t('Visit'), t('Child seen'), t('Seen alone'), t('Bedroom seen'), t('Visited by'), t('Written up')],
      rows: shown.map((v) => [
        t(d(v.visitDate)),
        t(visitTypeLabel(v.visitType)),
        t(yesNo(v.childSeen)),
        t(v.childSeen ? yesNo(v.childSeenAlone) : ''),
        t(yesNo(v.bedroomSeen)),
        t(staff(v.workerId) ?? staff(v.createdBy)),
        t(v.writtenUpOn ? d(v.writtenUpOn) : 'Not yet'),
      ]),
      more: shown.length < all.length ? { href: `/children/${rec.person.id}?visits=all#visits`, text: `Show all ${all.length} visits` } : null,
    },
  ];
  return { id: 'visits', title: 'Visits', count: all.length, blocks };
}

function supervisionSection(rec: ChildRecord, staff: Staff): Section {
  const blocks: Block[] = [
    {
      type: 'table',
      caption: 'Supervision decisions about the child, newest first',
      head: [t('Date'), t('Decision'), t('Rationale'), t('Supervisor'), t('Worker')],
      rows: newest(rec.supervisionDecisions, (x) => x.date).map((x) => [t(d(x.date)), t(x.decision), t(x.rationale), t(staff(x.supervisorId)), t(staff(x.workerId))]),
    },
  ];
  return { id: 'supervision', title: 'Supervision decisions', count: rec.supervisionDecisions.length, blocks };
}
