/**
 * The child's page as a view model: the summary card, the chronology and the sections, from the
 * record, today's date and what the reader may see. Pure (no clock, no database): the template
 * only lays out what this returns, with text cells wherever it can (autoescaped) and HTML built
 * here only for links, escaped.
 */
import { careLeaverAccommodation, disabilities } from '../../domain/codes/index.js';
import { type CareLeaverEligibility, type ChildStatus, childStatusOn, describeChildStatus } from '../../domain/journey/status.js';
import { type PlainDate, describeDueDate, describeDueInstant } from '../../domain/time/index.js';
import type { ChildRecord } from './children.service.js';
import { type ChronologyEntry, type ChronologyKind, buildChronology, bylineOf, chronologyKindLabels } from './chronology.js';
import { formatPostcode, obligationRuleLabel } from './labels.js';
import { escapeHtml } from '../../web/escape-html.js';
import { type Staff, ageOn, d, inForce, lowerFirst, newest, upperFirst } from './page/blocks.js';
import { placementShortWords, placementWhere } from './page/placement-words.js';
import { familySection } from './page/family.section.js';
import { childInNeedSection } from './page/child-in-need.section.js';
import { childProtectionSection } from './page/child-protection.section.js';
import { lookedAfterSection } from './page/looked-after.section.js';
import { educationSection, healthSection } from './page/health-education.section.js';
import { careLeaverSection } from './page/care-leaver.section.js';
import { supervisionSection, visitsSection } from './page/visits-supervision.section.js';
import { earlyHelpActions, earlyHelpSection } from './page/early-help.section.js';
import { CHRONOLOGY_PAGE, type ChildPageOptions } from './page/options.js';

export { CHRONOLOGY_PAGE, VISITS_SHOWN, type CaseAction, type ChildPageOptions } from './page/options.js';
export type { Block, Section } from './page/blocks.js';
export { ageOn } from './page/blocks.js';


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
      ...earlyHelpActions(rec),
      ...((o.recordable ?? []).length ? [{ href: `/children/${p.id}/casework`, text: 'Casework: what is due and everything that can be recorded' }] : []),
    ],
    chronology: chronologyOf(rec, chronology, o),
    sections: [
      familySection(rec, o.today, staff),
      earlyHelpSection(rec, staff),
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
  const age = p.dateOfBirth ? ageOn(p.dateOfBirth as PlainDate, today) : null;
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
  // A team allocation with no worker (a referral the team has not yet allocated, or a transfer in): the team holds it.
  let allocated = worker ? (worker.allocation.workerId ? `${staff(worker.allocation.workerId) ?? 'Unallocated'}, ${worker.teamName}` : `Not yet allocated (${worker.teamName})`) : open ? `Not yet allocated${open.teamName ? ` (${open.teamName})` : ''}` : 'Not allocated';
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
      const words = ob.dueOn ? describeDueDate(ob.dueOn as PlainDate, today) : ob.dueAt ? describeDueInstant(ob.dueAt, o.now) : null;
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

