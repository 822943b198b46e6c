import { type PlainDate, addDays } from '../time/index.js';
import { can } from './capabilities.js';
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

/**
 * How long the front door keeps sight of a child once its work is decided: a local setting
 * (`access.front-door-recent-days`), read only throughout.
 */
export const DEFAULT_FRONT_DOOR_RECENT_DAYS = 30;
/** The setting's key (settings table), read with the child's access facts in one round trip. */
export const FRONT_DOOR_RECENT_DAYS_SETTING = 'access.front-door-recent-days' as const;

/** The child's front-door work, and the window the front door may look back over. */
export interface FrontDoorFacts {
  /**
   * A contact awaits the MASH decision, a referral awaits its decision, or the open episode is held
   * by a front-door team and nobody holds the case yet.
   */
  workOpen: boolean;
  /** The latest front-door decision (a contact's MASH decision or a referral decision), as a London date. */
  lastDecidedOn: PlainDate | null;
  /** Today. */
  asOf: PlainDate;
  /** The setting: days after the last decision during which the front door may still view the child. */
  recentDays: number;
}

/** The part of FrontDoorFacts that is not about the child: for the same rule as a SQL predicate. */
export type FrontDoorWindow = Pick<FrontDoorFacts, 'asOf' | 'recentDays'>;

export interface ChildAccessFacts {
  /** The person is a child (a parent or other adult in the family has no child's record of their own). */
  isChild: boolean;
  /** Workers and teams currently holding the child's case (allocations), and the open episode's team. */
  allocatedWorkerIds: readonly string[];
  responsibleTeamIds: readonly string[];
  /** The child has an open allocation (to a worker or a team): their record is the responsible team's to write. */
  allocated: boolean;
  frontDoor: FrontDoorFacts;
  hasOpenEpisode: boolean;
  /** The child has an open period of care (looked after now). */
  lookedAfter: boolean;
}

/**
 * 'view' the record; 'record' on it; 'front-door' record the front door's own work about the child
 * (rate and decide a contact, decide a referral), which for anyone else is the same as 'record';
 * 'cla-review' record a looked-after review, which the IRO may do as well as those who record.
 */
export type ChildAction = 'view' | 'record' | 'front-door' | 'cla-review';

export interface AccessDecision {
  allow: boolean;
  reason: string;
}

/** The first day of the front door's look-back window: decisions on or after it are recent. */
export function frontDoorRecentSince(asOf: PlainDate, recentDays: number): PlainDate {
  return addDays(asOf, -recentDays);
}

const DENY: AccessDecision = { allow: false, reason: 'no relationship to this child' };

export function decideChildAccess(principal: Principal, action: ChildAction, child: ChildAccessFacts): AccessDecision {
  if (!child.isChild) return { allow: false, reason: 'not a child' };
  if (child.allocatedWorkerIds.includes(principal.userId)) return { allow: true, reason: 'allocated worker' };

  if (can(principal, 'child.hold-cases') && principal.teamId && child.responsibleTeamIds.includes(principal.teamId)) {
    return { allow: true, reason: 'member of the responsible team' };
  }
  if (can(principal, 'team.manage') && child.responsibleTeamIds.some((t) => principal.managedTeamIds.includes(t))) {
    return { allow: true, reason: 'management line' };
  }
  if (can(principal, 'front-door.work')) {
    const decision = frontDoorAccess(action, child);
    if (decision) return decision;
  }
  if (action === 'view' && can(principal, 'child.view-any')) {
    return { allow: true, reason: 'performance analyst (read only, audited)' };
  }
  if (action === 'view' && can(principal, 'child.view-open-episodes') && child.hasOpenEpisode) {
    return { allow: true, reason: 'IRO or conference chair (read only)' };
  }
  if ((action === 'view' || action === 'cla-review') && can(principal, 'cla.record-review') && child.lookedAfter) {
    // Viewing is the IRO's read-only sight, whichever way it comes (one reason, as the search's predicate lists it).
    return { allow: true, reason: action === 'view' ? 'IRO or conference chair (read only)' : 'IRO recording a looked-after review' };
  }
  return DENY;
}

/**
 * The front door sees a child while it has work open on them, and records its own work then; it
 * records on the child's record only while no team holds the case (an allocated child's record is
 * the responsible team's). Once its work is decided it keeps read-only sight for the recent-days
 * setting, then none: a contact years ago gives no access (issue 9).
 */
function frontDoorAccess(action: ChildAction, child: ChildAccessFacts): AccessDecision | null {
  const { workOpen, lastDecidedOn, asOf, recentDays } = child.frontDoor;
  if (workOpen) {
    if (action === 'view' || action === 'front-door' || !child.allocated) return { allow: true, reason: 'front-door record' };
    return null;
  }
  if (action === 'view' && lastDecidedOn !== null && lastDecidedOn >= frontDoorRecentSince(asOf, recentDays)) {
    return { allow: true, reason: 'front-door work decided recently (read only)' };
  }
  return null;
}

/** Who may record at the front door (contacts, triage, decisions) and see its worktray. */
export function canWorkFrontDoor(principal: Principal): boolean {
  return can(principal, 'front-door.work');
}

/** Who may make the referral decision on a child in need episode. */
export function canDecideReferral(principal: Principal): boolean {
  return can(principal, 'referral.decide');
}
