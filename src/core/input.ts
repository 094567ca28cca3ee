// What a person typed, checked beyond the shape the schema gives it (issue 13 §6): dates that are real
// calendar days, numbers within what the form allows, and text without control characters or Unicode
// noncharacters (U+0000, U+FFFE … break the exported DOCX/XLSX XML). Each problem names its place in the
// words of the form. The walk over text is iterative: a report is never too deep for it.
import { describePath } from './paths/path-label';
import { getAt, setAt } from './paths/report-paths';
import type { Report } from './model/report';

export interface InputProblem {
  path: string;
  message: string;
}

/** A real day of the Gregorian calendar, written YYYY-MM-DD, within 1990–2100. */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

// C0 controls but tab, newline, carriage return; DEL; C1 controls; noncharacters; lone surrogates
const BAD_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const LIMITS: Array<{ test: RegExp; min: number; max: number; what: string }> = [
  { test: /^performance\.indicators\[\d+\]\.(weight|score)$/, min: 0, max: 100, what: '分值和得分' },
  { test: /^scoreSheet\[\d+\]\.score$/, min: 0, max: 100, what: '评分表得分' },
  { test: /^scoreSheet\[\d+\]\.violations$/, min: 0, max: 10_000, what: '违规次数' },
  { test: /^overview\.(staffQuota|actualStaff)$/, min: 0, max: 1_000_000, what: '人数' },
  { test: /^basics\.lateSpecialFunds$/, min: 0, max: 100_000, what: '项数' },
  { test: /^performance\.selfScore$/, min: 0, max: 100, what: '综合得分' },
];

/** Problems of a parsed Report (the schema already holds its shape); empty when it is fine. At most `max` of them. */
export function reportInputProblems(report: Report, max = 50): InputProblem[] {
  const out: InputProblem[] = [];
  const add = (path: string, what: string) => out.push({ path, message: `${describePath(report, path)}：${what}` });
  const dates: Array<[string, string | null]> = [
    ['cover.reportDate', report.cover.reportDate],
    ...(['leader', 'department', 'finance'] as const).map((k): [string, string | null] => [`signoffs.${k}.date`, report.signoffs[k].date]),
  ];
  for (const [path, value] of dates) if (value != null && !isRealDate(value)) add(path, `“${value}”不是有效日期，应为 1990–2100 年间真实存在的日期，如 2022-06-21`);

  // one iterative pass over every leaf: numbers against their limits, text against bad characters
  const stack: Array<[unknown, string]> = [[report, '']];
  while (stack.length > 0 && out.length < max) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (BAD_CHAR.test(value)) add(path, '含有无法保存或导出的控制字符（如从网页或其他软件复制时带入的不可见字符），请删除后重新输入');
    } else if (typeof value === 'number') {
      const rule = LIMITS.find((l) => l.test.test(path));
      if (!Number.isFinite(value)) add(path, '不是有效的数字');
      else if (rule && (value < rule.min || value > rule.max)) add(path, `${rule.what}应在 ${rule.min}–${rule.max} 之间，当前为 ${value}`);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}[${i}]`]);
    } else if (value && typeof value === 'object') {
      // provenance is the importer's, not typed by a person
      const entries = Object.entries(value).filter(([k]) => !(path === '' && k === 'sources'));
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], path ? `${path}.${entries[i]![0]}` : entries[i]![0]]);
    }
  }
  return out.slice(0, max);
}

const STRIP = new RegExp(BAD_CHAR.source, 'g');

/**
 * An imported report made storable: bad characters removed, impossible dates and out-of-range numbers
 * cleared. Each repair is reported (the import shows them as diagnostics); nothing else changes.
 */
export function repairInput(report: Report): { report: Report; repairs: InputProblem[] } {
  const repairs = reportInputProblems(report, 500);
  let out = report;
  for (const p of repairs) {
    const v = getAt(out, p.path);
    out = setAt(out, p.path, typeof v === 'string' && !/date$/i.test(p.path) ? v.replace(STRIP, '') : null);
  }
  return { report: out, repairs };
}

/** One sentence for a list of problems, the first few named. */
export function inputProblemsMessage(problems: readonly InputProblem[], shown = 5): string {
  const more = problems.length > shown ? `；另有 ${problems.length - shown} 处` : '';
  return `报告内容有误：${problems.slice(0, shown).map((p) => p.message).join('；')}${more}`;
}
