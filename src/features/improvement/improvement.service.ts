import { asc, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/database.js';
import { improvementActionUpdates, improvementActions, improvementRecommendations, users } from '../../db/schema/index.js';
import { type Principal, can } from '../../domain/access/index.js';
import { Conflict, NotFound } from '../../domain/errors.js';
import { type ActionStatus, type Rag, isOverdue, recommendationRag } from '../../domain/improvement/plan.js';
import { type Clock, type PlainDate, londonDateOf } from '../../domain/time/index.js';
import { urls } from '../../web/urls.js';
import type { AuditService } from '../audit/audit.service.js';
import { type Submission, onceOnly } from '../submissions/once-only.js';

export type ImprovementService = ReturnType<typeof createImprovementService>;

export interface NewRecommendation {
  source: string;
  madeOn: PlainDate;
  text: string;
}

export interface NewAction {
  action: string;
  ownerName: string;
  dueOn: PlainDate;
  indicatorId: string | null;
}

export interface ActionUpdate {
  status: ActionStatus;
  rag: Rag;
  progress: string | null;
  version: number;
}

/**
 * The improvement plan: Ofsted's recommendations, the actions taken on each with owner, due date,
 * status and RAG, and every update kept, so progress can be shown over time. Service managers and
 * performance analysts keep it; every change is audited.
 */
export function createImprovementService({ db, clock, audit }: { db: Database; clock: Clock; audit: AuditService }) {
  const requireKeeper = (p: Principal) => {
    if (!can(p, 'improvement.manage')) throw new NotFound('page');
  };
  const today = () => londonDateOf(clock.now());

  async function plan(principal: Principal) {
    requireKeeper(principal);
    const on = today();
    const recs = await db.select().from(improvementRecommendations).orderBy(asc(improvementRecommendations.madeOn), asc(improvementRecommendations.createdAt));
    const actions = await db.select().from(improvementActions).orderBy(asc(improvementActions.dueOn), asc(improvementActions.createdAt));
    return {
      today: on,
      recommendations: recs.map((r) => {
        const own = actions.filter((a) => a.recommendationId === r.id).map((a) => ({ ...a, status: a.status as ActionStatus, rag: a.rag as Rag, overdue: isOverdue({ status: a.status as ActionStatus, rag: a.rag as Rag, dueOn: a.dueOn }, on) }));
        return { ...r, actions: own, rag: recommendationRag(own, on) };
      }),
    };
  }

  async function recommendation(principal: Principal, id: string) {
    requireKeeper(principal);
    const [r] = await db.select().from(improvementRecommendations).where(eq(improvementRecommendations.id, id));
    if (!r) throw new NotFound('recommendation');
    return r;
  }

  async function addRecommendation(principal: Principal, input: NewRecommendation, submission: Submission) {
    requireKeeper(principal);
    return onceOnly(db, submission, async (tx) => {
      const [r] = await tx.insert(improvementRecommendations).values({ ...input, createdBy: principal.userId }).returning({ id: improvementRecommendations.id });
      await audit.record(tx, { userId: principal.userId, action: 'create', subjectType: 'improvement_recommendation', subjectId: r!.id, detail: { source: input.source, madeOn: input.madeOn } });
      return urls.improvement.plan({ saved: r!.id }, `recommendation-${r!.id}`);
    });
  }

  async function addAction(principal: Principal, recommendationId: string, input: NewAction, submission: Submission) {
    requireKeeper(principal);
    return onceOnly(db, submission, async (tx) => {
      const [r] = await tx.select({ id: improvementRecommendations.id }).from(improvementRecommendations).where(eq(improvementRecommendations.id, recommendationId));
      if (!r) throw new NotFound('recommendation');
      const [a] = await tx.insert(improvementActions).values({ recommendationId, ...input, createdBy: principal.userId }).returning();
      await recordUpdate(tx, principal, a!.id, { status: a!.status as ActionStatus, rag: a!.rag as Rag, progress: null });
      await audit.record(tx, { userId: principal.userId, action: 'create', subjectType: 'improvement_action', subjectId: a!.id, detail: { recommendationId, dueOn: input.dueOn } });
      return urls.improvement.plan({ saved: a!.id }, `recommendation-${recommendationId}`);
    });
  }

  async function recordUpdate(tx: Tx, principal: Principal, actionId: string, u: { status: ActionStatus; rag: Rag; progress: string | null }) {
    await tx.insert(improvementActionUpdates).values({ actionId, updatedOn: today(), updatedAt: clock.now(), updatedBy: principal.userId, ...u });
  }

  async function action(principal: Principal, id: string) {
    requireKeeper(principal);
    const [row] = await db
      .select({ action: improvementActions, recommendation: improvementRecommendations })
      .from(improvementActions)
      .innerJoin(improvementRecommendations, eq(improvementRecommendations.id, improvementActions.recommendationId))
      .where(eq(improvementActions.id, id));
    if (!row) throw new NotFound('action');
    const history = await db
      .select({ update: improvementActionUpdates, by: users.displayName })
      .from(improvementActionUpdates)
      .leftJoin(users, eq(users.id, improvementActionUpdates.updatedBy))
      .where(eq(improvementActionUpdates.actionId, id))
      .orderBy(asc(improvementActionUpdates.updatedAt));
    return { ...row, history };
  }

  /** A new status, RAG or progress: refused if someone changed the action since the form was opened. */
  async function updateAction(principal: Principal, id: string, input: ActionUpdate) {
    requireKeeper(principal);
    return db.transaction(async (tx) => {
      const done = input.status === 'done';
      const updated = await tx
        .update(improvementActions)
        .set({
          status: input.status,
          rag: input.rag,
          progress: input.progress,
          completedOn: done ? sql`coalesce(${improvementActions.completedOn}, ${today()}::date)` : null,
          version: sql`${improvementActions.version} + 1`,
        })
        .where(sql`${improvementActions.id} = ${id} and ${improvementActions.version} = ${input.version}`)
        .returning({ recommendationId: improvementActions.recommendationId });
      if (updated.length === 0) {
        const [exists] = await tx.select({ id: improvementActions.id }).from(improvementActions).where(eq(improvementActions.id, id));
        if (!exists) throw new NotFound('action');
        throw new Conflict('Someone else updated this action after you opened it, so your update was not saved.', urls.improvement.action(id));
      }
      await recordUpdate(tx, principal, id, { status: input.status, rag: input.rag, progress: input.progress });
      await audit.record(tx, { userId: principal.userId, action: 'update', subjectType: 'improvement_action', subjectId: id, detail: { status: input.status, rag: input.rag } });
      return urls.improvement.plan({ saved: id }, `recommendation-${updated[0]!.recommendationId}`);
    });
  }

  return { plan, recommendation, addRecommendation, addAction, action, updateAction };
}
