// A fresh bureau for the whole-year browser test: five departments under one 归口科室, a 绩效管理科 user,
// a reviewer, and a preparer and a head in every department (password as in pages.ts), plus a small
// HTTP client to do by API what the other departments do while the test watches one in the browser.
import { argon2Hasher } from '../../../src/server/auth/password';
import type { Db } from '../../../src/server/db/schema';
import { insertBureau, insertDepartment, insertSection } from '../../../src/server/repositories/org';
import { insertUser } from '../../../src/server/repositories/users';
import type { Role } from '../../../src/core/workflow/index';
import { PASSWORD } from './pages';

export const DEPARTMENTS = [
  ['yd1', '党群工作部', '999236'],
  ['yd2', '党政办公室', '999201'],
  ['yd3', '应急管理局', '999250'],
  ['yd4', '水利局', '999260'],
  ['yd5', '交通运输局', '999261'],
] as const;

export async function seedBureau(db: Db): Promise<void> {
  const k = db.kysely;
  const at = new Date().toISOString();
  const hash = await argon2Hasher({ memoryCost: 4096, timeCost: 1, parallelism: 1 }).hash(PASSWORD);
  await insertBureau(k, { id: 'yb', name: '岳州市财政局', region: '岳州市', created_at: at });
  await insertSection(k, { id: 'ys', bureau_id: 'yb', name: '行政政法科', kind: 'counterpart', created_at: at });
  await insertSection(k, { id: 'yp', bureau_id: 'yb', name: '绩效管理科', kind: 'performance', created_at: at });
  for (const [id, name, code] of DEPARTMENTS) await insertDepartment(k, { id, bureau_id: 'yb', name, budget_code: code, parent_id: null, section_id: 'ys', created_at: at });
  const user = (username: string, name: string, roles: Role[], where: { department?: string; section?: string }) =>
    insertUser(k, {
      id: `u-${username}`, username, display_name: name, kind: 'business', password_hash: hash, bureau_id: 'yb', department_id: where.department ?? null, section_id: where.section ?? null,
      disabled: 0, failed_count: 0, locked_until: null, password_changed_at: at, created_at: at, updated_at: at,
    }, roles);
  await user('y-perf', '周绩效', ['perf_admin'], { section: 'yp' });
  await user('y-rev', '陈科长', ['reviewer'], { section: 'ys' });
  for (const [i, [id, name]] of DEPARTMENTS.entries()) {
    await user(`y-prep${i + 1}`, `${name}填报人`, ['preparer'], { department: id });
    await user(`y-head${i + 1}`, `${name}负责人`, ['head'], { department: id });
    await user(`y-lead${i + 1}`, `${name}组长`, ['leader'], { department: id });
  }
}

/** The API as a signed-in user, over real HTTP. */
export async function apiAs(base: string, username: string) {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const r = await fetch(`${base}${path}`, { method, headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}
