// The dashboard's figures from the report list: counts by status, score bands, grades.
import { defaultTemplateFor } from '../../../../src/core/templates/index';
import { STATUSES, STATUS_LABEL, type ReportStatus } from '../../../../src/core/workflow/index';
import type { ListItem } from '../../api/types';

export const SCORE_BANDS = [
  { label: '60分以下', min: -Infinity, max: 60 },
  { label: '60–70分', min: 60, max: 70 },
  { label: '70–80分', min: 70, max: 80 },
  { label: '80–90分', min: 80, max: 90 },
  { label: '90分及以上', min: 90, max: Infinity },
] as const;

export function countByStatus(items: readonly ListItem[]): Array<{ status: ReportStatus; label: string; count: number }> {
  return STATUSES.map((s) => ({ status: s, label: STATUS_LABEL[s], count: items.filter((i) => i.status === s).length }));
}

export function scoreBands(items: readonly ListItem[]): Array<{ label: string; count: number }> {
  return SCORE_BANDS.map((b) => ({ label: b.label, count: items.filter((i) => i.selfScore != null && i.selfScore >= b.min && i.selfScore < b.max).length }));
}

/** A grade as the report's template names it: 优 and 优秀 are one grade (the template lists the aliases). */
export function canonicalGrade(grade: string, templateId = ''): string {
  const g = grade.trim();
  if (!g) return '未评等次';
  const band = defaultTemplateFor({ templateId }).gradeBands.find((b) => b.label === g || (b.aliases ?? []).includes(g));
  return band?.label ?? g;
}

export function gradeCounts(items: readonly ListItem[]): Array<{ name: string; value: number }> {
  const m = new Map<string, number>();
  for (const i of items) {
    const g = canonicalGrade(i.grade ?? '', i.templateId);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return [...m.entries()].map(([name, value]) => ({ name, value }));
}
