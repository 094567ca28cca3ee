// DL-1 (security.md §5.6), issue 13 §7–8: the real server under saves and submits from several clients is
// killed with SIGKILL at random moments, 20 times, and started again; clients retry what was not
// acknowledged (submits with the same Idempotency-Key). Afterwards every acknowledged write is present,
// no submit happened twice, every change has its one audit row, SQLite's integrity check passes and the
// audit chains verify. Midway a backup is taken under the same load and restored elsewhere: every write
// acknowledged before the backup began is in the restored copy. Runs on SQLite and on PostgreSQL.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { findVersionDocument } from '../../src/server/repositories/versions';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/server/audit/verify';
import { softwareProvider } from '../../src/server/crypto/provider';
import { openPostgres, openSqlite } from '../../src/server/db/connect';
import type { Db } from '../../src/server/db/schema';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { tempDir } from '../../src/server/testing/temp';
import { freePort, serverProcess, signIn } from './support/server-process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KILLS = 20;
const KEYS = { JIXIAO_AUDIT_KEY: 'c3'.repeat(32), JIXIAO_DATA_KEY: 'e5'.repeat(32) };
const crypto = softwareProvider({ suite: 'standard', auditSecret: Buffer.from(KEYS.JIXIAO_AUDIT_KEY, 'hex'), dataSecret: Buffer.from(KEYS.JIXIAO_DATA_KEY, 'hex') });
const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? null;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: pgUrl! });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(pgUrl!);
  u.pathname = `/${name}`;
  return u.toString();
}

interface Ack {
  report: string;
  marker: string;
  version: number;
}

