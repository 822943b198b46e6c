import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** A development secret so that `npm start` works on a fresh clone; production must set its own. */
const DEVELOPMENT_SESSION_SECRET = 'hearth-development-only-secret-not-for-production-use';

function isAddressOrRange(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (version === 4 ? 32 : 128);
}

/**
 * All of Hearth's settings, read once from the environment and validated at start-up.
 * In production Hearth refuses to start without a real database and a session secret.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z.string().url().optional(),
    HEARTH_DATA_DIR: z.string().default('./data'),
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
    AUTHORITY_NAME: z.string().min(1).default('Hearthshire Council'),
    AUTHORITY_LA_CODE: z.string().regex(/^\d{3}$/, 'AUTHORITY_LA_CODE is the 3-digit DfE LA code').default('999'),
    VACUUM_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(60),
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
    SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
      .refine((list) => list.every(isAddressOrRange), 'TRUSTED_PROXIES is a comma-separated list of IP addresses or CIDR ranges (e.g. 10.0.0.1,10.1.0.0/16)'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (!env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'DATABASE_URL is required in production (PostgreSQL); the embedded database is for evaluation only' });
    }
    if (!env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'SESSION_SECRET is required in production' });
    } else if (env.SESSION_SECRET === DEVELOPMENT_SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'SESSION_SECRET is the published development value: anyone could forge a session. Set a secret of your own' });
    }
  });

export type DatabaseConfig = { engine: 'postgres'; url: string } | { engine: 'pglite'; dataDir: string | null };

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  database: DatabaseConfig;
  sessionSecret: string;
  sessionIdleMinutes: number;
  authorityName: string;
  laCode: string;
  vacuumIntervalMinutes: number;
  signIn: { maxFailures: number; windowMinutes: number };
  /**
   * The reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges). None by
   * default: otherwise anyone could name a new address on each attempt and pass the sign-in throttle.
   */
  trustedProxies: string[];
}

export class ConfigError extends Error {}


export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // A variable set to nothing (`PORT=` in an env file) is not set: read as given, a blank PORT is
  // port 0 (any free port) and a blank HEARTH_DATA_DIR is the current directory.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || 'config'}: ${i.message}`);
    throw new ConfigError(`Hearth cannot start: the configuration is not valid.\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const config: Config = {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL }
      : { engine: 'pglite', dataDir: path.resolve(e.HEARTH_DATA_DIR) },
    sessionSecret: e.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    authorityName: e.AUTHORITY_NAME,
    laCode: e.AUTHORITY_LA_CODE,
    vacuumIntervalMinutes: e.VACUUM_INTERVAL_MINUTES,
    signIn: { maxFailures: e.SIGN_IN_MAX_FAILURES, windowMinutes: e.SIGN_IN_WINDOW_MINUTES },
    trustedProxies: e.TRUSTED_PROXIES,
  };
  return { ...config, ...overrides };
}
