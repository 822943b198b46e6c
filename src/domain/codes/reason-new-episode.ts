import { codeList } from './code-list.js';

/**
 * SSDA903 RNE: why a new episode started. Definitions as given in the domain reference §2.2:
 * "S started to be looked after (also each V3/V4 agreement/break); L legal status change only;
 * P placement and carer change; T placement change, same carer (e.g. carer moves house, IFA<->LA
 * transfer, URN change); B legal status + placement + carer change same day; U legal status +
 * placement change, same carer."
 * A "placement change" in the DfE's checks (rules 434-436) is a change of PLACE, PL_POST, URN or
 * PLACE_PROVIDER between consecutive episodes.
 */
export const reasonsForNewEpisode = codeList('Reason for new episode', 'DfE SSDA903 children looked after return, RNE (reason for new episode)', [
  { code: 'S', label: 'Started to be looked after' },
  { code: 'L', label: 'Change of legal status only' },
  { code: 'P', label: 'Change of placement and carer(s) only' },
  { code: 'T', label: 'Change of placement only, with the same carer(s)' },
  { code: 'B', label: 'Change of legal status and placement and carer(s) at the same time' },
  { code: 'U', label: 'Change of legal status and placement at the same time, with the same carer(s)' },
]);
