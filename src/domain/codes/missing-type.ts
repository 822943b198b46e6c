import { codeList } from './code-list.js';

/**
 * SSDA903 Missing file, MISSING. Missing/away periods are their own timeline, not episodes; one still
 * open when care ends forces REC E8 (rule 580). Also the SSD's miss_missing_episode_type (M/A).
 */
export const missingTypes = codeList('Missing or away', 'DfE SSDA903 children looked after return, MISSING (Missing file)', [
  { code: 'M', label: 'Missing: whereabouts unknown' },
  { code: 'A', label: 'Away from placement without authorisation: whereabouts known' },
]);
