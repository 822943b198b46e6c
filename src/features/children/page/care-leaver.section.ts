/** The care leaver part of the page. */
import { careLeaverAccommodation, careLeaverActivities, careLeaverInTouch } from '../../../domain/codes/index.js';
import { type CareLeaverEligibility, careLeaverEligibilityLabels } from '../../../domain/journey/status.js';
import { type PlainDate } from '../../../domain/time/index.js';
import type { ChildRecord } from '../children.service.js';
import { type Block, type Section, d, t, row, lowerFirst, newest, inForce, type Staff } from './blocks.js';

export function careLeaverSection(rec: ChildRecord, today: PlainDate, staff: Staff): Section {
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
