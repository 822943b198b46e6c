import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../db/database.js';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { cinEpisodes, people } from '../../db/schema/index.js';
import type { PlainDate } from '../../domain/time/index.js';

export interface PersonCriteria {
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: PlainDate | null;
  nhsNumber: string | null;
}

export interface PersonMatch {
  id: string;
  laChildId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: PlainDate | null;
  nhsNumber: string | null;
  reasons: string[];
}

/**
 * People who may be the child being described: the same NHS number; or the same date of birth
 * with the same family or first name; or the same full name. Names compare without case, spaces
 * or punctuation. Fuzzier search (misspellings, other scripts) comes with the record issue.
 */
export async function findLikelyMatches(db: Executor, c: PersonCriteria, limit = 20): Promise<PersonMatch[]> {
  const norm = (column: AnyPgColumn) => sql`regexp_replace(lower(${column}), '[^a-z0-9]', '', 'g')`;
  const n = (s: string | null) => (s ? s.toLowerCase().replace(/[^a-z0-9]/g, '') : null);
  const given = n(c.givenName);
  const family = n(c.familyName);
  const conditions = [];
  if (c.nhsNumber) conditions.push(eq(people.nhsNumber, c.nhsNumber));
  if (c.dateOfBirth && family) conditions.push(and(eq(people.dateOfBirth, c.dateOfBirth), sql`${norm(people.familyName)} = ${family}`));
  if (c.dateOfBirth && given) conditions.push(and(eq(people.dateOfBirth, c.dateOfBirth), sql`${norm(people.givenName)} = ${given}`));
  if (given && family) conditions.push(and(sql`${norm(people.givenName)} = ${given}`, sql`${norm(people.familyName)} = ${family}`));
  if (family && !given && !c.dateOfBirth) conditions.push(sql`${norm(people.familyName)} = ${family}`);
  if (conditions.length === 0) return [];
  const rows = await db
    .select({
      id: people.id,
      laChildId: people.laChildId,
      givenName: people.givenName,
      familyName: people.familyName,
      dateOfBirth: people.dateOfBirth,
      nhsNumber: people.nhsNumber,
    })
    .from(people)
    .where(and(eq(people.isChild, true), or(...conditions)))
    .orderBy(asc(people.familyName), asc(people.givenName))
    .limit(limit);
  return rows.map((r) => {
    const reasons: string[] = [];
    if (c.nhsNumber && r.nhsNumber === c.nhsNumber) reasons.push('same NHS number');
    if (c.dateOfBirth && r.dateOfBirth === c.dateOfBirth) reasons.push('same date of birth');
    if (given && n(r.givenName) === given && family && n(r.familyName) === family) reasons.push('same name');
    else if (family && n(r.familyName) === family) reasons.push('same family name');
    else if (given && n(r.givenName) === given) reasons.push('same first name');
    return { ...r, laChildId: r.laChildId ?? '', reasons };
  });
}

export async function openEpisodeOf(db: Executor, personId: string) {
  const [row] = await db
    .select()
    .from(cinEpisodes)
    .where(and(eq(cinEpisodes.personId, personId), isNull(cinEpisodes.closureDate)))
    .for('update');
  return row ?? null;
}

/** The next local-authority child ID: "C" and a zero-padded sequence number, never reused. */
export async function nextLaChildId(db: Executor): Promise<string> {
  const result = await db.execute(sql`select nextval('la_child_id_seq')::int8 as next`);
  return `C${String(rowsOf<{ next: number }>(result)[0]?.next ?? 0).padStart(7, '0')}`;
}
