/**
 * A hand-built record for the CIN census tests (src/domain/returns/cin-census and
 * src/features/returns): two children in the 2025-26 census and two outside it.
 */
import type { CensusChild, CensusEpisode } from '../../src/domain/returns/cin-census/census-child.js';
import { type PlainDate, parsePlainDate } from '../../src/domain/time/index.js';

const d = (s: string): PlainDate => parsePlainDate(s);
export const YEAR_2025_26 = { start: d('2025-04-01'), referenceDate: d('2026-03-31') };
const episode = (parts: Partial<CensusEpisode> & { referralDate: PlainDate }): CensusEpisode => ({
  id: 'e',
  referralSource: '2A',
  primaryNeedCode: 'N1',
  referralDecision: 'assessment',
  closureDate: null,
  closureReason: null,
  assessments: [],
  cinPlans: [],
  s47s: [],
  icpcs: [],
  cpPlans: [],
  ...parts,
});
const child = (laChildId: string, episodes: CensusEpisode[], parts: Partial<CensusChild> = {}): CensusChild => ({
  laChildId,
  upn: null,
  upnUnknown: 'UN1',
  dateOfBirth: d('2015-06-01'),
  expectedDateOfBirth: null,
  sex: 'F',
  deathDate: null,
  ethnicity: 'WBRI',
  disabilities: [],
  episodes,
  ...parts,
});

export const CENSUS_CHILDREN: CensusChild[] = [
  // In: an episode open through the year, an enquiry in December 2025 leading to a conference and a
  // plan (her second: one in 2021), an assessment started before the year and authorised in it.
  child('CHILD1', [
    episode({ id: 'old', referralDate: d('2021-01-04'), closureDate: d('2021-09-01'), closureReason: 'RC7', cpPlans: [{ id: 'p0', startDate: d('2021-02-01'), endDate: d('2021-08-01'), initialCategory: 'NEG', latestCategory: 'NEG', reviews: [] }] }),
    episode({
      id: 'now',
      referralDate: d('2025-03-10'),
      assessments: [{ startDate: d('2025-03-12'), authorisedDate: d('2025-04-20'), factors: ['3B', '4B'] }],
      s47s: [{ id: 's1', startDate: d('2025-12-15'), icpcRequired: true }],
      icpcs: [{ s47Id: 's1', date: d('2026-01-09'), targetDate: null }],
      cpPlans: [{ id: 'p1', startDate: d('2026-01-09'), endDate: d('2026-04-20'), initialCategory: 'EMO', latestCategory: 'MUL', reviews: [d('2026-04-02'), d('2026-03-30')] }],
    }),
  ], { upn: 'A123456789012', disabilities: ['AUT', 'COMM'] }),
  // In: referred in the year and closed with no further action.
  child('CHILD2', [episode({ referralDate: d('2025-11-03'), referralDecision: 'nfa', primaryNeedCode: 'N0', closureDate: d('2025-11-03'), closureReason: 'RC8' })], { sex: 'M', upnUnknown: 'UN7' }),
  // Out: closed before the year began; and a referral after 31 March 2026.
  child('CHILD3', [episode({ referralDate: d('2024-05-01'), closureDate: d('2025-03-31'), closureReason: 'RC7' })]),
  child('CHILD4', [episode({ referralDate: d('2026-04-01') })]),
];

