// Where the master secrets come from: the environment (JIXIAO_AUDIT_KEY / JIXIAO_DATA_KEY, 64 hex
// characters or base64 of ≥ 32 bytes) or a key file (JIXIAO_AUDIT_KEY_FILE / JIXIAO_DATA_KEY_FILE).
// Never the database: an administrator who can rewrite the database cannot recompute the audit chain
// or read the encrypted fields without them. A missing file is generated once (0600 in a 0700
// folder) so a single-machine installation works out of the box; several app instances must be given
// the same keys.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { ServerConfig } from '../config';
import { softwareProvider, type CryptoProvider } from './provider';

export interface KeySource {
  /** inline secret (hex or base64) */
  inline: string | null;
  file: string;
}

function decodeSecret(text: string, where: string): Buffer {
  const t = text.trim();
  const buf = /^[0-9a-fA-F]+$/.test(t) && t.length % 2 === 0 ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (buf.length < 32) throw new Error(`${where} 的密钥过短：至少 32 字节（64 个十六进制字符）`);
  return buf;
}

/** Reads a secret; a missing key file is created with a fresh random secret (when `create`). */
export function loadSecret(source: KeySource, name: string, opts: { create?: boolean } = {}): { secret: Buffer; created: boolean } {
  if (source.inline) return { secret: decodeSecret(source.inline, name), created: false };
  if (existsSync(source.file)) return { secret: decodeSecret(readFileSync(source.file, 'utf8'), source.file), created: false };
  if (!opts.create) throw new Error(`找不到${name}密钥文件 ${source.file}（设置 ${name === '审计' ? 'JIXIAO_AUDIT_KEY_FILE' : 'JIXIAO_DATA_KEY_FILE'} 或启动一次服务器生成）`);
  mkdirSync(dirname(source.file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32);
  writeFileSync(source.file, `${secret.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(source.file, 0o600);
  return { secret, created: true };
}

/** The configured provider; `create` generates missing key files (the server and first-run CLI do). */
export function loadCryptoProvider(config: Pick<ServerConfig, 'crypto'>, opts: { create?: boolean; onCreated?: (file: string) => void } = {}): CryptoProvider {
  const audit = loadSecret(config.crypto.auditKey, '审计', opts);
  if (audit.created) opts.onCreated?.(config.crypto.auditKey.file);
  const data = loadSecret(config.crypto.dataKey, '数据', opts);
  if (data.created) opts.onCreated?.(config.crypto.dataKey.file);
  return softwareProvider({ suite: config.crypto.suite, auditSecret: audit.secret, dataSecret: data.secret });
}
