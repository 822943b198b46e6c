/** Visits and supervision decisions. */
import type { ChildRecord } from '../children.service.js';
import { visitTypeLabel, yesNo } from '../labels.js';
import { type Block, type Section, d, t, newest, plural, type Staff } from './blocks.js';

import { type ChildPageOptions, VISITS_SHOWN } from './options.js';

export function visitsSection(rec: ChildRecord, o: ChildPageOptions, staff: Staff): Section {
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

export function supervisionSection(rec: ChildRecord, staff: Staff): Section {
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
