// X6: the year hangs together. 报告日期 falls in the year after the evaluated year; a year-end report does
// not speak of "截至10月份" figures or of plans "争取12月底前完成" in the year it evaluates; no date in the
// text is later than the report date.
import type { RuleEnv } from './context';
import { allMatches } from '../matches';

const PARTIAL = /截[至止](?:(\d{4})年)?\s*(\d{1,2})\s*月(?:份|底|末|中旬|上旬|下旬)?/g;
const PLAN = /(争取|计划|预计|力争|拟于|将于)\s*(?:(\d{4})年)?\s*(\d{1,2})\s*月(?:底|末|份)?\s*(?:前|以前)?\s*(完成|实现|建成|办结)/g;
const PLAN_WORD = /争取|计划|预计|力争|拟于|将于/;
const FULL_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

export function reportYear(env: RuleEnv): void {
  const { year, cover } = env.report;
  if (!cover.reportDate) {
    env.add('X6', 'DATE.REPORT_MISSING', 'warning', 'cover.reportDate', '封面·报告日期未填写。');
    return;
  }
  if (year == null) return;
  const y = Number(cover.reportDate.slice(0, 4));
  if (y !== year + 1) {
    env.add('X6', 'DATE.REPORT_YEAR', 'warning', 'cover.reportDate', `封面·报告日期${cover.reportDate}不在评价年度（${year}年）的次年，请核实年度或日期。`);
  }
}

export function textDates(env: RuleEnv): void {
  const { year, cover } = env.report;
  if (year == null) return;
  for (const t of env.texts()) {
    if (t.kind === 'indicator' || t.kind === 'overview' && t.path === 'overview.duties' || !t.text.includes('月')) continue;
    if (t.text.includes('截')) for (const m of allMatches(PARTIAL, t.text)) {
      const y: number = m[1] ? Number(m[1]) : year;
      if (y === year && Number(m[2]) < 12) {
        env.add('X6', 'DATE.PARTIAL_YEAR', 'warning', t.path, `${t.place()}：“${m[0]}”是年中口径，年度自评报告应使用全年数据，疑似沿用了其他时期的材料。`);
      }
    }
    if (PLAN_WORD.test(t.text)) for (const m of allMatches(PLAN, t.text)) {
      const y: number = m[2] ? Number(m[2]) : year;
      if (y === year) {
        env.add('X6', 'DATE.STALE_PLAN', 'warning', t.path, `${t.place()}：“${m[0]}”是对${year}年内的计划，年度报告应写明实际完成情况。`);
      }
    }
    if (!cover.reportDate || !t.text.includes('日')) continue;
    for (const m of allMatches(FULL_DATE, t.text)) {
      const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      if (iso > cover.reportDate) {
        env.add('X6', 'DATE.AFTER_REPORT', 'warning', t.path, `${t.place()}：日期“${m[0]}”晚于报告日期${cover.reportDate}。`);
      }
    }
  }
}
