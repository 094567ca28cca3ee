// SQLite backup and restore (等保 DB-BK-1, security.md SQ-6): the online backup API (pages copied while the
// server keeps writing, pages changed during the copy copied again — never `cp` of a live file), the copy
// then opened read-only and verified; a restore verifies the copy first and replaces the database file in
// one rename, with the server stopped.
import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { openSqlite, createPrivateFile } from '../db/connect';
import type { CryptoProvider } from '../crypto/provider';
import { fileSha256, type BackupManifest } from './manifest';
import { verifyCopy } from './verify-copy';

export async function backupSqlite(source: string, target: string, crypto: CryptoProvider, now: Date): Promise<BackupManifest> {
  if (!existsSync(source)) throw new Error(`数据库文件不存在：${source}`);
  if (existsSync(target)) throw new Error(`备份文件已存在：${target}`);
  createPrivateFile(target);
  rmSync(target); // the backup API creates it; the folder stays private
  const db = new BetterSqlite3(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
  } finally {
    db.close();
  }
  chmodSync(target, 0o600);
  // one self-contained file: no -wal or -shm beside the copy
  const single = new BetterSqlite3(target, { fileMustExist: true });
  single.pragma('journal_mode = DELETE');
  single.close();
  const copy = openSqlite({ file: target, readOnly: true });
  try {
    const checked = await verifyCopy(copy, crypto);
    return { v: 1, createdAt: now.toISOString(), dialect: 'sqlite', file: target, bytes: statSync(target).size, sha256: await fileSha256(target), ...checked };
  } finally {
    await copy.destroy();
  }
}

/** Whether some process holds the database open (a running server): SQLite cannot take it exclusively then. */
function inUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.exec('begin exclusive');
    db.exec('rollback');
    return false;
  } catch {
    return true;
  } finally {
    db.close();
  }
}

export async function restoreSqlite(backup: string, target: string, crypto: CryptoProvider): Promise<Pick<BackupManifest, 'integrity' | 'chain' | 'rows'>> {
  const copy = openSqlite({ file: backup, readOnly: true });
  let checked;
  try {
    checked = await verifyCopy(copy, crypto);
  } finally {
    await copy.destroy();
  }
  if (checked.integrity !== 'ok') throw new Error(`备份文件已损坏（integrity_check：${checked.integrity}），不能用于恢复`);
  if (!checked.chain.ok) throw new Error(`备份中的审计日志校验失败（${checked.chain.firstBroken?.reason ?? ''}），不能用于恢复`);
  if (inUse(target)) throw new Error(`数据库 ${target} 正被使用：请先停止服务器再恢复`);
  createPrivateFile(`${target}.restoring`);
  copyFileSync(backup, `${target}.restoring`);
  chmodSync(`${target}.restoring`, 0o600);
  for (const s of ['-wal', '-shm']) rmSync(`${target}${s}`, { force: true });
  renameSync(`${target}.restoring`, target);
  return checked;
}
