/**
 * Closing a child in need episode (CIN census ReasonForClosure RC1-RC9). With the local setting
 * `casework.closure-needs-manager-agreement` on (the default) the worker proposes the closure and a
 * manager in the child's management line agrees (the episode closes on the proposed date) or
 * declines it with a reason (the proposal stays as history); with it off the worker closes at once.
 * Either way closure ends the child's open case-worker allocations on the closure date and, for a
 * step down, opens an early help episode from that date. docs/casework.md, "Closure".
 */
import type { Executor, Tx } from '../../db/database.js';
import { type Principal, can, decideChildAccess } from '../../domain/access/index.js';
import { type PlainDate, formatLongDate } from '../../domain/time/index.js';
import type { Clock } from '../../domain/time/index.js';
import { type CaseFile, awaitingClosure } from '../casework/case-file.js';
import { type CaseCore, type Wrote, refusal } from '../casework/case-core.js';
import { openEarlyHelp } from '../early-help/early-help.service.js';
import type { Submission } from '../submissions/once-only.js';
import type { AccessService } from '../access/access.service.js';
import { checkCloseEpisode } from './child-in-need.checks.js';
import * as repo from './closure.repo.js';
import type { CloseEpisodeCommand, ClosureDecisionCommand } from './child-in-need.schema.js';

export interface ClosureDeps {
  clock: Clock;
  access: AccessService;
  /** The setting, read in the write's transaction. */
  closureNeedsAgreement(on?: Executor): Promise<boolean>;
}

export const AGREED_BY_A_MANAGER = 'A team or service manager in the child’s management line agrees the closure, not the worker who proposed it.';

const canAgreeClosures = (p: Principal) => can(p, 'team.manage');

