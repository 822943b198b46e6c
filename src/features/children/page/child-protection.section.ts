/** The child protection part of the page: strategy discussions, section 47 enquiries, conferences, plans, core groups. */
import { categoriesOfAbuse, reviewParticipation } from '../../../domain/codes/index.js';
import { type PlainDate, compareDates } from '../../../domain/time/index.js';
import type { ChildRecord } from '../children.service.js';
import { s47OutcomeLabel, yesNo } from '../labels.js';
import { type Block, type Section, d, t, row, lowerFirst, upperFirst, newest, plural, late, type Staff } from './blocks.js';

export function childProtectionSection(rec: ChildRecord, staff: Staff): Section {
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
          t(c.targetDate && !c.transferIn ? yesNo(compareDates(c.conferenceDate as PlainDate, c.targetDate as PlainDate) <= 0) : ''),
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
