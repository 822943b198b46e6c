/**
 * Recording early help (docs/early-help.md): allocating the episode to an early help team, a lead
 * practitioner and a service; reviews with the family; a step up to children's social care (a
 * contact at the front door, the episode ended); closure with an outcome. Built on the casework
 * core (the child's row held, audit and obligations in the write's transaction); who may record is
 * the access decision's 'early-help' action, or the front door while the episode has no team yet.
 */
import type { Tx } from '../../db/database.js';
import { type Principal, decideChildAccess } from '../../domain/access/index.js';
import { urls } from '../../web/urls.js';
import { type EarlyHelpAction, type EarlyHelpFacts, earlyHelpDecision } from '../../domain/early-help/actions.js';
import { type Clock, type PlainDate, formatLongDate } from '../../domain/time/index.js';
import type { AccessService } from '../access/access.service.js';
import type { CaseFile } from '../casework/case-file.js';
import { type CaseCore, refusal } from '../casework/case-core.js';
import { insertStepUpContact } from '../front-door/step-up-contact.js';
import type { Submission } from '../submissions/once-only.js';
import * as repo from './early-help.repo.js';
import type { AllocateEarlyHelpCommand, CloseEarlyHelpCommand, EarlyHelpReviewCommand, StepUpCommand } from './early-help.schema.js';

export const RECORDED_BY_EARLY_HELP = 'Early help is recorded by its team and lead practitioner (and, until it has a team, by the front door).';

