// X3: figures the narrative states ("部门支出规模85.33万元", "其中32.67万元是人员支出") must equal the tables.
import { wanToFen } from '../money';
import type { Report } from '../model/report';
import type { RuleEnv } from './context';
import { narrativePlace, wan } from './where';

interface Claim {
  label: string;
  /** label then amount */
  after: RegExp;
  /** amount then label ("32.67万元是人员支出") */
  before?: RegExp;
  value: (r: Report) => string | null;
}

// Comparisons with other years are not statements of this year's figure.
const NOT_THIS_YEAR = '(?<!上年|去年|上一年|同比|较上年|比上年|上年度)';
const NUM = '(\\d{1,9}(?:\\.\\d{1,6})?)\\s*万元';
const summary = <K extends keyof Report['finance']>(r: Report, table: K, col: string): string | null => {
  const rows = r.finance[table] as unknown as Record<string, string | null>[];
  const row = rows.find((x) => x.kind === 'summary') ?? rows[0];
  return row?.[col] ?? null;
};

const CLAIMS: Claim[] = [
  { label: '支出合计', after: new RegExp(`${NOT_THIS_YEAR}(?:部门支出规模|支出规模|支出总额|总支出|支出合计|全年支出|年度支出)(?:为|共|是|达)?\\s*${NUM}`), value: (r) => summary(r, 'expenditure', 'total') },
  { label: '基本支出', after: new RegExp(`${NOT_THIS_YEAR}基本支出(?:资金|经费)?(?:为|共|是)?\\s*${NUM}`), value: (r) => summary(r, 'expenditure', 'basic') },
  { label: '人员支出', after: new RegExp(`${NOT_THIS_YEAR}人员(?:支出|经费)(?:为|共|是)?\\s*${NUM}`), before: new RegExp(`${NUM}(?:是|为|用于)?人员支出`), value: (r) => summary(r, 'expenditure', 'personnel') },
  { label: '公用支出', after: new RegExp(`${NOT_THIS_YEAR}公用(?:支出|经费)(?:为|共|是)?\\s*${NUM}`), before: new RegExp(`${NUM}(?:是|为|用于)?公用支出`), value: (r) => summary(r, 'expenditure', 'public') },
  { label: '项目支出', after: new RegExp(`${NOT_THIS_YEAR}项目支出(?:资金|经费)?(?:为|共|是)?\\s*${NUM}`), value: (r) => summary(r, 'expenditure', 'project') },
  { label: '收入合计', after: new RegExp(`${NOT_THIS_YEAR}(?:收入合计|总收入|收入总额|全年收入|年度收入)(?:为|共|是|达)?\\s*${NUM}`), value: (r) => summary(r, 'income', 'total') },
  { label: '三公经费', after: new RegExp(`${NOT_THIS_YEAR}[“"]?三公[”"]?经费(?:支出)?(?:合计|共|为|总额|是)?\\s*${NUM}`), value: (r) => summary(r, 'threePublic', 'total') },
];

export function narrativeAmounts(env: RuleEnv): void {
  const { report } = env;
  report.narrative.forEach((section, i) => {
    const seen = new Set<string>();
    for (const claim of CLAIMS) {
      const table = claim.value(report);
      const tableFen = wanToFen(table);
      if (tableFen == null) continue;
      for (const re of [claim.after, claim.before]) {
        if (!re) continue;
        const g = new RegExp(re.source, 'g');
        for (const m of section.text.matchAll(g)) {
          const stated = wanToFen(m[1]!);
          const key = `${claim.label}:${m[1]}`;
          if (stated == null || seen.has(key)) continue;
          seen.add(key);
          if (Math.abs(stated - tableFen) > env.toleranceFen) {
            env.add('X3', 'NARR.AMOUNT_MISMATCH', 'warning', `narrative[${i}].text`, `${narrativePlace(report, i)}：“${m[0]}”与收支表的${claim.label}${table}万元不一致（相差${wan(Math.abs(stated - tableFen))}万元）。`);
          }
        }
      }
    }
  });
}
