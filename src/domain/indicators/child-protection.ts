import { addMonths, compareDates, workingDaysBetween } from '../time/index.js';
import type { Indicator, IndicatorInput } from './indicator.js';
import { count, inWindow, openAt, per10k, percent } from './measure.js';

const DFE_CIN = 'DfE, Children in need statistics (CIN census)';
/** Working Together to Safeguard Children 2023, chapter 2: the initial conference within 15 working days of the strategy discussion that started the enquiry. */
export const ICPC_WORKING_DAYS = 15;

const s47sIn = ({ children, window }: IndicatorInput) => children.flatMap((c) => c.s47Enquiries.filter((s) => inWindow(s.startDate, window)).map((s) => ({ child: c, s47: s })));
/** Initial conferences held in the window, not counting those held because the child moved in on a plan from elsewhere. */
const icpcsIn = ({ children, window }: IndicatorInput) => children.flatMap((c) => c.icpcs.filter((i) => !i.transferIn && inWindow(i.date, window)).map((i) => ({ child: c, icpc: i })));

export const s47Rate: Indicator = {
  id: 's47-rate',
  title: 'Section 47 enquiries per 10,000 children',
  definition: 'Section 47 enquiries started in the period, per 10,000 children aged 0 to 17.',
  source: DFE_CIN,
  measure: 'period',
  unit: 'per-10k',
  polarity: 'context',
  england: { value: 189, year: '2024-25', source: DFE_CIN },
  compute: (input) => per10k(s47sIn(input).map((s) => s.child.personId), input),
};

export const icpcRate: Indicator = {
  id: 'icpc-rate',
  title: 'Initial child protection conferences per 10,000 children',
  definition: 'Initial child protection conferences held in the period, per 10,000 children aged 0 to 17.',
  source: DFE_CIN,
  measure: 'period',
  unit: 'per-10k',
  polarity: 'context',
  england: { value: 59, year: '2024-25', source: DFE_CIN },
  compute: (input) => per10k(icpcsIn(input).map((i) => i.child.personId), input),
};

export const icpcInTime: Indicator = {
  id: 'icpc-15-wd',
  title: 'Initial conferences within 15 working days',
  definition: 'Of the initial child protection conferences held in the period after a section 47 enquiry, the share held within 15 working days of the enquiry’s start.',
  source: 'Working Together to Safeguard Children 2023 (15 working days); DfE, Children in need statistics',
  measure: 'period',
  unit: 'percent',
  polarity: 'higher-is-better',
  england: { value: 81, year: '2024-25', source: DFE_CIN },
  compute: (input) => {
    const held = icpcsIn(input).flatMap(({ child, icpc }) => {
      const s47 = child.s47Enquiries.find((s) => s.id === icpc.s47EnquiryId);
      return s47 ? [{ id: child.personId, days: workingDaysBetween(s47.startDate, icpc.date) }] : [];
    });
    return percent(held.filter((h) => h.days <= ICPC_WORKING_DAYS).map((h) => h.id), held.length);
  },
};

export const s47ToIcpc: Indicator = {
  id: 's47-to-icpc',
  title: 'Section 47 enquiries leading to an initial conference',
  definition: 'Initial child protection conferences held in the period, as a share of the section 47 enquiries started in it.',
  source: DFE_CIN,
  measure: 'period',
  unit: 'percent',
  polarity: 'context',
  england: { value: 31, year: '2024-25', source: DFE_CIN },
  compute: (input) => percent(icpcsIn(input).map((i) => i.child.personId), s47sIn(input).length),
};

export const cpPlansRate: Indicator = {
  id: 'cp-plans-rate',
  title: 'Children on a child protection plan per 10,000 children',
  definition: 'Children on a child protection plan at the end of the period, per 10,000 children aged 0 to 17.',
  source: DFE_CIN,
  measure: 'as-at',
  unit: 'per-10k',
  polarity: 'context',
  england: { value: 40, year: '2025', source: DFE_CIN },
  compute: (input) => per10k(input.children.filter((c) => c.cpPlans.some((p) => openAt(p.startDate, p.endDate, input.window.to))).map((c) => c.personId), input),
};

export const cpPlansSecondTime: Indicator = {
  id: 'cp-plans-second',
  title: 'Child protection plans for a second or subsequent time',
  definition: 'Of the child protection plans that started in the period, the share where the child had been on a plan before, at any time.',
  source: `${DFE_CIN}: any previous plan in this authority`,
  measure: 'period',
  unit: 'percent',
  polarity: 'lower-is-better',
  england: { value: 23.5, year: '2024-25', source: DFE_CIN },
  compute: ({ children, window }) => {
    const started = children.flatMap((c) => c.cpPlans.filter((p) => inWindow(p.startDate, window)).map((p) => ({ child: c, plan: p })));
    const again = started.filter(({ child, plan }) => child.cpPlans.some((q) => q !== plan && compareDates(q.startDate, plan.startDate) < 0));
    return percent(again.map((s) => s.child.personId), started.length);
  },
};

export const cpPlansTwoYears: Indicator = {
  id: 'cp-plans-two-years',
  title: 'Child protection plans that lasted two years or more',
  definition: 'Of the child protection plans that ended in the period, the share that had lasted two years or more.',
  source: DFE_CIN,
  measure: 'period',
  unit: 'percent',
  polarity: 'lower-is-better',
  england: { value: 4.4, year: '2024-25', source: DFE_CIN },
  compute: ({ children, window }) => {
    const ended = children.flatMap((c) => c.cpPlans.filter((p) => inWindow(p.endDate, window)).map((p) => ({ id: c.personId, plan: p })));
    return percent(ended.filter(({ plan }) => compareDates(plan.endDate!, addMonths(plan.startDate, 24)) >= 0).map((e) => e.id), ended.length);
  },
};

export const cpPlansStarted: Indicator = {
  id: 'cp-plans-started',
  title: 'Child protection plans started',
  definition: 'Child protection plans that started in the period.',
  source: DFE_CIN,
  measure: 'period',
  unit: 'count',
  polarity: 'context',
  england: { value: 61840, year: '2024-25', source: DFE_CIN },
  compute: ({ children, window }) => count(children.flatMap((c) => c.cpPlans.filter((p) => inWindow(p.startDate, window)).map(() => c.personId))),
};

export const CHILD_PROTECTION_INDICATORS: readonly Indicator[] = [s47Rate, icpcRate, icpcInTime, s47ToIcpc, cpPlansRate, cpPlansStarted, cpPlansSecondTime, cpPlansTwoYears];
