import { codeList } from './code-list.js';

/**
 * CIN census InitialCategoryOfAbuse and LatestCategoryOfAbuse on a child protection plan
 * (rules 8905/8910); also the SSD's cppl_cp_plan_initial_category / _latest_category.
 */
export const categoriesOfAbuse = codeList('Category of abuse', 'DfE CIN census specification, InitialCategoryOfAbuse / LatestCategoryOfAbuse', [
  { code: 'NEG', label: 'Neglect' },
  { code: 'PHY', label: 'Physical abuse' },
  { code: 'SAB', label: 'Sexual abuse' },
  { code: 'EMO', label: 'Emotional abuse' },
  { code: 'MUL', label: 'Multiple (not recommended)' },
]);
