// The HTTP contract's shapes as the UI reads them (see src/server/http/schemas.ts).
import type { Finding } from '../../../src/core/model/finding';
import type { Report } from '../../../src/core/model/report';
import type { Scorecard } from '../../../src/core/model/score';
import type { ReportStatus, Role, WorkflowAction } from '../../../src/core/workflow/index';
import type { z } from 'zod';
import type * as Http from '../../../src/server/http/schemas';
import type * as HttpBureau from '../../../src/server/http/schemas-bureau';

export type AccountKind = 'business' | 'sysadmin' | 'secadmin' | 'auditor';

export interface User {
  id: string;
  username: string;
  displayName: string;
  kind: AccountKind;
  roles: Role[];
  bureauId: string | null;
  departmentId: string | null;
  sectionId: string | null;
  /** optional extras; shown when the server sends them */
  departmentName?: string | null;
  sectionName?: string | null;
  bureauName?: string | null;
}

export interface SessionView {
  user: User;
  mustChangePassword: boolean;
  /** 'pending': a TOTP or recovery code is still due; 'enrol': a second factor must be set up first */
  secondFactor: z.infer<typeof Http.SessionView>['secondFactor'];
  passwordExpiresAt: string | null;
  totpEnabled: boolean;
  /** the account must use a second factor (it cannot be switched off) */
  secondFactorRequired: boolean;
}

export type SessionItem = z.infer<typeof Http.SessionItem>;
export type TotpStart = z.infer<typeof Http.TotpStart>;

export interface ListItem {
  id: string;
  year: number | null;
  departmentId?: string;
  departmentName: string;
  status: ReportStatus;
  version: number;
  selfScore: number | null;
  grade: string;
  templateId?: string;
  updatedAt?: string;
  /** the imported file and when (null: made in Jixiao) */
  sourceFile?: string | null;
  importedAt?: string | null;
}

export interface WaiverRecord {
  code: string;
  path: string;
  reason: string;
  userId?: string;
  version?: number;
  createdAt?: string;
}

export type ReplyRecord = z.infer<typeof HttpBureau.ReplySchema>;

export interface ReturnRecord {
  id?: string;
  /** the department's answers (同意 / 异议) and the bureau's replies */
  replies?: ReplyRecord[];
  reason: string;
  paths: string[];
  role: string;
  userId?: string;
  version: number;
  createdAt: string;
}

export type EditScope = '*' | readonly string[] | null;

/** A 项目支出绩效自评表 of the department and year of a 部门整体 report, as the API gives it. */
export type ProjectSummary = z.infer<typeof Http.ProjectSummarySchema>;

export interface ReportView {
  id: string;
  status: ReportStatus;
  version: number;
  year?: number | null;
  departmentId?: string;
  departmentName?: string;
  report: Report;
  findings: Finding[];
  score: Scorecard | null;
  waivers?: WaiverRecord[];
  returns?: ReturnRecord[];
  import?: unknown;
  /** transitions the current user may take now (server-computed) */
  actions?: WorkflowAction[];
  /** what the current user may change now (server-computed) */
  editScope?: EditScope;
  /** a 部门整体 report: the department's project tables of its year; null for a project report */
  projects?: ProjectSummary[] | null;
  /** 撤回公开 records */
  revocations?: Array<{ version: number; reason: string; userId: string; createdAt: string }>;
  /** the 绩效自评任务 the report answers */
  task?: { id: string; title: string; year: number; selfEvalDue: string; extendedDue: string | null } | null;
  /** what a new draft carried over from last year's report */
  carried?: { fromYear: number | null; fromReportId: string | null; items: string[] } | null;
  /** last year's 整改 items the report must answer (rule X8) */
  expectedPriorIssues?: Array<{ itemId: string; problem: string; requirement: string; dueDate: string | null; answer: string; accepted: boolean }>;
  /** the same department's report of the year before (its indicators beside this year's) */
  priorYear?: z.infer<typeof Http.PriorYearSchema> | null;
}

export interface SaveResult {
  id: string;
  status: ReportStatus;
  version: number;
  updatedAt?: string;
  changed?: number;
}

export interface StaleBody {
  current: { version: number; status?: ReportStatus; report: Report; updatedAt?: string; updatedBy?: string };
}

// Shapes the server's zod schemas state exactly are taken from them, not written again.
export type TransitionResult = z.infer<typeof Http.TransitionResult>;

export type Signature = z.infer<typeof Http.SignatureView>;

export interface VersionItem {
  version: number;
  status: string;
  action: string;
  user_id?: string;
  user_name?: string | null;
  created_at?: string;
}

/** A line of the history as the server folds it: an editing session's newest save with its earlier autosaves. */
export interface VersionLine extends VersionItem {
  autosaves?: VersionItem[];
}

export type DiffResult = z.infer<typeof Http.DiffResult>;
export type DiffChange = DiffResult['changes'][number];

export type AuditReport = z.infer<typeof Http.ChainReport>;
export type AuditEntry = z.infer<typeof Http.AuditEvent>;
export type AuditFilter = z.infer<typeof Http.AuditFilterQuery>;
