// X3: figures the narrative states ("部门支出规模85.33万元", "其中32.67万元是人员支出") must equal the tables.
import { wanToFen } from '../money';
import { columnName, type FormDescriptor, table } from '../forms/index';
import type { Report } from '../model/report';
import type { RuleEnv } from './context';
import { narrativePlace, wan } from './where';

interface Claim {
  /** the table cell it must equal: its column's name is the message's */
  label: (form: FormDescriptor) => string;
  /** the words that name it in prose, anchored */
  words: RegExp;
  value: (r: Report) => string | null;
}

const summary = <K extends keyof Report['finance']>(r: Report, table: K, col: string): string | null => {
  const rows = r.finance[table] as unknown as Record<string, string | null>[];
  const row = rows.find((x) => x.kind === 'summary') ?? rows[0];
  return row?.[col] ?? null;
};

const column = (table: keyof Report['finance'], col: string) => (form: FormDescriptor) => columnName(form, table, col).replace(/^.*·/, '');

// The words are how prose names a figure, not the form's labels: they stay the checker's own.
const CLAIMS: Claim[] = [
  { label: column('expenditure', 'total'), words: /^(部门支出规模|支出规模|支出总额|总支出|支出合计|全年支出|年度支出)$/, value: (r) => summary(r, 'expenditure', 'total') },
  { label: column('expenditure', 'basic'), words: /^基本支出$/, value: (r) => summary(r, 'expenditure', 'basic') },
  { label: column('expenditure', 'personnel'), words: /^人员(支出|经费)$/, value: (r) => summary(r, 'expenditure', 'personnel') },
  { label: column('expenditure', 'public'), words: /^公用(支出|经费)$/, value: (r) => summary(r, 'expenditure', 'public') },
  { label: column('expenditure', 'project'), words: /^项目支出$/, value: (r) => summary(r, 'expenditure', 'project') },
  { label: column('income', 'total'), words: /^(收入合计|总收入|收入总额|全年收入|年度收入)$/, value: (r) => summary(r, 'income', 'total') },
  { label: (form) => table(form, 'threePublic').def.name.replace(/表$/, ''), words: /^[“"]?三公[”"]?经费$/, value: (r) => summary(r, 'threePublic', 'total') },
];

// One pass per section: every label, then its amount; comparisons with other years are not this year's figure.
const NUM = '(\\d{1,9}(?:\\.\\d{1,6})?)\\s*万元';
const AFTER = new RegExp(
  `(?<!上年|去年|上一年|同比|较上年|比上年|上年度)(部门支出规模|支出规模|支出总额|总支出|支出合计|全年支出|年度支出|基本支出|人员支出|人员经费|公用支出|公用经费|项目支出|收入合计|总收入|收入总额|全年收入|年度收入|[“"]?三公[”"]?经费)(?:资金|经费|支出)?(?:合计|总额)?(?:为|共|是|达)?\\s*[:：]?\\s*${NUM}`,
  'g',
);
const BEFORE = new RegExp(`${NUM}(?:是|为|用于)?(人员支出|公用支出)`, 'g');
// Only the few places where "万元" stands are worth a look: the label and number sit just before it.
const AFTER_AT_END = new RegExp(`${AFTER.source}$`);
const BEFORE_AT_START = new RegExp(`^${BEFORE.source}`);
const NUMBER_BEFORE = /\d[\d.]*\s*$/;

export function narrativeAmounts(env: RuleEnv): void {
  const { report } = env;
  report.narrative.forEach((section, i) => {
    if (!section.text.includes('万元')) return;
    // a handful of amounts per section: a list compares the few keys, a Set would hash each new string
    const seen: string[] = [];
    const compare = (words: string, amount: string, phrase: string) => {
      const claim = CLAIMS.find((c) => c.words.test(words));
      if (!claim) return;
      const table = claim.value(report);
      const tableFen = wanToFen(table);
      const stated = wanToFen(amount);
      const label = claim.label(env.form);
      const key = `${label}:${amount}`;
      if (tableFen == null || stated == null || seen.includes(key)) return;
      seen.push(key);
      if (Math.abs(stated - tableFen) > env.toleranceFen) {
        env.add('X3', 'NARR.AMOUNT_MISMATCH', 'warning', `narrative[${i}].text`, `${narrativePlace(env.form, report, i)}：“${phrase}”与收支表的${label}${table}万元不一致（相差${wan(Math.abs(stated - tableFen))}万元）。`);
      }
    };
    const text = section.text;
    for (let p = text.indexOf('万元'); p >= 0; p = text.indexOf('万元', p + 2)) {
      const head = text.slice(Math.max(0, p - 48), p + 2);
      const after = AFTER_AT_END.exec(head);
      if (after) compare(after[1]!, after[2]!, after[0]);
      const num = NUMBER_BEFORE.exec(head.slice(0, -2));
      if (!num) continue;
      const before = BEFORE_AT_START.exec(text.slice(p - num[0].length, p + 9));
      if (before) compare(before[2]!, before[1]!, before[0]);
    }
  });
}
