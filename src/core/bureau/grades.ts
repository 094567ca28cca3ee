// One grade vocabulary (评价等次) for everything the bureau counts: the 10号 bands 优/良/中/差, read from
// the MOF 10号 template's own gradeBands, and a report's own label read from its template. A label a
// template knows (优秀, 良, 合格 …) is placed in its band, and the band in the 10号 band its lower bound
// falls into, so 合格 (Yueyang, ≥60) and 中 (10号, ≥60) are one grade here.
import type { GradeBand } from '../model/template';
import { gradeFor } from '../scoring/grade';
import { defaultTemplateFor, getTemplate } from '../templates/index';

/** The template whose bands are the common vocabulary: 财预〔2020〕10号. */
export const COMMON_GRADE_TEMPLATE = 'mof-10-project';

const SPACE = /[\s\u00a0\u3000]+/g;

function commonBands(): readonly GradeBand[] {
  return getTemplate(COMMON_GRADE_TEMPLATE).gradeBands;
}

/** The common labels, best first (优, 良, 中, 差). */
export function commonGrades(): string[] {
  return [...commonBands()].sort((a, b) => b.min - a.min).map((b) => b.label);
}

/** The band of `templateId` a written label names, by its label or an alias; null when none does. */
export function bandOfLabel(label: string | null | undefined, templateId: string): GradeBand | null {
  const written = (label ?? '').replace(SPACE, '');
  if (!written) return null;
  const own = defaultTemplateFor({ templateId }).gradeBands;
  const hit = own.find((b) => b.label.replace(SPACE, '') === written || b.aliases.some((a) => a.replace(SPACE, '') === written));
  if (hit) return hit;
  // a label of the common vocabulary written in a report of another template (优 in a Yueyang report)
  return commonBands().find((b) => b.label === written || b.aliases.includes(written)) ?? null;
}

/** The common grade (优/良/中/差) of a written label; null when the label is blank or unknown. */
export function commonGrade(label: string | null | undefined, templateId: string): string | null {
  const band = bandOfLabel(label, templateId);
  return band ? gradeFor(band.min, commonBands()) : null;
}

/** The common grade of a score. */
export function commonGradeOfScore(score: number | null | undefined): string | null {
  return gradeFor(score, commonBands());
}

/** A score's label in the report's own template (复核等次 is written in the template's words). */
export function templateGradeOfScore(score: number | null | undefined, templateId: string): string | null {
  return gradeFor(score, defaultTemplateFor({ templateId }).gradeBands);
}

/** The template's own label for a common grade, for showing 优 as 优秀 in a Yueyang report. */
export function templateLabelOf(common: string, templateId: string): string {
  const band = commonBands().find((b) => b.label === common);
  if (!band) return common;
  return templateGradeOfScore(band.min, templateId) ?? common;
}

/** A written grade in the words of the report's template (优 in a Yueyang report reads 优秀); as written when unknown. */
export function displayGrade(label: string | null | undefined, templateId: string): string {
  const common = commonGrade(label, templateId);
  return common ? templateLabelOf(common, templateId) : (label ?? '').trim();
}

/** 中 and 差 trigger 整改 and count as a risk next year (10号). */
export function isLowGrade(common: string | null): boolean {
  const grades = commonGrades();
  return common != null && grades.indexOf(common) >= grades.length - 2;
}
