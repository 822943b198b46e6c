import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, NotFound, ValidationFailed } from '../../domain/errors.js';
import type { Services } from '../../web/services.js';
import { errorView } from '../../web/form-reader.js';
import { isUuid } from '../../web/ids.js';
import { type Parsed, newFormToken, parseNewTeam, parseTeamChange } from './admin-forms.js';
import { teamItems, teamRows } from './admin.presenter.js';
import { administrator } from './administrator.js';

type Body = Record<string, unknown>;

/** The administrator's teams: the hierarchy, adding a team, and changing a team's name, parent or front-door flag. */
export function registerTeamsAdminRoutes(app: FastifyInstance, services: Services): void {
  const { users } = services;

  app.get('/admin/teams', async (request, reply) => {
    administrator(request);
    const q = request.query as Record<string, string | undefined>;
    const teams = await users.listTeamsInHierarchy();
    const doneId = isUuid(q.added) ? q.added : isUuid(q.changed) ? q.changed : null;
    const doneTeam = doneId ? teams.find((t) => t.id === doneId) : undefined;
    return reply.page('admin/views/teams.njk', {
      pageTitle: 'Teams',
      rows: teamRows(teams),
      count: teams.length,
      done: doneTeam ? `${doneTeam.name} ${q.added ? 'added' : 'changed'}.` : null,
      backLink: { href: '/admin', text: 'Users and teams' },
    });
  });

  async function renderNew(reply: FastifyReply, parsed: Partial<Parsed<unknown>> = {}, status = 200) {
    const teams = await users.listTeamsInHierarchy();
    const values = parsed.values ?? {};
    return reply.page(
      'admin/views/team-form.njk',
      {
        pageTitle: 'Add a team',
        adding: true,
        action: '/admin/teams',
        values: { kind: 'team', ...values },
        formToken: parsed.formToken ?? newFormToken(),
        parentItems: teamItems(teams, values.parentId as string | undefined, 'None: it is at the top'),
        backLink: { href: '/admin/teams', text: 'Teams' },
        ...errorView(parsed.errors ?? []),
      },
      status,
    );
  }

  app.get('/admin/teams/new', async (request, reply) => {
    administrator(request);
    return renderNew(reply);
  });

  app.post('/admin/teams', async (request, reply) => {
    const { principal, by } = administrator(request);
    const parsed = parseNewTeam(request.body as Body);
    if (!parsed.command || !parsed.formToken) return renderNew(reply, parsed, 400);
    const c = parsed.command;
    try {
      const done = await users.once({ token: parsed.formToken, userId: principal.userId }, async (tx) => `/admin/teams?added=${await users.addTeamIn(tx, c, by)}`);
      return reply.redirect(done.path, 303);
    } catch (error) {
      if (error instanceof ValidationFailed) return renderNew(reply, { ...parsed, errors: error.errors }, 400);
      throw error;
    }
  });

  const idOf = (request: FastifyRequest) => {
    const id = (request.params as { id: string }).id;
    if (!isUuid(id)) throw new NotFound('team');
    return id;
  };

  async function renderTeam(reply: FastifyReply, id: string, extra: { errors?: FieldError[]; values?: Record<string, string | string[]>; version?: number | null } = {}, status = 200) {
    const [team, teams] = await Promise.all([users.getTeam(id), users.listTeamsInHierarchy()]);
    if (!team) throw new NotFound('team');
    const row = teams.find((t) => t.id === id)!;
    const values = extra.values ?? { name: team.name, parentId: team.parentId ?? '', isFrontDoor: team.isFrontDoor ? 'yes' : '' };
    return reply.page(
      'admin/views/team-form.njk',
      {
        pageTitle: `Change ${team.name}`,
        adding: false,
        team: row,
        action: `/admin/teams/${id}`,
        values,
        // A stale form keeps the version it was opened at, so saving it again is refused again.
        version: extra.version ?? team.version,
        parentItems: teamItems(teams, values.parentId as string | undefined, 'None: it is at the top', id),
        backLink: { href: '/admin/teams', text: 'Teams' },
        ...errorView(extra.errors ?? []),
      },
      status,
    );
  }

  app.get('/admin/teams/:id', async (request, reply) => {
    administrator(request);
    return renderTeam(reply, idOf(request));
  });

  app.post('/admin/teams/:id', async (request, reply) => {
    const { by } = administrator(request);
    const id = idOf(request);
    const parsed = parseTeamChange(request.body as Body);
    if (!parsed.command || parsed.version === null) return renderTeam(reply, id, parsed, 400);
    try {
      await users.changeTeam(id, parsed.command, parsed.version, by);
    } catch (error) {
      if (error instanceof ValidationFailed) return renderTeam(reply, id, { ...parsed, errors: error.errors }, 400);
      throw error;
    }
    return reply.redirect(`/admin/teams?changed=${id}`, 303);
  });
}
