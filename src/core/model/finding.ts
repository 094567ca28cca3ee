// A finding: one thing a careful reviewer would point at, with where it is.
import type { SourceRef } from './report';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable machine code, e.g. FIN.SUM_ROWS, IND.VALUE_NOT_NUMERIC. */
  code: string;
  /** The domain rule it implements (domain.md): A1…A10, X1…X7, Q1…Q14, or IMPORT. */
  rule: string;
  severity: Severity;
  /** Path into the report, e.g. finance.threePublic[1].total; "" for the whole report. */
  path: string;
  /** Chinese message naming section, table, row and column as a person sees them. */
  message: string;
  /** Where the offending value was read, when it was imported. */
  source?: SourceRef;
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
