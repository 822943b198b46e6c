import { codeList } from './code-list.js';

/**
 * SSDA903 SWEpisodes SW_REASON: why the allocated social worker changed (rule SW13STG1). The
 * SWEpisodes file exists from 2023-24. Also the SSD's invo_worker_change_reason.
 */
export const socialWorkerChangeReasons = codeList('Reason for social worker change', 'DfE SSDA903 children looked after return, SW_REASON (SWEpisodes)', [
  { code: 'MANAGE', label: 'Caseload management', validFrom: '2023-24' },
  { code: 'FCONTA', label: 'First contact or re-referral', validFrom: '2023-24' },
  { code: 'LEFTRL', label: 'Previous social worker left the role', validFrom: '2023-24' },
  { code: 'ORGRST', label: 'Organisational restructure', validFrom: '2023-24' },
  { code: 'TSPROC', label: 'Transfer under the standard process', validFrom: '2023-24' },
  { code: 'ABSENC', label: 'Absence cover or return from absence', validFrom: '2023-24' },
  { code: 'CHCHAN', label: 'Child requested a change', validFrom: '2023-24' },
  { code: 'PCCHAN', label: 'Parent or carer requested a change', validFrom: '2023-24' },
  { code: 'SWDIED', label: 'Social worker died', validFrom: '2023-24' },
  { code: 'OTHERS', label: 'Other reason', validFrom: '2023-24' },
]);
