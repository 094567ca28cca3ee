// Opens the database: SQLite (a file under ./data/ by default) or PostgreSQL when a URL is given.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import pg from 'pg';
import { FALLBACK_AUTOCHECKPOINT, startCheckpointer } from './checkpointer';
import { DurableCommitSqliteDialect } from './durable-commit';
import type { Database, Db } from './schema';

// BIGINT (int8) arrives as a string by default; our values stay far below 2^53.
pg.types.setTypeParser(20, Number);
// jsonb arrives as its text: repositories/json.ts decodes it where it is read (lazily for report documents,
// so a large one can go to a worker thread without being parsed on the request thread)
pg.types.setTypeParser(3802, (text: string) => text);

/**
 * better-sqlite3 has one connection and Kysely serialises it, but another process (the CLI) may write
 * too: BEGIN IMMEDIATE takes the write lock up front so a read-then-write never fails half-way with
 * SQLITE_BUSY (security.md SQ-4).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(cfg);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.cfg);
  }
}

/**
 * Kysely prepares every statement anew; better-sqlite3 statements are reusable, so keep the recent
 * ones (an LRU by SQL text). SQLite re-prepares a cached statement itself after a schema change.
 */
function withStatementCache(db: BetterSqlite3.Database, max = 300): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (source: string) => {
    let stmt = cache.get(source);
    if (stmt) cache.delete(source);
    else stmt = db.prepare(source);
    cache.set(source, stmt);
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    return stmt;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface SqliteOptions {
  /** a file path, or ':memory:' for tests */
  file: string;
  /**
   * Who checkpoints the WAL: `background` — a worker thread of this process (a one-process server);
   * `external` — another process does (a cluster worker: its primary); `auto` — SQLite itself, on the
   * commit that crosses 1,000 pages (short-lived CLI commands, tests). A server (`background`,
   * `external`) also syncs its commits off the event loop, several at once (durable-commit.ts).
   */
  checkpoint?: 'background' | 'external' | 'auto';
  /** open without any write (verification): no WAL switch, no checkpoints */
  readOnly?: boolean;
}

/**
 * The database file (and so its -wal and -shm, which SQLite creates with the file's own mode) readable by
 * the server's user only, in a folder only that user can enter: report content and the audit log are not
 * for other accounts on the machine (issue 13 §6).
 */
export function createPrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

export function openSqlite({ file, checkpoint = 'auto', readOnly = false }: SqliteOptions): Db {
  if (readOnly) {
    if (!existsSync(file)) throw new Error(`数据库文件不存在：${file}`);
    const ro = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    ro.pragma('busy_timeout = 5000');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: ro }) });
    return { kysely, reader: kysely, dialect: 'sqlite', destroy: () => kysely.destroy() };
  }
  if (file !== ':memory:') createPrivateFile(file);
  const sqlite = new BetterSqlite3(file);
  // WAL: readers do not block the writer. FULL: an acknowledged write survives power loss (SQ-1, SQ-2).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  if (checkpoint === 'auto' || file === ':memory:') {
    const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
    return { kysely, reader: kysely, dialect: 'sqlite', destroy: () => kysely.destroy() };
  }
  // a server: commits acknowledged after an fsync off the event loop (durable-commit.ts); reads on this connection
  const dialect = new DurableCommitSqliteDialect({ reader: sqlite, file, autocheckpoint: FALLBACK_AUTOCHECKPOINT });
  const kysely = new Kysely<Database>({ dialect });
  const plain: Db = { kysely, reader: kysely, dialect: 'sqlite', destroy: () => kysely.destroy() };
  if (checkpoint === 'external') return plain;
  const checkpointer = startCheckpointer(file, { onError: (m) => process.emitWarning(`SQLite 后台检查点失败：${m}`) });
  return {
    ...plain,
    destroy: async () => {
      await checkpointer.stop();
      await kysely.destroy();
    },
  };
}

export interface PostgresOptions {
  url: string;
  /** a streaming replica (DATABASE_READ_URL) for the reads that tolerate its lag: Db.reader */
  readUrl?: string | null;
  /** a schema to work in (tests give each app its own); created if missing */
  schema?: string;
  max?: number;
}

export function openPostgres({ url, readUrl, schema, max = 10 }: PostgresOptions): Db {
  const open = (connectionString: string) =>
    new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max, ...(schema ? { options: `-c search_path=${schema}` } : {}) }) }),
    });
  const kysely = open(url);
  const reader = readUrl ? open(readUrl) : kysely;
  return {
    kysely,
    reader,
    dialect: 'postgres',
    schema: schema ?? 'public',
    destroy: async () => {
      if (reader !== kysely) await reader.destroy();
      await kysely.destroy();
    },
  };
}
