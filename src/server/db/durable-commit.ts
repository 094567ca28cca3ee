// SQLite for a server: commits that never stop the event loop for the disk.
//
// better-sqlite3 is synchronous. With synchronous=FULL every COMMIT fsyncs the WAL on the one thread
// that serves every request: 0.2 ms on an idle disk, 3–13 ms on this shared machine — per save, with
// every other request waiting. Here the write connection commits with synchronous=NORMAL (the WAL is
// written, not yet synced: microseconds) and the transaction is acknowledged only once an fsync of the WAL
// file, run on libuv's thread pool, has completed after it. Commits that land while one fsync is under
// way share the next one (group commit), so a busy server makes fewer fsyncs than saves, and the event
// loop serves requests meanwhile. An acknowledged write is exactly as durable as with FULL: SQLite also
// syncs the WAL itself before any checkpoint copies it into the database (its NORMAL contract), and the
// WAL is replayed up to the last synced commit after a crash. What differs is visibility: another
// request may read a committed write a few milliseconds before it is acknowledged; after a power cut in
// that window the write is gone, and its writer was never told it was saved.
//
// An fsync that fails leaves the page cache in an unknown state (Linux may drop the dirty pages), so the
// connection refuses every later write until the process is restarted and SQLite recovers the WAL —
// as PostgreSQL stops on a failed fsync.
//
// Reads outside transactions go to a second connection, so they never see a transaction that is still
// open on the write connection. Write transactions queue for the write connection in this process; for
// the database's write lock (another process) they wait asynchronously, never in SQLite's busy handler.
import { fstatSync, fsync, openSync, closeSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SelectQueryNode, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';

/** How long a transaction waits for another process to release the write lock (the busy_timeout it replaces). */
const LOCK_WAIT_MS = 5000;

/** fsync of the WAL file, shared by every commit that completed before it started. */
export class WalSync {
  private fd: number | null = null;
  private waiting: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  private running = false;
  failed: Error | null = null;

  constructor(
    private readonly walFile: string,
    private readonly sync: typeof fsync = fsync,
  ) {}

  /** Resolves once everything committed before this call is on disk. */
  durable(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.running) this.flush();
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    this.running = true;
    let fd: number;
    try {
      fd = this.open();
    } catch (err) {
      return this.done(batch, err as Error);
    }
    this.sync(fd, (err) => this.done(batch, err));
  }

  private done(batch: typeof this.waiting, err: Error | null): void {
    this.running = false;
    if (err) {
      this.failed = Object.assign(new Error(`数据库日志写盘失败（${err.message}），为防止数据丢失已停止写入，请检查磁盘后重启服务`), { code: 'SQLITE_IOERR_FSYNC' });
      for (const w of [...batch, ...this.waiting]) w.reject(this.failed);
      this.waiting = [];
      return;
    }
    for (const w of batch) w.resolve();
    if (this.waiting.length > 0) this.flush();
  }

  /** Our descriptor of the WAL; reopened should the file ever be replaced (a new inode). */
  private open(): number {
    if (this.fd != null && fstatSync(this.fd).ino === statSync(this.walFile).ino) return this.fd;
    if (this.fd != null) closeSync(this.fd);
    this.fd = openSync(this.walFile, 'r');
    return this.fd;
  }

  close(): void {
    if (this.fd != null) closeSync(this.fd);
    this.fd = null;
  }
}

/** A FIFO lock. */
class Lock {
  private held = false;
  private readonly queue: Array<() => void> = [];
  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }
  release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.held = false;
  }
}

function statementCache(db: BetterSqlite3.Database, max = 300): (sql: string) => BetterSqlite3.Statement {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (stmt) cache.delete(sql);
    else stmt = db.prepare(sql);
    cache.set(sql, stmt);
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    return stmt;
  };
}

function run<R>(prepare: (sql: string) => BetterSqlite3.Statement, q: CompiledQuery): QueryResult<R> {
  const stmt = prepare(q.sql);
  const params = q.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(params) as R[] };
  const r = stmt.run(params);
  return { rows: [], numAffectedRows: BigInt(r.changes), insertId: BigInt(r.lastInsertRowid) };
}

