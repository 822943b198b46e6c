import type { Role } from './roles.js';

/**
 * The one access decision for a child's record (security.md §2.2): default deny, and the first
 * rule that allows says why. Restriction, sealing and break-glass come later and slot in here.
 */
export interface Principal {
  userId: string;
  roles: readonly Role[];
  /** The user's own team, if any. */
  teamId: string | null;
  /** Every team in the user's management line: their own node and all beneath it (managers only). */
  managedTeamIds: readonly string[];
  /** The user belongs to a MASH / front-door team. */
  inFrontDoorTeam: boolean;
}

export interface ChildAccessFacts {
  /** Workers and teams currently holding the child's case (allocations), and the open episode's team. */
  allocatedWorkerIds: readonly string[];
  responsibleTeamIds: readonly string[];
  /** The child has a contact at the front door. */
  hasFrontDoorRecord: boolean;
  hasOpenEpisode: boolean;
}

export type ChildAction = 'view' | 'record';

export interface AccessDecision {
  allow: boolean;
  reason: string;
}

const has = (p: Principal, ...roles: Role[]) => roles.some((r) => p.roles.includes(r));

export function decideChildAccess(principal: Principal, action: ChildAction, child: ChildAccessFacts): AccessDecision {
  if (child.allocatedWorkerIds.includes(principal.userId)) return { allow: true, reason: 'allocated worker' };

  const practitioner = has(principal, 'social_worker', 'team_manager', 'service_manager');
  if (practitioner && principal.teamId && child.responsibleTeamIds.includes(principal.teamId)) {
    return { allow: true, reason: 'member of the responsible team' };
  }
  if (has(principal, 'team_manager', 'service_manager') && child.responsibleTeamIds.some((t) => principal.managedTeamIds.includes(t))) {
    return { allow: true, reason: 'management line' };
  }
  if (child.hasFrontDoorRecord && (has(principal, 'mash_worker') || principal.inFrontDoorTeam)) {
    return { allow: true, reason: 'front-door record' };
  }
  if (action === 'view' && has(principal, 'performance_analyst')) {
    return { allow: true, reason: 'performance analyst (read only, audited)' };
  }
  if (action === 'view' && has(principal, 'iro') && child.hasOpenEpisode) {
    return { allow: true, reason: 'IRO or conference chair (read only)' };
  }
  return { allow: false, reason: 'no relationship to this child' };
}

/** Who may record at the front door (contacts, triage, decisions) and see its worktray. */
export function canWorkFrontDoor(principal: Principal): boolean {
  return has(principal, 'mash_worker') || principal.inFrontDoorTeam;
}

/** Who may make the referral decision on a child in need episode. */
export function canDecideReferral(principal: Principal): boolean {
  return canWorkFrontDoor(principal) || has(principal, 'team_manager', 'service_manager');
}
