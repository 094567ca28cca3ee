// PostgreSQL backup and restore with the server's own tools: pg_dump (custom format, a consistent snapshot
// while the application keeps writing) and pg_restore (one transaction, objects replaced). The binaries
// come from the PATH or the installed server (/usr/lib/postgresql/<major>/bin, the postgresql-client
// package). After a restore the audit chains are verified in the restored database.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, name))) return join(dir, name);
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(base, v, 'bin', name))) return join(base, v, 'bin', name);
  throw new Error(`找不到 ${name}：请安装 PostgreSQL 客户端（apt-get install -y postgresql-client），版本不低于数据库服务器`);
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd.split('/').pop()} 失败（${code}）：${err.trim().slice(0, 500)}`))));
  });
}

/** pg_dump of the database (optionally one schema) into `target`, custom format, readable by the owner only. */
export async function dumpPostgres(url: string, target: string, opts: { schema?: string } = {}): Promise<number> {
  if (existsSync(target)) throw new Error(`备份文件已存在：${target}`);
  await run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', ...(opts.schema ? ['--schema', opts.schema] : []), '--file', target, '--dbname', url]);
  chmodSync(target, 0o600);
  return statSync(target).size;
}

/** pg_restore of `backup` into the database at `url`, replacing what is there, all or nothing. */
export async function restorePostgres(backup: string, url: string): Promise<void> {
  await run(pgTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', url, backup]);
}
