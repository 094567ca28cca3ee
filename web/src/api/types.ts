// The HTTP contract's shapes as the UI reads them (see src/server/http/schemas.ts).
import type { Finding } from '../../../src/core/model/finding';
import type { Report } from '../../../src/core/model/report';
import type { Scorecard } from '../../../src/core/model/score';
import type { ReportStatus, Role, SignatureRole, WorkflowAction } from '../../../src/core/workflow/index';

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
}

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
}

export interface WaiverRecord {
  code: string;
  path: string;
  reason: string;
  userId?: string;
  version?: number;
  createdAt?: string;
}

export interface ReturnRecord {
  reason: string;
  paths: string[];
  role: string;
  userId?: string;
  version: number;
  createdAt: string;
}

export type EditScope = '*' | readonly string[] | null;

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

export interface TransitionResult {
  id: string;
  status: ReportStatus;
  version: number;
  action: WorkflowAction;
}

export interface Signature {
  id: string;
  role: SignatureRole;
  userId: string;
  signerName: string;
  opinion: string;
  version: number;
  reportHash: string;
  signedAt: string;
  valid: boolean;
}

export interface VersionItem {
  version: number;
  status: string;
  action: string;
  user_id?: string;
  user_name?: string | null;
  created_at?: string;
}

export interface DiffChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface DiffResult {
  a: number;
  b: number;
  changes: DiffChange[];
}

export interface AuditReport {
  ok: boolean;
  count: number;
  headHash: string;
  firstBroken: { seq: number; reason: string } | null;
}
