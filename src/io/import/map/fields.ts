// Label → value: the value is written after the label on the same line ("预算编码：999236", "预算编码 YYX292"),
// in the next cell of the row (tables), or in the next paragraph (flattened tables without rows).
import type { Loc } from '../doc';
import type { MapContext } from './context';
import { COVER, OVERVIEW, PERFORMANCE, SECTION, SIGNOFF } from './labels';
import { afterLabel } from './normalize';

const ALL_LABELS: readonly RegExp[] = [
  ...Object.values(COVER).filter((re) => re !== COVER.issuer),
  ...Object.values(OVERVIEW),
  ...Object.values(SECTION),
  PERFORMANCE.qualitative,
  PERFORMANCE.quantitative,
  PERFORMANCE.selfScore,
  PERFORMANCE.grade,
  ...Object.values(SIGNOFF),
];

const LABEL_SET: ReadonlySet<RegExp> = new Set(ALL_LABELS);

export function isLabel(roles: readonly RegExp[]): boolean {
  for (const re of roles) if (LABEL_SET.has(re)) return true;
  return false;
}

export interface Labelled {
  value: string;
  loc: Loc;
  /** token index the value came from */
  at: number;
}

/** Reads the value for the label at token i (which must match re); marks what it used. */
export function readLabelled(ctx: MapContext, i: number, re: RegExp): Labelled {
  const t = ctx.tokens[i]!;
  ctx.use(i);
  const inline = afterLabel(t.text, re);
  if (inline) return { value: inline, loc: t.loc, at: i };
  if (t.row >= 0) {
    const row = ctx.rows.get(t.row)!;
    const next = row[t.col + 1];
    if (next === undefined) return { value: '', loc: t.loc, at: i };
    const nt = ctx.tokens[next]!;
    if (nt.text !== '' && isLabel(nt.roles)) return { value: '', loc: t.loc, at: i };
    ctx.use(next);
    return { value: nt.text.trim(), loc: nt.loc, at: next };
  }
  const j = ctx.nextNonEmpty(i);
  if (j < 0) return { value: '', loc: t.loc, at: i };
  const nt = ctx.tokens[j]!;
  if (isLabel(nt.roles) || ctx.isUsed(j)) return { value: '', loc: t.loc, at: i };
  ctx.use(j);
  return { value: nt.text.trim(), loc: nt.loc, at: j };
}

/** Finds the first unused token matching re within [from, to) and reads its value; null when absent. */
export function findLabelled(ctx: MapContext, re: RegExp, from = 0, to = ctx.tokens.length): Labelled | null {
  for (let i = ctx.find(re, from, to); i >= 0; i = ctx.find(re, i + 1, to)) {
    if (!ctx.isUsed(i)) return readLabelled(ctx, i, re);
  }
  return null;
}
