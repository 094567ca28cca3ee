// Server configuration from the environment, with defaults for a city deployment (security.md §1, §7).
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

export interface PasswordPolicy {
  minLength: number;
  /** how many of the four classes (lower, upper, digit, symbol) a password needs */
  minClasses: number;
  /** days after which a password must be changed; 0 turns the rule off */
  maxAgeDays: number;
}

export interface ServerConfig {
  /** PostgreSQL when set; otherwise SQLite at sqliteFile */
  databaseUrl: string | null;
  /** a PostgreSQL streaming replica for reads that tolerate lag (lists, the dashboard); null: the primary */
  databaseReadUrl: string | null;
  /** server processes sharing the port (start.ts, node:cluster); 1 serves from the starting process */
  workers: number;
  sqliteFile: string;
  port: number;
  host: string;
  demo: boolean;
  /** mark cookies Secure (and use the __Host- prefix); on when behind TLS */
  secureCookies: boolean;
  /** trust X-Forwarded-* from the reverse proxy (TLS terminator) */
  trustProxy: boolean;
  password: PasswordPolicy;
  lockout: { maxFailures: number; lockMinutes: number };
  session: { idleMinutes: number; adminIdleMinutes: number; absoluteHours: number };
  /** argon2id cost; tests lower it */
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  uploadLimitBytes: number;
  /** PDF export through the shared warm Chromium: prints at once, exports allowed to wait, per-export limit */
  pdf: { concurrency: number; maxWaiting: number; timeoutMs: number };
  /** the built web UI, served with an SPA fallback when the folder exists */
  webDist: string;
  logLevel: string;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw == null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 必须是非负整数，当前为“${raw}”`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw == null || raw === '') return fallback;
  return raw === '1' || raw.toLowerCase() === 'true' || raw.toLowerCase() === 'yes';
}

export function loadConfig(env: Env = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const base: ServerConfig = {
    databaseUrl: env.DATABASE_URL || null,
    databaseReadUrl: env.DATABASE_READ_URL || null,
    // one per core by default: a Node process uses one
    workers: int(env, 'JIXIAO_WORKERS', 0) || availableParallelism(),
    sqliteFile: resolve(env.JIXIAO_SQLITE_FILE || './data/jixiao.sqlite'),
    port: int(env, 'PORT', 8080),
    host: env.HOST || '0.0.0.0',
    demo: bool(env, 'JIXIAO_DEMO', false),
    secureCookies: bool(env, 'JIXIAO_SECURE_COOKIES', false),
    trustProxy: bool(env, 'JIXIAO_TRUST_PROXY', false),
    password: {
      minLength: int(env, 'JIXIAO_PASSWORD_MIN_LENGTH', 8),
      minClasses: int(env, 'JIXIAO_PASSWORD_MIN_CLASSES', 3),
      maxAgeDays: int(env, 'JIXIAO_PASSWORD_MAX_AGE_DAYS', 90),
    },
    lockout: {
      maxFailures: int(env, 'JIXIAO_LOCKOUT_FAILURES', 5),
      lockMinutes: int(env, 'JIXIAO_LOCKOUT_MINUTES', 15),
    },
    session: {
      idleMinutes: int(env, 'JIXIAO_IDLE_MINUTES', 30),
      adminIdleMinutes: int(env, 'JIXIAO_ADMIN_IDLE_MINUTES', 15),
      absoluteHours: int(env, 'JIXIAO_SESSION_HOURS', 12),
    },
    argon2: { memoryCost: 19456, timeCost: 2, parallelism: 1 },
    uploadLimitBytes: int(env, 'JIXIAO_UPLOAD_LIMIT_MB', 20) * 1024 * 1024,
    // One print at a time by default: a print takes about a core, and the API must stay responsive.
    pdf: {
      concurrency: Math.max(1, int(env, 'JIXIAO_PDF_CONCURRENCY', 1)),
      maxWaiting: int(env, 'JIXIAO_PDF_QUEUE', 16),
      timeoutMs: int(env, 'JIXIAO_PDF_TIMEOUT_SECONDS', 60) * 1000,
    },
    webDist: resolve(env.JIXIAO_WEB_DIST || 'web/dist'),
    logLevel: env.LOG_LEVEL || 'info',
  };
  if (base.password.minClasses > 4) throw new Error('JIXIAO_PASSWORD_MIN_CLASSES 不能大于 4');
  if (base.lockout.maxFailures < 1) throw new Error('JIXIAO_LOCKOUT_FAILURES 至少为 1');
  if (base.databaseReadUrl && !base.databaseUrl) throw new Error('设置了 DATABASE_READ_URL（只读副本）却没有设置 DATABASE_URL（主库）');
  return { ...base, ...overrides };
}
