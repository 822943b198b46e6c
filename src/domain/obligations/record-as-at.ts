import { type PlainDate, compareDates } from '../time/index.js';
import type { ObligationRecord } from './child-record.js';

/**
 * A child's record as it stood at the end of `at`: events after it removed, and what was decided or
 * ended after it not yet decided or ended. Computing obligations from it answers "what was owed
 * then" (`hearth obligations --as-of` a past date) without items that later events created.
 */
export function recordAsAt(r: ObligationRecord, at: PlainDate): ObligationRecord {
  const by = (d: PlainDate | null): d is PlainDate => d !== null && compareDates(d, at) <= 0;
  const upTo = (d: PlainDate | null) => (by(d) ? d : null);
  return {
    personId: r.personId,
    episodes: r.episodes
      .filter((e) => by(e.referralDate))
      .map((e) => ({ ...e, referralDecision: by(e.referralDecidedOn) ? e.referralDecision : null, referralDecidedOn: upTo(e.referralDecidedOn), closureDate: upTo(e.closureDate) })),
    assessments: r.assessments.filter((a) => by(a.startDate)).map((a) => ({ ...a, authorisedDate: upTo(a.authorisedDate), outcome: by(a.authorisedDate) ? a.outcome : null })),
    strategyDiscussions: r.strategyDiscussions.filter((s) => by(s.date)),
    s47Enquiries: r.s47Enquiries.filter((s) => by(s.startDate)).map((s) => ({ ...s, endDate: upTo(s.endDate), icpcRequired: by(s.endDate) ? s.icpcRequired : null })),
    icpcs: r.icpcs.filter((c) => by(c.date)),
    cpPlans: r.cpPlans.filter((p) => by(p.startDate)).map((p) => ({ ...p, endDate: upTo(p.endDate) })),
    cpReviews: r.cpReviews.filter((v) => by(v.date)),
    coreGroups: r.coreGroups.filter((g) => by(g.date)),
    cinPlans: r.cinPlans.filter((p) => by(p.startDate)).map((p) => ({ ...p, endDate: upTo(p.endDate) })),
    cinPlanReviews: r.cinPlanReviews.filter((v) => by(v.date)),
    visits: r.visits.filter((v) => by(v.date)).map((v) => ({ ...v, writtenUpOn: upTo(v.writtenUpOn) })),
    allocations: r.allocations.filter((a) => by(a.startDate)).map((a) => ({ ...a, endDate: upTo(a.endDate) })),
    supervisionDiscussions: r.supervisionDiscussions.filter((s) => by(s.date)),
    dateOfBirth: r.dateOfBirth,
    periodsOfCare: r.periodsOfCare.filter((p) => by(p.startDate)).map((p) => ({ ...p, endDate: upTo(p.endDate) })),
    legalStatuses: r.legalStatuses.filter((l) => by(l.startDate)).map((l) => ({ ...l, endDate: upTo(l.endDate) })),
    placements: r.placements.filter((p) => by(p.startDate)).map((p) => ({ ...p, endDate: upTo(p.endDate), planAgreedOn: upTo(p.planAgreedOn) })),
    claReviews: r.claReviews.filter((v) => by(v.date)),
    carePlans: r.carePlans.filter((p) => by(p.startDate)),
    healthChecks: r.healthChecks.filter((h) => by(h.date)),
    sdqs: r.sdqs.filter((s) => by(s.date)),
    peps: r.peps.filter((p) => by(p.date)),
    missingEpisodes: r.missingEpisodes
      .filter((m) => by(m.startDate))
      .map((m) => {
        const returned = by(m.endDate);
        return { ...m, endDate: upTo(m.endDate), returnedAt: returned ? m.returnedAt : null, rhiOfferedOn: upTo(m.rhiOfferedOn), strategyMeetingOn: upTo(m.strategyMeetingOn) };
      }),
    careLeaverStatuses: r.careLeaverStatuses.filter((c) => by(c.startDate)).map((c) => ({ ...c, endDate: upTo(c.endDate), needsAssessedOn: upTo(c.needsAssessedOn) })),
    pathwayPlans: r.pathwayPlans.filter((p) => by(p.date)),
    careLeaverContacts: r.careLeaverContacts.filter((c) => by(c.date)),
  };
}
