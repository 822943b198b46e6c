/**
 * A step up from early help arrives at the front door as a contact (CIN census referral source 5D,
 * "Local authority services: early help"), awaiting the MASH decision like any other: the front
 * door's own table, written here so that early help reaches it through the front door's module.
 */
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { contacts, teams } from '../../db/schema/index.js';
import { ValidationFailed } from '../../domain/errors.js';
import { openEpisodeOf } from './people.repo.js';

export const STEP_UP_SOURCE = '5D';

export async function insertStepUpContact(tx: Tx, values: { personId: string; receivedAt: Date; concerns: string; referrerName: string; recordedBy: string }): Promise<string> {
  const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.isFrontDoor, true)).orderBy(asc(teams.name)).limit(1);
  if (!team) throw new ValidationFailed([{ field: 'reason', message: 'There is no front-door (MASH) team set up to receive the step up. Ask an administrator to create one.' }]);
  const open = await openEpisodeOf(tx, values.personId);
  const [row] = await tx
    .insert(contacts)
    .values({
      personId: values.personId,
      receivedAt: values.receivedAt,
      source: STEP_UP_SOURCE,
      referrerName: values.referrerName,
      referrerOrganisation: 'Early help (step up)',
      concerns: values.concerns,
      teamId: team.id,
      recordedBy: values.recordedBy,
      recordedAt: values.receivedAt,
      cinEpisodeId: open?.id ?? null,
    })
    .returning({ id: contacts.id });
  return row!.id;
}

/** Whether a contact is a step up from early help (for the contact's page). */
export const isStepUp = (c: { source: string; referrerOrganisation: string | null }) => c.source === STEP_UP_SOURCE && c.referrerOrganisation === 'Early help (step up)';

