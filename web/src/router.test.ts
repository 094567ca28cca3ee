import { describe, expect, it } from 'vitest';
import { linkOf } from './components/bureau/InboxBell';
import { parseRoute, routePath } from './router';

describe('routes of the bureau pages', () => {
  it('parses and prints tasks and 整改 notices, ids escaped', () => {
    expect(parseRoute('/tasks')).toEqual({ name: 'tasks' });
    expect(parseRoute('/tasks/a%2Fb')).toEqual({ name: 'task', id: 'a/b' });
    expect(parseRoute('/rectifications/')).toEqual({ name: 'rectifications' });
    expect(parseRoute('/rectifications/n1')).toEqual({ name: 'rectification', id: 'n1' });
    expect(routePath({ name: 'task', id: 'a/b' })).toBe('/tasks/a%2Fb');
    expect(parseRoute('/tasks/x/y')).toEqual({ name: 'notFound' });
  });

  it('turns a 待办 into the page it is about', () => {
    const item = (type: 'report' | 'reports' | 'rectification' | 'task', id: string) => ({ kind: 'fill' as const, title: '', detail: '', link: { type, id } });
    expect(linkOf(item('report', 'r 1'))).toBe('/reports/r%201');
    expect(linkOf(item('reports', ''))).toBe('/reports');
    expect(linkOf(item('rectification', 'n'))).toBe('/rectifications/n');
    expect(linkOf(item('task', 't'))).toBe('/tasks/t');
  });
});
