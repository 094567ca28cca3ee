// What every rule sees: the report, the template's options, and a place to put findings.
import { toleranceFen, wanToFen } from '../money';
import { type FormDescriptor, section, shortLabel, table } from '../forms/index';
import { judgingForm } from '../templates/index';
import { indicatorPath, listPath, parentPath } from './paths';
import { indicatorPlace, narrativePlace } from './where';
import type { FinanceTableKey } from '../model/report';
import type { Finding, Severity } from '../model/finding';
import type { Report } from '../model/report';
import type { Template, TemplateOptions } from '../model/template';
import type { PriorYear } from '../library/prior-year';

export interface RuleEnv {
  report: Report;
  template: Template;
  /** the form the report is written on: every place a message names is in its words */
  form: FormDescriptor;
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
  const form = judgingForm(report, template);
  return {
    report,
    template,
    form,
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
      return (places[i] ??= indicatorPlace(form, report.performance.indicators[i]!, i));
    },
    fen(key) {
      let rows = fen.get(key);
      if (!rows) {
        const cols = table(form, key).leaves;
        rows = (report.finance[key] as unknown as Record<string, string | null>[]).map((r) => {
          const out: Record<string, number | null> = {};
          for (const c of cols) out[c.key] = wanToFen(r[c.key]);
          return out;
        });
        fen.set(key, rows);
      }
      return rows;
    },
    texts() {
      return (texts ??= collectTexts(report, form));
    },
  };
}

function collectTexts(r: Report, form: FormDescriptor): TextPart[] {
  const out: TextPart[] = r.narrative.map((s, i) => ({
    path: listPath('narrative', i, 'text'),
    text: s.text,
    kind: 'narrative' as const,
    place: () => narrativePlace(form, r, i),
  }));
  const overview = (path: 'overview.duties' | 'overview.achievements'): TextPart => ({
    path,
    text: r.overview[path === 'overview.duties' ? 'duties' : 'achievements'],
    kind: 'overview',
    place: () => `${section(form, 'overview').label}·${shortLabel(form, path)}`,
  });
  if (form.kind === 'project') {
    const goals = form.project!.goals;
    const p = r.project;
    if (p) out.push({ path: 'project.goals.actual', text: `${p.goals.expected}\n${p.goals.actual}`, kind: 'qualitative', place: () => goals.label });
  } else out.push(overview('overview.duties'), overview('overview.achievements'));
  const perf = section(form, 'performance').short;
  const qualitative = form.indicators.qualitative.short;
  r.performance.qualitative.forEach((q, i) =>
    out.push({ path: listPath('performance.qualitative', i, 'result'), text: `${q.target}\n${q.result}`, kind: 'qualitative', place: () => `${perf}·${qualitative}${i + 1}` }),
  );
  r.performance.indicators.forEach((x, i) =>
    out.push({ path: indicatorPath(i, 'name'), text: x.name, kind: 'indicator', place: () => `${perf}·第${i + 1}项指标` }),
  );
  return out;
}

export type Rule = (env: RuleEnv) => void;
