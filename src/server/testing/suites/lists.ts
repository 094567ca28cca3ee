// Keyset paging of the report list: walking page after page gives exactly the visible reports, each once,
// in list order (year newest first and reports without a year last, department name, id), for every
// role and filter, with pages of any size; a cursor from another filter or a forged one behaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyReport } from '../../../core/model/report';
import { STATUSES } from '../../../core/workflow/index';
import { canSeeReport } from '../../auth/access';
import type { Actor } from '../../auth/actor';
import { insertReport } from '../../repositories/reports';
import type { Backend } from '../backends';
import { FIXTURE_USERS, json, makeTestApp, type TestApp } from '../harness';

interface Row { id: string; year: number | null; department_id: string; department_name: string; status: string; finance_since: string | null; bureau_id: string }

const NAMES = ['党群工作部', '党政办公室', '经济发展局', '应急管理局', 'A 部门', '教育局'];
const DEPTS: Array<[string, string, string | null]> = [['d1', 'b1', 'sec-a'], ['d2', 'b1', 'sec-a'], ['d3', 'b1', 'sec-e'], ['d9', 'b2', 'sec-x']];

const order = (a: Row, b: Row) =>
  (a.year == null ? 1 : 0) - (b.year == null ? 1 : 0) || (b.year ?? 0) - (a.year ?? 0) ||
  (a.department_name < b.department_name ? -1 : a.department_name > b.department_name ? 1 : 0) || (a.id < b.id ? -1 : 1);

export function listsSuite(backend: Backend): void {
  describe(`report list paging (${backend.name})`, () => {
    let t: TestApp;
    const rows: Row[] = [];
    beforeAll(async () => {
      t = await makeTestApp(backend);
      const at = '2026-03-01T08:00:00.000Z';
      for (let i = 0; i < 150; i++) {
        const [dept, bureau, section] = DEPTS[i % DEPTS.length]!;
        void section;
        const status = STATUSES[(i * 3) % STATUSES.length]!;
        const row: Row = {
          id: `r-${String((i * 37) % 150).padStart(3, '0')}`, year: i % 9 === 0 ? null : 2022 + (i % 4), department_id: dept, bureau_id: bureau,
          // equal names across years and departments, so the id decides the order within them
          department_name: NAMES[(i * 5) % NAMES.length]!, status, finance_since: status === 'draft' || status === 'dept_review' ? null : at,
        };
        rows.push(row);
        await insertReport(t.db.kysely, t.db.dialect, {
          ...row, kind: 'overall', template_id: 'yueyang-overall', version: 1, document: emptyReport(), self_score: null, grade: '',
          import_meta: null, created_by: 'u-prep1', created_at: at, updated_by: 'u-prep1', updated_at: at,
        });
      }
    });
    afterAll(() => t.close());

    const actorOf = (handle: string): Actor => {
      const u = FIXTURE_USERS[handle]!;
      const dept = u.dept ? t.ids[u.dept]! : null;
      return { id: t.ids[handle]!, username: handle, displayName: handle, kind: u.kind, roles: u.roles, bureauId: u.bureau ? t.ids[u.bureau]! : dept === 'd9' ? 'b2' : 'b1', departmentId: dept, sectionId: u.section ? t.ids[u.section]! : null, ip: '' };
    };
    const sectionOf = (dept: string) => DEPTS.find((d) => d[0] === dept)![2];

    it('walks every page of every role and filter: each visible report once, in order', async () => {
      for (const handle of ['prep1', 'head1', 'revA', 'revE', 'perf', 'perf2']) {
        const cookie = await t.login(handle);
        const actor = actorOf(handle);
        for (const query of ['', 'year=2024', 'status=submitted', 'year=2023&status=accepted', 'year=2019']) {
          const params = new URLSearchParams(query);
          const expected = rows
            .filter((r) => canSeeReport(actor, { ...r, department_section_id: sectionOf(r.department_id) }))
            .filter((r) => !params.get('year') || r.year === Number(params.get('year')))
            .filter((r) => !params.get('status') || r.status === params.get('status'))
            .sort(order)
            .map((r) => r.id);
          if (query === '') expect(expected.length, handle).toBeGreaterThan(handle === 'perf2' ? 5 : 15);
          for (const limit of [1, 7, 1000]) {
            const got: string[] = [];
            let after: string | null = null;
            for (let pages = 0; pages < 200; pages++) {
              const res = await t.call(cookie, 'GET', `/api/reports?${query}&limit=${limit}${after ? `&after=${after}` : ''}`);
              expect(res.statusCode, res.body).toBe(200);
              const page = json<{ items: Array<{ id: string }>; next: string | null }>(res);
              expect(page.items.length).toBeLessThanOrEqual(limit);
              got.push(...page.items.map((i) => i.id));
              after = page.next;
              if (!after) break;
            }
            expect(got, `${handle} ${query} limit ${limit}`).toEqual(expected);
          }
        }
      }
    }, 120_000);

    it('a cursor of the unfiltered list continues a year-filtered one where that year comes; a forged cursor is a 400', async () => {
      const cookie = await t.login('perf');
      const all = json(await t.call(cookie, 'GET', '/api/reports?limit=3'));
      const [first] = all.items as Array<{ year: number }>;
      const sameYear = json(await t.call(cookie, 'GET', `/api/reports?year=${first!.year}&limit=1000`)).items.map((i: { id: string }) => i.id);
      const fromCursor = json(await t.call(cookie, 'GET', `/api/reports?year=${first!.year}&limit=1000&after=${all.next}`)).items.map((i: { id: string }) => i.id);
      expect(fromCursor).toEqual(sameYear.slice(3));
      expect(json(await t.call(cookie, 'GET', `/api/reports?year=${first!.year + 1}&after=${all.next}`)).items).toEqual([]);
      for (const bad of ['x', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
        const res = await t.call(cookie, 'GET', `/api/reports?after=${bad}`);
        expect(res.statusCode).toBe(400);
        expect(json(res).error.message).toContain('游标');
      }
    });
  });
}
