import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { allocations, people, teams } from '../../db/schema/index.js';
import type { Principal } from '../../domain/access/index.js';
import { NotFound } from '../../domain/errors.js';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../audit/audit.service.js';
import { loadChildRecord, loadPerson } from './children.repo.js';

export type ChildrenService = ReturnType<typeof createChildrenService>;
export type ChildRecord = Awaited<ReturnType<ChildrenService['record']>>;

export function createChildrenService({ db, audit, access }: { db: Database; audit: AuditService; access: AccessService }) {
  /**
   * The child's whole record as the page needs it, and whether the reader may record for the child
   * (one access check answers both); the view is audited in the same transaction. The page's
   * actions are worked out from these rows, with no second read.
   */
  async function record(principal: Principal, personId: string) {
    return db.transaction(async (tx) => {
      const person = await loadPerson(tx, personId);
      if (!person) throw new NotFound('child');
      const access_ = await access.assertChildAccessWith(tx, principal, personId, 'view', ['record', 'cla-review']);
      const rows = await loadChildRecord(tx, personId);
      await audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'person', subjectId: personId, personId, detail: { page: 'child-record', access: access_.reason } });
      return { person, canRecord: access_.may.has('record'), canReview: access_.may.has('cla-review'), ...rows };
    });
  }

  /** Children allocated to this user now, for their home page. */
  async function allocatedTo(principal: Principal) {
    return db
      .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, dateOfBirth: people.dateOfBirth, laChildId: people.laChildId, since: allocations.startDate, teamName: teams.name })
      .from(allocations)
      .innerJoin(people, eq(people.id, allocations.personId))
      .innerJoin(teams, eq(teams.id, allocations.teamId))
      .where(and(eq(allocations.workerId, principal.userId), isNull(allocations.endDate)))
      .orderBy(asc(people.familyName), asc(people.givenName));
  }

  return { record, allocatedTo };
}
