// The PostgreSQL backend for the shared API suites. Reads TEST_DATABASE_URL (or DATABASE_URL); each
// test app gets its own schema, so files run in parallel. Without a reachable PostgreSQL the suites
// are skipped with a loud warning, except under CI=true, where that is a failure.
import { describe, it } from 'vitest';
import { postgresBackend, postgresReachable, postgresUrl, type Backend } from '../../src/server/testing/backends';

let cached: Promise<Backend | null> | null = null;

async function resolve(): Promise<Backend | null> {
  const url = postgresUrl();
  if (url && (await postgresReachable(url))) return postgresBackend(url);
  const why = url ? `无法连接 ${url.replace(/\/\/[^@]*@/, '//***@')}` : '未设置 TEST_DATABASE_URL / DATABASE_URL';
  const banner = '!'.repeat(78);
  console.warn(`\n${banner}\n!! PostgreSQL 测试被跳过：${why}\n!! 本地运行见 stack.md §3（initdb，端口 55432），然后\n!! TEST_DATABASE_URL=postgres://postgres@127.0.0.1:55432/jixiao_test npx vitest run test/pg\n${banner}\n`);
  return null;
}

/** Runs `suite` on PostgreSQL, or skips loudly (fails under CI=true) when none is reachable. */
export async function onPostgres(suite: (backend: Backend) => void): Promise<void> {
  const backend = await (cached ??= resolve());
  if (backend) return suite(backend);
  if (process.env.CI === 'true')
    describe('PostgreSQL', () => it('is required under CI=true', () => {
      throw new Error('CI=true 但没有可用的 PostgreSQL（设置 TEST_DATABASE_URL 或 DATABASE_URL）');
    }));
  else describe.skip('PostgreSQL (not reachable: skipped)', () => it('skipped', () => {}));
}