export function createEarlyHelpService(core: CaseCore, { clock, access }: { clock: Clock; access: AccessService }) {
  const { formFor, write, failIf, stale } = core;
  const home = (personId: string) => urls.child(personId);

  /** The open episode, its reviews and the gates, read in `tx`; refused unless this user may record it. */
  async function load(tx: Tx | CaseCore['db'], principal: Principal, c: CaseFile, action: EarlyHelpAction) {
    const episode = await repo.openEpisodeOf(tx, c.person.id);
    const facts: EarlyHelpFacts = { open: episode, openCinEpisode: c.open !== null };
    const gate = earlyHelpDecision(facts, action);
    if (!gate.allowed) throw refusal(c, gate.reason!);
    const childFacts = await access.childFacts(tx, c.person.id);
    const may = decideChildAccess(principal, 'early-help', childFacts).allow || (!episode!.teamId && decideChildAccess(principal, 'front-door', childFacts).allow);
    if (!may) throw refusal(c, RECORDED_BY_EARLY_HELP);
    return { episode: episode!, reviews: await repo.reviewsOf(tx, episode!.id) };
  }

  /** A form page: viewed (audited) by anyone who may view the child, then the gate and who may record. */
  async function formOf(principal: Principal, personId: string, action: EarlyHelpAction) {
    const ctx = await formFor(principal, personId, null, action, 'view');
    return { ...ctx, ...(await load(core.db, principal, ctx.c, action)) };
  }

  async function allocateForm(principal: Principal, personId: string) {
    const ctx = await formOf(principal, personId, 'allocate-early-help');
    return { ...ctx, teams: await repo.allocatableTeams(core.db), practitioners: await repo.practitioners(core.db) };
  }

  async function allocateEarlyHelp(principal: Principal, personId: string, cmd: AllocateEarlyHelpCommand, submission: Submission) {
    return write(
      principal,
      personId,
      submission,
      null,
      async (tx, c) => {
        const { episode } = await load(tx, principal, c, 'allocate-early-help');
        const teams = await repo.allocatableTeams(tx);
        const people = await repo.practitioners(tx);
        const lead = people.find((p) => p.id === cmd.workerId);
        failIf([
          ...(teams.some((t) => t.id === cmd.teamId) ? [] : [{ field: 'teamId', message: 'Select the early help team' }]),
          ...(!lead ? [{ field: 'workerId', message: 'Select the lead practitioner' }] : lead.teamId !== cmd.teamId ? [{ field: 'workerId', message: 'Select a lead practitioner in the chosen team' }] : []),
        ]);
        if (!(await repo.updateEpisode(tx, episode.id, cmd.version, { teamId: cmd.teamId, workerId: cmd.workerId, service: cmd.service }))) throw stale('early help episode', urls.earlyHelp.allocate(personId));
        return { subjectType: 'early_help_episode', subjectId: episode.id, action: 'update', detail: { teamId: cmd.teamId, workerId: cmd.workerId, service: cmd.service }, path: home(personId) };
      },
      'view',
    );
  }

  async function earlyHelpReviewForm(principal: Principal, personId: string) {
    return formOf(principal, personId, 'record-early-help-review');
  }

  async function recordEarlyHelpReview(principal: Principal, personId: string, cmd: EarlyHelpReviewCommand, submission: Submission) {
    return write(
      principal,
      personId,
      submission,
      null,
      async (tx, c) => {
        const { episode } = await load(tx, principal, c, 'record-early-help-review');
        if (cmd.date < episode.startDate) failIf([{ field: 'date-day', message: `The date of the review must be on or after early help started on ${formatLongDate(episode.startDate)}` }]);
        const id = await repo.insertReview(tx, { personId, episodeId: episode.id, reviewDate: cmd.date, outcome: cmd.outcome, notes: cmd.notes, reviewedBy: principal.userId, createdBy: principal.userId, createdAt: clock.now() });
        return { subjectType: 'early_help_review', subjectId: id, detail: { date: cmd.date, outcome: cmd.outcome }, path: home(personId) };
      },
      'view',
    );
  }

  async function stepUpForm(principal: Principal, personId: string) {
    return formOf(principal, personId, 'step-up');
  }

  /** A step up: a contact for the MASH (source 5D, early help), linked to the episode, which ends that day. */
  async function stepUp(principal: Principal, personId: string, cmd: StepUpCommand, submission: Submission) {
    return write(
      principal,
      personId,
      submission,
      null,
      async (tx, c) => {
        const { episode, reviews } = await load(tx, principal, c, 'step-up');
        const last = repo.lastDateIn(episode, reviews);
        if (cmd.date < last) failIf([{ field: 'date-day', message: `The date of the step up must be on or after ${formatLongDate(last)}, the last thing recorded in early help` }]);
        const [lead] = (await repo.practitioners(tx)).filter((p) => p.id === principal.userId);
        const contactId = await insertStepUpContact(tx, { personId, receivedAt: clock.now(), concerns: cmd.concerns, referrerName: lead?.name ?? 'Early help', recordedBy: principal.userId });
        if (!(await repo.updateEpisode(tx, episode.id, cmd.version, { endDate: cmd.date, endReason: 'step_up', stepUpContactId: contactId }))) throw stale('early help episode', urls.earlyHelp.stepUp(personId));
        return [
          { subjectType: 'contact', subjectId: contactId, detail: { stepUpFromEarlyHelp: episode.id } },
          // Early help's sight of the child ends with the episode: back to the practitioner's worktray.
          { subjectType: 'early_help_episode', subjectId: episode.id, action: 'update' as const, detail: { endDate: cmd.date, endReason: 'step_up', stepUpContactId: contactId }, path: '/' },
        ];
      },
      'view',
    );
  }

  async function closeEarlyHelpForm(principal: Principal, personId: string) {
    return formOf(principal, personId, 'close-early-help');
  }

  async function closeEarlyHelp(principal: Principal, personId: string, cmd: CloseEarlyHelpCommand, submission: Submission) {
    return write(
      principal,
      personId,
      submission,
      null,
      async (tx, c) => {
        const { episode, reviews } = await load(tx, principal, c, 'close-early-help');
        const last = repo.lastDateIn(episode, reviews);
        if (cmd.date < last) failIf([{ field: 'date-day', message: `The date early help ended must be on or after ${formatLongDate(last)}, the last thing recorded in it` }]);
        if (!(await repo.updateEpisode(tx, episode.id, cmd.version, { endDate: cmd.date, endReason: cmd.outcome, closureSummary: cmd.summary }))) throw stale('early help episode', urls.earlyHelp.close(personId));
        return { subjectType: 'early_help_episode', subjectId: episode.id, action: 'update', detail: { endDate: cmd.date, outcome: cmd.outcome }, path: '/' };
      },
      'view',
    );
  }

  return { allocateForm, allocateEarlyHelp, earlyHelpReviewForm, recordEarlyHelpReview, stepUpForm, stepUp, closeEarlyHelpForm, closeEarlyHelp };
}

/** An early help episode from a date on, for a child with none open (null when one is open already). */
export async function openEarlyHelp(tx: Tx, values: { personId: string; startDate: PlainDate; reason: string; fromContactId?: string; steppedDownFromEpisodeId?: string; userId: string; at: Date }): Promise<string | null> {
  if (await repo.openEpisodeOf(tx, values.personId)) return null;
  return repo.insertEpisode(tx, {
    personId: values.personId,
    startDate: values.startDate,
    reason: values.reason,
    fromContactId: values.fromContactId ?? null,
    steppedDownFromEpisodeId: values.steppedDownFromEpisodeId ?? null,
    createdBy: values.userId,
    createdAt: values.at,
  });
}
