// Every side effect a use-case needs, passed in explicitly (architecture.md): tests swap them here.
import { randomBytes, randomUUID } from 'node:crypto';
import type { CheckResult } from '../core/check';
import type { Report } from '../core/model/report';
import type { Template } from '../core/model/template';
import type { ExportedFile, ExportFormat, ExportOptions } from '../io/export/index';
import type { ImportResult } from '../io/import/index';
import type { ServerConfig } from './config';
import type { CryptoProvider } from './crypto/provider';
import type { HeavyWork } from './heavy/pool';
import type { Db } from './db/schema';
import type { ReminderSender } from './notify';
import type { ServerTemplates } from './templates';
import type { PriorYearView } from './use-cases/prior-year';

export interface Clock {
  now(): Date;
}

export interface Random {
  uuid(): string;
  /** a 32-byte session token, base64url */
  token(): string;
}

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** the template a file is read onto besides the form it is detected as (a task's, a draft's) */
export interface ImportOnto {
  template?: Template;
}

export interface Deps {
  db: Db;
  config: ServerConfig;
  clock: Clock;
  random: Random;
  logger: Logger;
  passwords: PasswordHasher;
  /** digests, MACs (audit chain) and field encryption: the configured suite and keys */
  crypto: CryptoProvider;
  /** core/check.ts checkReport: findings and score (truncated: the imported source was cut off) */
  check: (report: Report, options?: { truncated?: boolean; template?: Template }) => CheckResult;
  /** the templates this server knows: shipped, JIXIAO_TEMPLATES_DIR's and the bureaus' uploads (templates.ts) */
  templates?: ServerTemplates;
  /** io/import importFile */
  importFile: (bytes: Uint8Array, fileName: string, opts?: ImportOnto) => Promise<ImportResult>;
  /** io/export exportReport plus its download name (exportFileName); see exporter.ts (the default) */
  exportFile?: (report: Report, format: ExportFormat, opts: ExportOptions) => Promise<ExportedFile & { fileName: string }>;
  /** sends deadline reminders outside the app (SMS, e-mail); none by default — see notify.ts */
  reminders?: ReminderSender;
  /** worker threads for documents beyond a small size (heavy/pool.ts); absent in CLI commands */
  heavy?: HeavyWork;
  /** findings and score by report id and version (content of a version never changes) */
  checkCache?: BoundedCache<{ findings: CheckResult['findings']; score: CheckResult['score'] | null }>;
  /** last year's report's indicators by its id and version (use-cases/prior-year.ts) */
  priorYearCache?: BoundedCache<PriorYearView>;
}

/** A small LRU map: enough to keep repeated GETs of the same version from re-running every rule. */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max = 1000) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
}

export const systemClock: Clock = { now: () => new Date() };

export const cryptoRandom: Random = {
  uuid: () => randomUUID(),
  token: () => randomBytes(32).toString('base64url'),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}
