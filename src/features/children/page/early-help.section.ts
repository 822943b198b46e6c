/** The early help part of the child's page: episodes (team, lead practitioner, service, how they began and ended) and reviews. */
import { earlyHelpOutcomes, earlyHelpReviewOutcomes, earlyHelpServices } from '../../../domain/early-help/codes.js';
import { urls } from '../../../web/urls.js';
import type { ChildRecord } from '../children.service.js';
import { type Block, type Section, type Staff, d, newest, t, upperFirst } from './blocks.js';

/** An outcome as stored: a code of the list, or (older and imported rows) words. */
const outcomeLabel = (code: string) => (earlyHelpOutcomes.has(code) ? earlyHelpOutcomes.label(code) : upperFirst(code));

export function earlyHelpSection(rec: ChildRecord, staff: Staff): Section {
  const blocks: Block[] = [];
  const open = rec.earlyHelp.find((e) => e.endDate === null);
  if (open && !open.teamId) blocks.push({ type: 'warning', text: 'Early help is awaiting allocation to an early help team and a lead practitioner.' });
  if (rec.earlyHelp.length) {
    blocks.push({
      type: 'table',
      caption: 'Early help episodes, newest first',
      head: [t('Started'), t('Ended'), t('Service'), t('Lead practitioner'), t('How it began'), t('Outcome')],
      rows: newest(rec.earlyHelp, (e) => e.startDate).map((e) => [
        t(d(e.startDate)),
        t(e.endDate ? d(e.endDate) : 'Open'),
        t(e.service ? earlyHelpServices.label(e.service) : (e.organisation ?? 'Not recorded')),
        t(staff(e.workerId) ?? (e.endDate ? '' : 'Not allocated')),
        t(e.fromContactId ? 'MASH decision' : e.steppedDownFromEpisodeId ? 'Step down from children’s social care' : (e.reason ?? '')),
        t(e.endReason ? outcomeLabel(e.endReason) : e.endDate ? 'Not recorded' : ''),
      ]),
    });
  }
  if (rec.earlyHelpReviews.length) {
    blocks.push({
      type: 'table',
      caption: 'Early help reviews, newest first',
      head: [t('Review'), t('Decided'), t('Notes'), t('By')],
      rows: newest(rec.earlyHelpReviews, (r) => r.reviewDate).map((r) => [t(d(r.reviewDate)), t(earlyHelpReviewOutcomes.label(r.outcome)), t(r.notes), t(staff(r.reviewedBy))]),
    });
  }
  return { id: 'early-help', title: 'Early help', count: rec.earlyHelp.length + rec.earlyHelpReviews.length, blocks };
}

/** What the reader may record in early help now, for the page's actions. */
export function earlyHelpActions(rec: ChildRecord & { canRecordEarlyHelp?: boolean; canRecordFrontDoor?: boolean }): { href: string; text: string }[] {
  const open = rec.earlyHelp.find((e) => e.endDate === null);
  if (!open) return [];
  const id = rec.person.id;
  if (!open.teamId) return rec.canRecordEarlyHelp || rec.canRecordFrontDoor ? [{ href: urls.earlyHelp.allocate(id), text: 'Allocate early help' }] : [];
  if (!rec.canRecordEarlyHelp) return [];
  return [
    { href: urls.earlyHelp.review(id), text: 'Record an early help review' },
    { href: urls.earlyHelp.stepUp(id), text: 'Step up to children’s social care' },
    { href: urls.earlyHelp.close(id), text: 'Close early help' },
    { href: urls.earlyHelp.allocate(id), text: 'Change the early help team or lead practitioner' },
  ];
}
