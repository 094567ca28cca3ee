// The report columns projected from its document, written with every document (insert, save, sign,
// a large save in a worker): what lists, the board and samples read without opening the document.
import type { Report } from '../../core/model/report';

export interface Projection {
  /** the department's own claimed 自评得分 and 等次 */
  self_score: number | null;
  grade: string;
  /** 项目名称 of a 项目支出绩效自评表 (the board and reminders name a project task's reports by it) */
  project_name: string | null;
}

export function projection(report: Report): Projection {
  return { self_score: report.performance.selfScore, grade: report.performance.grade, project_name: report.kind === 'project' ? (report.project?.name ?? '') : null };
}
