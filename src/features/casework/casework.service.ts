/**
 * Casework: what can be recorded for a child and the page that lists it, and the recordings of
 * every area of the journey built on one shared core (case-core.ts). The child in need and child
 * protection services do the recording; this composes them so that the routes and the CLI see one
 * service.
 */
import type { Principal } from '../../domain/access/index.js';
import { decideChildAccess } from '../../domain/access/index.js';
import { type ActionDecision, type CaseAction, allowedActions } from '../../domain/journey/allowed-actions.js';
import { type PlainDate, formatLongDate } from '../../domain/time/index.js';
import { createChildInNeedService } from '../child-in-need/child-in-need.service.js';
import { createChildProtectionService } from '../child-protection/child-protection.service.js';
import { createLookedAfterService } from '../looked-after/looked-after.service.js';
import { type CaseFile, type CaseRows, caseFileOf, inEpisode, toJourneyRecord } from './case-file.js';
import { AUTHORISED_BY_A_MANAGER, type CaseActionLink, type Deps, canAuthoriseAssessments, createCaseCore } from './case-core.js';
import { loadCase, personExists } from './casework.repo.js';
import { urls } from '../../web/urls.js';

export { AUTHORISED_BY_A_MANAGER, type CaseActionLink, type Deps, type FormContext, NotAllowedNow, canAuthoriseAssessments, caseworkPath } from './case-core.js';

export type CaseworkService = ReturnType<typeof createCaseworkService>;

export function createCaseworkService(deps: Deps) {
  const { db, audit, access, obligations } = deps;
  const core = createCaseCore(deps);
  const { today } = core;

  // -------------------------------------------------------------------------------------------
  // Reads

  /** What this user may record for the child now, and why not; empty for someone who may only view. */
  async function caseActionsFor(principal: Principal, personId: string): Promise<CaseActionLink[]> {
    return db.transaction(async (tx) => {
      await personExists(tx, personId);
      await access.assertChildAccess(tx, principal, personId, 'view');
      const facts = await access.childFacts(tx, personId);
      const canRecord = decideChildAccess(principal, 'record', facts).allow;
      if (!canRecord && !decideChildAccess(principal, 'cla-review', facts).allow) return [];
      const c = await loadCase(tx, personId);
      return linksFor(c, canRecord, principal);
    });
  }

  /**
   * What this user may record for the child now, from rows already loaded in the caller's
   * transaction (the child's page): no second transaction, no second access check.
   */
  function actionsOf(principal: Principal, rows: CaseRows & { canRecord: boolean; canReview?: boolean }): CaseActionLink[] {
    if (!rows.canRecord && !rows.canReview) return [];
    return linksFor(caseFileOf(rows), rows.canRecord, principal);
  }

  /** Everything for who may record; for an IRO who may only review, the looked-after review alone. */
  function linksFor(c: CaseFile, canRecord: boolean, principal: Principal): CaseActionLink[] {
    const links = actionLinks(c, allowedActions(toJourneyRecord(c)), { canAuthorise: canAuthoriseAssessments(principal) });
    return canRecord ? links : links.filter((l) => l.action === 'record-cla-review' && l.allowed);
  }

  /** The casework page: the record of the work, what is due, and what can be recorded next. */
  async function overview(principal: Principal, personId: string) {
    const result = await db.transaction(async (tx) => {
      await personExists(tx, personId);
      const reason = await access.assertChildAccess(tx, principal, personId, 'view');
      const facts = await access.childFacts(tx, personId);
      const canRecord = decideChildAccess(principal, 'record', facts).allow;
      const c = await loadCase(tx, personId);
      await audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'person', subjectId: personId, personId, detail: { page: 'casework', access: reason } });
      return { c, canRecord, actions: canRecord ? actionLinks(c, allowedActions(toJourneyRecord(c)), { canAuthorise: canAuthoriseAssessments(principal) }) : [] };
    });
    const due = await obligations.forChild(personId);
    return { ...result, due, today: today() };
  }

  return {
    caseActionsFor,
    actionsOf,
    overview,
    formFor: core.formFor,
    ...createChildInNeedService(core, deps),
    ...createChildProtectionService(core, deps),
    ...createLookedAfterService(core, deps),
  };
}

/**
 * "What can I record": the journey's pages in the order the work goes, each with the page to open
 * and, when the journey refuses it, why. Pages that act on one record (authorising the assessment,
 * the section 47's outcome, writing up a visit) appear once there is such a record.
 */
