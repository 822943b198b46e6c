/**
 * The synthetic workforce: a service > team hierarchy, case-holding social workers in teams of
 * 6-8 under team managers under service managers, a MASH front door, IROs, personal advisers,
 * and each post's succession of workers (turnover, agency staff) so that allocations can change
 * worker when someone leaves. Supervision dates are fixed here too, so that each chunk of children
 * can write the children discussed in them.
 */
import { addMonthsDay, addWD, iso, londonInstant, onOrNextWD, onOrPrevWD } from './calendar.js';
import type { Sink } from './batches.js';
import { familyName, givenName, type NameOrigin, type Pools } from './pools.js';
import { Rng, weighted } from './prng.js';

export type ServiceKey = 'assessment' | 'safeguarding' | 'cic' | 'cwd' | 'leaving';

export interface Worker {
  id: string;
  displayName: string;
  agency: boolean;
  /** Day the worker joined (may be before the window). */
  start: number;
  /** Day the worker left (exclusive), or null if still in post at `today`. */
  end: number | null;
  /** Supervision ids and days, for case-holding social workers. */
  supervisions: { id: string; day: number }[];
}

export interface Seat {
  teamId: string;
  managerId: string;
  /** Workers in order; the first started before the earliest allocation needed. */
  workers: Worker[];
}

export interface TeamInfo {
  id: string;
  name: string;
  managerId: string;
  seats: Seat[];
}

export interface Workforce {
  topServiceId: string;
  mashTeams: TeamInfo[];
  mashWorkerIds: string[];
  mashManagerIds: string[];
  teamsBy: Record<ServiceKey, TeamInfo[]>;
  iroIds: string[];
  chairIds: string[];
  /** IRO and conference chair posts (their holders change over time). */
  iroSeats: Seat[];
  caseHoldingSeats: number;
  /** Early help teams and their practitioners (lead practitioners of early help episodes). */
  earlyHelpTeams: { id: string; practitionerIds: string[] }[];
}

/** Case-holding social workers per scale unit, and how they divide between services. */
export const CASE_HOLDING_SW_PER_SCALE = 175;
const SERVICE_SHARE: Record<Exclude<ServiceKey, 'leaving'>, number> = { assessment: 0.16, safeguarding: 0.5, cic: 0.2, cwd: 0.14 };
/** Target share of case-holding social workers who are agency staff at `today`. */
export const AGENCY_SHARE = 0.18;
const PERMANENT_TENURE_YEARS = 4.5;
const AGENCY_TENURE_YEARS = 1.2;

interface Ctx {
  rng: Rng;
  pools: Pools;
  sink: Sink;
  passwordHash: string;
  emailDomain: string;
  today: number;
  historyStart: number;
  usernames: Set<string>;
  sweCounter: { n: number };
}

const ORIGINS = weighted<NameOrigin>([
  ['gb', 70],
  ['ng', 14],
  ['in', 10],
  ['pl', 6],
]);

function asciiSlug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function addUser(
  ctx: Ctx,
  opts: { teamId: string | null; jobTitle: string; roles: string[]; agency?: boolean; caseHolding?: boolean; swe?: boolean; active?: boolean; start?: number },
): { id: string; displayName: string } {
  const { rng, pools } = ctx;
  const origin = ORIGINS.sample(rng);
  const sex = rng.chance(0.8) ? 'F' : 'M';
  const given = givenName(rng, pools, origin, sex);
  const family = familyName(rng, pools, origin);
  const displayName = `${given} ${family}`;
  const stem = `${asciiSlug(given) || 'user'}.${asciiSlug(family) || 'worker'}`;
  let username = stem;
  for (let k = 2; ctx.usernames.has(username); k++) username = `${stem}${k}`;
  ctx.usernames.add(username);
  const id = rng.uuid();
  const start = opts.start ?? ctx.historyStart - rng.int(30, 3000);
  ctx.sink.push('users', {
    id,
    username,
    display_name: displayName,
    email: `${username}@${ctx.emailDomain}`,
    password_hash: ctx.passwordHash,
    team_id: opts.teamId,
    social_work_england_number: opts.swe ? `SW9${String(10000 + ctx.sweCounter.n++).padStart(5, '0')}` : null,
    job_title: opts.jobTitle,
    agency: opts.agency ?? false,
    fte: rng.chance(0.1) ? rng.pick([0.6, 0.8, 0.9]) : 1,
    case_holding: opts.caseHolding ?? false,
    active: opts.active ?? true,
    created_at: londonInstant(start, 9 * 60),
  });
  for (const role of opts.roles) ctx.sink.push('user_roles', { user_id: id, role });
  return { id, displayName };
}

