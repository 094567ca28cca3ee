// 五、评价报告综述（文字部分）: the narrative, split at its six top-level headings (概况 · 支出管理及使用 ·
// 专项组织实施 · 整体支出绩效情况 · 存在问题 · 改进措施). Numbering in real reports is inconsistent
// ("三、…", "4、 …", "六、…"), so headings are found by their words, not their numbers.
import type { NarrativeKey, NarrativeSection } from '../../../core/model/report';
import type { MapContext } from './context';
import { alt, IMPORT_FORM, SECTION } from './labels';
import { norm } from './normalize';
import { itemPath } from '../../../core/rules/paths';

const HEADING = /^\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[、.．]\s*(.+)$/;

// The form's parts, each by the wordings its heading takes: the whole heading (after the number) or a
// phrase it contains.
const KEYS: ReadonlyArray<[RegExp, NarrativeKey]> = IMPORT_FORM.narrative
  .filter((p) => p.exact.length || p.contains.length)
  .map((p) => [new RegExp([p.exact.length ? `^(${alt(p.exact)})$` : '', p.contains.length ? `(${alt(p.contains)})` : ''].filter(Boolean).join('|')), p.key]);

export function headingKey(line: string): NarrativeKey | null {
  const m = HEADING.exec(line);
  if (!m || m[2]!.length > 30) return null;
  const n = norm(m[2]!);
  return KEYS.find(([re]) => re.test(n))?.[1] ?? null;
}

export function mapNarrative(ctx: MapContext): number {
  const at = ctx.find(SECTION.narrative);
  if (at < 0) return -1;
  const lines: { text: string; line: number }[] = [];
  const marker = ctx.tokens[at]!;
  ctx.use(at);
  const base = marker.loc.line ?? 0;
  marker.text.split('\n').slice(1).forEach((text, k) => lines.push({ text, line: base + k + 1 }));
  for (let i = at + 1; i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i]!;
    if (ctx.isUsed(i) || t.text === '') continue;
    ctx.use(i);
    const l0 = t.loc.line ?? 0;
    t.text.split('\n').forEach((text, k) => lines.push({ text, line: l0 + k }));
  }
  const sections: NarrativeSection[] = [];
  let current: { key: NarrativeKey; heading: string; body: string[] } | null = null;
  const flush = () => {
    if (current) sections.push({ key: current.key, heading: current.heading, text: current.body.join('\n').trim() });
  };
  for (const l of lines) {
    const key = headingKey(l.text);
    if (key) {
      flush();
      current = { key, heading: l.text.trim(), body: [] };
      ctx.source(itemPath('narrative', sections.length), { line: l.line });
      continue;
    }
    if (!current) {
      if (!l.text.trim()) continue;
      current = { key: 'other', heading: '', body: [] };
      ctx.source(itemPath('narrative', sections.length), { line: l.line });
    }
    current.body.push(l.text.trimEnd());
  }
  flush();
  ctx.report.narrative = sections;
  return at;
}
