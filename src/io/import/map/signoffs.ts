// 四、评价人员 and the sign-offs: the evaluators table, 评价组组长, 部门（单位）意见 with its 负责人,
// 财政部门归口业务科室意见 with its 负责人, each with a "年 月 日" line; and 填报人 / 联系电话.

import { field } from '../../../core/forms/index';
import type { MapContext } from './context';
import { COVER, IMPORT_FORM, SIGNOFF } from './labels';
import { label } from './classify';
import { afterLabel, PINYIN_GLOSS } from './normalize';
import { toSimplifiedAligned } from './simplified';
import { BLANK_DATE_LINE, parseDate } from './values';
import { itemPath } from '../../../core/rules/paths';

export function mapEvaluators(ctx: MapContext, from: number, to: number): void {
  const at = ctx.find(SIGNOFF.evaluatorHeader, from, to);
  if (at < 0) return;
  const header = ctx.rowOf(at);
  for (const h of header) ctx.use(h.index);
  const width = Math.max(header.length, 3);
  const stop = ctx.find(SIGNOFF.leader, at, to);
  const end = stop < 0 ? to : stop;
  const first = header.at(-1)!.index + 1;
  if (ctx.tokens[at]!.row >= 0) {
    for (let r = ctx.tokens[at]!.row + 1; ctx.rows.has(r); r++) {
      const cells = ctx.rows.get(r)!.map((i) => ctx.tokens[i]!);
      if (cells[0]!.index >= end || cells[0]!.block !== ctx.tokens[at]!.block || ctx.isUsed(cells[0]!.index)) break;
      if (cells.every((c) => c.text === '')) continue;
      addEvaluator(ctx, cells.map((c) => c.text.trim()), cells[0]!.loc);
      for (const c of cells) ctx.use(c.index);
    }
    return;
  }
  // Without rows, values come in groups of the header's width.
  const values = ctx.tokens.slice(first, end).filter((t) => t.text !== '' && !ctx.isUsed(t.index));
  for (let k = 0; k < values.length; k += width) {
    const group = values.slice(k, k + width);
    addEvaluator(ctx, group.map((t) => t.text.trim()), group[0]!.loc);
    for (const t of group) ctx.use(t.index);
  }
}

function addEvaluator(ctx: MapContext, cells: string[], loc: { line?: number }): void {
  const k = ctx.report.evaluators.push({ name: cells[0] ?? '', title: cells[1] ?? '', unit: cells[2] ?? '', signature: cells[3] ?? '' }) - 1;
  ctx.source(itemPath('evaluators', k), loc);
}

type Block = 'leader' | 'department' | 'finance';

export function mapSignoffs(ctx: MapContext, from: number, to: number): void {
  const s = ctx.report.signoffs;
  let block: Block | null = null;
  let field: 'opinion' | 'signer' = 'signer';
  const opinion: Record<Block, string[]> = { leader: [], department: [], finance: [] };
  const set = (b: Block, f: 'opinion' | 'signer', v: string) => {
    if (f === 'signer') s[b].signer = v;
    else if (v) opinion[b].push(v);
  };
  // Line by line: a Word cell may hold the opinion, the 负责人（签章） label and the date line together.
  const readLine = (raw: string, loc: { line?: number }) => {
    const v = raw.trim();
    if (!v) return;
    const roles = label(v).roles;
    const found = matchLabel(roles);
    if (found) {
      block = found.block;
      field = found.field;
      set(block, field, afterLabel(v, found.re) ?? '');
      ctx.source(`signoffs.${block}`, loc);
      return;
    }
    if (roles.includes(COVER.preparer)) {
      readPreparer(ctx, v, loc);
      return;
    }
    if (!block) return;
    if (BLANK_DATE_LINE.test(v) || parseDate(v)) {
      const d = parseDate(v);
      if (d) s[block].date = d;
      ctx.source(`signoffs.${block}.date`, loc);
      return;
    }
    set(block, field === 'signer' && s[block].signer ? 'opinion' : field, v);
  };
  for (let i = from; i < to; i++) {
    const t = ctx.tokens[i]!;
    if (ctx.isUsed(i) || t.text === '') continue;
    if (!block && !matchLabel(t.roles) && !t.roles.includes(COVER.preparer)) continue;
    ctx.use(i);
    const base = t.loc.line;
    t.text.split('\n').forEach((l, k) => readLine(l, base != null ? { line: base + k } : t.loc));
  }
  // Only blocks this parser read: a workbook's sign-off grid has already filled the others.
  for (const b of ['leader', 'department', 'finance'] as const) if (opinion[b].length) s[b].opinion = opinion[b].join('\n');
}

function matchLabel(roles: readonly RegExp[]): { block: Block; field: 'opinion' | 'signer'; re: RegExp } | null {
  if (roles.length === 0) return null;
  const has = (re: RegExp) => roles.includes(re);
  if (has(SIGNOFF.leader)) return { block: 'leader', field: 'signer', re: SIGNOFF.leader };
  if (has(SIGNOFF.departmentSigner)) return { block: 'department', field: 'signer', re: SIGNOFF.departmentSigner };
  if (has(SIGNOFF.departmentOpinion)) return { block: 'department', field: 'opinion', re: SIGNOFF.departmentOpinion };
  if (has(SIGNOFF.financeSigner)) return { block: 'finance', field: 'signer', re: SIGNOFF.financeSigner };
  if (has(SIGNOFF.financeOpinion)) return { block: 'finance', field: 'opinion', re: SIGNOFF.financeOpinion };
  return null;
}

// the phone's label after the name (the form's words, or a bare 电话), with the pinyin glosses a web copy
// may print after any of its characters
const GLOSS = `(?:${PINYIN_GLOSS})?`;
const phone = field(IMPORT_FORM, 'preparer.phone');
const PREPARER_PHONE = new RegExp(`(?:${[phone.label, ...phone.aliases, '电话'].map((w) => Array.from(w).join(GLOSS) + GLOSS).join('|')})\\s*[:：]?\\s*`);

/** "填报人（签名）：张三        联系电话：1234" on one line. */
function readPreparer(ctx: MapContext, text: string, loc: { line?: number }): void {
  const after = afterLabel(text, COVER.preparer) ?? '';
  // found on the simplified line, cut from the printed one (positions are the same)
  const m = PREPARER_PHONE.exec(toSimplifiedAligned(after));
  ctx.report.preparer.name = (m ? after.slice(0, m.index) : after).trim();
  ctx.report.preparer.phone = (m ? after.slice(m.index + m[0].length) : '').trim();
  ctx.source('preparer.name', loc);
}

