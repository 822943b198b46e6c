/**
 * The casework forms' machinery, shared by every area's routes: GET shows the form (or, when the
 * journey refuses it, says why with 409); POST reads it, re-shows it with 400 and every error when
 * it is wrong, and otherwise saves once and redirects (post/redirect/get).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../domain/access/index.js';
import { type FieldError, NotFound, ValidationFailed } from '../../domain/errors.js';
import { type PlainDate, compareDates, describeDueDate, formatLongDate, londonDateOf } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import type { Clock } from '../../domain/time/index.js';
import { type FormBody, errorView } from '../../web/form-reader.js';
import { isUuid } from '../../web/ids.js';
import { signedIn } from '../../web/request-context.js';
import type { Done, Submission } from '../submissions/once-only.js';
import { type FormContext, NotAllowedNow } from './case-core.js';
import { dateExample, formBase } from './casework.presenter.js';
import { submissionOf } from '../../web/form-tokens.js';
import { type Parsed, newFormToken } from './form-schema.js';

export type Values = Record<string, string | string[] | undefined>;
type Errors = Record<string, { text: string }>;
export const long = (d: string | null | undefined) => (d ? formatLongDate(d as PlainDate) : '');

/**
 * One casework form: GET shows it (or, when the journey refuses it, says why with 409); POST reads
 * it, re-shows it with 400 and every error when it is wrong, and otherwise saves once and redirects.
 */
export interface FormRoute<Ctx extends FormContext, Cmd> {
  path: string;
  /** The route parameter naming the record the form acts on (an assessment, an enquiry, a visit). */
  sub?: string;
  view: string;
  heading: string;
  /** The success banner's words on the page the save lands on ("Visit recorded"). */
  saved?: string;
  buttonText: string;
  load(principal: Principal, personId: string, sub: string): Promise<Ctx>;
  /** Field values the form opens with (known facts pre-filled). */
  defaults?(ctx: Ctx): Values;
  /** The version of the record the form edits (stale edits are refused). */
  version?(ctx: Ctx): number;
  page(ctx: Ctx, values: Values, errors: Errors): Record<string, unknown>;
  parse(body: FormBody, today: PlainDate): Parsed<Cmd>;
  save(principal: Principal, personId: string, sub: string, command: Cmd, submission: Submission): Promise<Done>;
}

/** The form registrar and the helpers the areas' routes share. */
export type CaseworkForms = ReturnType<typeof caseworkForms>;

export function caseworkForms(app: FastifyInstance, services: Services, clock: Clock) {
  const { casework } = services;
  const today = () => londonDateOf(clock.now());

  function params(request: FastifyRequest, sub?: string): { personId: string; sub: string } {
    const p = request.params as Record<string, string | undefined>;
    const personId = p.id ?? '';
    const subId = sub ? (p[sub] ?? '') : '';
    if (!isUuid(personId) || (sub && !isUuid(subId))) throw new NotFound();
    return { personId, sub: subId };
  }

  /** The journey refuses this recording now: say why, offer what can be recorded, write nothing. */
  async function refused(reply: FastifyReply, principal: Principal, error: NotAllowedNow) {
    const actions = await casework.caseActionsFor(principal, error.personId);
    return reply.page('casework/views/refused.njk', { pageTitle: 'You cannot record this now', childName: error.childName, personId: error.personId, reason: error.reason, allowed: actions.filter((a) => a.allowed), backLink: { href: `/children/${error.personId}/casework` } }, 409);
  }

  function form<Ctx extends FormContext, Cmd>(def: FormRoute<Ctx, Cmd>) {
    async function render(request: FastifyRequest, reply: FastifyReply, principal: Principal, ids: { personId: string; sub: string }, state: { values?: Values; errors?: FieldError[]; formToken?: string; version?: number; status?: number }) {
      const ctx = await def.load(principal, ids.personId, ids.sub);
      const values = state.values ?? def.defaults?.(ctx) ?? {};
      const ev = errorView(state.errors ?? []);
      return reply.page(
        def.view,
        {
          pageTitle: `${def.heading}: ${ctx.c.person.givenName} ${ctx.c.person.familyName}`,
          heading: def.heading,
          buttonText: def.buttonText,
          action: request.url.split('?')[0],
          ...formBase(ctx.c, ctx.today),
          version: state.version ?? def.version?.(ctx) ?? null,
          formToken: state.formToken ?? newFormToken(),
          values,
          ...ev,
          ...def.page(ctx, values, ev.errors),
        },
        state.status ?? 200,
      );
    }

    app.get(def.path, async (request, reply) => {
      const { principal } = signedIn(request);
      const ids = params(request, def.sub);
      try {
        return await render(request, reply, principal, ids, {});
      } catch (error) {
        if (error instanceof NotAllowedNow) return refused(reply, principal, error);
        throw error;
      }
    });

    app.post(def.path, async (request, reply) => {
      const { principal } = signedIn(request);
      const ids = params(request, def.sub);
      const body = (request.body ?? {}) as FormBody;
      const parsed = def.parse(body, today());
      // Shown again as sent: the same one-time token and the version the user was editing.
      const sentVersion = typeof body.version === 'string' && /^\d{1,9}$/.test(body.version) ? Number(body.version) : undefined;
      const again = (errors: FieldError[]) => render(request, reply, principal, ids, { values: parsed.values, errors, formToken: parsed.formToken ?? undefined, version: sentVersion, status: 400 });
      try {
        if (!parsed.command || !parsed.formToken) return await again(parsed.errors);
        const done = await def.save(principal, ids.personId, ids.sub, parsed.command, submissionOf(principal, parsed.formToken));
        return reply.saved(done.path, def.saved ?? 'Saved');
      } catch (error) {
        if (error instanceof NotAllowedNow) return refused(reply, principal, error);
        if (error instanceof ValidationFailed) {
          try {
            return await again(error.errors);
          } catch (inner) {
            if (inner instanceof NotAllowedNow) return refused(reply, principal, inner);
            throw inner;
          }
        }
        throw error;
      }
    });
  }

  return { form, params, refused };
}

/** "The next statutory visit is due by 4 May 2026 (in 3 working days). For example, 27 4 2026" */
export function dueHint(ctx: FormContext, rules: string[], words: string): string {
  const example = dateExample(ctx.today);
  const due = ctx.due.filter((d) => rules.includes(d.rule)).map((d) => d.dueOn).sort(compareDates)[0];
  return due ? `${words} ${formatLongDate(due)} (${describeDueDate(due, ctx.today).words}). ${example}` : example;
}

