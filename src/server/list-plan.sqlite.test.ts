// The report lists are read from their covering indexes (migrations 0003, 0041), never from report rows,
// whose documents sit in overflow pages, and each page is a seek, never a scan from the first row:
// checked on SQLite's query plan for every range a keyset page can start in (bench/server-load.ts).
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from './auth/actor';
import { migrate } from './db/migrate';
import type { Db } from './db/schema';
import { listQuery, type ListRange } from './repositories/reports';
import { dutyStepsQuery } from './repositories/versions';
import { sqliteBackend } from './testing/backends';

const actor = (a: Partial<Actor>): Actor => ({ id: 'u', username: 'u', displayName: 'u', kind: 'business', roles: [], bureauId: 'b1', departmentId: null, sectionId: null, ip: '', ...a });

const RANGES: ListRange[] = [
  { years: 'any' },
  { years: 'one', year: 2025 },
  { years: 'one', year: 2025, after: ['党群工作部', 'x'] },
  { years: 'below', year: 2025 },
  { years: 'none', after: ['党群工作部', 'x'] },
];

describe('report list query plans (SQLite)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await sqliteBackend.open();
    await migrate(db);
  });
  afterAll(() => db.destroy());

  const plan = async (a: Actor, range: ListRange, status?: string) => {
    const q = listQuery(db.kysely, a, { status }, range, 51).compile();
    const rows = await db.kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]));
    return rows.rows.map((r) => r.detail).join(' | ');
  };

  it('a department user reads its department from reports_department_list, in order', async () => {
    for (const range of RANGES)
      for (const status of [undefined, 'draft']) {
        const p = await plan(actor({ roles: ['preparer'], departmentId: 'd1' }), range, status);
        expect(p, JSON.stringify([range, status])).toContain('USING COVERING INDEX reports_department_list');
        expect(p).not.toContain('TEMP B-TREE');
      }
  });

  it('绩效管理科 and 归口 reviewers seek their bureau in reports_finance_list, or reports_finance_status_list when filtered by status', async () => {
    for (const a of [actor({ roles: ['perf_admin'] }), actor({ roles: ['reviewer'], sectionId: 's1' })])
      for (const range of RANGES)
        for (const status of [undefined, 'submitted']) {
          const p = await plan(a, range, status);
          const what = JSON.stringify([a.roles[0], range, status]);
          expect(p, what).toMatch(status ? /USING COVERING INDEX reports_finance_status_list \(bureau_id=\? AND status=\?/ : /USING COVERING INDEX reports_finance_list \(bureau_id=\?/);
          if (range.years === 'one') expect(p, what).toMatch(/year=\?/);
          expect(p, what).not.toContain('TEMP B-TREE');
          if (a.roles[0] === 'reviewer') expect(p, what).toContain('USING COVERING INDEX departments_id_section');
        }
  });
});

describe('separation-of-duty steps query plan (SQLite)', () => {
  it('reads who took which step from report_versions_steps, never the version rows', async () => {
    const db = await sqliteBackend.open();
    try {
      await migrate(db);
      const q = dutyStepsQuery(db.kysely, 'r1').compile();
      const rows = await db.kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]));
      const p = rows.rows.map((r) => r.detail).join(' | ');
      expect(p).toMatch(/USING COVERING INDEX report_versions_steps \(report_id=\? AND action=\?\)/);
    } finally {
      await db.destroy();
    }
  });
});
