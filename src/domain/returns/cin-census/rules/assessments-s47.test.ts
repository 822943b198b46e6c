/**
 * The CIN census rules on assessments, section 47 enquiries and initial conferences (DfE CIN census
 * validation specification, 2025-26). Working days count England and Wales bank holidays.
 */
import { describe } from 'node:test';
import { REFERRAL, d, ruleTests, withAssessment, withEpisode } from '../../../../../test/support/census-rules.js';

const E = REFERRAL;
const closed = (on: string, reason = 'RC7') => ({ closureDate: d(on), closureReason: reason });
const open = (start: string) => ({ startDate: d(start), authorisedDate: null, factors: [] });
/** The clean episode's enquiry with no conference yet, started on the given day (and no plan). */
const waiting = (start: string) => withEpisode({ s47s: [{ id: 's1', startDate: d(start), icpcRequired: true }], icpcs: [], cpPlans: [] });

describe('CIN census rules: assessments, enquiries, conferences', () => {
  ruleTests([
    { code: '1103', what: 'an assessment starting before the referral', fail: [withAssessment({ startDate: d('2025-05-05') })], episode: E },
    { code: '1104', what: 'a conference before the referral', fail: [withEpisode({ icpcs: [{ s47Id: 's1', date: d('2025-05-05'), targetDate: null }] })], episode: E },
    { code: '2884', what: 'the enquiry’s conference also on the episode', fail: [withEpisode({ icpcs: [{ s47Id: 's1', date: d('2025-06-20'), targetDate: null }, { s47Id: null, date: d('2025-06-20'), targetDate: null }] })], episode: E },
    { code: '2889', what: 'an enquiry starting before the referral', fail: [withEpisode({ s47s: [{ id: 's1', startDate: d('2025-05-05'), icpcRequired: true }] })], episode: E },
    { code: '8608', what: 'authorised before it started', fail: [withAssessment({ authorisedDate: d('2025-05-06') })], episode: E },
    { code: '8614', what: 'factors on an assessment not authorised', fail: [withAssessment({ authorisedDate: null })], episode: E },
    { code: '8615', what: 'the enquiry starting after its conference', fail: [withEpisode({ s47s: [{ id: 's1', startDate: d('2025-06-23'), icpcRequired: true }] })], episode: E },
    { code: '8670Q', what: 'not authorised, started 46 working days before 31 March 2026 (26 January); 27 January is 45', pass: [withEpisode({ assessments: [open('2026-01-27')] })], fail: [withEpisode({ assessments: [open('2026-01-26')] })], episode: E },
    { code: '8675Q', what: 'no conference, started 16 working days before 31 March 2026 (9 March); 10 March is 15', pass: [waiting('2026-03-10')], fail: [waiting('2026-03-09')], episode: E },
    { code: '8696', what: 'authorised after the year', fail: [withAssessment({ authorisedDate: d('2026-04-01') })], episode: E },
    { code: '8715', what: 'a conference after the year', fail: [withEpisode({ icpcs: [{ s47Id: 's1', date: d('2026-04-01'), targetDate: null }] })], episode: E },
    { code: '8736', what: 'not authorised, started before the year', pass: [withEpisode({ assessments: [open('2026-02-02')] })], fail: [withEpisode({ assessments: [open('2025-03-31')] })], episode: E },
    { code: '8740', what: 'waiting for its conference, started before the year', pass: [waiting('2026-03-10')], fail: [waiting('2025-03-31')], episode: E },
    {
      code: '8839',
      what: 'two enquiries waiting for their conferences',
      fail: [withEpisode({ s47s: [{ id: 's1', startDate: d('2025-06-02'), icpcRequired: true }, { id: 's2', startDate: d('2025-07-01'), icpcRequired: true }, { id: 's3', startDate: d('2025-08-01'), icpcRequired: null }] })],
      episode: E,
    },
    {
      code: '8863Q',
      what: 'an assessment started on 1 June while the first ran to 10 June; one started on 10 June is not',
      pass: [withEpisode({ assessments: [{ startDate: d('2025-05-07'), authorisedDate: d('2025-06-10'), factors: ['3B'] }, { startDate: d('2025-06-10'), authorisedDate: d('2025-07-01'), factors: ['4B'] }] })],
      fail: [withEpisode({ assessments: [{ startDate: d('2025-05-07'), authorisedDate: d('2025-06-10'), factors: ['3B'] }, { startDate: d('2025-06-01'), authorisedDate: d('2025-07-01'), factors: ['4B'] }] })],
      episode: E,
    },
    { code: '8869', what: '21 with 3B', fail: [withAssessment({ factors: ['21', '3B'] })], episode: E },
    { code: '8870Q', what: 'a target on Saturday 21 June 2025', fail: [withEpisode({ icpcs: [{ s47Id: 's1', date: d('2025-06-20'), targetDate: d('2025-06-21') }] })], episode: E },
    { code: '8873Q', what: 'the only assessment found no factors, closed RC7 rather than RC8', pass: [withAssessment({ factors: ['21'] }, closed('2026-01-05', 'RC8'))], fail: [withAssessment({ factors: ['21'] }, closed('2026-01-05', 'RC7'))], episode: E },
    { code: '8875', what: 'a conference on Saturday 21 June 2025', fail: [withEpisode({ icpcs: [{ s47Id: 's1', date: d('2025-06-21'), targetDate: null }] })], episode: E },
    {
      code: '8890',
      what: 'an enquiry started on 10 June while the first waited for its conference on 20 June; one on 20 June is not',
      pass: [withEpisode({ s47s: [{ id: 's1', startDate: d('2025-06-02'), icpcRequired: true }, { id: 's2', startDate: d('2025-06-20'), icpcRequired: false }] })],
      fail: [withEpisode({ s47s: [{ id: 's1', startDate: d('2025-06-02'), icpcRequired: true }, { id: 's2', startDate: d('2025-06-10'), icpcRequired: false }] })],
      episode: E,
    },
    { code: '8896', what: 'two assessments not authorised', fail: [withEpisode({ assessments: [open('2026-03-02'), open('2026-03-03')] })], episode: E },
    { code: '8897Q', what: 'authorised with no factors', fail: [withAssessment({ factors: [] })], episode: E },
    { code: '8898', what: '3B twice', fail: [withAssessment({ factors: ['3B', '3B'] })], episode: E },
    { code: '8945Q', what: '18A', fail: [withAssessment({ factors: ['18A'] })], episode: E },
    { code: '8950Q', what: '19A', fail: [withAssessment({ factors: ['19A'] })], episode: E },
  ]);
});
