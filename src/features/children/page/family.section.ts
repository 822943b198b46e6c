/** Family and the child's own facts. */
import { disabilities, ethnicities, ssda903UpnUnknownReasons } from '../../../domain/codes/index.js';
import { type PlainDate } from '../../../domain/time/index.js';
import type { ChildRecord } from '../children.service.js';
import { allocationRoleLabel, formatPostcode, relationshipLabel, yesNo } from '../labels.js';
import { type Row, type Block, type Section, d, t, row, lowerFirst, newest, type Staff } from './blocks.js';
import { ageOn } from './blocks.js';

export function familySection(rec: ChildRecord, today: PlainDate, staff: Staff): Section {
  const p = rec.person;
  const blocks: Block[] = [];
  const immigration = newest(rec.immigrationStatuses, (i) => i.startDate)[0];
  const about: Row[] = [
    row('Ethnicity', p.ethnicity ? ethnicities.label(p.ethnicity) : null),
    row('Disability', rec.disabilities.length ? rec.disabilities.map((x) => disabilities.label(x.code)).join('; ') : null),
    row('Unique pupil number (UPN)', p.upn ?? (p.upnUnknownReason ? `Not known: ${lowerFirst(ssda903UpnUnknownReasons.label(p.upnUnknownReason))}` : null)),
  ];
  if (p.schoolName) about.push(row('School', `${p.schoolName}${p.schoolUrn ? ` (URN ${p.schoolUrn})` : ''}`));
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
          t(r.dateOfBirth ? `${d(r.dateOfBirth)} (age ${ageOn(r.dateOfBirth as PlainDate, today)})` : 'Not known'),
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
