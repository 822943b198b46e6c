/**
 * The service's hierarchy of teams, worked out from each team's parent: pure, no I/O.
 */
export interface TeamNode {
  id: string;
  name: string;
  parentId: string | null;
}

/** The teams in hierarchy order (each parent before its children, siblings by name), with their depth. */
export function inHierarchyOrder<T extends TeamNode>(teams: readonly T[]): { team: T; depth: number }[] {
  const ids = new Set(teams.map((t) => t.id));
  const children = new Map<string | null, T[]>();
  for (const t of teams) {
    // A parent that is not in the list (or a loop that should never be there) puts the team at the top.
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const out: { team: T; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const t of children.get(parent) ?? []) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      out.push({ team: t, depth });
      walk(t.id, depth + 1);
    }
  };
  walk(null, 0);
  // Teams caught in a loop of parents are unreachable from the top: list them anyway, at the top.
  for (const t of [...teams].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))) if (!seen.has(t.id)) out.push({ team: t, depth: 0 });
  return out;
}

/** True if giving `teamId` the parent `newParentId` would put it under itself (a loop in the hierarchy). */
export function wouldLoop(teams: readonly TeamNode[], teamId: string, newParentId: string | null): boolean {
  const parentOf = new Map(teams.map((t) => [t.id, t.parentId]));
  let at = newParentId;
  const seen = new Set<string>();
  while (at) {
    if (at === teamId) return true;
    if (seen.has(at)) return false;
    seen.add(at);
    at = parentOf.get(at) ?? null;
  }
  return false;
}

/** The team's line upwards, nearest first: "Assessment Team North" -> ["Children's Services"]. */
export function ancestorsOf(teams: readonly TeamNode[], teamId: string): TeamNode[] {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const out: TeamNode[] = [];
  const seen = new Set<string>([teamId]);
  let at = byId.get(teamId)?.parentId ?? null;
  while (at && !seen.has(at) && byId.has(at)) {
    seen.add(at);
    out.push(byId.get(at)!);
    at = byId.get(at)!.parentId;
  }
  return out;
}
