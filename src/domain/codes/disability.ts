import { codeList } from './code-list.js';

/**
 * CIN census Disability (one or more per child; also the SSD's disa_disability_code, one row per code).
 * NONE cannot be combined with another code (rule 8790); no duplicates (8794); blank for an unborn
 * child; 2887Q queries a return using fewer than 8 distinct codes.
 */
export const disabilities = codeList('Disability', 'DfE CIN census specification, Disability', [
  { code: 'NONE', label: 'No disability' },
  { code: 'MOB', label: 'Mobility' },
  { code: 'HAND', label: 'Hand function' },
  { code: 'PC', label: 'Personal care' },
  { code: 'INC', label: 'Incontinence' },
  { code: 'COMM', label: 'Communication' },
  { code: 'LD', label: 'Learning' },
  { code: 'HEAR', label: 'Hearing' },
  { code: 'VIS', label: 'Vision' },
  { code: 'BEH', label: 'Behaviour (including attention deficit hyperactivity disorder)' },
  { code: 'CON', label: 'Consciousness (including seizures)' },
  { code: 'AUT', label: 'Diagnosed with autism or Asperger syndrome' },
  { code: 'DDA', label: 'Other disability under the Disability Discrimination Act' },
]);
