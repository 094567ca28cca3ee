// The server's SQLite commits (db/durable-commit.ts): a transaction is acknowledged only after an fsync of
// the WAL that began after its COMMIT; commits that land while an fsync runs share the next one; a failed
// fsync refuses every later write; reads outside transactions never see an open transaction; two
// servers (processes) on one file both get their writes in without blocking. Then the concurrency suite
// (50 editors, linear versions) on a file served this way.
import type { fsync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './db/connect';
import { DurableCommitSqliteDialect } from './db/durable-commit';
import { isUniqueViolation } from './db/errors';
import { migrate } from './db/migrate';
import type { Database, Db } from './db/schema';
import { insertBureau } from './repositories/org';
import type { Backend } from './testing/backends';
import { concurrencySuite } from './testing/suites/concurrency';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-durable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fileBackend: Backend = { name: 'sqlite', open: async () => openSqlite({ file: join(dir, `t${n++}.sqlite`), checkpoint: 'background' }) };

const at = '2026-03-01T08:00:00.000Z';
const bureau = (id: string) => ({ id, name: `局${id}`, region: '', created_at: at });

/** A database whose fsyncs wait until the test lets them finish (or fail). */
function heldSync(file: string) {
  const pending: Array<(err: Error | null) => void> = [];
  const sync = ((_fd: number, cb: (err: Error | null) => void) => pending.push(cb)) as unknown as typeof fsync;
  const reader = new BetterSqlite3(file);
  reader.pragma('journal_mode = WAL');
  const kysely = new Kysely<Database>({ dialect: new DurableCommitSqliteDialect({ reader, file, autocheckpoint: 1000, sync }) });
  const db: Db = { kysely, reader: kysely, dialect: 'sqlite', destroy: () => kysely.destroy() };
  return { db, pending, finish: (err: Error | null = null) => pending.splice(0).forEach((cb) => cb(err)) };
}

const ids = async (db: Db) => (await db.kysely.selectFrom('bureaus').select('id').orderBy('id').execute()).map((r) => r.id);
const tick = () => new Promise((r) => setTimeout(r, 20));

describe('durable commits (SQLite file, server mode)', () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  it('acknowledges a commit only after an fsync that began after it; commits during an fsync share the next', async () => {
    const h = heldSync(join(dir, 'held.sqlite'));
    db = h.db;
    // the migration's own commits wait for fsyncs too
    let migrated = false;
    const migration = migrate(db).then(() => (migrated = true));
    while (!migrated) {
      h.finish();
      await tick();
    }
    await migration;
    let acked = 0;
    const first = insertBureau(db.kysely, bureau('a')).then(() => acked++);
    await tick();
    expect(h.pending).toHaveLength(1); // the fsync for 'a' is running
    expect(acked).toBe(0);
    expect(await ids(db)).toEqual(['a']); // committed (visible), not yet acknowledged
    const more = Array.from({ length: 10 }, (_, i) => db!.kysely.transaction().execute((trx) => insertBureau(trx, bureau(`b${i}`))).then(() => acked++));
    await tick();
    expect(acked).toBe(0);
    h.finish(); // 'a' is on disk; the ten committed meanwhile need one more fsync
    await first;
    await tick();
    expect(acked).toBe(1);
    expect(h.pending).toHaveLength(1);
    h.finish();
    await Promise.all(more);
    expect(acked).toBe(11);
    const closing = db.destroy();
    db = undefined;
    while (h.pending.length === 0) await tick(); // closing syncs once more
    h.finish();
    await closing;
  });

  it('refuses every write after a failed fsync, and keeps reading', async () => {
    const h = heldSync(join(dir, 'failing.sqlite'));
    db = h.db;
    const migrated = migrate(db);
    for (let i = 0; i < 50 && h.pending.length === 0; i++) await tick();
    h.finish(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }));
    await expect(migrated).rejects.toThrow(/写盘失败/);
    await expect(db.kysely.transaction().execute((trx) => insertBureau(trx, bureau('x')))).rejects.toThrow(/写盘失败/);
    expect(await (db.kysely as unknown as Kysely<{ sqlite_master: { name: string } }>).selectFrom('sqlite_master').select('name').execute()).toBeInstanceOf(Array);
  });

  it('keeps driver error codes, rolls back failed transactions alone, hides open transactions from reads', async () => {
    db = await fileBackend.open();
    await migrate(db);
    const results = await Promise.allSettled([
      db.kysely.transaction().execute((trx) => insertBureau(trx, bureau('x1'))),
      db.kysely.transaction().execute(async (trx) => {
        await insertBureau(trx, bureau('x2'));
        expect(await ids(db!)).toEqual(['x1']); // outside: not the open transaction's row
        throw new Error('refused');
      }),
      db.kysely.transaction().execute(async (trx) => {
        await insertBureau(trx, bureau('x3'));
        await insertBureau(trx, bureau('x3'));
      }),
      insertBureau(db.kysely, bureau('x4')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(isUniqueViolation((results[2] as PromiseRejectedResult).reason)).toBe(true);
    expect(await ids(db)).toEqual(['x1', 'x4']);
  });

  it('two servers on one file both write, waiting for the lock without blocking', async () => {
    const file = join(dir, 'shared.sqlite');
    const a = openSqlite({ file, checkpoint: 'background' });
    await migrate(a);
    const b = openSqlite({ file, checkpoint: 'external' });
    try {
      await Promise.all(Array.from({ length: 40 }, (_, i) => ((i % 2 ? a : b).kysely.transaction().execute((trx) => insertBureau(trx, bureau(`p${i}`))))));
      expect(await ids(a)).toHaveLength(40);
      expect(await ids(b)).toHaveLength(40);
    } finally {
      await b.destroy();
      await a.destroy();
    }
  });
});

concurrencySuite(fileBackend);
