// Plain-text output for people: findings with where they are, the score with every deduction, a summary table.
import type { Finding } from '../core/model/finding';
import { SEVERITY_LABEL } from '../core/model/finding';
import type { Scorecard } from '../core/model/score';

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) ? 2 : 1;
  }
  return w;
}

export function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

function clip(s: string, w: number): string {
  if (width(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > w - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function formatFindings(findings: readonly Finding[]): string {
  const lines: string[] = [];
  for (const f of findings) {
    const where = f.source?.line ? `（第${f.source.line}行）` : f.source?.table ? `（第${f.source.table}个表格）` : '';
    lines.push(`  [${SEVERITY_LABEL[f.severity]}] ${f.message}${where}`);
    lines.push(`         ${f.code} · ${f.path || '整份报告'}`);
  }
  return lines.join('\n');
}

export function formatScore(card: Scorecard): string {
  const lines = [`评分（${card.templateName}）`];
  const claimed = card.claimed.score != null ? `报告自评${card.claimed.score}分${card.claimed.grade ? `（${card.claimed.grade}）` : ''}` : '报告未填自评得分';
  if (card.total != null) lines.push(`  综合得分：${card.total}分（${card.grade ?? '—'}）；${claimed}`);
  else lines.push(`  综合得分：无法完整计算——评分表中可由报告数据计算的${card.computable.weight}分，得${card.computable.score}分；${claimed}`);
  const status = { scored: '', insufficient: '数据不足', unknown: '待确认', notApplicable: '不适用' } as const;
  for (const item of card.items) {
    const got = item.status === 'scored' ? `${item.score}/${item.weight}` : `${status[item.status]}/${item.weight}`;
    lines.push(`  ${pad(clip(item.name, 24), 24)} ${pad(got, 12, true)}  ${clip(item.explanation, 90)}`);
  }
  return lines.join('\n');
}

export interface SummaryRow {
  file: string;
  unit: string;
  year: string;
  errors: number;
  warnings: number;
  infos: number;
  selfScore: string;
  computable: string;
}

export function formatSummary(rows: readonly SummaryRow[]): string {
  const head: SummaryRow = { file: '文件', unit: '单位', year: '年度', errors: 0, warnings: 0, infos: 0, selfScore: '自评', computable: '可计算' };
  const cells = (r: SummaryRow, isHead: boolean) => [
    clip(r.file, 36),
    clip(r.unit, 20),
    r.year,
    isHead ? '错误' : String(r.errors),
    isHead ? '警告' : String(r.warnings),
    isHead ? '提示' : String(r.infos),
    r.selfScore,
    r.computable,
  ];
  const all = [cells(head, true), ...rows.map((r) => cells(r, false))];
  const widths = all[0]!.map((_, c) => Math.max(...all.map((row) => width(row[c]!))));
  return all.map((row) => row.map((v, c) => pad(v, widths[c]!, c >= 3)).join('  ')).join('\n');
}