function addTeam(ctx: Ctx, name: string, kind: 'service' | 'team', parentId: string | null, isFrontDoor = false): string {
  const id = ctx.rng.uuid();
  ctx.sink.push('teams', { id, name, kind, parent_id: parentId, is_front_door: isFrontDoor });
  return id;
}

/** Monthly supervision days for a worker in post over [from, to]. */
function supervisionDays(rng: Rng, from: number, to: number): number[] {
  const days: number[] = [];
  let d = onOrNextWD(from + rng.int(3, 20));
  while (d <= to) {
    days.push(d);
    // at least monthly: 20-30 days later, on a working day no later than a month on
    d = onOrPrevWD(Math.min(d + rng.int(20, 30), addMonthsDay(d, 1)));
    if (d <= days[days.length - 1]!) d = addWD(days[days.length - 1]!, 1);
  }
  return days;
}

/**
 * A post's workers, built backwards from `today` so that the share of agency staff in post at
 * `today` is exact; earlier workers are agency with the probability that keeps the share steady.
 */
function seatWorkers(ctx: Ctx, teamId: string, managerId: string, agencyAtToday: boolean, earliest: number, jobTitle: string, roles: string[], caseHolding: boolean, swe: boolean): Worker[] {
  const { rng } = ctx;
  const hireAgency = (AGENCY_SHARE * PERMANENT_TENURE_YEARS) / (AGENCY_SHARE * PERMANENT_TENURE_YEARS + (1 - AGENCY_SHARE) * AGENCY_TENURE_YEARS);
  const out: Worker[] = [];
  let end: number | null = null;
  let agency = agencyAtToday;
  for (;;) {
    const tenureDays = Math.max(60, Math.round(rng.exp((agency ? AGENCY_TENURE_YEARS : PERMANENT_TENURE_YEARS) * 365)));
    const endRef: number = end ?? ctx.today;
    const start: number = endRef - tenureDays;
    const first = start <= earliest;
    const u = addUser(ctx, { teamId, jobTitle, roles, agency, caseHolding, swe, active: end === null, start: first ? Math.min(start, earliest - 30) : start });
    out.unshift({ id: u.id, displayName: u.displayName, agency, start: first ? Number.MIN_SAFE_INTEGER : start, end, supervisions: [] });
    if (first) break;
    end = start;
    agency = rng.chance(hireAgency);
  }
  for (const w of out) {
    if (!caseHolding) continue;
    const from = Math.max(w.start, ctx.historyStart);
    const to = Math.min(w.end === null ? ctx.today : w.end - 1, ctx.today);
    if (to < from) continue;
    for (const day of supervisionDays(rng, from, to)) {
      const id = rng.uuid();
      w.supervisions.push({ id, day });
      ctx.sink.push('supervisions', {
        id,
        worker_id: w.id,
        supervisor_id: managerId,
        supervision_date: iso(day),
        notes: rng.pick(SUPERVISION_NOTES),
      });
    }
  }
  return out;
}

const SUPERVISION_NOTES = [
  'Monthly supervision: caseload reviewed, wellbeing discussed, training needs noted.',
  'Monthly supervision: reflective discussion; case decisions recorded on each child’s file.',
  'Supervision: caseload and overdue work reviewed; plan agreed for the coming month.',
  'Supervision: workload discussed, cases prioritised, learning from audit shared.',
];

