/** The kinds of work a worktray filters by, in the order the filter lists them. */
export const workKindLabels = {
  visits: 'Visits',
  'write-ups': 'Writing up visits',
  strategy: 'Strategy discussions',
  conferences: 'Child protection conferences',
  'core-groups': 'Core groups',
  assessments: 'Assessments',
  'cin-reviews': 'Child in need plan reviews',
  referrals: 'Referral decisions',
  supervision: 'Case supervision',
  'la-plans': 'Care and placement plans',
  'la-reviews': 'Looked-after reviews',
  'la-health': 'Health of children in care',
  'la-education': 'Personal education plans',
  missing: 'Missing children',
  'care-leavers': 'Care leavers',
} as const satisfies Record<string, string>;

export type WorkKind = keyof typeof workKindLabels;

export function isWorkKind(value: unknown): value is WorkKind {
  return typeof value === 'string' && Object.hasOwn(workKindLabels, value);
}
