/**
 * The CIN census rules on child protection plans, their reviews and child in need plans (DfE CIN
 * census validation specification, 2025-26). The clean child's plan runs 20 June to 1 December 2025
 * (reviewed 19 September) and steps down to a child in need plan from 1 December.
 */
import { describe } from 'node:test';
import type { CensusEpisode } from '../census-child.js';
import { REFERRAL, cleanEpisode, cleanReturn, d, ruleTests, withCpPlan, withEpisode } from '../../../../../test/support/census-rules.js';

const E = REFERRAL;
type Plan = CensusEpisode['cpPlans'][number];
const cin = (start: string, end: string | null = null) => ({ startDate: d(start), endDate: end === null ? null : d(end) });
const cinPlans = (...plans: ReturnType<typeof cin>[]) => withEpisode({ cinPlans: plans });
const plan = (id: string, start: string, end: string | null): Plan => ({ ...cleanEpisode().cpPlans[0]!, id, startDate: d(start), endDate: end === null ? null : d(end), reviews: [] });

describe('CIN census rules: plans and reviews', () => {
  ruleTests([
    { code: '1105', what: 'a plan starting before the referral', fail: [withCpPlan({ startDate: d('2025-05-05') })], episode: E },
    { code: '2883', what: 'a plan with no conference in the return', fail: cleanReturn().map((c) => (c.laChildId === 'C1' ? { ...c, episodes: [{ ...c.episodes[0]!, icpcs: [] }] } : c)) },
    { code: '2885', what: 'a plan starting on 23 June after the conference on 20 June', fail: [withCpPlan({ startDate: d('2025-06-23') })], episode: E },
    { code: '4001', what: 'both plans open on 31 March', fail: [withCpPlan({ endDate: null })] },
    { code: '4003', what: 'a review on 19 September during a child in need plan (1 September to 1 October)', fail: [cinPlans(cin('2025-09-01', '2025-10-01'))] },
    { code: '4004', what: 'two open child in need plans', fail: [cinPlans(cin('2025-12-01'), cin('2025-12-15'))], episode: E },
    { code: '4008', what: 'a child in need plan starting the day after death', fail: [withEpisode({}, { deathDate: d('2025-11-30') })] },
    { code: '4009Q', what: 'a child in need plan ending after death', fail: [withEpisode({ cinPlans: [cin('2025-12-01', '2026-02-01')] }, { deathDate: d('2026-01-15') })] },
    { code: '4010', what: 'a child in need plan starting on 1 April 2026', fail: [cinPlans(cin('2026-04-01'))] },
    { code: '4011', what: 'a child in need plan ending before it starts', fail: [cinPlans(cin('2025-12-01', '2025-11-30'))] },
    { code: '4012Q', what: 'a child in need plan starting and ending on 1 December', fail: [cinPlans(cin('2025-12-01', '2025-12-01'))] },
    { code: '4013', what: 'a child in need plan ending after the year', fail: [cinPlans(cin('2025-12-01', '2026-04-01'))] },
    { code: '4014', what: 'a child in need plan from 5 January while the last ran to 10 January; from 10 January is not', pass: [cinPlans(cin('2025-12-01', '2026-01-10'), cin('2026-01-10'))], fail: [cinPlans(cin('2025-12-01', '2026-01-10'), cin('2026-01-05'))] },
    { code: '4015', what: 'a child in need plan starting before the referral', fail: [cinPlans(cin('2025-05-05', '2025-06-20'))], episode: E },
    { code: '4016', what: 'a child in need plan starting during the protection plan', fail: [cinPlans(cin('2025-11-01'))] },
    { code: '4017', what: 'the protection plan starting during a child in need plan (1 June to 1 July); one ending on 20 June is not', pass: [cinPlans(cin('2025-06-01', '2025-06-20'), cin('2025-12-01'))], fail: [cinPlans(cin('2025-06-01', '2025-07-01'))] },
    { code: '8720', what: 'a plan starting on 1 April 2026', fail: [withCpPlan({ startDate: d('2026-04-01'), endDate: null })] },
    { code: '8840', what: 'a plan starting and ending on 20 June', fail: [withCpPlan({ endDate: d('2025-06-20') })] },
    { code: '8841', what: 'a review on the plan’s first day', fail: [withCpPlan({ reviews: [d('2025-06-20')] })] },
    { code: '8905', what: 'initial category XXX', fail: [withCpPlan({ initialCategory: 'XXX' })] },
    { code: '8910', what: 'latest category XXX', fail: [withCpPlan({ latestCategory: 'XXX' })] },
    { code: '8915', what: 'a plan starting after death', fail: [withEpisode({}, { deathDate: d('2025-06-19') })] },
    { code: '8920', what: 'a plan ending after death', fail: [withEpisode({}, { deathDate: d('2025-11-15') })] },
    { code: '8925', what: 'a plan ending before it starts', fail: [withCpPlan({ endDate: d('2025-06-19') })] },
    { code: '8930', what: 'a plan ending after the year', fail: [withCpPlan({ endDate: d('2026-04-01') })] },
    { code: '8935', what: 'two open plans', fail: [withEpisode({ cpPlans: [plan('p1', '2025-06-20', null), plan('p2', '2025-09-01', null)] })] },
    {
      code: '8940',
      what: 'a plan from 1 November while the last ran to 1 December; from 1 December is not',
      pass: [withEpisode({ cinPlans: [], cpPlans: [plan('p1', '2025-06-20', '2025-12-01'), plan('p2', '2025-12-01', null)] })],
      fail: [withEpisode({ cinPlans: [], cpPlans: [plan('p1', '2025-06-20', '2025-12-01'), plan('p2', '2025-11-01', '2025-12-20')] })],
    },
  ]);
});
