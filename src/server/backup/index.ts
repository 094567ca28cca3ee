// `jixiao backup` / `jixiao restore` (等保 DB-BK-1, issue 13 §7) for either database, with the checks a
// restore drill needs: the copy verified (integrity, audit chains) before it is trusted, the backup and
// the restore themselves audited, and after a restore a signed checkpoint that starts the chains again
// from the restored heads (the checkpoints before it describe history the restore rolled back).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { appendAudit, type AuditEntry } from '../audit/chain';
import { appendCheckpoint, takeCheckpoint } from '../audit/checkpoint';
import { openDatabase } from '../app';
import type { ServerConfig } from '../config';
import type { CryptoProvider } from '../crypto/provider';
import { openPostgres, createPrivateFile } from '../db/connect';
import { migrate } from '../db/migrate';
import type { Db } from '../db/schema';
import { fileSha256, readManifest, writeManifest, type BackupManifest } from './manifest';
import { dumpPostgres, restorePostgres } from './postgres';
import { backupSqlite, restoreSqlite } from './sqlite';
import { verifyCopy } from './verify-copy';

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

export function defaultBackupFile(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>, now: Date): string {
  return join(config.dataDir, 'backups', `jixiao-${stamp(now)}.${config.databaseUrl ? 'pgdump' : 'sqlite'}`);
}

async function audited(db: Db, crypto: CryptoProvider, at: string, e: AuditEntry): Promise<void> {
  await db.kysely.transaction().execute((trx) => appendAudit(trx, { dialect: db.dialect, crypto }, at, { actorUsername: 'cli', objectType: 'database', ...e }));
}

/** A PostgreSQL dump is verified by restoring it into a scratch database, when the role may create one. */
async function verifyDump(url: string, file: string, crypto: CryptoProvider): Promise<Pick<BackupManifest, 'integrity' | 'chain' | 'rows'>> {
  const name = `jixiao_verify_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } catch (err) {
    await admin.end();
    throw new Error(`无法建立临时数据库来校验备份（${(err as Error).message}）：请给备份使用的数据库账户 CREATEDB 权限（校验时在临时数据库中完整恢复一次，随后删除）`);
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    await restorePostgres(file, target.toString());
    const db = openPostgres({ url: target.toString() });
    try {
      return { ...(await verifyCopy(db, crypto)), integrity: 'ok（已在临时数据库中完整恢复）' };
    } finally {
      await db.destroy();
    }
  } finally {
    await admin.query(`drop database if exists ${name}`).catch(() => undefined);
    await admin.end();
  }
}

export async function backup(config: ServerConfig, crypto: CryptoProvider, opts: { out?: string; now?: Date } = {}): Promise<BackupManifest> {
  const now = opts.now ?? new Date();
  const file = opts.out ?? defaultBackupFile(config, now);
  createPrivateFile(`${file}.manifest.json`);
  let manifest: BackupManifest;
  if (config.databaseUrl) {
    const bytes = await dumpPostgres(config.databaseUrl, file);
    manifest = { v: 1, createdAt: now.toISOString(), dialect: 'postgres', file, bytes, sha256: await fileSha256(file), ...(await verifyDump(config.databaseUrl, file, crypto)) };
  } else {
    manifest = await backupSqlite(config.sqliteFile, file, crypto, now);
  }
  writeManifest(manifest);
  const db = openDatabase(config);
  try {
    await audited(db, crypto, now.toISOString(), { event: 'backup', outcome: manifest.chain.ok && manifest.integrity.startsWith('ok') ? 'success' : 'failure', detail: { file: manifest.file, sha256: manifest.sha256, bytes: manifest.bytes, auditRows: manifest.chain.count } });
  } finally {
    await db.destroy();
  }
  return manifest;
}

export async function restore(config: ServerConfig, crypto: CryptoProvider, file: string, opts: { now?: Date } = {}): Promise<Pick<BackupManifest, 'integrity' | 'chain' | 'rows'> & { sha256: string; manifestMatches: boolean | null }> {
  const now = opts.now ?? new Date();
  const manifest = readManifest(file);
  const sha256 = await fileSha256(file);
  if (manifest && manifest.sha256 !== sha256) throw new Error(`备份文件与其清单不符（SHA-256 不同）：文件在备份之后被改动过，不能用于恢复`);
  let checked: Pick<BackupManifest, 'integrity' | 'chain' | 'rows'>;
  if (config.databaseUrl) {
    await restorePostgres(file, config.databaseUrl);
    const db = openPostgres({ url: config.databaseUrl });
    try {
      checked = await verifyCopy(db, crypto);
    } finally {
      await db.destroy();
    }
  } else {
    checked = await restoreSqlite(file, config.sqliteFile, crypto);
  }
  const db = openDatabase(config);
  try {
    await migrate(db); // an older backup may predate later migrations
    await audited(db, crypto, now.toISOString(), { event: 'restore', detail: { file, sha256, auditRows: checked.chain.count, backupCreatedAt: manifest?.createdAt ?? null } });
    appendCheckpoint(config.audit.checkpointFile, await takeCheckpoint(db.kysely, crypto, now.toISOString(), 'restore'));
  } finally {
    await db.destroy();
  }
  return { ...checked, sha256, manifestMatches: manifest ? true : null };
}
