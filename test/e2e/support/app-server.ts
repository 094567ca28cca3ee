// The real server in-process: demo mode, a temporary SQLite file, a free port, and the built web UI
// served from the same origin (built into the test's own temporary folder).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer } from '../../../src/server/app';
import { loadConfig } from '../../../src/server/config';
import { openSqlite } from '../../../src/server/db/connect';
import type { Db } from '../../../src/server/db/schema';
import { buildWebInto } from '../../../web/build.mjs';

export interface RunningApp {
  url: string;
  close: () => Promise<void>;
}

export interface StartOptions {
  /** demo data (the default), or a database of the test's own making */
  seed?: (db: Db) => Promise<void>;
}

export async function startApp(opts: StartOptions = {}): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  // a private build: another suite or `npm start` may be rebuilding web/dist right now
  const distDir = join(dir, 'web-dist');
  await buildWebInto(distDir, { log: (m) => console.log(`[e2e] ${m}`) });
  const config = loadConfig(
    {
      JIXIAO_DEMO: opts.seed ? '0' : '1', JIXIAO_SQLITE_FILE: join(dir, 'e2e.sqlite'), JIXIAO_WEB_DIST: distDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn',
      // a test's own accounts sign in with a password (the demo's do anyway); the second factor has its own tests
      ...(opts.seed ? { JIXIAO_2FA_REQUIRED: 'none' } : {}),
    },
    // fast hashing keeps the suite quick; the demo password is the same
    { argon2: { memoryCost: 4096, timeCost: 1, parallelism: 1 } },
  );
  const db = opts.seed ? openSqlite({ file: config.sqliteFile }) : undefined;
  const app = await createServer(config, { logger: false, ...(db ? { db } : {}) });
  if (db && opts.seed) await opts.seed(db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await db?.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
