// Dependencies for CLI commands that run a use-case against the installation's database (DATABASE_URL
// or the SQLite file), migrated first, closed afterwards. Nothing here checks or imports reports.
import { openDatabase } from './app';
import { argon2Hasher } from './auth/password';
import { loadConfig, type ServerConfig } from './config';
import { loadCryptoProvider } from './crypto/keys';
import { migrate } from './db/migrate';
import type { Db } from './db/schema';
import { cryptoRandom, silentLogger, systemClock, type Deps } from './deps';

export function cliDeps(db: Db, config: ServerConfig = loadConfig(), opts: { readOnly?: boolean } = {}): Deps {
  const unused = () => {
    throw new Error('命令行管理命令不检查或导入报告');
  };
  return {
    db, config, clock: systemClock, random: cryptoRandom, logger: silentLogger, passwords: argon2Hasher(config.argon2),
    crypto: loadCryptoProvider(config, { create: !opts.readOnly }), check: unused, importFile: unused,
  };
}

/**
 * Opens and migrates the configured database, runs `fn`, and always closes it. `readOnly` opens it
 * without migrating or writing anything (and without generating missing keys): for verification.
 */
export async function withCliDeps<T>(fn: (deps: Deps) => Promise<T>, opts: { readOnly?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const db = openDatabase(config, { readOnly: opts.readOnly });
  try {
    if (!opts.readOnly) await migrate(db);
    return await fn(cliDeps(db, config, opts));
  } finally {
    await db.destroy();
  }
}
