import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../db/database.js';
import { queryWordKeys } from '../../db/search-name.js';
import type { FrontDoorWindow, Principal } from '../../domain/access/index.js';
import type { PlainDate } from '../../domain/time/index.js';
import { visibleChildSql } from './child-visibility.js';
import type { SearchCriteria } from './search.schema.js';

export interface ChildFound {
  id: string;
  laChildId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: PlainDate | null;
  expectedDateOfBirth: PlainDate | null;
  /** The team holding the case: the open allocation's, else the open episode's. */
  teamName: string | null;
  hasOpenEpisode: boolean;
  /** 0-1: how close the name is (1 when no name was given). */
  score: number;
}

/**
 * How close a name must be: the words typed must be found within the child's name with pg_trgm
 * word similarity (`<%`: the share of the typed name's trigrams found in some run of the stored
 * name's) of at least 0.5, lower than pg_trgm's default 0.6, so that "jonson" finds "Harry
 * Johnson" (0.5). Whole-name similarity (`%`) is not asked for: word similarity is never below it,
 * and the extra index scan only brought candidates to reject. Set per transaction.
 */
export const WORD_SIMILARITY_THRESHOLD = 0.5;
/** A name found only by sound (Mohamed → Muhammad, محمد → Muhammad) ranks as if this similar: below every name found by spelling. */
const PHONETIC_SCORE = 0.4;
/** Words of a typed name that must each sound like a word of the child's name. */
const MAX_PHONETIC_WORDS = 6;

/**
 * Children matching every criterion given, that the principal may see, closest names first.
 * Names match by trigram similarity or by sound (search-name.ts); a date of birth matches the date
 * of birth or an unborn child's expected date; an identifier matches an NHS number, a UPN or a
 * child ID exactly. Runs inside the caller's transaction (which must set the thresholds: see
 * `setThresholds`).
 */
export async function searchChildren(tx: Executor, principal: Principal, c: SearchCriteria, limit: number, frontDoor: FrontDoorWindow): Promise<ChildFound[]> {
  const result = await tx.execute(searchChildrenSql(principal, c, limit, frontDoor));
  return rowsOf<{
    id: string;
    la_child_id: string;
    given_name: string;
    family_name: string;
    date_of_birth: PlainDate | null;
    expected_date_of_birth: PlainDate | null;
    team_name: string | null;
    has_open_episode: boolean;
    score: number;
  }>(result).map((r) => ({
    id: r.id,
    laChildId: r.la_child_id,
    givenName: r.given_name,
    familyName: r.family_name,
    dateOfBirth: r.date_of_birth,
    expectedDateOfBirth: r.expected_date_of_birth,
    teamName: r.team_name,
    hasOpenEpisode: r.has_open_episode,
    score: Number(r.score),
  }));
}

/**
 * The search as one statement (the benchmark EXPLAINs it). With a name, two sets: children whose
 * name has the words typed (trigram word similarity, scored by it), then children found only by
 * sound (scored PHONETIC_SCORE without computing any similarity: a common name may sound like
 * thousands, and each similarity costs microseconds, more on PGlite). Team and open episode are
 * looked up only for the rows returned.
 */
export function searchChildrenSql(principal: Principal, c: SearchCriteria, limit: number, frontDoor: FrontDoorWindow): SQL {
  const base: SQL[] = [sql`p.is_child`];
  if (c.dateOfBirth) base.push(sql`(p.date_of_birth = ${c.dateOfBirth} or p.expected_date_of_birth = ${c.dateOfBirth})`);
  if (c.identifier) base.push(sql`(p.nhs_number = ${c.identifier} or p.upn = ${c.identifier} or p.la_child_id = ${c.identifier})`);
  base.push(visibleChildSql(principal, sql`p.id`, frontDoor));
  const where = (...extra: SQL[]) => sql.join([...base, ...extra], sql` and `);
  const columns = sql`p.id, p.la_child_id, p.given_name, p.family_name, p.date_of_birth, p.expected_date_of_birth`;

  let found: SQL;
  if (c.name) {
    const words = [...new Set(c.name.split(' '))].slice(0, MAX_PHONETIC_WORDS);
    const phonetic = words.map((w) => queryWordKeys(w)).filter((keys) => keys.length > 0);
    const soundsLike = phonetic.length ? sql.join(phonetic.map((keys) => sql`p.search_keys && ${sql.param(keys)}::text[]`), sql` and `) : sql`false`;
    // Each set is cut to `limit` before they are put together. That loses nothing: names found by
    // spelling all score above PHONETIC_SCORE, so if there are `limit` of them no name found only
    // by sound is shown, and if there are fewer, all of them were kept for the NOT IN.
    found = sql`
      with by_spelling as materialized (
        select ${columns}, word_similarity(${c.name}, p.search_name) as score, similarity(p.search_name, ${c.name}) as closeness
          from people p
         where ${where(sql`${c.name} <% p.search_name`)}
         order by score desc, closeness desc, p.family_name, p.given_name, p.id
         limit ${limit}
      )
      select * from by_spelling
      union all
      (select ${columns}, ${PHONETIC_SCORE}::real, 0::real
         from people p
        where ${where(sql`(${soundsLike})`, sql`p.id not in (select id from by_spelling)`)}
        order by p.family_name, p.given_name, p.id
        limit ${limit})`;
  } else {
    found = sql`select ${columns}, 1::real as score, 1::real as closeness from people p where ${where()}`;
  }

  return sql`
    select f.id, f.la_child_id, f.given_name, f.family_name, f.date_of_birth, f.expected_date_of_birth,
           coalesce(
             (select t.name from allocations a join teams t on t.id = a.team_id
               where a.person_id = f.id and a.end_date is null order by a.start_date desc limit 1),
             (select t.name from cin_episodes e join teams t on t.id = e.team_id
               where e.person_id = f.id and e.closure_date is null limit 1)
           ) as team_name,
           exists (select 1 from cin_episodes e where e.person_id = f.id and e.closure_date is null) as has_open_episode,
           f.score
      from (${found}) f
     order by f.score desc, f.closeness desc, f.family_name, f.given_name, f.id
     limit ${limit}`;
}

/**
 * Settings for this transaction only: pg_trgm's word similarity threshold for `<%`, and no
 * sequential scans. The planner prices pg_trgm's operators like an equality test, so on a table
 * it has recently analysed (PGlite has no autovacuum; nor has PostgreSQL just after a bulk load) it
 * may choose to compute word similarity for every child: measured at scale 1, 1.25 s on PGlite
 * against 12 ms through the trigram index. Every criterion the search takes has an index, so
 * forbidding the scan only ever chooses among index plans.
 */
export async function setThresholds(tx: Executor): Promise<void> {
  await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true),
                              set_config('enable_seqscan', 'off', true)`);
}
