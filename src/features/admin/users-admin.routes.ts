import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, NotFound, ValidationFailed } from '../../domain/errors.js';
import { formatLondonDateTime } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { errorView } from '../../web/form-reader.js';
import { isUuid } from '../../web/ids.js';
import { escapeHtml } from '../../web/escape-html.js';
import { type Parsed, newFormToken, parseNewUser, parsePasswordReset, parseUserRoles, parseUserTeam, parseVersionOnly } from './admin-forms.js';
import { roleItems, rolesText, statusTags, teamItems, userRows } from './admin.presenter.js';
import { administrator } from './administrator.js';

type Body = Record<string, unknown>;

/** What the banner says after each change (post/redirect/get). */
const DONE: Record<string, string> = {
  added: 'User added. Give them their username and password; they can sign in now.',
  team: 'Team changed.',
  roles: 'Roles changed. They apply from the user’s next page.',
  deactivated: 'Account deactivated. Every session of theirs has ended and they cannot sign in.',
  reactivated: 'Account reactivated. They can sign in again with their password.',
  password: 'Password reset. Their sessions have ended; give them the new password.',
  unlocked: 'Failed sign-ins cleared. They can sign in again now.',
};

/** The administrator's users: the list, adding a user, and each user's page with its changes. */
export function registerUsersAdminRoutes(app: FastifyInstance, services: Services): void {
  const { users } = services;

  app.get('/admin/users', async (request, reply) => {
    administrator(request);
    const q = request.query as Record<string, string | undefined>;
    const teamId = isUuid(q.team) ? q.team : null;
    const search = (q.q ?? '').trim().slice(0, 100);
    const [list, team] = await Promise.all([users.listUsers({ q: search, teamId }), teamId ? users.getTeam(teamId) : null]);
    return reply.page('admin/views/users.njk', {
      pageTitle: 'Users',
      rows: userRows(list),
      count: list.length,
      search,
      team,
      backLink: { href: '/admin', text: 'Users and teams' },
    });
  });

  async function renderNew(reply: FastifyReply, parsed: Partial<Parsed<unknown>> = {}, status = 200) {
    const teams = await users.listTeamsInHierarchy();
    const values = parsed.values ?? {};
    return reply.page(
      'admin/views/user-new.njk',
      {
        pageTitle: 'Add a user',
        values,
        formToken: parsed.formToken ?? newFormToken(),
        teamItems: teamItems(teams, values.teamId as string | undefined, 'No team'),
        roleItems: roleItems((values.roles as string[] | undefined) ?? []),
        backLink: { href: '/admin/users', text: 'Users' },
        ...errorView(parsed.errors ?? []),
      },
      status,
    );
  }

  app.get('/admin/users/new', async (request, reply) => {
    administrator(request);
    return renderNew(reply);
  });

  app.post('/admin/users', async (request, reply) => {
    const { principal, by } = administrator(request);
    const parsed = parseNewUser(request.body as Body);
    if (parsed.formToken) {
      // Sent twice (a double click): the first one's user, not an error about the username being taken.
      const before = await users.submittedBefore({ token: parsed.formToken, userId: principal.userId });
      if (before) return reply.redirect(before, 303);
    }
    if (!parsed.command || !parsed.formToken) return renderNew(reply, parsed, 400);
    const c = parsed.command;
    try {
      const prepared = await users.prepareUser({ username: c.username, displayName: c.displayName, password: c.password, roles: c.roles, teamId: c.teamId, email: c.email });
      const done = await users.once({ token: parsed.formToken, userId: principal.userId }, async (tx) => `/admin/users/${await users.addUserIn(tx, prepared, by)}?done=added`);
      return reply.redirect(done.path, 303);
    } catch (error) {
      if (error instanceof ValidationFailed) return renderNew(reply, { ...parsed, errors: error.errors }, 400);
      throw error;
    }
  });

  async function renderUser(request: FastifyRequest, reply: FastifyReply, id: string, extra: { errors?: FieldError[]; values?: Record<string, string | string[]>; version?: number | null } = {}, status = 200) {
    const { principal } = administrator(request);
    const [user, teams] = await Promise.all([users.getUser(id), users.listTeamsInHierarchy()]);
    if (!user) throw new NotFound('user');
    const values = extra.values ?? {};
    const done = (request.query as Record<string, string | undefined>).done;
    const team = teams.find((t) => t.id === user.teamId);
    return reply.page(
      'admin/views/user.njk',
      {
        pageTitle: user.displayName,
        u: user,
        // A stale form keeps the version it was opened at, so sending it again is refused again.
        version: extra.version ?? user.version,
        self: user.id === principal.userId,
        done: done && DONE[done] ? DONE[done] : null,
        statusHtml: statusTags(user),
        summaryRows: [
          { key: { text: 'Username' }, value: { text: user.username } },
          { key: { text: 'Roles' }, value: { text: rolesText(user.roles) } },
          { key: { text: 'Team' }, value: { html: team ? `<a class="govuk-link" href="/admin/teams/${team.id}">${escapeHtml(team.name)}</a>` : 'No team' } },
          { key: { text: 'Email' }, value: { text: user.email ?? 'Not given' } },
          { key: { text: 'Status' }, value: { html: statusTags(user) } },
          { key: { text: 'Last signed in' }, value: { text: user.lastSignIn ? formatLondonDateTime(user.lastSignIn) : 'Never' } },
        ],
        teamItems: teamItems(teams, (values.teamId as string | undefined) ?? user.teamId, 'No team'),
        roleItems: roleItems((values.roles as string[] | undefined) ?? user.roles),
        backLink: { href: '/admin/users', text: 'Users' },
        ...errorView(extra.errors ?? []),
      },
      status,
    );
  }

  const idOf = (request: FastifyRequest) => {
    const id = (request.params as { id: string }).id;
    if (!isUuid(id)) throw new NotFound('user');
    return id;
  };

  app.get('/admin/users/:id', async (request, reply) => {
    administrator(request);
    return renderUser(request, reply, idOf(request));
  });

  /** One change to a user: parse, apply (the service checks the version and audits), redirect; errors re-render 400. */
  function change<T>(path: string, parse: (body: Body) => Parsed<T>, apply: (id: string, command: T, version: number, request: FastifyRequest) => Promise<unknown>, doneKey: string) {
    app.post(`/admin/users/:id/${path}`, async (request, reply) => {
      administrator(request);
      const id = idOf(request);
      const parsed = parse(request.body as Body);
      if (!parsed.command || parsed.version === null) return renderUser(request, reply, id, parsed, 400);
      try {
        await apply(id, parsed.command, parsed.version, request);
      } catch (error) {
        if (error instanceof ValidationFailed) return renderUser(request, reply, id, { ...parsed, errors: error.errors }, 400);
        throw error;
      }
      return reply.redirect(`/admin/users/${id}?done=${doneKey}`, 303);
    });
  }

  const by = (request: FastifyRequest) => administrator(request).by;
  change('team', parseUserTeam, (id, c, v, r) => users.setUserTeam(id, c.teamId, v, by(r)), 'team');
  change('roles', parseUserRoles, (id, c, v, r) => users.setUserRoles(id, c.roles, v, by(r)), 'roles');
  change('deactivate', parseVersionOnly, (id, _c, v, r) => users.deactivate(id, v, by(r)), 'deactivated');
  change('reactivate', parseVersionOnly, (id, _c, v, r) => users.reactivate(id, v, by(r)), 'reactivated');
  change('password', parsePasswordReset, (id, c, v, r) => users.resetPassword(id, c.password, v, by(r)), 'password');
  change(
    'unlock',
    parseVersionOnly,
    async (id, _c, _v, r) => {
      const user = await users.getUser(id);
      if (!user) throw new NotFound('user');
      await users.unlockUser(user.username, by(r));
    },
    'unlocked',
  );
}