export function actionLinks(c: CaseFile, decisions: Record<CaseAction, ActionDecision>, who: { canAuthorise: boolean }): CaseActionLink[] {
  const base = `/children/${c.person.id}`;
  const link = (action: CaseAction, href: string, text: string): CaseActionLink => ({ action, href, text, allowed: decisions[action].allowed, reason: decisions[action].reason });
  const links: CaseActionLink[] = [];
  const pendingAssessment = inEpisode(c, c.assessments).find((a) => a.authorisedDate === null);
  if (pendingAssessment && decisions['authorise-assessment'].allowed) {
    const authorise = link('authorise-assessment', `${base}/assessments/${pendingAssessment.id}/authorise`, 'Authorise the assessment');
    links.push(who.canAuthorise ? authorise : { ...authorise, allowed: false, reason: AUTHORISED_BY_A_MANAGER });
  }
  links.push(link('record-assessment', `${base}/assessments/new`, 'Record the start of an assessment'));
  links.push(link('record-strategy-discussion', `${base}/strategy-discussions/new`, 'Record a strategy discussion'));
  const openS47 = inEpisode(c, c.s47s).find((s) => s.endDate === null);
  if (openS47 && decisions['record-s47-outcome'].allowed) links.push(link('record-s47-outcome', `${base}/s47/${openS47.id}/outcome`, 'Record the outcome of the section 47 enquiry'));
  else links.push(link('record-s47', `${base}/s47/new`, 'Start a section 47 enquiry'));
  links.push(link('record-initial-conference', `${base}/conferences/initial/new`, 'Record an initial child protection conference'));
  links.push(link('record-review-conference', `${base}/conferences/review/new`, 'Record a review child protection conference'));
  links.push(link('record-core-group', `${base}/core-groups/new`, 'Record a core group'));
  links.push(link('record-visit', `${base}/visits/new`, 'Record a visit'));
  for (const v of c.visits.filter((x) => !x.writtenUpOn)) {
    links.push({ action: 'write-up-visit', href: `${base}/visits/${v.id}/write-up`, text: `Write up the visit on ${formatLongDate(v.visitDate as PlainDate)}`, allowed: true, reason: null });
  }
  if (decisions['end-cin-plan'].allowed) {
    links.push(link('record-cin-plan-review', `${base}/cin-plan/reviews/new`, 'Record a child in need plan review'));
    links.push(link('end-cin-plan', `${base}/cin-plan/end`, 'End the child in need plan'));
  } else {
    links.push(link('start-cin-plan', `${base}/cin-plan/new`, 'Start a child in need plan'));
  }
  links.push(link('close-episode', `${base}/close`, 'Close the child in need episode'));
  return [...links, ...lookedAfterLinks(c, link)];
}

/** The looked-after pages (urls.lookedAfter): becoming looked after, or the period's recordings; missing episodes for any child. */
function lookedAfterLinks(c: CaseFile, link: (action: CaseAction, href: string, text: string) => CaseActionLink): CaseActionLink[] {
  const id = c.person.id;
  const la = urls.lookedAfter;
  const links: CaseActionLink[] = c.period
    ? [
        link('change-legal-status', la.legalStatus(id), 'Change the legal status'),
        link('change-placement', la.placement(id), 'Change the placement'),
        link('record-cla-review', la.review(id), 'Record a looked after review'),
        link('record-cla-visit', la.visit(id), 'Record a visit to the looked after child'),
        link('record-health', la.health(id), 'Record health: assessments, dental checks, immunisations, SDQ'),
        link('record-pep', la.pep(id), 'Record a personal education plan (PEP) meeting'),
        link('record-care-plan', la.carePlan(id), 'Record the care plan'),
        link('record-placement-plan', la.placementPlan(id), 'Record the placement plan'),
      ]
    : [link('become-looked-after', la.start(id), 'Record that the child became looked after')];
  links.push(link('record-missing', la.missing(id), 'Record that the child is missing or away'));
  for (const m of c.missingEpisodes) {
    const since = formatLongDate(m.startDate as PlainDate);
    if (!m.endDate) links.push(link('record-missing-return', la.missingReturn(id, m.id), `Record the child’s return (missing or away since ${since})`));
    else if (m.rhiOffered === null) links.push(link('record-return-interview', la.returnInterview(id, m.id), `Record the return home interview (missing or away on ${since})`));
  }
  return links;
}
