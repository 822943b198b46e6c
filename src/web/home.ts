import { type Principal, canWorkFrontDoor } from '../domain/access/index.js';

export type Home = 'front-door' | 'worktray' | 'service-manager' | 'iro' | 'analyst' | 'commissioner' | 'administration';

/** Each home's name in the service navigation (its page's h1). */
export const homeLabels: Record<Home, string> = {
  'front-door': 'Front door',
  worktray: 'My worktray',
  'service-manager': 'Your service',
  iro: 'Conferences and reviews',
  analyst: 'Performance',
  commissioner: 'Children looked after and placements',
  administration: 'Users and teams',
};

/**
 * Which page `/` is for this user, answering their first question (issue 9): the front door's
 * queue for front-door workers; My worktray for anyone who holds cases, and for social workers and
 * team managers; otherwise, by role, the service manager's overdue work and caseloads by team, the
 * IRO's conferences and reviews, the analyst's and the commissioner's own pages, and "users and
 * teams" for an administrator. `holdsCases` (children allocated to them now) is known only to the
 * `/` route; the navigation asks without it.
 */
export function homeFor(principal: Principal, facts: { holdsCases?: boolean } = {}): Home {
  if (canWorkFrontDoor(principal)) return 'front-door';
  const roles = principal.roles as readonly string[];
  if (facts.holdsCases || roles.includes('social_worker') || roles.includes('team_manager')) return 'worktray';
  if (roles.includes('service_manager')) return 'service-manager';
  if (roles.includes('iro')) return 'iro';
  if (roles.includes('performance_analyst')) return 'analyst';
  if (roles.includes('placements_commissioner')) return 'commissioner';
  if (roles.includes('administrator')) return 'administration';
  return 'worktray';
}
