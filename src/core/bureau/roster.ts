// The roster board (进度): every department in a task's scope with the state of its report, the deadline
// that state is measured against and how far off it is. A 项目支出 task has a line per report (a department
// reports each project on its own table) and one for a department without any. Pure: the server's board, the CLI's
// `jixiao task board|remind` and the bell all derive the same rows.
import type { ReportStatus } from '../workflow/index';
import { daysLeft, type Deadlines } from './deadline';

export const ROSTER_STATES = ['not_started', 'filling', 'dept_review', 'submitted', 'finance_review', 'returned', 'accepted', 'published'] as const;
export type RosterState = (typeof ROSTER_STATES)[number];

export const ROSTER_STATE_LABEL: Record<RosterState, string> = {
  not_started: '未开始',
  filling: '填报中',
  dept_review: '部门审核中',
  submitted: '已报送',
  finance_review: '财政审核中',
  returned: '已退回',
  accepted: '已通过',
  published: '已公开',
};

/** The report as the board sees it: no content, only where it stands. */
export interface ReportHeadForRoster {
  status: ReportStatus;
  version: number;
  /** the draft is still what issuing the task created: nobody in the department has touched it */
  untouched: boolean;
}

export function rosterState(report: ReportHeadForRoster | null): RosterState {
  if (!report) return 'not_started';
  if (report.status === 'draft') return report.untouched ? 'not_started' : 'filling';
  return report.status;
}

/** Whose move it is: the department's (to report or resubmit), finance's (to review), or nobody's. */
export type Stage = 'department' | 'finance' | 'publish' | 'done';

export function stageOf(state: RosterState): Stage {
  switch (state) {
    case 'not_started':
    case 'filling':
    case 'dept_review':
    case 'returned':
      return 'department';
    case 'submitted':
    case 'finance_review':
      return 'finance';
    case 'accepted':
      return 'publish';
    case 'published':
      return 'done';
  }
}

/** The deadline a state is measured against; a department's extension moves only its own 报送 date. */
export function applicableDue(state: RosterState, d: Deadlines, extendedDue: string | null): string | null {
  switch (stageOf(state)) {
    case 'department':
      return extendedDue ?? d.selfEvalDue;
    case 'finance':
      return d.financeReviewDue;
    case 'publish':
      return d.publishBy;
    case 'done':
      return null;
  }
}

export interface RosterInput {
  departmentId: string;
  report: ReportHeadForRoster | null;
  extendedDue: string | null;
}

export interface RosterTiming {
  state: RosterState;
  stage: Stage;
  due: string | null;
  daysLeft: number | null;
  /** past the deadline of its current stage */
  late: boolean;
}

export function rosterTiming(input: RosterInput, d: Deadlines, now: Date | string): RosterTiming {
  const state = rosterState(input.report);
  const due = applicableDue(state, d, input.extendedDue);
  const days = due === null ? null : daysLeft(due, now);
  return { state, stage: stageOf(state), due, daysLeft: days, late: days !== null && days < 0 };
}

export interface StateCount {
  state: RosterState;
  label: string;
  count: number;
}

export interface RosterSummary {
  /** board lines (for a 部门整体 task: departments; for a 项目支出 task: reports, and departments without any) */
  total: number;
  late: number;
  /** lines per state, in board order */
  byState: StateCount[];
  /** departments on the board, and lines with a report */
  departments: number;
  reports: number;
  /** departments with at least one line in each state (a department with projects in two states counts in both) */
  byDepartment: StateCount[];
}

/** Counts per state, in board order, and how many are late; a line without a department id counts as a department of its own. */
export function rosterSummary(rows: ReadonlyArray<{ state: RosterState; late: boolean; departmentId?: string; reportId?: string | null }>): RosterSummary {
  const lines = new Map<RosterState, number>();
  const depts = new Map<RosterState, Set<string>>();
  const departments = new Set<string>();
  let late = 0;
  let reports = 0;
  rows.forEach((r, i) => {
    const dept = r.departmentId ?? `#${i}`;
    lines.set(r.state, (lines.get(r.state) ?? 0) + 1);
    depts.set(r.state, (depts.get(r.state) ?? new Set<string>()).add(dept));
    departments.add(dept);
    if (r.reportId) reports++;
    if (r.late) late++;
  });
  const count = (f: (s: RosterState) => number): StateCount[] => ROSTER_STATES.map((s) => ({ state: s, label: ROSTER_STATE_LABEL[s], count: f(s) }));
  return {
    total: rows.length, late, byState: count((s) => lines.get(s) ?? 0),
    departments: departments.size, reports, byDepartment: count((s) => depts.get(s)?.size ?? 0),
  };
}

/** The report is with finance or beyond (a returned one is back with the department): the completion figure. */
export function hasReported(state: RosterState): boolean {
  return stageOf(state) !== 'department';
}

/** What a board's lines are, in words: "3 个部门", or for a 项目支出 task "3 行（2 份项目自评表，2 个部门）". */
export function boardLinesText(kind: string, s: Pick<RosterSummary, 'total' | 'departments' | 'reports'>, shown?: number): string {
  const n = shown == null ? `${s.total}` : `${shown} / ${s.total}`;
  return kind === 'project' ? `${n} 行（${s.reports} 份项目自评表，${s.departments} 个部门）` : `${n} 个部门`;
}
