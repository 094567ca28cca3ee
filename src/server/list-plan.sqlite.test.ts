// The report lists are read from their covering indexes (migration 0003-read-indexes), never from report rows, whose
// documents sit in overflow pages: checked on SQLite's query plan, because a province-sized bureau list
// went from ~1 s to milliseconds with them (bench/server-load.ts).
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from './auth/actor';
import { migrate } from './db/migrate';
import type { Db } from './db/schema';
import { listQuery } from './repositories/reports';
import { sqliteBackend } from './testing/backends';

const actor = (a: Partial<Actor>): Actor => ({ id: 'u', username: 'u', displayName: 'u', kind: 'business', roles: [], bureauId: 'b1', departmentId: null, sectionId: null, ip: '', ...a });

describe('report list query plans (SQLite)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await sqliteBackend.open();
    await migrate(db);
  });
  afterAll(() => db.destroy());

  const plan = async (a: Actor, filter: { year?: number; status?: string } = {}) => {
    const q = listQuery(db.kysely, a, { ...filter, limit: 501, offset: 0 }).compile();
    const rows = await db.kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]));
    return rows.rows.map((r) => r.detail).join(' | ');
  };

  it('a department user reads its department from reports_department_list, in order', async () => {
    for (const filter of [{}, { year: 2025 }, { status: 'draft' }]) {
      const p = await plan(actor({ roles: ['preparer'], departmentId: 'd1' }), filter);
      expect(p, JSON.stringify(filter)).toContain('USING COVERING INDEX reports_department_list');
      expect(p).not.toContain('TEMP B-TREE');
    }
  });

  it('绩效管理科 and 归口 reviewers read their bureau from reports_finance_list, in order', async () => {
    for (const a of [actor({ roles: ['perf_admin'] }), actor({ roles: ['reviewer'], sectionId: 's1' })]) {
      const p = await plan(a);
      expect(p, a.roles[0]).toContain('USING COVERING INDEX reports_finance_list');
      expect(p).not.toContain('TEMP B-TREE');
    }
  });
});
