import { primaryNeeds, referralSources } from '../../domain/codes/index.js';
import { type ContactDecision, contactDecisionLabels, type ReferralDecision, referralDecisionLabels } from '../../domain/front-door/contact-decision.js';
import { type RagRating, ragLabels } from '../../domain/front-door/rag.js';
import { type PlainDate, formatLongDate, londonDateOf, londonDateTimeToInstant } from '../../domain/time/index.js';

export type ChronologyKind = 'contact' | 'rag' | 'decision' | 'referral' | 'allocation' | 'closure';

export const chronologyKindLabels: Record<ChronologyKind, string> = {
  contact: 'Contacts',
  rag: 'RAG ratings',
  decision: 'MASH decisions',
  referral: 'Referrals',
  allocation: 'Allocations',
  closure: 'Closures',
};

export interface ChronologyEntry {
  kind: ChronologyKind;
  /** When it happened; a date-only event is stored at the start of its day (see `newestFirst` for its place in the list). */
  at: Date;
  dateOnly: boolean;
  title: string;
  text: string;
  by: string | null;
  href: string | null;
}

interface Sources {
  contacts: { contact: { id: string; receivedAt: Date; source: string; concerns: string; decision: string | null; decisionRationale: string | null; decidedAt: Date | null }; recordedBy: string; decidedBy: string | null }[];
  ratings: { rating: { contactId: string; rating: string; reason: string | null; ratedAt: Date }; ratedBy: string }[];
  episodes: { episode: { id: string; referralDate: string; primaryNeedCode: string; referralDecision: string | null; referralDecidedOn: string | null; referralDecisionRationale: string | null; closureDate: string | null; closureReason: string | null }; createdBy: string | null; decidedBy: string | null; teamName: string | null }[];
  allocations: { allocation: { startDate: string; endDate: string | null; reason: string | null }; worker: string | null; teamName: string }[];
}

const dayStart = (d: string) => londonDateTimeToInstant(d as PlainDate, '00:00');

/** One chronology of everything recorded about the child, newest first. */
export function buildChronology(s: Sources): ChronologyEntry[] {
  const entries: ChronologyEntry[] = [];
  for (const { contact: c, recordedBy, decidedBy } of s.contacts) {
    entries.push({ kind: 'contact', at: c.receivedAt, dateOnly: false, title: `Contact from ${referralSources.label(c.source)}`, text: c.concerns, by: recordedBy, href: `/contacts/${c.id}` });
    if (c.decision && c.decidedAt) {
      entries.push({ kind: 'decision', at: c.decidedAt, dateOnly: false, title: `MASH decision: ${contactDecisionLabels[c.decision as ContactDecision]}`, text: c.decisionRationale ?? '', by: decidedBy, href: `/contacts/${c.id}` });
    }
  }
  for (const { rating: r, ratedBy } of s.ratings) {
    entries.push({ kind: 'rag', at: r.ratedAt, dateOnly: false, title: `RAG rated ${ragLabels[r.rating as RagRating].toLowerCase()}`, text: r.reason ?? '', by: ratedBy, href: `/contacts/${r.contactId}` });
  }
  for (const { episode: e, createdBy, decidedBy, teamName } of s.episodes) {
    entries.push({ kind: 'referral', at: dayStart(e.referralDate), dateOnly: true, title: 'Referral: child in need episode opened', text: `Primary need ${e.primaryNeedCode}: ${primaryNeeds.label(e.primaryNeedCode)}${teamName ? `; team: ${teamName}` : ''}`, by: createdBy, href: `/referrals/${e.id}` });
    if (e.referralDecision && e.referralDecidedOn) {
      entries.push({ kind: 'decision', at: dayStart(e.referralDecidedOn), dateOnly: true, title: `Response to referral: ${referralDecisionLabels[e.referralDecision as ReferralDecision]}`, text: e.referralDecisionRationale ?? '', by: decidedBy, href: `/referrals/${e.id}` });
    }
    if (e.closureDate) {
      entries.push({ kind: 'closure', at: dayStart(e.closureDate), dateOnly: true, title: `Child in need episode closed (${e.closureReason})`, text: `Open from ${formatLongDate(e.referralDate as PlainDate)}`, by: null, href: `/referrals/${e.id}` });
    }
  }
  for (const { allocation: a, worker, teamName } of s.allocations) {
    entries.push({ kind: 'allocation', at: dayStart(a.startDate), dateOnly: true, title: `Allocated to ${worker ?? 'the team'} (${teamName})`, text: a.reason ?? '', by: null, href: null });
  }
  return entries.sort(newestFirst);
}

/**
 * Where a date-only event falls among the others of its day, oldest first: an episode is opened
 * (referral), then responded to (a date-only decision), then allocated, then closed.
 */
const DATE_ONLY_STEP: Record<ChronologyKind, number> = { contact: 0, rag: 0, referral: 0, decision: 1, allocation: 2, closure: 3 };

/**
 * Newest first, day by day. Within a day, events known only by their date come above (after) the
 * timed ones: they follow from them (a referral is opened by the MASH decision that day, its
 * response comes later still), so sorting them at midnight put a referral below the contact that
 * led to it. Timed events by their instant; date-only events in the order of DATE_ONLY_STEP.
 */
function newestFirst(a: ChronologyEntry, b: ChronologyEntry): number {
  const day = londonDateOf(b.at).localeCompare(londonDateOf(a.at));
  if (day !== 0) return day;
  if (a.dateOnly !== b.dateOnly) return a.dateOnly ? -1 : 1;
  if (a.dateOnly) return DATE_ONLY_STEP[b.kind] - DATE_ONLY_STEP[a.kind];
  return b.at.getTime() - a.at.getTime();
}
