import { type Principal, canWorkFrontDoor } from '../domain/access/index.js';

/** Roles whose work is on a worktray of their own (or a team's): anyone with one keeps "My worktray" as home. */
const WORKTRAY_ROLES = ['social_worker', 'team_manager', 'service_manager', 'iro', 'performance_analyst', 'placements_commissioner'];

export type Home = 'front-door' | 'administration' | 'worktray';

/**
 * Which page `/` is for this user: the front door's queue for front-door workers, "users and
 * teams" for an administrator who does no casework, and My worktray for everyone else.
 */
export function homeFor(principal: Principal): Home {
  if (canWorkFrontDoor(principal)) return 'front-door';
  const roles = principal.roles as readonly string[];
  if (roles.includes('administrator') && !roles.some((r) => WORKTRAY_ROLES.includes(r))) return 'administration';
  return 'worktray';
}