const busy = (err: unknown) => (err as { code?: string }).code === 'SQLITE_BUSY';

/** A Kysely connection handle: it knows whether it holds the write connection in a transaction. */
class Connection implements DatabaseConnection {
  inTransaction = false;
  constructor(private readonly driver: DurableCommitDriver) {}
  executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute<R>(this, q);
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('此数据库连接不支持流式查询');
  }
}

export interface DurableCommitOptions {
  /** the connection reads outside transactions use (this file, opened by the caller) */
  reader: BetterSqlite3.Database;
  file: string;
  autocheckpoint: number;
  /** fsync, replaceable in tests */
  sync?: typeof fsync;
}

export class DurableCommitDriver implements Driver {
  private writer!: BetterSqlite3.Database;
  private prepareWrite!: (sql: string) => BetterSqlite3.Statement;
  private readonly prepareRead: (sql: string) => BetterSqlite3.Statement;
  private readonly lock = new Lock();
  readonly wal: WalSync;

  constructor(private readonly opts: DurableCommitOptions) {
    this.prepareRead = statementCache(opts.reader);
    this.wal = new WalSync(`${opts.file}-wal`, opts.sync);
  }

  async init(): Promise<void> {
    this.writer = new BetterSqlite3(this.opts.file);
    this.writer.pragma('journal_mode = WAL');
    this.writer.pragma('synchronous = NORMAL'); // the fsync is WalSync's, before any acknowledgement
    this.writer.pragma('foreign_keys = ON');
    this.writer.pragma('busy_timeout = 0'); // waiting for another process happens in beginTransaction
    this.writer.pragma(`wal_autocheckpoint = ${this.opts.autocheckpoint}`);
    this.prepareWrite = statementCache(this.writer);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Connection(this);
  }

  async releaseConnection(): Promise<void> {}

  /** Reads outside a transaction use the read connection; a write on its own is a transaction of one statement. */
  async execute<R>(c: Connection, q: CompiledQuery): Promise<QueryResult<R>> {
    if (c.inTransaction) return run<R>(this.prepareWrite, q);
    if (SelectQueryNode.is(q.query)) return run<R>(this.prepareRead, q);
    await this.beginTransaction(c);
    let result: QueryResult<R>;
    try {
      result = run<R>(this.prepareWrite, q);
    } catch (err) {
      await this.rollbackTransaction(c);
      throw err;
    }
    await this.commitTransaction(c);
    return result;
  }

  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await this.lock.acquire();
    try {
      if (this.wal.failed) throw this.wal.failed;
      for (let waited = 0, delay = 1; ; waited += delay, delay = Math.min(delay * 2, 20)) {
        try {
          this.writer.exec('begin immediate');
          break;
        } catch (err) {
          if (!busy(err) || waited >= LOCK_WAIT_MS) throw err;
          await new Promise((r) => setTimeout(r, delay));
        }
      }
    } catch (err) {
      this.lock.release();
      throw err;
    }
    (c as Connection).inTransaction = true;
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    (c as Connection).inTransaction = false;
    try {
      this.writer.exec('commit');
    } catch (err) {
      if (this.writer.inTransaction) this.writer.exec('rollback');
      throw err;
    } finally {
      this.lock.release();
    }
    await this.wal.durable();
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    (c as Connection).inTransaction = false;
    try {
      if (this.writer.inTransaction) this.writer.exec('rollback');
    } finally {
      this.lock.release();
    }
  }

  async savepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }

  async rollbackToSavepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`rollback to "${name}"`));
  }

  async releaseSavepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`release "${name}"`));
  }

  async destroy(): Promise<void> {
    await this.lock.acquire();
    await this.wal.durable().catch(() => undefined);
    this.wal.close();
    this.writer.close();
    this.opts.reader.close();
  }
}

/** SQLite's dialect with the durable-commit driver. */
export class DurableCommitSqliteDialect extends SqliteDialect {
  constructor(private readonly opts: DurableCommitOptions) {
    super({ database: opts.reader });
  }
  override createDriver(): Driver {
    return new DurableCommitDriver(this.opts);
  }
}