export function createClosureService(core: CaseCore, { clock, access, closureNeedsAgreement }: ClosureDeps) {
  const { formFor, write, failIf, stale } = core;
  const awaitingWords = (p: { closureDate: string; proposedAt: Date }) => `Closure on ${formatLongDate(p.closureDate as PlainDate)} was proposed on ${formatLongDate(p.proposedAt.toISOString().slice(0, 10) as PlainDate)} and awaits a manager’s agreement.`;

  async function closeForm(principal: Principal, personId: string) {
    const ctx = await formFor(principal, personId, 'close-episode', 'close-episode');
    const awaiting = awaitingClosure(ctx.c);
    if (awaiting) throw refusal(ctx.c, awaitingWords(awaiting));
    return { ...ctx, needsAgreement: await closureNeedsAgreement() };
  }

  /** Closes the episode now: its date and reason, the open allocations ended, a step down opened. */
  async function closeNow(tx: Tx, principal: Principal, c: CaseFile, cmd: { date: PlainDate; reason: string; stepDown: boolean; version: number }): Promise<Wrote[]> {
    const episode = c.open!;
    const path = `/children/${c.person.id}/close`;
    if (!(await repo.closeEpisode(tx, episode.id, cmd.version, { closureDate: cmd.date, closureReason: cmd.reason }))) throw stale('child in need episode', path);
    const wrote: Wrote[] = [{ subjectType: 'cin_episode', subjectId: episode.id, action: 'update', detail: { closureDate: cmd.date, closureReason: cmd.reason } }];
    for (const id of await repo.endOpenAllocations(tx, c.person.id, cmd.date)) wrote.push({ subjectType: 'allocation', subjectId: id, action: 'update', detail: { endDate: cmd.date, reason: 'child in need episode closed' } });
    const stepDown = cmd.stepDown ? await openEarlyHelp(tx, { personId: c.person.id, startDate: cmd.date, reason: 'Stepped down from children’s social care at closure', steppedDownFromEpisodeId: episode.id, userId: principal.userId, at: clock.now() }) : null;
    if (stepDown) wrote.push({ subjectType: 'early_help_episode', subjectId: stepDown, detail: { startDate: cmd.date, steppedDownFrom: episode.id } });
    return wrote;
  }

  /** The worker closes the episode, or (with the setting on) proposes its closure for a manager's agreement. */
  async function closeEpisode(principal: Principal, personId: string, cmd: CloseEpisodeCommand, submission: Submission) {
    return write(principal, personId, submission, 'close-episode', async (tx, c) => {
      const episode = c.open!;
      if (episode.version !== cmd.version) throw stale('child in need episode', `/children/${personId}/close`);
      const awaiting = awaitingClosure(c);
      if (awaiting) throw refusal(c, awaitingWords(awaiting));
      const needsAgreement = await closureNeedsAgreement(tx);
      failIf([...checkCloseEpisode(c, cmd), ...(needsAgreement && !cmd.summary ? [{ field: 'summary', message: 'Enter a summary of why the case can close, for your manager' }] : [])]);
      if (!needsAgreement) return closeNow(tx, principal, c, cmd);
      const id = await repo.insertProposal(tx, {
        personId,
        cinEpisodeId: episode.id,
        closureDate: cmd.date,
        closureReason: cmd.reason,
        summary: cmd.summary!,
        stepDown: cmd.stepDown,
        proposedBy: principal.userId,
        proposedAt: clock.now(),
      });
      return { subjectType: 'cin_closure_proposal', subjectId: id, detail: { closureDate: cmd.date, closureReason: cmd.reason, stepDown: cmd.stepDown } };
    });
  }

  function awaitingFor(principal: Principal, c: CaseFile) {
    const awaiting = awaitingClosure(c);
    if (!awaiting) throw refusal(c, 'No closure of this child’s episode awaits agreement.');
    if (!canAgreeClosures(principal) || awaiting.proposedBy === principal.userId) throw refusal(c, AGREED_BY_A_MANAGER);
    return awaiting;
  }

  // Opened with 'view' so that a decision already made (the case closed, so no longer the manager's
  // to record on) says so with 409 rather than 404; the manager must then be able to record.
  async function decisionForm(principal: Principal, personId: string) {
    const ctx = await formFor(principal, personId, null, 'closure-decision', 'view');
    const proposal = awaitingFor(principal, ctx.c);
    if (!(await mayRecord(principal, personId))) throw refusal(ctx.c, AGREED_BY_A_MANAGER);
    return { ...ctx, proposal };
  }

  const mayRecord = (principal: Principal, personId: string) => access.childFacts(core.db, personId).then((f) => decideChildAccess(principal, 'record', f).allow);

  /** The manager agrees (the episode closes on the proposed date) or declines with a reason. */
  async function decideClosure(principal: Principal, personId: string, cmd: ClosureDecisionCommand, submission: Submission) {
    return write(principal, personId, submission, null, async (tx, c) => {
      const proposal = awaitingFor(principal, c);
      if (!decideChildAccess(principal, 'record', await access.childFacts(tx, personId)).allow) throw refusal(c, AGREED_BY_A_MANAGER);
      const path = `/children/${personId}/close/decision`;
      if (proposal.version !== cmd.version) throw stale('closure proposal', path);
      const decided = { decidedBy: principal.userId, decidedAt: clock.now() };
      if (cmd.decision === 'decline') {
        if (!(await repo.decideProposal(tx, proposal.id, cmd.version, { ...decided, decision: 'declined', declineReason: cmd.reason }))) throw stale('closure proposal', path);
        return { subjectType: 'cin_closure_proposal', subjectId: proposal.id, action: 'update', detail: { decision: 'declined', reason: cmd.reason } };
      }
      const asProposed = { date: proposal.closureDate, reason: proposal.closureReason, stepDown: proposal.stepDown, version: c.open!.version, summary: proposal.summary };
      failIf(checkCloseEpisode(c, asProposed).map((e) => ({ field: 'decision', message: `The closure cannot be agreed as proposed: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}. Decline it so the worker can propose it again.` })));
      if (!(await repo.decideProposal(tx, proposal.id, cmd.version, { ...decided, decision: 'agreed', declineReason: null }))) throw stale('closure proposal', path);
      return [{ subjectType: 'cin_closure_proposal', subjectId: proposal.id, action: 'update' as const, detail: { decision: 'agreed' } }, ...(await closeNow(tx, principal, c, asProposed))];
    }, 'view');
  }

  return { closeForm, closeEpisode, decisionForm, decideClosure };
}
