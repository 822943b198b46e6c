/**
 * The CIN census rules on child in need episodes (CINdetails): referral, closure, no further action
 * and the order of episodes (DfE CIN census validation specification, 2025-26).
 */
import { describe } from 'node:test';
import type { CensusEpisode } from '../census-child.js';
import { REFERRAL, cleanEpisode, d, ruleTests, withChild, withEpisode } from '../../../../../test/support/census-rules.js';

const E = REFERRAL;
const closed = (on: string, reason = 'RC7') => ({ closureDate: d(on), closureReason: reason });
const bare = { assessments: [], s47s: [], icpcs: [], cpPlans: [], cinPlans: [] };
/** A later episode with nothing in it, referred on the given day. */
const later = (referral: string, parts: Partial<CensusEpisode> = {}): CensusEpisode => ({ ...cleanEpisode(), ...bare, id: 'e2', referralDate: d(referral), ...parts });

describe('CIN census rules: episodes', () => {
  ruleTests([
    { code: '2990', what: 'closed after assessment (RC8) with a conference', fail: [withEpisode(closed('2026-01-05', 'RC8'))], episode: E },
    { code: '2991Q', what: 'an enquiry with no assessment', fail: [withEpisode({ assessments: [] })], episode: E },
    { code: '4000', what: 'a child in need plan on a referral with no further action', fail: [withEpisode({ referralDecision: 'nfa' })], episode: E },
    { code: '8555Q', what: 'referred after the date of death', fail: [withChild({ deathDate: d('2025-05-01') })], episode: E },
    { code: '8565', what: 'plans end and start after the closure date', fail: [withEpisode(closed('2025-11-01'))], episode: E },
    {
      code: '8569Q',
      what: 'no further action on a referral before Monday 31 March 2025, the last working day before the year',
      pass: [withEpisode({ ...bare, referralDecision: 'nfa', referralDate: d('2025-03-31'), ...closed('2025-04-01', 'RC8') })],
      fail: [withEpisode({ ...bare, referralDecision: 'nfa', referralDate: d('2025-03-28'), ...closed('2025-04-01', 'RC8') })],
      episode: d('2025-03-28'),
    },
    { code: '8585Q', what: 'closed because the child died (RC2), no date of death', fail: [withEpisode(closed('2026-01-05', 'RC2'))], episode: E },
    { code: '8600', what: 'referred on 1 April 2026', fail: [withEpisode({ referralDate: d('2026-04-01') })], episode: d('2026-04-01') },
    { code: '8606', what: 'referred more than 40 weeks before birth (280 days before 10 February 2026 is 6 May 2025, the referral)', pass: [withChild({ dateOfBirth: d('2026-02-10') })], fail: [withChild({ dateOfBirth: d('2026-02-11') })], episode: E },
    { code: '8610', what: 'further action with no primary need', fail: [withEpisode({ primaryNeedCode: null })], episode: E },
    { code: '8620', what: 'closed after the census year', fail: [withEpisode(closed('2026-04-01'))], episode: E },
    { code: '8630', what: 'closed before the referral', fail: [withEpisode(closed('2025-05-05'))], episode: E },
    { code: '8640', what: 'reason for closure RC0', fail: [withEpisode(closed('2026-01-05', 'RC0'))], episode: E },
    { code: '8650', what: 'primary need N10', fail: [withEpisode({ primaryNeedCode: 'N10' })], episode: E },
    { code: '8775Q', what: '25 on 1 May 2025, episode open; one 25 on 1 April 2026 is not yet', pass: [withChild({ dateOfBirth: d('2001-04-01') })], fail: [withChild({ dateOfBirth: d('2000-05-01') })], episode: E },
    { code: '8805', what: 'a closure date with no reason', fail: [withEpisode({ closureDate: d('2026-01-05') })], episode: E },
    { code: '8810', what: 'a reason with no closure date', fail: [withEpisode({ closureReason: 'RC7' })], episode: E },
    { code: '8815', what: 'two open episodes', fail: [withChild({ episodes: [cleanEpisode(), later('2026-01-05')] })] },
    { code: '8816', what: 'the open episode is not the latest', fail: [withChild({ episodes: [cleanEpisode(), later('2026-01-05', closed('2026-01-10'))] })], episode: E },
    {
      code: '8820',
      what: 'referred on 5 January while the last episode was open to 10 January; referred on 10 January is not an overlap',
      pass: [withChild({ episodes: [{ ...cleanEpisode(), ...bare, ...closed('2026-01-10') }, later('2026-01-10')] })],
      fail: [withChild({ episodes: [{ ...cleanEpisode(), ...bare, ...closed('2026-01-10') }, later('2026-01-05')] })],
    },
    {
      code: '8825Q',
      what: 'closed after assessment (RC8) with no assessment; a referral with no further action closed RC8 is not',
      pass: [withEpisode({ ...bare, referralDecision: 'nfa', ...closed('2025-05-06', 'RC8') })],
      fail: [withEpisode({ ...bare, ...closed('2025-06-01', 'RC8') })], episode: E },
    { code: '8831', what: 'an assessment on a referral with no further action', fail: [withEpisode({ referralDecision: 'nfa' })], episode: E },
    { code: '8832', what: 'a plan on a referral with no further action', fail: [withEpisode({ referralDecision: 'nfa' })], episode: E },
    { code: '8866', what: 'referral source ZZ', fail: [withEpisode({ referralSource: 'ZZ' })], episode: E },
    { code: '8867', what: 'closed with an assessment not authorised', fail: [withEpisode({ ...closed('2026-01-05'), assessments: [{ startDate: d('2025-05-07'), authorisedDate: null, factors: [] }] })], episode: E },
    { code: '8868', what: 'closed with an enquiry waiting for its conference', fail: [withEpisode({ ...closed('2026-01-05'), icpcs: [], cpPlans: [] })], episode: E },
  ]);
});
