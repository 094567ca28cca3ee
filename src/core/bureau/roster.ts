// The roster board (进度): every department in a task's scope with the state of its report, the deadline
// that state is measured against and how far off it is. Pure: the server's board, the CLI's
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

/** Counts per state, in board order, and how many are late. */
export function rosterSummary(rows: ReadonlyArray<{ state: RosterState; late: boolean }>): { total: number; late: number; byState: Array<{ state: RosterState; label: string; count: number }> } {
  const counts = new Map<RosterState, number>();
  let late = 0;
  for (const r of rows) {
    counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
    if (r.late) late++;
  }
  return { total: rows.length, late, byState: ROSTER_STATES.map((s) => ({ state: s, label: ROSTER_STATE_LABEL[s], count: counts.get(s) ?? 0 })) };
}

/** The report is with finance or beyond (a returned one is back with the department): the completion figure. */
export function hasReported(state: RosterState): boolean {
  return stageOf(state) !== 'department';
}
