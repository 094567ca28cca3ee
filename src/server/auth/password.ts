// Password policy: the 等保 rules (DB-AUTH-1: ≥ 8 characters, ≥ 3 of 4 classes, configurable) plus what
// ASVS 6.2 adds — no common or breached password (a maintained list of ~49,000, @zxcvbn-ts/language-common,
// and a shipped list of Chinese ones), none built from the username or from this system's own words, no
// keyboard walk or run of one character. Hashing is argon2id.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hash, verify, type Options } from '@node-rs/argon2';
import type { PasswordPolicy, ServerConfig } from '../config';
import type { PasswordHasher } from '../deps';

const CLASSES: Array<[RegExp, string]> = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^A-Za-z0-9]/, '符号'],
];

let common: Set<string> | undefined;

/** The common-password lists, loaded on first use. */
function commonPasswords(): Set<string> {
  if (common) return common;
  const require = createRequire(import.meta.url);
  const maintained = require('@zxcvbn-ts/language-common/dist/passwords.json.cjs') as string[] | { default: string[] };
  const zh = readFileSync(new URL('./common-passwords-zh.txt', import.meta.url), 'utf8')
    .split('\n').map((l) => l.trim().toLowerCase()).filter((l) => l && !l.startsWith('#'));
  return (common = new Set([...(Array.isArray(maintained) ? maintained : maintained.default), ...zh]));
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '8': 'b', '3': 'e', '6': 'g', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't', '2': 'z' };
const deleet = (s: string) => s.replace(/[@483610!$572]/g, (c) => LEET[c] ?? c);

/** The forms of a password an attacker's list would try: as typed, without a year or "!" tacked on, de-leeted. */
function variants(password: string): string[] {
  const p = password.normalize('NFKC').toLowerCase();
  const core = p.replace(/[^a-z0-9]+$/, '');
  const stem = p.replace(/[\d\W_]+$/, '').replace(/^[\d\W_]+/, '');
  const out = new Set([p, core, stem, deleet(p), deleet(core), deleet(stem).replace(/[\d\W_]+$/, '')]);
  return [...out].filter((v) => v.length >= 4);
}

const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];

/** A run of ≥ 6 neighbouring keys or letters (either direction), e.g. 123456, qwerty, asdfgh, fedcba. */
function keyboardRun(password: string): boolean {
  const p = password.toLowerCase();
  for (const row of ROWS)
    for (const line of [row, [...row].reverse().join('')])
      for (let i = 0; i + 6 <= line.length; i++) if (p.includes(line.slice(i, i + 6))) return true;
  return false;
}

/** Chinese reasons the password is too weak; empty when it passes. */
export function passwordProblems(password: string, policy: Pick<PasswordPolicy, 'minLength' | 'minClasses'>, username?: string): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.minLength) problems.push(`密码长度至少 ${policy.minLength} 位`);
  const classes = CLASSES.filter(([re]) => re.test(password)).length;
  if (classes < policy.minClasses)
    problems.push(`密码须包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`);
  const folded = username?.normalize('NFKC').toLowerCase();
  if (folded && folded.length >= 3 && password.normalize('NFKC').toLowerCase().includes(folded)) problems.push('密码不能包含用户名');
  if (/^(.{1,4})\1+$/.test(password) || /(.)\1{3,}/.test(password)) problems.push('密码不能是简单重复的字符');
  if (keyboardRun(password)) problems.push('密码不能含有连续的键盘顺序或字母、数字顺序（如 123456、qwerty）');
  const list = commonPasswords();
  if (variants(password).some((v) => list.has(v))) problems.push('密码过于常见（在常用密码或泄露密码清单中），请换一个');
  return problems;
}

export function argon2Hasher(cost: ServerConfig['argon2']): PasswordHasher {
  // 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot import by name)
  const options: Options = { algorithm: 2, ...cost };
  return {
    hash: (password) => hash(password, options),
    verify: async (digest, password) => {
      try {
        return await verify(digest, password);
      } catch {
        return false;
      }
    },
  };
}

/** Usernames compare case-folded: NFKC (full-width → half-width) then lower case. */
export function foldUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}