function splitIntoTeams(total: number): number[] {
  if (total <= 0) return [];
  const n = Math.max(1, Math.round(total / 7));
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) sizes.push(Math.floor(total / n) + (i < total % n ? 1 : 0));
  return sizes;
}

export interface WorkforceOptions {
  scale: number;
  seed: number;
  pools: Pools;
  sink: Sink;
  passwordHash: string;
  authorityName: string;
  today: number;
  historyStart: number;
  /** The earliest day an allocation may start (for the first worker of each post). */
  earliestAllocation: number;
}

export function buildWorkforce(o: WorkforceOptions): Workforce {
  const rng = new Rng(o.seed, 101, 0);
  const slug = asciiSlug(o.authorityName.replace(/\s+(Council|Borough Council|County Council|City Council)$/i, '')) || 'authority';
  const ctx: Ctx = {
    rng,
    pools: o.pools,
    sink: o.sink,
    passwordHash: o.passwordHash,
    emailDomain: `${slug}.example`,
    today: o.today,
    historyStart: o.historyStart,
    usernames: new Set(),
    sweCounter: { n: 0 },
  };
  const S = o.scale;
  const top = addTeam(ctx, 'Children’s Social Care', 'service', null);
  addUser(ctx, { teamId: top, jobTitle: 'Director of Children’s Services', roles: ['service_manager'] });

  const caseHolding = Math.max(4, Math.round(CASE_HOLDING_SW_PER_SCALE * S));
  const seatsBy: Record<Exclude<ServiceKey, 'leaving'>, number> = { assessment: 0, safeguarding: 0, cic: 0, cwd: 0 };
  let assigned = 0;
  for (const k of Object.keys(SERVICE_SHARE) as (keyof typeof SERVICE_SHARE)[]) {
    seatsBy[k] = Math.max(1, Math.round(caseHolding * SERVICE_SHARE[k]));
    assigned += seatsBy[k];
  }
  seatsBy.safeguarding += caseHolding - assigned;
  // Exactly the target share of case-holding posts hold an agency worker at `today`.
  const agencyTotal = Math.round(caseHolding * AGENCY_SHARE);
  const agencyFlags: boolean[] = Array.from({ length: caseHolding }, (_, i) => i < agencyTotal);
  for (let i = agencyFlags.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [agencyFlags[i], agencyFlags[j]] = [agencyFlags[j]!, agencyFlags[i]!];
  }
  let seatIndex = 0;

  const service = (name: string) => {
    const id = addTeam(ctx, name, 'service', top);
    addUser(ctx, { teamId: id, jobTitle: 'Service manager', roles: ['service_manager'], swe: true });
    return id;
  };
  const teamsOf = (serviceId: string, label: string, sizes: number[], job: { title: string; roles: string[]; caseHolding: boolean; swe: boolean }, frontDoor = false): TeamInfo[] =>
    sizes.map((size, i) => {
      const name = sizes.length === 1 ? label : `${label} ${i + 1}`;
      const id = addTeam(ctx, name, 'team', serviceId, frontDoor);
      const mgr = addUser(ctx, { teamId: id, jobTitle: 'Team manager', roles: ['team_manager'], swe: true });
      const seats: Seat[] = [];
      for (let s = 0; s < size; s++) {
        const agency = job.caseHolding ? agencyFlags[seatIndex++]! : rng.chance(0.1);
        seats.push({ teamId: id, managerId: mgr.id, workers: seatWorkers(ctx, id, mgr.id, agency, o.earliestAllocation, job.title, job.roles, job.caseHolding, job.swe) });
      }
      return { id, name, managerId: mgr.id, seats };
    });

  const sw = { title: 'Social worker', roles: ['social_worker'], caseHolding: true, swe: true };
  const frontDoorService = service('Front Door and Assessment');
  const mashTeams = teamsOf(frontDoorService, 'MASH', splitIntoTeams(Math.max(2, Math.round(12 * S))), { title: 'MASH social worker', roles: ['mash_worker'], caseHolding: false, swe: true }, true);
  const assessment = teamsOf(frontDoorService, 'Assessment Team', splitIntoTeams(seatsBy.assessment), sw);
  const safeguardingService = service('Family Safeguarding');
  const safeguarding = teamsOf(safeguardingService, 'Family Safeguarding Team', splitIntoTeams(seatsBy.safeguarding), sw);
  const cicService = service('Children in Care and Care Leavers');
  const cic = teamsOf(cicService, 'Children in Care Team', splitIntoTeams(seatsBy.cic), sw);
  const leaving = teamsOf(cicService, 'Leaving Care Team', splitIntoTeams(Math.max(1, Math.round(23 * S))), { title: 'Personal adviser', roles: ['social_worker'], caseHolding: false, swe: false });
  teamsOf(cicService, 'Fostering Team', splitIntoTeams(Math.max(1, Math.round(8 * S))), { title: 'Supervising social worker', roles: ['social_worker'], caseHolding: false, swe: true });
  const cwdService = service('Disabled Children’s Service');
  const cwd = teamsOf(cwdService, 'Disabled Children’s Team', splitIntoTeams(seatsBy.cwd), sw);
  const qaService = service('Safeguarding and Quality Assurance');
  const iroTeams = teamsOf(qaService, 'Independent Reviewing Service', splitIntoTeams(Math.max(1, Math.round(16 * S))), { title: 'Independent reviewing officer', roles: ['iro'], caseHolding: false, swe: true });
  const performance = addTeam(ctx, 'Performance and Insight', 'service', top);
  for (let i = 0; i < Math.max(1, Math.round(3 * S)); i++) addUser(ctx, { teamId: performance, jobTitle: 'Performance analyst', roles: ['performance_analyst'] });
  const commissioning = addTeam(ctx, 'Commissioning', 'service', top);
  for (let i = 0; i < Math.max(1, Math.round(3 * S)); i++) addUser(ctx, { teamId: commissioning, jobTitle: 'Placements commissioner', roles: ['placements_commissioner'] });

  // Early help, on its own random stream so that adding it changed nothing else in the authority.
  const ehCtx: Ctx = { ...ctx, rng: new Rng(o.seed, 103, 0) };
  const ehService = addTeam(ehCtx, 'Early Help', 'service', top);
  addUser(ehCtx, { teamId: ehService, jobTitle: 'Service manager', roles: ['service_manager'], swe: true });
  const earlyHelpTeams = Array.from({ length: Math.max(1, Math.round(3 * S)) }, (_, i) => {
    const id = addTeam(ehCtx, `Early Help Team ${i + 1}`, 'team', ehService);
    addUser(ehCtx, { teamId: id, jobTitle: 'Team manager', roles: ['team_manager'], swe: true });
    const practitionerIds = Array.from({ length: Math.max(2, Math.round(8 * S)) }, () => addUser(ehCtx, { teamId: id, jobTitle: 'Family support practitioner', roles: ['social_worker'] }).id);
    return { id, practitionerIds };
  });

  const currentOf = (teams: TeamInfo[]) => teams.flatMap((t) => t.seats.flatMap((s) => s.workers.filter((w) => w.end === null).map((w) => w.id)));
  const iroIds = currentOf(iroTeams);
  return {
    topServiceId: top,
    mashTeams,
    mashWorkerIds: currentOf(mashTeams),
    mashManagerIds: mashTeams.map((t) => t.managerId),
    teamsBy: { assessment, safeguarding, cic, cwd, leaving },
    iroIds,
    chairIds: iroIds,
    iroSeats: iroTeams.flatMap((t) => t.seats),
    caseHoldingSeats: caseHolding,
    earlyHelpTeams,
  };
}

/** The worker in a post on a day. */
export function workerAt(seat: Seat, day: number): Worker {
  const ws = seat.workers;
  for (let i = ws.length - 1; i >= 0; i--) if (ws[i]!.start <= day) return ws[i]!;
  return ws[0]!;
}

