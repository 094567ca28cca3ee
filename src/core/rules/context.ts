// What every rule sees: the report, the template's options, and a place to put findings.
import { toleranceFen, wanToFen } from '../money';
import { FINANCE_TABLES } from '../model/layout';
import { indicatorPath, listPath, parentPath } from './paths';
import { indicatorPlace } from './where';
import type { FinanceTableKey } from '../model/report';
import type { Finding, Severity } from '../model/finding';
import type { Report } from '../model/report';
import type { Template, TemplateOptions } from '../model/template';
import type { PriorYear } from '../library/prior-year';

export interface RuleEnv {
  report: Report;
  template: Template;
  options: TemplateOptions;
  /** rounding tolerance for money identities, in 分 */
  toleranceFen: number;
  findings: Finding[];
  add(rule: string, code: string, severity: Severity, path: string, message: string): void;
  /** the table's amounts in 分 (null for blank), parsed once per check */
  fen(table: FinanceTableKey): ReadonlyArray<Readonly<Record<string, number | null>>>;
  /** every free text of the report with its path and place, built once per check */
  texts(): readonly TextPart[];
  /** where indicator i is, in the words of the form (an indicator often has several findings) */
  indicatorPlace(i: number): string;
  /** the same department's report of the year before, when the caller has it (Q15) */
  priorYear?: PriorYear;
}

export interface TextPart {
  path: string;
  text: string;
  /** narrative, overview, qualitative or indicator */
  kind: 'narrative' | 'overview' | 'qualitative' | 'indicator';
  /** where it is, in the words of the form (built only when a finding needs it) */
  place(): string;
}

export function ruleEnv(report: Report, template: Template, priorYear?: PriorYear): RuleEnv {
  const findings: Finding[] = [];
  const fen = new Map<FinanceTableKey, Record<string, number | null>[]>();
  let texts: TextPart[] | null = null;
  const places: string[] = [];
  return {
    report,
    template,
    options: template.options,
    toleranceFen: toleranceFen(template.options.toleranceWan),
    findings,
    priorYear,
    add(rule, code, severity, path, message) {
      // the cell's own source, else its row's ("finance.income[1].total" → "finance.income[1]"); one
      // object shape for every finding, `source` undefined when unknown (JSON leaves it out)
      const source = report.sources[path] ?? report.sources[parentPath(path)];
      findings.push({ code, rule, severity, path, message, source });
    },
    indicatorPlace(i) {
      return (places[i] ??= indicatorPlace(report.performance.indicators[i]!, i));
    },
    fen(table) {
      let rows = fen.get(table);
      if (!rows) {
        const cols = FINANCE_TABLES.find((t) => t.key === table)!.columns;
        rows = (report.finance[table] as unknown as Record<string, string | null>[]).map((r) => {
          const out: Record<string, number | null> = {};
          for (const c of cols) out[c.key] = wanToFen(r[c.key]);
          return out;
        });
        fen.set(table, rows);
      }
      return rows;
    },
    texts() {
      return (texts ??= collectTexts(report));
    },
  };
}

function collectTexts(r: Report): TextPart[] {
  const out: TextPart[] = r.narrative.map((s, i) => ({
    path: listPath('narrative', i, 'text'),
    text: s.text,
    kind: 'narrative' as const,
    place: () => `五、评价报告综述（文字部分）·${s.heading || '正文'}`,
  }));
  out.push(
    { path: 'overview.duties', text: r.overview.duties, kind: 'overview', place: () => '一、部门（单位）基本概况·职能职责概述' },
    { path: 'overview.achievements', text: r.overview.achievements, kind: 'overview', place: () => '一、部门（单位）基本概况·年度总体运行情况及取得的成绩' },
  );
  r.performance.qualitative.forEach((q, i) =>
    out.push({ path: listPath('performance.qualitative', i, 'result'), text: `${q.target}\n${q.result}`, kind: 'qualitative', place: () => `三、绩效自评情况·定性目标${i + 1}` }),
  );
  r.performance.indicators.forEach((x, i) =>
    out.push({ path: indicatorPath(i, 'name'), text: x.name, kind: 'indicator', place: () => `三、绩效自评情况·第${i + 1}项指标` }),
  );
  return out;
}

export type Rule = (env: RuleEnv) => void;
