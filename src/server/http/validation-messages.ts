// Validation messages in the project's own Chinese (issue 13 §6): what is wrong, in the words of the form,
// and where — section, table, row, column — never zod's own wording ("期望 int，实际接收 数字"). One global
// error map for every schema (a schema's own message still wins), and one way to turn issues under a
// report into messages that name the cell, used by the HTTP error handler and the save worker alike.
import { z } from 'zod';
import { describePath } from '../../core/paths/path-label';
import { formatPath } from '../../core/paths/report-paths';

const TYPE: Record<string, string> = {
  number: '数字', int: '整数', string: '文字', boolean: '是或否', array: '列表', object: '一组字段', date: '日期', null: '空值',
};

type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

/** The sentence for one issue, without where it is. */
export function issueMessage(iss: Issue): string {
  const i = iss as Record<string, unknown>;
  switch (iss.code) {
    case 'invalid_type':
      return i.input === undefined ? '不能为空' : `应填写${TYPE[String(i.expected)] ?? '正确的内容'}`;
    case 'too_big': {
      const max = String(i.maximum);
      if (i.origin === 'string') return `不能超过 ${max} 个字`;
      if (i.origin === 'array' || i.origin === 'set') return `不能超过 ${max} 项`;
      return i.inclusive === false ? `须小于 ${max}` : `不能大于 ${max}`;
    }
    case 'too_small': {
      const min = String(i.minimum);
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? '不能为空' : `至少 ${min} 个字`;
      if (i.origin === 'array' || i.origin === 'set') return `至少 ${min} 项`;
      return i.inclusive === false ? `须大于 ${min}` : `不能小于 ${min}`;
    }
    case 'invalid_format':
      return i.format === 'regex' ? '格式不正确' : `不是有效的${i.format === 'email' ? '电子邮箱' : i.format === 'url' ? '网址' : '格式'}`;
    case 'invalid_value':
      return Array.isArray(i.values) ? `须为 ${(i.values as unknown[]).map((v) => `“${String(v)}”`).join('、')} 之一` : '取值不正确';
    case 'not_multiple_of':
      return `须为 ${String(i.divisor)} 的整数倍`;
    case 'unrecognized_keys':
      return '含有不认识的字段';
    case 'invalid_union':
      return '内容不符合任何一种允许的形式';
    default:
      return typeof i.message === 'string' && /[\u4e00-\u9fff]/.test(i.message) ? i.message : '内容不正确';
  }
}

let installed = false;

/** Makes the project's messages zod's global error map (idempotent; the worker threads call it too). */
export function installProjectMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (iss) => issueMessage(iss) });
}

/** A report path ("finance.income[3].total") in the words of the form, or the whole report. */
export function placeOf(path: ReadonlyArray<PropertyKey>, report: Parameters<typeof describePath>[0] = null): string {
  const tokens = path.filter((t): t is string | number => typeof t === 'string' || typeof t === 'number');
  return tokens.length ? describePath(report, formatPath(tokens)) : '整份报告';
}

export interface FieldProblem {
  path: string;
  message: string;
}

/** Issues of a Report parse as messages that name the place: "二、收支情况 · 年度收入情况表 · 第3行 · 收入合计：不能大于 100". */
export function reportProblems(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, report: Parameters<typeof describePath>[0] = null): FieldProblem[] {
  return issues.map((iss) => {
    const tokens = iss.path.filter((t): t is string | number => typeof t === 'string' || typeof t === 'number');
    let place: string;
    try {
      place = placeOf(tokens, report);
    } catch {
      place = placeOf(tokens); // a malformed document: name the place without reading it
    }
    return { path: formatPath(tokens), message: `${place}：${iss.message}` };
  });
}
