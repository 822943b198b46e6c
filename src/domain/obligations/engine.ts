import { dueItemsOf } from '../areas/registry.js';
import type { ObligationRecord } from './child-record.js';
import type { DueItem } from './due-item.js';
import type { LocalNorms } from './local-norms.js';

/**
 * Every date-based obligation of one child, met or not: a pure function of the record and the
 * local norms, made of the due functions the areas declare (src/domain/areas/registry.ts). The
 * service stores the result when the child's record changes; worktrays and compliance read it;
 * "overdue" is judged against today when read. (The MASH RAG clocks are hour clocks on contacts
 * and are computed where contacts are listed.)
 */
export function computeObligations(record: ObligationRecord, norms: LocalNorms): DueItem[] {
  return dueItemsOf(record, norms);
}
