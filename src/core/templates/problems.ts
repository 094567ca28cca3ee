// What is wrong with template data, in Chinese, each problem at the JSON path it concerns, so that
// `jixiao templates check FILE` and the upload preview can name the line (io/templates/check-text.ts).
import type { z } from 'zod';

export type JsonPath = ReadonlyArray<string | number>;

export interface TemplateProblem {
  path: JsonPath;
  message: string;
}

/** "form.tables[1].columns[0]": the path as a person reads it in the file. */
export function pathText(path: JsonPath): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s || '（整个文件）';
}

/** "form.tables[1].identities[0]" → ['form', 'tables', 1, 'identities', 0]. */
export function parsePathText(text: string): JsonPath {
  const out: Array<string | number> = [];
  for (const m of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

const TYPE: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  object: '对象（{…}）',
  array: '数组（[…]）',
  undefined: '（缺少）',
  null: 'null',
  tuple: '数组（[…]）',
};

function received(v: unknown): string {
  if (v === undefined) return '缺少此项';
  if (v === null) return '实际为 null';
  if (Array.isArray(v)) return '实际为数组';
  return `实际为${TYPE[typeof v] ?? typeof v}`;
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let cur = root;
  for (const p of path) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/** One zod issue as Chinese text (zod's own wording is English, or clumsy in its zh-CN locale). */
function issueText(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const v = valueAt(input, issue.path as JsonPath);
      return v === undefined ? '缺少此项' : `应为${TYPE[issue.expected] ?? issue.expected}，${received(v)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `至少要有${issue.minimum}项`;
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少${issue.minimum}个字`;
      return `不能小于${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `最多${issue.maximum}项`;
      if (issue.origin === 'string') return `最多${issue.maximum}个字`;
      return `不能大于${issue.maximum}`;
    case 'invalid_value':
      return `应为 ${issue.values.map((v) => JSON.stringify(v)).join('、')} 之一`;
    case 'unrecognized_keys':
      return `未知的属性 ${issue.keys.map((k) => `“${k}”`).join('、')}（拼写错误，或本版本不支持）`;
    case 'invalid_format':
      return issue.message && !/^Invalid/.test(issue.message) ? issue.message : '格式不正确';
    case 'not_multiple_of':
      return `应为${issue.divisor}的整数倍`;
    default:
      return issue.message && !/^Invalid|^Expected/.test(issue.message) ? issue.message : '内容无效';
  }
}

/**
 * zod's issues as problems. A union (a form given inline or as "id@version") reports the branch that
 * matches the kind of value written, rather than both branches' complaints.
 */
export function zodProblems(error: z.ZodError, input: unknown, base: JsonPath = []): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const visit = (issues: readonly z.core.$ZodIssue[], prefix: JsonPath) => {
    for (const issue of issues) {
      const path = [...prefix, ...(issue.path as JsonPath)];
      if (issue.code === 'invalid_union' && issue.errors.length) {
        const v = valueAt(input, path);
        const branch = issue.errors.find((e) => e.length && !(e[0]!.code === 'invalid_type' && e[0]!.path.length === 0)) ?? issue.errors[0]!;
        if (branch.length === 0 || (typeof v !== 'object' && typeof v !== 'string')) out.push({ path, message: issueText(issue, input) });
        else visit(branch, path);
        continue;
      }
      out.push({ path, message: issueText({ ...issue, path: path as PropertyKey[] } as z.core.$ZodIssue, input) });
    }
  };
  visit(error.issues, base);
  return out;
}
