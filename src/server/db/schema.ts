// The database as Kysely sees it: hand-written next to the migrations, one source of truth for both
// dialects. Timestamps are ISO-8601 UTC strings written by the app; booleans are 0/1 integers
// (better-sqlite3 cannot bind booleans); JSON documents are jsonb on PostgreSQL and text on SQLite.
import type { Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** The user's account kind: a business user, or one of the 三员 (mutually exclusive by construction). */
export type AccountKind = 'business' | 'sysadmin' | 'secadmin' | 'auditor';

export interface BureauTable {
  id: string;
  name: string; // 财政局名称
  region: string;
  created_at: string;
}

/** 科室: a section of the finance bureau; `kind` tells the 归口业务科室 from the 绩效管理科. */
export interface SectionTable {
  id: string;
  bureau_id: string;
  name: string;
  kind: 'counterpart' | 'performance';
  created_at: string;
}

export interface DepartmentTable {
  id: string;
  bureau_id: string;
  name: string;
  budget_code: string; // 预算编码, text: leading zeros and letters matter
  parent_id: string | null; // 主管部门
  section_id: string | null; // 归口科室
  created_at: string;
}

export interface UserTable {
  id: string;
  username: string; // case-folded (NFKC + lower case), unique
  display_name: string;
  kind: AccountKind;
  password_hash: string;
  bureau_id: string | null;
  department_id: string | null;
  section_id: string | null;
  disabled: number;
  failed_count: number;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  /** Always 'business': with the composite foreign key it keeps roles off 三员 accounts. */
  user_kind: 'business';
  role: string;
}

/** Failed-login counters for usernames that do not exist, so lockout looks the same for every name. */
export interface LoginThrottleTable {
  username: string;
  failed_count: number;
  locked_until: string | null;
  updated_at: string;
}

export interface SessionTable {
  token_hash: string; // SHA-256 hex of the cookie token; the token itself is never stored
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
}

export interface ReportTable {
  id: string;
  bureau_id: string;
  department_id: string;
  department_name: string;
  year: number | null;
  kind: string;
  template_id: string;
  status: string;
  version: number;
  document: unknown; // jsonb (pg) or JSON text (sqlite); see repositories/json.ts
  self_score: number | null; // 绩效自评综合得分 as claimed by the report
  grade: string; // 评价等次 as claimed
  finance_since: string | null; // first time the report reached finance (reviewers see it from then on)
  import_meta: string | null; // JSON text: source file, unmapped pieces, diagnostics
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export interface ReportVersionTable {
  report_id: string;
  version: number;
  status: string;
  action: string; // create | import | save | submit | approve | …
  /** a full snapshot (rows written before migration 0040); otherwise null, see repositories/version-delta.ts */
  document: unknown | null;
  /** JSON DeltaOp[] turning the next version's document into this one; null: the same document */
  delta: string | null;
  user_id: string;
  created_at: string;
}

export interface SignatureTable {
  id: string;
  report_id: string;
  version: number;
  role: string;
  user_id: string;
  signer_name: string;
  opinion: string;
  report_hash: string; // SHA-256 of the canonical report JSON at signing time
  created_at: string;
}

export interface WaiverTable {
  id: string;
  report_id: string;
  version: number; // the version submitted with this waiver
  code: string;
  path: string;
  reason: string;
  user_id: string;
  created_at: string;
}

export interface ReturnTable {
  id: string;
  report_id: string;
  version: number;
  reason: string;
  paths: string; // JSON array of report paths the return concerns
  user_id: string;
  role: string;
  created_at: string;
}

export interface AuditLogTable {
  seq: number; // 1, 2, 3 …: the chain index
  ts: string;
  actor_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  ip: string | null;
  event: string;
  object_type: string | null;
  object_id: string | null;
  outcome: 'success' | 'failure';
  detail: string; // canonical JSON text (never jsonb: the hash covers these exact bytes)
  prev_hash: string;
  hash: string;
}

export interface IdempotencyTable {
  user_id: string;
  key: string;
  endpoint: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

/** 指标库 entry: a 共性指标 (scope common, no department) or a department's 部门指标. */
export interface LibraryIndicatorTable {
  id: string;
  bureau_id: string;
  scope: 'common' | 'department';
  department_id: string | null;
  owner_key: string; // '' or department_id (the unique name index's owner)
  level1: string;
  level2: string;
  name: string;
  category: string; // 指标分类
  kind: '定量' | '定性';
  operator: string | null;
  unit: string;
  suggested_target: string;
  scoring_rule: string;
  explanation: string;
  valid_from: number | null;
  valid_to: number | null;
  usable_by: string; // JSON array of department ids
  status: 'active' | 'retired';
  version: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

/** A report quoting a library entry (its indicator table has a row with that libraryId). */
export interface LibraryUsageTable {
  library_id: string;
  report_id: string;
  department_id: string;
  year: number | null;
}

export interface Database {
  bureaus: BureauTable;
  sections: SectionTable;
  departments: DepartmentTable;
  users: UserTable;
  user_roles: UserRoleTable;
  login_throttle: LoginThrottleTable;
  sessions: SessionTable;
  reports: ReportTable;
  report_versions: ReportVersionTable;
  signatures: SignatureTable;
  waivers: WaiverTable;
  returns: ReturnTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyTable;
  library_indicators: LibraryIndicatorTable;
  library_usage: LibraryUsageTable;
}

export type DB = Kysely<Database>;

/** A database handle together with the dialect it speaks (a few queries and DDL differ). */
export interface Db {
  kysely: DB;
  /**
   * For reads that tolerate replication lag — lists, the dashboard — never for a read a write depends on:
   * the read replica of DATABASE_READ_URL when configured, else the same handle as `kysely`.
   */
  reader: DB;
  dialect: Dialect;
  /** PostgreSQL schema the tables live in (public unless configured) */
  schema?: string;
  destroy(): Promise<void>;
}