async function crashLoop(kind: 'sqlite' | 'postgres') {
  const dir = tempDir('jixiao-crash-');
  const env: Record<string, string> = { ...KEYS, JIXIAO_DATA_DIR: join(dir, 'data'), JIXIAO_SQLITE_FILE: join(dir, 'data', 'j.sqlite') };
  if (kind === 'postgres') env.DATABASE_URL = await freshDatabase(`jx_crash_${process.pid}`);
  const server = serverProcess(env, await freePort(), { demo: true });
  const restarts: number[] = [await server.start()];
  let up = true;
  const waitUp = async () => {
    while (!up) await sleep(20);
  };

  const saves: Ack[] = [];
  const submits: Array<{ report: string; key: string }> = [];
  let stop = false;
  let retries = 0;
  /** a request that waits out the server's deaths; `null` when the answer was lost to a kill */
  const call = async <T>(fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn();
    } catch {
      retries++;
      await sleep(30);
      await waitUp();
      return null;
    }
  };

  // one session per person, shared by their browser tabs (the session cap stays at its default)
  const sessions = new Map<string, ReturnType<typeof signIn>>();
  const session = (username: string) => {
    let s = sessions.get(username);
    if (!s) sessions.set(username, (s = signIn(server.base, username, DEMO_PASSWORD)));
    return s;
  };

  const saver = async (username: string, year: number) => {
    const api = await session(username);
    // the form holds at most 200 main tasks (forms/bounds): a fresh draft before the list is full
    const PER_REPORT = 150;
    let id = '';
    let view: any = null;
    for (let n = 0; !stop; n++) {
      if (n % PER_REPORT === 0) {
        let created = null;
        while (!created && !stop) created = await call(() => api('POST', '/api/reports', { year }));
        if (!created) return;
        if (created.status !== 201) throw new Error(JSON.stringify(created.body));
        id = created.body.id as string;
        view = created.body;
      }
      const marker = `${username}-${year}-${n}`;
      const report = { ...view.report, overview: { ...view.report.overview, tasks: [...view.report.overview.tasks, marker] } };
      const res = await call(() => api('PUT', `/api/reports/${id}`, { report }, { 'if-match': `"${view.version}"` }));
      if (res?.status === 200) {
        saves.push({ report: id, marker, version: res.body.version });
        view = { ...view, report, version: res.body.version };
        continue;
      }
      if (res && res.status !== 412) throw new Error(`save ${res.status} ${JSON.stringify(res.body)}`);
      // the answer was lost (or the write landed just before the kill): read what is there and go on
      let fresh = null;
      while (!fresh && !stop) fresh = await call(() => api('GET', `/api/reports/${id}`));
      if (fresh) view = fresh.body;
    }
  };

  const submitter = async (username: string, firstYear: number) => {
    const api = await session(username);
    for (let n = 0; !stop; n++) {
      let created = null;
      while (!created && !stop) created = await call(() => api('POST', '/api/reports', { year: firstYear + (n % 50) }));
      if (!created) return;
      if (created.status !== 201) throw new Error(`create ${created.status} ${JSON.stringify(created.body)}`);
      const key = randomUUID();
      // a blank draft has error findings: each waived with a reason, as the submit dialog does
      const waivers = (created.body.findings as Array<{ code: string; path: string; severity: string }>)
        .filter((f) => f.severity === 'error').map((f) => ({ code: f.code, path: f.path, reason: '压力测试：逐条豁免' }));
      for (;;) {
        // the same Idempotency-Key and body on every retry: one click, one submit, however often it is sent
        const res = await call(() => api('POST', `/api/reports/${created!.body.id}/transitions`, { action: 'submit', waivers }, { 'idempotency-key': key }));
        if (res?.status === 200) {
          submits.push({ report: created.body.id, key });
          break;
        }
        if (res && res.status !== 200) throw new Error(`submit ${res.status} ${JSON.stringify(res.body)}`);
        if (stop) return;
      }
    }
  };

  const clients = [
    saver('demo-preparer', 2031), saver('demo-preparer', 2032), saver('demo-preparer', 2033),
    saver('demo-preparer2', 2031), saver('demo-preparer2', 2032), saver('demo-preparer2', 2033),
    submitter('demo-preparer', 2040), submitter('demo-preparer2', 2040),
  ];

  let backupAcks: Ack[] = [];
  let backupFile = '';
  for (let k = 0; k < KILLS; k++) {
    await sleep(250 + Math.random() * 700);
    if (k === KILLS / 2) {
      // a backup under the same load, through the CLI as an operator would take it
      backupAcks = [...saves];
      backupFile = join(dir, `backup.${kind === 'sqlite' ? 'sqlite' : 'pgdump'}`);
      const b = spawnSync(process.execPath, ['bin/jixiao.mjs', 'backup', '--out', backupFile], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
      expect(b.status, b.stderr + b.stdout).toBe(0);
    }
    up = false;
    await server.kill();
    restarts.push(await server.start());
    up = true;
  }
  await sleep(300);
  stop = true;
  await Promise.all(clients);
  await server.stop();

  const db: Db = kind === 'sqlite' ? openSqlite({ file: env.JIXIAO_SQLITE_FILE! }) : openPostgres({ url: env.DATABASE_URL! });
  const lost: string[] = [];
  const duplicated: string[] = [];
  let integrity = 'ok';
  let chainRows = 0;
  try {
    if (kind === 'sqlite') integrity = (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db.kysely)).rows.map((r) => r.integrity_check).join('; ');
    const chain = await verifyChain(db.kysely, crypto);
    expect(chain.ok, JSON.stringify(chain.firstBroken)).toBe(true);
    chainRows = chain.count;
    const versions = await db.kysely.selectFrom('report_versions').select(['report_id', 'version', 'action', 'document']).execute();
    const byKey = new Map(versions.map((v) => [`${v.report_id}@${v.version}`, v]));
    for (const a of saves) {
      // each version rebuilt from the report row and the reverse deltas (repositories/versions.ts)
      const doc = byKey.has(`${a.report}@${a.version}`) ? await findVersionDocument(db.kysely, a.report, a.version) : undefined;
      if (!doc?.overview.tasks.includes(a.marker)) lost.push(a.marker);
    }
    const reports = await db.kysely.selectFrom('reports').select(['id', 'status', 'document']).execute();
    const current = new Map(reports.map((r) => [r.id, r]));
    for (const a of saves) {
      const r = current.get(a.report);
      const doc = r && (typeof r.document === 'string' ? JSON.parse(r.document) : r.document);
      if (!doc?.overview.tasks.includes(a.marker)) lost.push(`${a.marker} (current)`);
    }
    for (const s of submits) {
      if (current.get(s.report)?.status !== 'dept_review') lost.push(`submit ${s.report}`);
      const n = versions.filter((v) => v.report_id === s.report && v.action === 'submit').length;
      if (n !== 1) duplicated.push(`submit ${s.report} ×${n}`);
    }
    // one audit row per change: saves and submits
    const audit = await db.kysely.selectFrom('audit_log').select(['event', 'object_id']).where('event', 'in', ['report_save', 'report_submit']).execute();
    // the probe's own reports: the demo's history has submit versions seeded without a submit of their own
    const mine = new Set([...saves.map((a) => a.report), ...submits.map((a) => a.report)]);
    const ours = (v: { report_id: string }) => mine.has(v.report_id);
    const saveVersions = versions.filter((v) => ours(v) && v.action === 'save').length;
    const submitVersions = versions.filter((v) => ours(v) && v.action === 'submit').length;
    expect(audit.filter((a) => a.event === 'report_save' && mine.has(a.object_id ?? ''))).toHaveLength(saveVersions);
    expect(audit.filter((a) => a.event === 'report_submit' && mine.has(a.object_id ?? ''))).toHaveLength(submitVersions);
  } finally {
    await db.destroy();
  }

  // the backup taken under load, restored on a fresh node
  const restored: Record<string, string> = { ...env, JIXIAO_SQLITE_FILE: join(dir, 'restored', 'j.sqlite'), JIXIAO_DATA_DIR: join(dir, 'restored') };
  if (kind === 'postgres') restored.DATABASE_URL = await freshDatabase(`jx_restored_${process.pid}`);
  const r = spawnSync(process.execPath, ['bin/jixiao.mjs', 'restore', backupFile], { cwd: ROOT, env: { ...process.env, ...restored }, encoding: 'utf8' });
  expect(r.status, r.stderr + r.stdout).toBe(0);
  const back: Db = kind === 'sqlite' ? openSqlite({ file: restored.JIXIAO_SQLITE_FILE! }) : openPostgres({ url: restored.DATABASE_URL! });
  const missingAfterRestore: string[] = [];
  try {
    expect((await verifyChain(back.kysely, crypto)).ok).toBe(true);
    if (kind === 'sqlite') expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(back.kysely)).rows[0]!.integrity_check).toBe('ok');
    const versions = await back.kysely.selectFrom('report_versions').select(['report_id', 'version', 'document']).execute();
    const byKey = new Map(versions.map((v) => [`${v.report_id}@${v.version}`, v]));
    for (const a of backupAcks) {
      const doc = byKey.has(`${a.report}@${a.version}`) ? await findVersionDocument(back.kysely, a.report, a.version) : undefined;
      if (!doc?.overview.tasks.includes(a.marker)) missingAfterRestore.push(a.marker);
    }
  } finally {
    await back.destroy();
  }

  const restart = [...restarts.slice(1)].sort((a, b) => a - b);
  console.log(
    `crash loop (${kind}): ${KILLS} SIGKILLs, ${saves.length} acknowledged saves + ${submits.length} acknowledged submits, ` +
      `${lost.length} lost, ${duplicated.length} duplicated, integrity ${integrity}, audit chain ok (${chainRows} rows), ` +
      `${retries} retried requests, restart median ${Math.round(restart[Math.floor(restart.length / 2)]!)} ms; ` +
      `backup under load: ${backupAcks.length} saves acknowledged before it began, ${missingAfterRestore.length} missing after restore`,
  );
  expect(lost).toEqual([]);
  expect(duplicated).toEqual([]);
  expect(integrity).toBe('ok');
  expect(missingAfterRestore).toEqual([]);
  expect(saves.length).toBeGreaterThan(KILLS);
  expect(submits.length).toBeGreaterThan(0);
}

describe('crash safety under SIGKILL (DL-1)', () => {
  it('SQLite: 20 kills under writes, every acknowledged write present, integrity and chain verified', () => crashLoop('sqlite'), 300_000);
  it.skipIf(!pgUrl)('PostgreSQL: 20 kills of the app under writes, every acknowledged write present, chain verified', () => crashLoop('postgres'), 300_000);
});
