/**
 * The MASH decision "early help" opens an early help episode from the day of the decision, held
 * by the front door until it is allocated to an early help team and a lead practitioner (its
 * allocation page is where the decision leads). The front door's decideContact calls this in its
 * own transaction; nothing opens when the child already has early help open.
 */
import type { Tx } from '../../db/database.js';
import type { PlainDate } from '../../domain/time/index.js';
import type { AuditService } from '../audit/audit.service.js';
import { openEarlyHelp } from './early-help.service.js';

export async function openEarlyHelpFromMash(tx: Tx, audit: AuditService, values: { personId: string; contactId: string; decidedOn: PlainDate; rationale: string; userId: string; at: Date }): Promise<string | null> {
  const id = await openEarlyHelp(tx, { personId: values.personId, startDate: values.decidedOn, reason: values.rationale, fromContactId: values.contactId, userId: values.userId, at: values.at });
  if (id) await audit.record(tx, { userId: values.userId, action: 'create', subjectType: 'early_help_episode', subjectId: id, personId: values.personId, detail: { fromContact: values.contactId } });
  return id;
}
