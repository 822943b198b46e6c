export type Role =
  | 'social_worker'
  | 'mash_worker'
  | 'team_manager'
  | 'service_manager'
  | 'iro'
  | 'performance_analyst'
  | 'placements_commissioner'
  | 'administrator';

export const ROLES: readonly Role[] = [
  'social_worker',
  'mash_worker',
  'team_manager',
  'service_manager',
  'iro',
  'performance_analyst',
  'placements_commissioner',
  'administrator',
];

export const roleLabels: Record<Role, string> = {
  social_worker: 'Social worker',
  mash_worker: 'MASH worker',
  team_manager: 'Team manager',
  service_manager: 'Service manager',
  iro: 'IRO or conference chair',
  performance_analyst: 'Performance analyst',
  placements_commissioner: 'Placements commissioner',
  administrator: 'Administrator',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
