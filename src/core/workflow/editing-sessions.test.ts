import { describe, expect, it } from 'vitest';
import { editingSessions } from './editing-sessions';

const at = (m: number) => new Date(Date.UTC(2026, 5, 20, 1, 0) + m * 60_000).toISOString();
const v = (version: number, action: string, user: string, minute: number) => ({ version, action, user_id: user, created_at: at(minute) });

describe('editingSessions', () => {
  it('folds a person’s autosaves into one line per session, keeping every other version apart', () => {
    const versions = [
      v(1, 'create', 'u1', 0),
      ...[2, 3, 4, 5, 6].map((n) => v(n, 'save', 'u1', n)), // typing, a save a minute
      v(7, 'save', 'u1', 30), // back after a 24-minute pause: a new session
      v(8, 'save', 'u2', 31), // someone else
      v(9, 'submit', 'u1', 32),
      v(10, 'save', 'u1', 33), // a save after a transition starts afresh
    ];
    const sessions = editingSessions(versions);
    expect(sessions.map((s) => [s.head.version, s.folded.map((f) => f.version)])).toEqual([
      [10, []],
      [9, []],
      [8, []],
      [7, []],
      [6, [5, 4, 3, 2]],
      [1, []],
    ]);
    // nothing is lost: every version is a head or folded under one
    expect(sessions.flatMap((s) => [s.head, ...s.folded]).map((x) => x.version).sort((a, b) => a - b)).toEqual(versions.map((x) => x.version));
  });

  it('takes the versions in any order and keeps a session together across its gap limit exactly', () => {
    const sessions = editingSessions([v(3, 'save', 'u1', 20), v(2, 'save', 'u1', 10), v(1, 'save', 'u1', 0)], 10);
    expect(sessions).toHaveLength(1);
    expect(editingSessions([v(2, 'save', 'u1', 11), v(1, 'save', 'u1', 0)], 10)).toHaveLength(2);
  });
});
