// Server configuration from the environment, with defaults for a city deployment (security.md §1, §7).
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { KeySource } from './crypto/keys';
import type { SuiteName } from './crypto/provider';

export interface PasswordPolicy {
  minLength: number;
  /** how many of the four classes (lower, upper, digit, symbol) a password needs */
  minClasses: number;
  /** days after which a password must be changed; 0 turns the rule off */
  maxAgeDays: number;
  /** hours an administrator-set (initial or reset) password stays usable before it expires unused */
  initialMaxHours: number;
}

/** Who must use a second factor: finance roles and 三员 (等保 DB-AUTH-4), everyone, nobody, or auto (demo: nobody). */
export type TwoFactorPolicy = 'finance-admin' | 'all' | 'none' | 'auto';

export interface ServerConfig {
  /** PostgreSQL when set; otherwise SQLite at sqliteFile */
  databaseUrl: string | null;
  /** a PostgreSQL streaming replica for reads that tolerate lag (lists, the dashboard); null: the primary */
  databaseReadUrl: string | null;
  /** server processes sharing the port (start.ts, node:cluster); 1 serves from the starting process */
  processes: number;
  sqliteFile: string;
  port: number;
  host: string;
  demo: boolean;
  /** Secure + __Host- cookies and HSTS: always, never, or auto (on unless the request is to localhost) */
  secureCookies: boolean | 'auto';
  /** trust X-Forwarded-* from the reverse proxy (TLS terminator) */
  trustProxy: boolean;
  password: PasswordPolicy;
  /**
   * Login throttling, all state in the database (several app instances share it): per account,
   * maxFailures then a lock of lockMinutes that doubles with each further lock up to maxLockMinutes; per
   * client address, ipMaxFailures in ipWindowMinutes then the same backoff. Failed answers never come
   * sooner than failureFloorMs, so locked, unknown and wrong look alike in time too.
   */
  lockout: { maxFailures: number; lockMinutes: number; maxLockMinutes: number; ipMaxFailures: number; ipWindowMinutes: number; failureFloorMs: number };
  /** idle timeouts, absolute lifetime, and sessions one account may hold at once (the oldest is ended) */
  session: { idleMinutes: number; adminIdleMinutes: number; absoluteHours: number; maxPerUser: number };
  twoFactor: { required: TwoFactorPolicy; issuer: string };
  /** the suite (standard: SHA-256/AES-GCM; gm: SM3/SM4) and where its master secrets come from */
  crypto: { suite: SuiteName; auditKey: KeySource; dataKey: KeySource };
  /** signed checkpoints of the audit chain heads (append-only file), and how security events are aggregated */
  audit: { checkpointFile: string; checkpointMinutes: number; eventBurst: number; eventGlobalBurst: number; eventWindowSeconds: number };
  /** origins besides the request's own that may send state-changing requests; /api/docs without login */
  web: { allowedOrigins: string[]; docsPublic: boolean };
  /** heavy work (import, export, check, large saves) in worker threads: above thresholdBytes of document */
  heavy: { thresholdBytes: number; maxConcurrent: number; maxQueued: number; timeoutMs: number; heapMb: number };
  /** the largest report document a save may send (bytes of JSON) */
  reportMaxBytes: number;
  /** imports and exports one user may start per minute (ASVS 2.4.1) */
  rate: { exportsPerMinute: number; importsPerMinute: number };
  /** folder for keys, checkpoints and backups (the SQLite file's folder unless set) */
  dataDir: string;
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

function list(env: Env, name: string): string[] {
  return (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw == null || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) throw new Error(`环境变量 ${name} 须为 ${values.join('、')} 之一，当前为“${raw}”`);
  return raw as T;
}

export function loadConfig(env: Env = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const sqliteFile = resolve(env.JIXIAO_SQLITE_FILE || './data/jixiao.sqlite');
  const dataDir = resolve(env.JIXIAO_DATA_DIR || dirname(sqliteFile));
  const cpus = Math.max(1, availableParallelism() - 1);
  const base: ServerConfig = {
    databaseUrl: env.DATABASE_URL || null,
    sqliteFile,
    databaseReadUrl: env.DATABASE_READ_URL || null,
    // one per core by default: a Node process uses one
    processes: int(env, 'JIXIAO_PROCESSES', 0) || availableParallelism(),
    port: int(env, 'PORT', 8080),
    host: env.HOST || '0.0.0.0',
    demo: bool(env, 'JIXIAO_DEMO', false),
    secureCookies: env.JIXIAO_SECURE_COOKIES == null || env.JIXIAO_SECURE_COOKIES === '' || env.JIXIAO_SECURE_COOKIES === 'auto' ? 'auto' : bool(env, 'JIXIAO_SECURE_COOKIES', false),
    trustProxy: bool(env, 'JIXIAO_TRUST_PROXY', false),
    password: {
      minLength: int(env, 'JIXIAO_PASSWORD_MIN_LENGTH', 8),
      minClasses: int(env, 'JIXIAO_PASSWORD_MIN_CLASSES', 3),
      maxAgeDays: int(env, 'JIXIAO_PASSWORD_MAX_AGE_DAYS', 90),
      initialMaxHours: int(env, 'JIXIAO_INITIAL_PASSWORD_HOURS', 72),
    },
    lockout: {
      maxFailures: int(env, 'JIXIAO_LOCKOUT_FAILURES', 5),
      lockMinutes: int(env, 'JIXIAO_LOCKOUT_MINUTES', 15),
      maxLockMinutes: int(env, 'JIXIAO_LOCKOUT_MAX_MINUTES', 24 * 60),
      ipMaxFailures: int(env, 'JIXIAO_IP_FAILURES', 30),
      ipWindowMinutes: int(env, 'JIXIAO_IP_WINDOW_MINUTES', 15),
      failureFloorMs: int(env, 'JIXIAO_LOGIN_FLOOR_MS', 400),
    },
    session: {
      idleMinutes: int(env, 'JIXIAO_IDLE_MINUTES', 30),
      adminIdleMinutes: int(env, 'JIXIAO_ADMIN_IDLE_MINUTES', 15),
      absoluteHours: int(env, 'JIXIAO_SESSION_HOURS', 12),
      maxPerUser: int(env, 'JIXIAO_MAX_SESSIONS', 3),
    },
    twoFactor: {
      required: oneOf(env, 'JIXIAO_2FA_REQUIRED', ['finance-admin', 'all', 'none', 'auto'] as const, 'auto'),
      issuer: env.JIXIAO_2FA_ISSUER || '绩效自评',
    },
    crypto: {
      suite: oneOf(env, 'JIXIAO_CRYPTO', ['standard', 'gm'] as const, 'standard'),
      auditKey: { inline: env.JIXIAO_AUDIT_KEY || null, file: resolve(env.JIXIAO_AUDIT_KEY_FILE || join(dataDir, 'keys', 'audit.key')) },
      dataKey: { inline: env.JIXIAO_DATA_KEY || null, file: resolve(env.JIXIAO_DATA_KEY_FILE || join(dataDir, 'keys', 'data.key')) },
    },
    audit: {
      checkpointFile: resolve(env.JIXIAO_AUDIT_CHECKPOINT_FILE || join(dataDir, 'audit-checkpoints.log')),
      checkpointMinutes: int(env, 'JIXIAO_AUDIT_CHECKPOINT_MINUTES', 60),
      eventBurst: int(env, 'JIXIAO_SECURITY_EVENT_BURST', 5),
      eventGlobalBurst: int(env, 'JIXIAO_SECURITY_EVENT_GLOBAL_BURST', 200),
      eventWindowSeconds: int(env, 'JIXIAO_SECURITY_EVENT_WINDOW_SECONDS', 60),
    },
    web: { allowedOrigins: list(env, 'JIXIAO_ALLOWED_ORIGINS'), docsPublic: bool(env, 'JIXIAO_DOCS_PUBLIC', false) },
    heavy: {
      thresholdBytes: int(env, 'JIXIAO_HEAVY_THRESHOLD_KB', 256) * 1024,
      maxConcurrent: Math.max(1, int(env, 'JIXIAO_WORKERS', cpus)),
      maxQueued: int(env, 'JIXIAO_WORKER_QUEUE', 32),
      timeoutMs: int(env, 'JIXIAO_WORKER_TIMEOUT_SECONDS', 120) * 1000,
      heapMb: int(env, 'JIXIAO_WORKER_HEAP_MB', 1024),
    },
    reportMaxBytes: int(env, 'JIXIAO_REPORT_MAX_MB', 4) * 1024 * 1024,
    rate: { exportsPerMinute: int(env, 'JIXIAO_EXPORTS_PER_MINUTE', 30), importsPerMinute: int(env, 'JIXIAO_IMPORTS_PER_MINUTE', 10) },
    dataDir,
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
  if (base.lockout.ipMaxFailures < 1) throw new Error('JIXIAO_IP_FAILURES 至少为 1');
  if (base.session.maxPerUser < 1) throw new Error('JIXIAO_MAX_SESSIONS 至少为 1');
  if (base.databaseReadUrl && !base.databaseUrl) throw new Error('设置了 DATABASE_READ_URL（只读副本）却没有设置 DATABASE_URL（主库）');
  return { ...base, ...overrides };
}
