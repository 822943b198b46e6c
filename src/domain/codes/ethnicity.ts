import { codeList } from './code-list.js';

/**
 * DfE ethnicity codes, shared by SSDA903 ETHNIC, CIN census Ethnicity and the SSD's pers_ethnicity;
 * Annex A writes them with letter prefixes ('a) WBRI' ... 't) NOBT'). The domain reference (§2.2)
 * gives the 20 codes but not their labels: the labels below are the DfE's standard category names and
 * should be checked against the current DfE code set [verify]. NB the SSD YAML mis-spells CHNE as CNHE.
 */
export const ethnicities = codeList('Ethnicity', 'DfE SSDA903 ETHNIC and CIN census Ethnicity (DfE main ethnicity codes)', [
  { code: 'WBRI', label: 'White British' },
  { code: 'WIRI', label: 'White Irish' },
  { code: 'WIRT', label: 'Traveller of Irish heritage' },
  { code: 'WOTH', label: 'Any other White background' },
  { code: 'WROM', label: 'Gypsy/Roma' },
  { code: 'MWBC', label: 'White and Black Caribbean' },
  { code: 'MWBA', label: 'White and Black African' },
  { code: 'MWAS', label: 'White and Asian' },
  { code: 'MOTH', label: 'Any other mixed background' },
  { code: 'AIND', label: 'Indian' },
  { code: 'APKN', label: 'Pakistani' },
  { code: 'ABAN', label: 'Bangladeshi' },
  { code: 'AOTH', label: 'Any other Asian background' },
  { code: 'BCRB', label: 'Black Caribbean' },
  { code: 'BAFR', label: 'Black African' },
  { code: 'BOTH', label: 'Any other Black background' },
  { code: 'CHNE', label: 'Chinese' },
  { code: 'OOTH', label: 'Any other ethnic group' },
  { code: 'REFU', label: 'Refused' },
  { code: 'NOBT', label: 'Information not yet obtained' },
]);
