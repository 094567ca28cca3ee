import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_LABEL, AUDIT_OBJECT_LABEL, auditEventLabel } from './events';

// every event and object type the server writes, read off its source: a new event without a name fails here
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'testing' ? [] : sources(p);
    return n.endsWith('.ts') && !n.endsWith('.test.ts') ? [p] : [];
  });
}
const text = sources('src/server').map((p) => readFileSync(p, 'utf8')).join('\n');

describe('audit event names', () => {
  it('names every event the server audits, the transitions and org changes included', () => {
    const literal = [...text.matchAll(/event: ([^,;}\n]+)/g)].flatMap((m) => [...`: ${m[1]!}`.matchAll(/[?:] '([a-z_]+)'/g)].map((x) => x[1]!));
    const events = new Set(literal);
    for (const t of ['bureau', 'section', 'department']) events.add(`org_${t}_change`);
    expect(events.size).toBeGreaterThan(50);
    expect([...events].filter((e) => !(e in AUDIT_EVENT_LABEL))).toEqual([]);
    expect(auditEventLabel('report_submit')).toBe('提交部门审核');
    expect(auditEventLabel('report_restore')).toBe('恢复旧版本');
    expect(auditEventLabel('no_such_event')).toBe('no_such_event');
  });

  it('names every object type', () => {
    const types = new Set([...text.matchAll(/objectType: '([a-z_]+)'/g)].map((m) => m[1]!));
    expect(types.has('report')).toBe(true);
    expect([...types].filter((t) => !(t in AUDIT_OBJECT_LABEL))).toEqual([]);
  });
});
