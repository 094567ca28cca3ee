// What every rule sees: the report, the template's options, and a place to put findings.
import { toleranceFen } from '../money';
import type { Finding, Severity } from '../model/finding';
import type { Report } from '../model/report';
import type { Template, TemplateOptions } from '../model/template';

export interface RuleEnv {
  report: Report;
  template: Template;
  options: TemplateOptions;
  /** rounding tolerance for money identities, in 分 */
  toleranceFen: number;
  findings: Finding[];
  add(rule: string, code: string, severity: Severity, path: string, message: string): void;
}

export function ruleEnv(report: Report, template: Template): RuleEnv {
  const findings: Finding[] = [];
  return {
    report,
    template,
    options: template.options,
    toleranceFen: toleranceFen(template.options.toleranceWan),
    findings,
    add(rule, code, severity, path, message) {
      const f: Finding = { code, rule, severity, path, message };
      const src = report.sources[path] ?? report.sources[path.replace(/\.[a-zA-Z]+$/, '')];
      if (src) f.source = src;
      findings.push(f);
    },
  };
}

export type Rule = (env: RuleEnv) => void;
