/**
 * Early help's local code lists (not DfE lists: early help is not in the CIN census; the SSD's
 * ssd_early_help_episodes carries the episode's reason and end reason as local text).
 */
import { codeList } from '../codes/code-list.js';

/** The service offered to the family. */
export const earlyHelpServices = codeList('Early help service', 'Local list (Hearth): the early help offer of the authority', [
  { code: 'targeted_family_support', label: 'Targeted family support' },
  { code: 'family_hub', label: 'Family hub' },
  { code: 'parenting_support', label: 'Parenting support' },
  { code: 'youth_support', label: 'Youth support' },
  { code: 'school_based', label: 'School-based support' },
]);

/** How an early help episode ended. A step up is recorded by the step-up form, not chosen at closure. */
export const earlyHelpOutcomes = codeList('Early help outcome', 'Local list (Hearth), after the SSD ssd_early_help_episodes end reasons', [
  { code: 'outcomes_met', label: 'Outcomes met' },
  { code: 'step_down_universal', label: 'Stepped down to universal services' },
  { code: 'family_declined', label: 'Family withdrew consent' },
  { code: 'moved_away', label: 'Moved out of the area' },
  { code: 'no_further_action', label: 'No further action' },
  { code: 'step_up', label: 'Stepped up to children’s social care' },
]);

/** What an early help review decided. */
export const earlyHelpReviewOutcomes = codeList('Early help review outcome', 'Local list (Hearth)', [
  { code: 'continue', label: 'Continue the plan' },
  { code: 'change', label: 'Change the plan' },
  { code: 'close', label: 'Ready to close' },
  { code: 'step_up', label: 'Consider a step up to children’s social care' },
]);

/** The outcomes a worker chooses when closing (a step up has its own form). */
export const CLOSING_OUTCOMES = earlyHelpOutcomes.codes.filter((c) => c.code !== 'step_up').map((c) => c.code);
