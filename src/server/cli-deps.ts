// Dependencies for CLI commands that run a use-case against the installation's database (DATABASE_URL
// or the SQLite file), migrated first, closed afterwards. Nothing here checks or imports reports.
import { openDatabase } from './app';
import { argon2Hasher } from './auth/password';
import { loadConfig } from './config';
import { migrate } from './db/migrate';
import type { Db } from './db/schema';
import { cryptoRandom, silentLogger, systemClock, type Deps } from './deps';

export function cliDeps(db: Db, config = loadConfig()): Deps {
  const unused = () => {
    throw new Error('命令行管理命令不检查或导入报告');
  };
  return { db, config, clock: systemClock, random: cryptoRandom, logger: silentLogger, passwords: argon2Hasher(config.argon2), check: unused, importFile: unused };
}

/** Opens and migrates the configured database, runs `fn`, and always closes it. */
export async function withCliDeps<T>(fn: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openDatabase(config);
  try {
    await migrate(db);
    return await fn(cliDeps(db, config));
  } finally {
    await db.destroy();
  }
}
