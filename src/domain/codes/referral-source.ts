import { codeList } from './code-list.js';

/** CIN census ReferralSource; also the contact source in Ofsted Annex A list 1. */
export const referralSources = codeList('Referral source', 'DfE CIN census specification, ReferralSource', [
  { code: '1A', label: 'Individual: family member, relative or carer' },
  { code: '1B', label: 'Individual: acquaintance (including neighbours and child minders)' },
  { code: '1C', label: 'Individual: self' },
  { code: '1D', label: 'Individual: other (including strangers)' },
  { code: '2A', label: 'Schools' },
  { code: '2B', label: 'Education services' },
  { code: '3A', label: 'Health services: GP' },
  { code: '3B', label: 'Health services: health visitor' },
  { code: '3C', label: 'Health services: school nurse' },
  { code: '3D', label: 'Health services: other primary health services' },
  { code: '3E', label: 'Health services: A&E (emergency department)' },
  { code: '3F', label: 'Health services: other (e.g. hospice)' },
  { code: '4', label: 'Housing (local authority or housing association)' },
  { code: '5A', label: 'Local authority services: social care (e.g. adult social care)' },
  { code: '5B', label: 'Local authority services: other internal (e.g. youth offending, excluding housing)' },
  { code: '5C', label: 'Local authority services: external (e.g. another local authority)' },
  { code: '5D', label: 'Local authority services: early help' },
  { code: '6', label: 'Police' },
  { code: '7', label: 'Other legal agency (courts, probation, immigration, Cafcass, prison)' },
  { code: '8', label: 'Other (children’s centres, independent or voluntary organisations)' },
  { code: '9', label: 'Anonymous' },
  { code: '10', label: 'Unknown' },
]);
