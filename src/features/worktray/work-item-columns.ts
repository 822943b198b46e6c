import { obligations, people } from '../../db/schema/index.js';

/** The columns of a worktray item, read the same way whoever holds the work (an allocation, an early help episode). */
export const workItemColumns = {
  id: obligations.id,
  rule: obligations.rule,
  personId: obligations.personId,
  givenName: people.givenName,
  familyName: people.familyName,
  laChildId: people.laChildId,
  subjectType: obligations.subjectType,
  subjectId: obligations.subjectId,
  dueOn: obligations.dueOn,
  basis: obligations.basis,
  source: obligations.source,
};
