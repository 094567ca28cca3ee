// Password policy (等保 DB-AUTH-1: ≥ 8 characters, ≥ 3 of 4 classes, configurable) and argon2id hashing.
import { hash, verify, type Options } from '@node-rs/argon2';
import type { PasswordPolicy, ServerConfig } from '../config';
import type { PasswordHasher } from '../deps';

const CLASSES: Array<[RegExp, string]> = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^A-Za-z0-9]/, '符号'],
];

/** Chinese reasons the password is too weak; empty when it passes. */
export function passwordProblems(password: string, policy: PasswordPolicy, username?: string): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.minLength) problems.push(`密码长度至少 ${policy.minLength} 位`);
  const classes = CLASSES.filter(([re]) => re.test(password)).length;
  if (classes < policy.minClasses)
    problems.push(`密码须包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`);
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  if (/^(.{1,4})\1+$/.test(password)) problems.push('密码不能是简单重复的字符');
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
