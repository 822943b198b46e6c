import { workingDaysBetween } from '../time/index.js';
import type { Indicator } from './indicator.js';
import { inWindow, percent } from './measure.js';

/** Working Together to Safeguard Children 2023, chapter 2: an assessment within 45 working days. */
export const ASSESSMENT_WORKING_DAYS = 45;

export const assessmentsInTime: Indicator = {
  id: 'assessments-45-wd',
  title: 'Assessments completed within 45 working days',
  definition: 'Of the assessments authorised in the period, the share authorised within 45 working days of the assessment’s start.',
  source: 'Working Together to Safeguard Children 2023 (45 working days); DfE, Children in need statistics (start to authorisation)',
  measure: 'period',
  unit: 'percent',
  polarity: 'higher-is-better',
  england: { value: 85.7, year: '2024-25', source: 'DfE, Children in need statistics' },
  compute: ({ children, window }) => {
    const done = children.flatMap((c) => c.assessments.filter((a) => inWindow(a.authorisedDate, window)).map((a) => ({ id: c.personId, a })));
    return percent(done.filter(({ a }) => workingDaysBetween(a.startDate, a.authorisedDate!) <= ASSESSMENT_WORKING_DAYS).map((d) => d.id), done.length);
  },
};

export const ASSESSMENT_INDICATORS: readonly Indicator[] = [assessmentsInTime];
