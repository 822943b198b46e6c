/**
 * Writes a new child's household, in the caller's transaction (the contact's): their address from
 * the day the contact was received, each parent or carer as a person (an adult: no child ID) with
 * their relationship to the child, and the school on the child's record.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { addresses, people, relationships } from '../../db/schema/index.js';
import { nameKeys, searchNameOf } from '../../db/search-name.js';
import type { PlainDate } from '../../domain/time/index.js';
import type { NewChildHousehold } from './household.schema.js';

/** What was written, for the audit row. */
export type HouseholdWritten = {
  address: boolean;
  carers: string[];
  school: boolean;
};

export async function recordHousehold(tx: Tx, childId: string, h: NewChildHousehold, o: { on: PlainDate; by: string; at: Date }): Promise<HouseholdWritten> {
  if (h.address) {
    await tx.insert(addresses).values({ personId: childId, addressType: 'home', line1: h.address.line1, line2: h.address.line2, town: h.address.town, postcode: h.address.postcode, startDate: o.on, createdBy: o.by, createdAt: o.at });
  }
  const carers: string[] = [];
  for (const c of h.carers) {
    const searchName = searchNameOf(c.givenName, c.familyName);
    const [adult] = await tx
      .insert(people)
      .values({ isChild: false, givenName: c.givenName, familyName: c.familyName, searchName, searchKeys: nameKeys(searchName), createdBy: o.by, createdAt: o.at })
      .returning({ id: people.id });
    await tx.insert(relationships).values({ personId: childId, relatedPersonId: adult!.id, relationship: c.relationship, parentalResponsibility: c.parentalResponsibility, livesWithChild: c.livesWithChild, startDate: o.on, createdBy: o.by, createdAt: o.at });
    carers.push(adult!.id);
  }
  if (h.school) await tx.update(people).set({ schoolName: h.school.name, schoolUrn: h.school.urn }).where(eq(people.id, childId));
  return { address: h.address !== null, carers, school: h.school !== null };
}
