import type { CensusEpisode } from '../census-child.js';
import { SINCE_2022_23, episodeRule, icpcOf, overlaps, pairs } from './rule.js';

/**
 * DfE CIN census rule 8890 (CINdetails; error, 2022-23 specification): No enquiry starts while another of the episode's is ongoing: from its start to its conference; one waiting for its conference is ongoing on the reference date; one needing no conference ends as it starts (Hearth holds no other end for it).
 */
export const rule8890 = episodeRule({
  code: '8890',
  type: 'error',
  message: 'A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing',
  fields: ['S47ActualStartDate'],
  years: SINCE_2022_23,
  fails: (e) => {
    const period = (s: CensusEpisode['s47s'][number]) => ({ startDate: s.startDate, endDate: icpcOf(e, s.id) ?? (s.icpcRequired === false ? s.startDate : null) });
    return pairs(e.s47s).some(([a, b]) => overlaps(period(a), period(b)));
  },
});
