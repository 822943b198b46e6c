import type { Config } from '../config/config.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Clock } from '../domain/time/index.js';
import { createAccessService } from '../features/access/access.service.js';
import { createAdminService } from '../features/admin/admin.service.js';
import { createAuditService } from '../features/audit/audit.service.js';
import { createAuthService } from '../features/auth/auth.service.js';
import { createSignedInCache } from '../features/auth/signed-in-cache.js';
import { createCaseworkService } from '../features/casework/casework.service.js';
import { createChildrenService } from '../features/children/children.service.js';
import { createComplianceService } from '../features/compliance/compliance.service.js';
import { createHomesService } from '../features/homes/homes.service.js';
import { createFrontDoorService } from '../features/front-door/front-door.service.js';
import { createCommitteePackService } from '../features/committee-pack/caseloads.js';
import { createDemandService } from '../features/demand/demand.service.js';
import { createImprovementService } from '../features/improvement/improvement.service.js';
import { createIndicatorsService } from '../features/indicators/indicators.service.js';
import { createObligationsService } from '../features/obligations/obligations.service.js';
import { createSearchService } from '../features/search/search.service.js';
import { createSettingsService } from '../features/settings/settings.service.js';
import { createUsersService } from '../features/users/users.service.js';
import { createWorkforceService } from '../features/workforce/workforce.service.js';
import { createCaseWorktrayService } from '../features/worktray/case-worktray.service.js';
import { createWorktrayService } from '../features/worktray/worktray.service.js';

/** What every service is built from: the server, the CLI and the tests pass the same three. */
export interface ServiceDeps {
  config: Config;
  db: DatabaseHandle;
  clock: Clock;
}

/** Every service, as routes receive them. Routes import this type from here, never from app.ts. */
export type Services = ReturnType<typeof createServices>;

/** Every service, built once; the server, the CLI and the tests share these builders. */
export function createServices({ config, db, clock }: ServiceDeps) {
  const audit = createAuditService(db.db, clock);
  const users = createUsersService(db.db, { audit, clock, signIn: config.signIn });
  const settings = createSettingsService(db.db, audit, clock);
  const access = createAccessService(db.db, { clock });
  const auth = createAuthService(db.db, clock, config, audit);
  const signedIn = createSignedInCache({ auth, access, clock });
  const obligations = createObligationsService({ db: db.db, clock, norms: (on) => settings.localNorms(on) });
  const frontDoor = createFrontDoorService({ db: db.db, clock, audit, access, settings, obligations });
  const children = createChildrenService({ db: db.db, audit, access });
  const worktray = createWorktrayService({ db: db.db, clock, settings, users });
  const caseWorktray = createCaseWorktrayService({ db: db.db, clock, settings });
  const workforce = createWorkforceService({ db: db.db, clock, audit, access, obligations, settings });
  const compliance = createComplianceService({ db: db.db, clock, audit });
  const admin = createAdminService({ handle: db, settings, clock });
  const search = createSearchService({ db: db.db, audit, clock, frontDoorRecentDays: (on) => settings.frontDoorRecentDays(on) });
  const casework = createCaseworkService({ db: db.db, clock, audit, access, obligations });
  const homes = createHomesService({ db: db.db, clock, settings });
  const indicators = createIndicatorsService({ db: db.db, clock, audit, settings });
  const demand = createDemandService({ db: db.db, clock });
  const improvement = createImprovementService({ db: db.db, clock, audit });
  const committeePack = createCommitteePackService({ db: db.db });
  return { audit, access, users, settings, auth, signedIn, obligations, frontDoor, children, worktray, caseWorktray, workforce, compliance, admin, search, casework, homes, indicators, demand, improvement, committeePack };
}
