/** View models for the administrator's pages of users and teams: table rows, select items, wording. */
import { ROLES, type Role, roleLabels } from '../../domain/access/index.js';
import { formatLondonDateTime } from '../../domain/time/index.js';
import { escapeHtml } from '../../web/escape-html.js';
import type { TeamRow, UserRow } from '../users/user-directory.js';

export const rolesText = (roles: readonly Role[]) => (roles.length ? roles.map((r) => roleLabels[r]).join(', ') : 'No role');

export function statusTags(u: Pick<UserRow, 'active' | 'locked'>): string {
  const tags = [u.active ? '<strong class="govuk-tag govuk-tag--green">Active</strong>' : '<strong class="govuk-tag govuk-tag--grey">Deactivated</strong>'];
  if (u.locked) tags.push('<strong class="govuk-tag govuk-tag--red">Locked out</strong>');
  return tags.join(' ');
}

export function userRows(users: readonly UserRow[]) {
  return users.map((u) => [
    { html: `<a class="govuk-link" href="/admin/users/${u.id}">${escapeHtml(u.displayName)}</a>` },
    { text: u.username },
    { text: rolesText(u.roles) },
    { text: u.teamName ?? 'No team' },
    { html: statusTags(u) },
    { text: u.lastSignIn ? formatLondonDateTime(u.lastSignIn) : 'Never' },
  ]);
}

/** The design system's spacing units by depth in the hierarchy (no inline styles under the CSP). */
const INDENT = [0, 4, 7, 9];

export function teamRows(teams: readonly TeamRow[]) {
  return teams.map((t) => [
    {
      // The hierarchy shown by indenting under the parent; the parent is also named for screen readers.
      html: `<span class="govuk-!-padding-left-${INDENT[Math.min(t.depth, INDENT.length - 1)]}"><a class="govuk-link" href="/admin/teams/${t.id}">${escapeHtml(t.name)}</a></span>`,
    },
    { text: t.kind === 'service' ? 'Service' : 'Team' },
    { text: t.parentName ?? 'None (top level)' },
    { html: t.isFrontDoor ? '<strong class="govuk-tag govuk-tag--blue">Front door</strong>' : '' },
    { html: `<a class="govuk-link" href="/admin/users?team=${t.id}">${t.workers}<span class="govuk-visually-hidden"> active users in ${escapeHtml(t.name)}</span></a>`, format: 'numeric' },
    { text: t.managers.length ? t.managers.join(', ') : 'None' },
  ]);
}

/** Items for a select of teams, in hierarchy order, indented by depth; `none` is the first item's text. */
export function teamItems(teams: readonly TeamRow[], selected: string | null | undefined, none: string, exclude?: string) {
  return [
    { value: '', text: none, selected: !selected },
    ...teams.filter((t) => t.id !== exclude).map((t) => ({ value: t.id, text: `${'\u00a0\u00a0'.repeat(t.depth)}${t.name}`, selected: t.id === selected })),
  ];
}

export function roleItems(selected: readonly string[]) {
  return ROLES.map((r) => ({ value: r, text: roleLabels[r], checked: selected.includes(r) }));
}

const ACTION_WORDS: Record<string, string> = {
  'team-added': 'Team added',
  'team-changed': 'Team changed',
  'user-added': 'User added',
  'user-team-changed': 'Team changed',
  'user-roles-changed': 'Roles changed',
  'user-deactivated': 'Deactivated',
  'user-reactivated': 'Reactivated',
  'user-password-reset': 'Password reset',
  'user-unlocked': 'Unlocked',
};

/** A row of "recent changes": when, who, what, to whom. */
export function recentRows(recent: { at: Date; action: string; userId: string | null; subjectType: string; subjectId: string | null; detail: unknown }[], names: Map<string, string>) {
  return recent.map((e) => {
    const d = (e.detail ?? {}) as { via?: string; name?: string; username?: string };
    const by = e.userId ? (names.get(e.userId) ?? 'Unknown user') : d.via === 'cli' ? 'The command line' : 'The system';
    const subject =
      e.subjectType === 'team'
        ? `<a class="govuk-link" href="/admin/teams/${escapeHtml(e.subjectId ?? '')}">${escapeHtml(d.name ?? 'a team')}</a>`
        : `<a class="govuk-link" href="/admin/users/${escapeHtml(e.subjectId ?? '')}">${escapeHtml((e.subjectId && names.get(e.subjectId)) || d.username || 'a user')}</a>`;
    return [{ text: formatLondonDateTime(e.at) }, { text: ACTION_WORDS[e.action] ?? e.action }, { html: subject }, { text: by }];
  });
}
