import type { Role } from './roles.js';

/**
 * Who may do what, in one table (issue 8): each capability names the roles that have it. Membership
 * of a front-door (MASH) team counts as a role of its own for the front door, whatever the user's
 * job title. Everything not listed is refused (default deny). Which child a capability reaches is
 * the access decision's business (decide.ts); this table says only which kinds of user it is for.
 */
export const FRONT_DOOR_TEAM_MEMBER = 'front-door team member';
type Holder = Role | typeof FRONT_DOOR_TEAM_MEMBER;

export const CAPABILITIES = {
  /** Hold cases: members of a child's responsible team may view and record on the child. */
  'child.hold-cases': ['social_worker', 'team_manager', 'service_manager'],
  /** Manage teams: the children held by any team in one's management line, and the team worktray. */
  'team.manage': ['team_manager', 'service_manager'],
  /** Work the front door: contacts, MASH triage and decisions, the front-door worktray. */
  'front-door.work': ['mash_worker', FRONT_DOOR_TEAM_MEMBER],
  /** Make the referral decision on a child in need episode (with the front door). */
  'referral.decide': ['mash_worker', FRONT_DOOR_TEAM_MEMBER, 'team_manager', 'service_manager'],
  /** Authorise assessments and record case supervision. */
  'casework.authorise': ['team_manager', 'service_manager'],
  /** View any child's record, read only and audited (performance work). */
  'child.view-any': ['performance_analyst'],
  /** View, read only, a child with an open episode (independent review, conference chairing). */
  'child.view-open-episodes': ['iro'],
  /** View a looked-after child and record their looked-after reviews (the IRO chairs them: Care Planning Regulations 2010, regs 36 and 45). */
  'cla.record-review': ['iro'],
  /** Find a child: anyone whom some access rule could let see a child. */
  'child.find': ['social_worker', 'team_manager', 'service_manager', 'mash_worker', FRONT_DOOR_TEAM_MEMBER, 'performance_analyst', 'iro'],
  /** See what placements cost. */
  'placements.see-cost': ['team_manager', 'service_manager', 'placements_commissioner'],
  /** Compliance by rule and team (service managers for their line). */
  'compliance.view': ['service_manager', 'performance_analyst'],
  /** Compliance for every team and for children no team holds. */
  'compliance.view-all-teams': ['performance_analyst'],
  /** The indicators the service is held to account on, by year and team (the children behind a figure follow child access). */
  'indicators.view': ['service_manager', 'performance_analyst'],
  /** Keep the improvement plan: Ofsted's recommendations, the actions on them, their progress. */
  'improvement.manage': ['service_manager', 'performance_analyst'],
  /** The local timescales and other settings; users and teams. */
  'settings.administer': ['administrator'],
} as const satisfies Record<string, readonly Holder[]>;

export type Capability = keyof typeof CAPABILITIES;

/** The part of a user that capabilities depend on. */
export interface CapabilityHolder {
  roles: readonly Role[];
  inFrontDoorTeam: boolean;
}

/** Whether the user has the capability, through any of their roles or their front-door team. */
export function can(principal: CapabilityHolder, capability: Capability): boolean {
  const holders: readonly Holder[] = CAPABILITIES[capability];
  return (principal.inFrontDoorTeam && holders.includes(FRONT_DOOR_TEAM_MEMBER)) || principal.roles.some((r) => holders.includes(r));
}
