/** The child in need part of the page: episodes, assessments, child in need plans (early help has its own section). */
import { assessmentFactors, cinClosureReasons, primaryNeeds } from '../../../domain/codes/index.js';
import { type ReferralDecision, referralDecisionLabels } from '../../../domain/front-door/contact-decision.js';
import type { ChildRecord } from '../children.service.js';
import { assessmentOutcomeLabel, cinPlanReviewOutcomeLabel, yesNo } from '../labels.js';
import { escapeHtml } from '../../../web/escape-html.js';
import { type Block, type Section, d, t, num, lowerFirst, newest, type Staff } from './blocks.js';

export function childInNeedSection(rec: ChildRecord, staff: Staff): Section {
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
    const awaiting = rec.closureProposals.find((p) => p.decision === null);
    if (awaiting) blocks.push({ type: 'paragraph', text: `Closure awaiting a manager’s agreement: proposed by ${staff(awaiting.proposedBy) ?? 'a worker'} to close on ${d(awaiting.closureDate)} (${awaiting.closureReason}).` });
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
  return { id: 'child-in-need', title: 'Child in need', count: rec.episodes.length + rec.assessments.length + rec.cinPlans.length, blocks };
}
