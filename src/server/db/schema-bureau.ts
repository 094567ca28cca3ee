// The finance bureau's year as tables (migrations 0020–0024): tasks and their rosters, 复核 scores,
// return threads, revocations, samples, 整改 notices with evidence, copy-detection results and the
// per-version figures boards and dashboards read. Same conventions as schema.ts.

/** 绩效自评任务: one per bureau, year and report kind. */
export interface TaskTable {
  id: string;
  bureau_id: string;
  year: number;
  kind: string;
  template_id: string;
  title: string;
  notice: string; // 通知正文
  scope: string; // JSON: { mode: 'all' | 'sections' | 'picked', sectionIds, departmentIds }
  self_eval_due: string;
  finance_review_due: string;
  publish_by: string;
  status: 'draft' | 'issued' | 'closed';
  version: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  issued_by: string | null;
  issued_at: string | null;
}

/** The task's roster: the departments it covers, each with its own extension if granted. */
export interface TaskDepartmentTable {
  task_id: string;
  department_id: string;
  extended_due: string | null;
  extension_reason: string | null;
  added_at: string;
}

/** 复核: the bureau's scores per 评分表 line, beside (never over) the department's claim. One per report. */
export interface RescoreTable {
  id: string;
  report_id: string;
  report_version: number; // the version that was re-scored
  reviewer_id: string;
  reviewer_kind: 'reviewer' | 'perf_admin' | 'third_party';
  third_party: string; // the commissioned firm, for third_party
  items: string; // JSON [{ itemId, score, reason }]
  total: number | null; // null until every line has a score
  grade: string; // in the template's own words
  opinion: string; // 复核意见
  version: number;
  created_at: string;
  updated_at: string;
}

/** The thread under a return: the department's answer per reason (accept / dispute) and the bureau's reply. */
export interface ReturnReplyTable {
  id: string;
  return_id: string;
  report_id: string;
  path: string; // the cell the reply concerns, '' for the return as a whole
  side: 'department' | 'finance';
  stance: 'accept' | 'dispute' | 'reply';
  text: string;
  user_id: string;
  created_at: string;
}

/** 撤回公开: a publication taken back, with its reason (the published version stays in report_versions). */
export interface RevocationTable {
  id: string;
  report_id: string;
  version: number; // the published version that was revoked
  reason: string;
  user_id: string;
  created_at: string;
}

/** Figures of one report version the board and dashboard need, computed once (content of a version never changes). */
export interface ReportStatsTable {
  report_id: string;
  version: number;
  errors: number;
  warnings: number;
  computed_total: number | null;
  basis: string;
  computable_weight: number;
  execution_rate: number | null;
  budget_fen: number | null;
}

/** 抽查: one stored sample per task, with its parameters and seed. */
export interface SampleTable {
  id: string;
  task_id: string;
  seed: string;
  params: string; // JSON: size | percent, weights, randomShare, recentYears
  candidates: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface SamplePickTable {
  sample_id: string;
  department_id: string;
  /** the pick's key with sample_id (migration 0063): a project task's sample may hold several reports of a department */
  report_id: string;
  source: 'risk' | 'random' | 'manual';
  risk: number;
  reasons: string; // JSON string[]
  dropped: number; // 0/1
  note: string; // why it was added or dropped by hand
  updated_by: string;
  updated_at: string;
}

/** 整改通知 to one department. */
export interface RectificationNoticeTable {
  id: string;
  bureau_id: string;
  department_id: string;
  report_id: string | null;
  task_id: string | null;
  year: number; // the evaluation year the problems were found in
  title: string;
  basis: 'findings' | 'rescore' | 'grade' | 'other';
  status: 'open' | 'closed';
  issued_by: string;
  issued_at: string;
  closed_at: string | null;
}

export interface RectificationItemTable {
  id: string;
  notice_id: string;
  seq: number;
  problem: string;
  requirement: string;
  due_date: string | null;
  responsible: string; // 责任单位 as printed on the notice
  status: 'open' | 'answered' | 'accepted' | 'reopened';
  answer: string;
  answered_by: string | null;
  answered_at: string | null;
  review_note: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  version: number;
}

/** An evidence file for a 整改 answer, checked by the OOXML upload layer before it is stored. */
export interface EvidenceFileTable {
  id: string;
  item_id: string;
  file_name: string;
  format: string; // pdf | docx | xlsx | png | jpeg | text
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string;
  uploaded_at: string;
}

/** The last copy-detection run of a task. */
export interface CopyRunTable {
  task_id: string;
  ran_by: string;
  ran_at: string;
  stats: string; // JSON
}

export interface CopyMatchTable {
  id: string;
  task_id: string;
  report_id: string;
  kind: 'passage' | 'whole' | 'wrong_department';
  path: string;
  passage: string;
  other_report_id: string | null;
  other_department_id: string | null;
  other_department_name: string;
  other_year: number | null;
  other_path: string;
  other_passage: string;
  similarity: number | null;
}

export interface BureauTables {
  tasks: TaskTable;
  task_departments: TaskDepartmentTable;
  rescores: RescoreTable;
  return_replies: ReturnReplyTable;
  revocations: RevocationTable;
  report_stats: ReportStatsTable;
  samples: SampleTable;
  sample_picks: SamplePickTable;
  rectification_notices: RectificationNoticeTable;
  rectification_items: RectificationItemTable;
  evidence_files: EvidenceFileTable;
  copy_runs: CopyRunTable;
  copy_matches: CopyMatchTable;
}
