/**
 * What every casework recording shares, whatever the area: the form page's context (access to
 * record, the journey's gate, the view audited) and the write (once per form, the child's row held,
 * the gate checked against the record as it is now, the change audited, the child's obligations
 * recomputed, all in one transaction). The child in need and child protection services are built
 * on it; they decide, their repositories hold the SQL.
 */
import type { Database, Tx } from '../../db/database.js';
import { type ChildAction, type Principal, can } from '../../domain/access/index.js';
import { Conflict, type FieldError, ValidationFailed } from '../../domain/errors.js';
import { type ActionDecision, type CaseAction, allowedActions } from '../../domain/journey/allowed-actions.js';
import { type PlainDate, londonDateOf } from '../../domain/time/index.js';
import type { Clock } from '../../domain/time/index.js';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ObligationsService } from '../obligations/obligations.service.js';
import { type Done, type Submission, onceOnly } from '../submissions/once-only.js';
import { type CaseFile, toJourneyRecord } from './case-file.js';
import { loadCase, lockChild, personExists } from './casework.repo.js';

export interface Deps {
  db: Database;
  clock: Clock;
  audit: AuditService;
  access: AccessService;
  obligations: ObligationsService;
}

/**
 * The journey does not allow this recording now (an assessment already open, no plan to review...):
 * the page says why, with status 409, and nothing is written.
 */
export class NotAllowedNow extends Conflict {
  constructor(
    readonly reason: string,
    readonly personId: string,
    readonly childName: string,
  ) {
    super(reason, caseworkPath(personId));
  }
}

/** One line of "What can I record": the page to go to, and if the journey refuses it, why. */
export interface CaseActionLink {
  action: CaseAction | 'write-up-visit';
  href: string;
  text: string;
  allowed: boolean;
  reason: string | null;
}

/** The record a form page needs: the child's casework, today, and what the journey allows. */
export interface FormContext {
  c: CaseFile;
  today: PlainDate;
  decisions: Record<CaseAction, ActionDecision>;
  /** The child's stored obligations not yet met (what the form's hints say is due). */
  due: { rule: string; subjectId: string; dueOn: PlainDate }[];
}

export const caseworkPath = (personId: string) => `/children/${personId}/casework`;

/**
 * Authorising an assessment is a manager's decision (the CIN census's authorisation date is when
 * the manager agreed the assessment and its outcome): a team or service manager in the child's
 * management line, never the worker who wrote it.
 */
export const canAuthoriseAssessments = (p: Principal) => can(p, 'casework.authorise');
export const AUTHORISED_BY_A_MANAGER = 'A team or service manager authorises the assessment: ask your manager to authorise it.';

export const refusal = (c: CaseFile, reason: string) => new NotAllowedNow(reason, c.person.id, `${c.person.givenName} ${c.person.familyName}`);

/** What one casework write did: each is audited in the same transaction. */
export interface Wrote {
  subjectType: string;
  subjectId: string;
  action?: 'create' | 'update';
  detail?: Record<string, unknown>;
  path?: string;
}

export type CaseCore = ReturnType<typeof createCaseCore>;

export function createCaseCore({ db, clock, audit, access, obligations }: Deps) {
  const today = () => londonDateOf(clock.now());

  function refuseUnless(decisions: Record<CaseAction, ActionDecision>, gate: CaseAction | null, c: CaseFile): void {
    if (!gate) return;
    const d = decisions[gate];
    if (!d.allowed) throw refusal(c, d.reason ?? 'This cannot be recorded now.');
  }

  /**
   * A form page: the user must be able to record for the child (allocated worker, their team, their
   * management line) and the journey must allow the recording; the view is audited. `as` names the
   * access asked for when it is not 'record' (the IRO's review: 'cla-review').
   */
  async function formFor(principal: Principal, personId: string, gate: CaseAction | null, page: string, as: ChildAction = 'record'): Promise<FormContext> {
    const ctx = await db.transaction(async (tx) => {
      await personExists(tx, personId);
      await access.assertChildAccess(tx, principal, personId, as);
      const c = await loadCase(tx, personId);
      const decisions = allowedActions(toJourneyRecord(c));
      refuseUnless(decisions, gate, c);
      await audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'person', subjectId: personId, personId, detail: { page } });
      return { c, today: today(), decisions };
    });
    // Read after the transaction: on PGlite a query outside it would wait for it to end.
    const due = (await obligations.forChild(personId)).filter((o) => o.dueOn && !o.metOn && !o.lapsedOn).map((o) => ({ rule: o.rule, subjectId: o.subjectId, dueOn: o.dueOn as PlainDate }));
    return { ...ctx, due };
  }

  /**
   * Every casework write: once per rendered form; the child's row held; access to record; the
   * journey's gate checked against the record as it is now; the change and its audit row; the
   * child's obligations recomputed; all in one transaction.
   */
  async function write(
    principal: Principal,
    personId: string,
    submission: Submission,
    gate: CaseAction | null,
    work: (tx: Tx, c: CaseFile, decisions: Record<CaseAction, ActionDecision>) => Promise<Wrote | Wrote[]>,
    as: ChildAction = 'record',
  ): Promise<Done> {
    return onceOnly(db, submission, async (tx) => {
      await lockChild(tx, personId);
      await access.assertChildAccess(tx, principal, personId, as);
      const c = await loadCase(tx, personId);
      const decisions = allowedActions(toJourneyRecord(c));
      refuseUnless(decisions, gate, c);
      const wrote = ([] as Wrote[]).concat(await work(tx, c, decisions));
      for (const w of wrote) {
        await audit.record(tx, { userId: principal.userId, action: w.action ?? 'create', subjectType: w.subjectType, subjectId: w.subjectId, personId, detail: w.detail ?? null });
      }
      await obligations.recompute(tx, personId);
      return wrote.find((w) => w.path)?.path ?? caseworkPath(personId);
    });
  }

  function failIf(errors: FieldError[]): void {
    if (errors.length) throw new ValidationFailed(errors);
  }

  const stale = (what: string, backTo: string) => new Conflict(`This ${what} was changed after you opened it (by a colleague, or by you in another tab or window), so your change was not saved.`, backTo);

  return { today, formFor, write, failIf, stale };
}
