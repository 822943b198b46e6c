/** Health and education sections. */
import { sdqReasons, ssda903UpnUnknownReasons } from '../../../domain/codes/index.js';
import type { ChildRecord } from '../children.service.js';
import { healthCheckLabel, healthCheckStatusLabel, pepQualityLabel, yesNo } from '../labels.js';
import { type Row, type Block, type Section, d, t, num, row, lowerFirst, newest } from './blocks.js';

export function healthSection(rec: ChildRecord): Section {
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

export function educationSection(rec: ChildRecord): Section {
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
