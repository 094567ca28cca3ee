// Q12: text copied from another unit's report. Words that only make sense for a kind of unit ("校内" for a
// school, "患者" for a hospital, "本院" for a court or hospital) in a report of a unit of another kind.
import type { Report } from '../model/report';
import type { RuleEnv } from './context';
import { distinctMatches } from '../matches';
import { short } from './where';

interface Foreign {
  words: RegExp;
  /** the unit kinds for which these words are natural */
  belongs: RegExp;
  kind: string;
}

const FOREIGN: Foreign[] = [
  { words: /校内|全校|本校|我校|师生|教职工|在校生|校园/g, belongs: /学校|学院|大学|中学|小学|教育|幼儿园|职校|技校|党校|教体|教科/, kind: '学校' },
  { words: /患者|病人|门诊|住院|诊疗|医护人员|本院医/g, belongs: /医院|卫生|卫健|疾控|医疗|保健|中医|妇幼|血站/, kind: '医疗卫生单位' },
  { words: /本院|我院|全院/g, belongs: /院$|法院|检察院|医院|学院|研究院|设计院|科学院|剧院|福利院|敬老院/, kind: '“院”类单位' },
  { words: /服刑人员|罪犯|监区/g, belongs: /监狱|司法|戒毒|公安|看守/, kind: '监管场所' },
  { words: /我局|本局|全局干部/g, belongs: /局/, kind: '“局”类单位' },
  { words: /我委|本委/g, belongs: /委员会|委$|委\b|办$|发改|卫健|教体/, kind: '“委”类单位' },
];

function unitText(r: Report): string {
  return `${r.cover.departmentName} ${r.overview.duties}`;
}

/** Any foreign word at all: one pass decides whether the per-kind checks need to run. */
const ANY = new RegExp(FOREIGN.map((f) => f.words.source).join('|'));

export function copiedText(env: RuleEnv): void {
  const r = env.report;
  if (!r.cover.departmentName.trim()) return;
  const all = env.texts().filter((t) => ANY.test(t.text));
  if (!all.length) return;
  const unit = unitText(r);
  for (const f of FOREIGN) {
    if (f.belongs.test(r.cover.departmentName) || (f.kind !== '“局”类单位' && f.belongs.test(unit))) continue;
    for (const t of all) {
      const hits = distinctMatches(f.words, t.text);
      if (!hits.length) continue;
      const m = f.words.exec(t.text);
      f.words.lastIndex = 0;
      const around = m ? t.text.slice(Math.max(0, m.index - 6), m.index + m[0].length + 8) : hits[0]!;
      env.add('Q12', 'TEXT.FOREIGN_CONTEXT', 'warning', t.path, `${t.place()}：“${short(around, 30)}”中的“${hits.join('、')}”是${f.kind}的说法，与${r.cover.departmentName}不符，疑似从其他单位的报告复制。`);
    }
  }
}

// Template instructions and placeholders left in the text: the form was copied but not filled in.
const PLACEHOLDER = /[×ＸX]{2,}(?:局|单位|部门|年|万元|项)?|（\s*\d+\s*字以内\s*）|\(\s*\d+\s*字以内\s*\)|此处填写|请填写|对照年度目标，说明|根据部门实际进行调整细化|(?:说明|分析)[^。]{0,20}的(?:完成情况|原因)[（(]\d+字以内[)）]/;

export function placeholders(env: RuleEnv): void {
  for (const t of env.texts()) {
    const m = PLACEHOLDER.exec(t.text);
    if (m) env.add('Q12', 'TEXT.PLACEHOLDER', 'warning', t.path, `${t.place()}：仍有模板占位或填写说明“${short(m[0], 30)}”，内容未按本单位实际填写。`);
  }
}
