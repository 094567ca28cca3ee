// 五、评价报告综述（文字部分）: the narrative, split at its six top-level headings (概况 · 支出管理及使用 ·
// 专项组织实施 · 整体支出绩效情况 · 存在问题 · 改进措施). Numbering in real reports is inconsistent
// ("三、…", "4、 …", "六、…"), so headings are found by their words, not their numbers.
import type { NarrativeKey, NarrativeSection } from '../../../core/model/report';
import type { MapContext } from './context';
import { SECTION } from './labels';
import { norm } from './normalize';

const HEADING = /^\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[、.．]\s*(.+)$/;

const KEYS: ReadonlyArray<[RegExp, NarrativeKey]> = [
  [/^部门(\(单位\))?(概况|基本情况)$|^单位概况$|^基本情况$/, 'overview'],
  [/整体支出管理及使用情况|支出管理及使用情况/, 'management'],
  [/专项组织实施情况|项目组织实施情况/, 'organization'],
  [/整体支出绩效情况|整体绩效情况/, 'performance'],
  [/存在(的)?(主要)?问题/, 'problems'],
  [/改进措施|有关建议|整改措施/, 'improvements'],
];

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
      ctx.source(`narrative[${sections.length}]`, { line: l.line });
      continue;
    }
    if (!current) {
      if (!l.text.trim()) continue;
      current = { key: 'other', heading: '', body: [] };
      ctx.source(`narrative[${sections.length}]`, { line: l.line });
    }
    current.body.push(l.text.trimEnd());
  }
  flush();
  ctx.report.narrative = sections;
  return at;
}
