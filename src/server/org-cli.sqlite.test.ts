// `jixiao org` on SQLite, plus one run through the real configuration path (JIXIAO_SQLITE_FILE).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { orgCommand } from '../cli/commands/org';
import { openSqlite } from './db/connect';
import { sqliteBackend } from './testing/backends';
import { orgCliSuite } from './testing/suites/org-cli';

orgCliSuite(sqliteBackend);

describe('jixiao org on the configured SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-org-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens and migrates the file named by JIXIAO_SQLITE_FILE when DATABASE_URL is unset', async () => {
    const saved = { file: process.env.JIXIAO_SQLITE_FILE, url: process.env.DATABASE_URL };
    process.env.JIXIAO_SQLITE_FILE = join(dir, 'jixiao.sqlite');
    delete process.env.DATABASE_URL;
    let out = '';
    try {
      await orgCommand({ write: (s) => (out += s) }).parseAsync(['bureau', 'add', '文件市财政局'], { from: 'user' });
    } finally {
      if (saved.file === undefined) delete process.env.JIXIAO_SQLITE_FILE;
      else process.env.JIXIAO_SQLITE_FILE = saved.file;
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    }
    expect(out).toContain('已新增财政局 文件市财政局');
    const db = openSqlite({ file: join(dir, 'jixiao.sqlite') });
    expect(await db.kysely.selectFrom('bureaus').select('name').execute()).toEqual([{ name: '文件市财政局' }]);
    await db.destroy();
  });
});
