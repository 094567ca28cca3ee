// The database as Kysely sees it: hand-written next to the migrations, one source of truth for both
// dialects. Timestamps are ISO-8601 UTC strings written by the app; booleans are 0/1 integers
// (better-sqlite3 cannot bind booleans); JSON documents are jsonb on PostgreSQL and text on SQLite.
import type { Generated, Kysely } from 'kysely';
import type { BureauTables } from './schema-bureau';

export type Dialect = 'sqlite' | 'postgres';

/** The user's account kind: a business user, or one of the 三员 (mutually exclusive by construction). */
export type AccountKind = 'business' | 'sysadmin' | 'secadmin' | 'auditor';

export interface BureauTable {
  id: string;
  name: string; // 财政局名称
  region: string;
  created_at: string;
  disabled_at?: string | null; // 已停用 (migration 0060)
}

/** 科室: a section of the finance bureau; `kind` tells the 归口业务科室 from the 绩效管理科. */
export interface SectionTable {
  id: string;
  bureau_id: string;
  name: string;
  kind: 'counterpart' | 'performance';
  created_at: string;
  disabled_at?: string | null; // 已停用 (migration 0060)
}

export interface DepartmentTable {
  id: string;
  bureau_id: string;
  name: string;
  budget_code: string; // 预算编码, text: leading zeros and letters matter
  parent_id: string | null; // 主管部门
  section_id: string | null; // 归口科室
  created_at: string;
  disabled_at?: string | null; // 已停用 (migration 0060)
}

/** The file an imported report came from (migration 0061), shown in the report lists. */
export interface ReportSourceTable {
  report_id: string;
  file_name: string;
  sha256: string | null;
  imported_by: string | null;
  imported_at: string;
}

/** A 批量导出 job (migration 0062): the reports it exports, how far it got, and which server holds it. */
export interface BatchExportTable {
  id: string;
  user_id: string;
  ip: string;
  task_id: string;
  format: 'pdf' | 'docx';
  state: 'running' | 'done' | 'failed';
  file_name: string;
  /** JSON: the reports to export, in order ([{ id, departmentName }]) */
  reports: string;
  /** reports processed so far (exported or failed) */
  done: number;
  /** JSON: [{ reportId, departmentName, message }] */
  failed: string;
  lease_owner: string | null;
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}

/** A file a batch export made, in the order of the job's reports. */
export interface BatchExportFileTable {
  job_id: string;
  seq: number;
  name: string;
  content: Buffer;
}

/** One changed field of an organisation unit (migration 0060): the unit's history on the 组织机构 screen. */
export interface OrgHistoryTable {
  id: string;
  object_type: 'bureau' | 'section' | 'department';
  object_id: string;
  field: 'name' | 'region' | 'section' | 'disabled';
  before: string | null;
  after: string | null;
  actor_id: string | null;
  actor_username: string;
  at: string;
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
  /** superseded by auth_throttle (migration 0031); kept so existing inserts stay valid */
  failed_count: number;
  /** superseded by auth_throttle (migration 0031) */
  locked_until: string | null;
  password_changed_at: string;
  /** 1 after an administrator set the password: it must be changed at the next login (ASVS 6.4.1) */
  password_must_change: Generated<number>;
  /** the TOTP secret, sealed with the data key (crypto/provider.ts); null when no second factor */
  totp_secret: Generated<string | null>;
  totp_enabled_at: Generated<string | null>;
  /** the last accepted TOTP time step: a code is never accepted twice (ASVS 6.5.1) */
  totp_last_step: Generated<number | null>;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  /** Always 'business': with the composite foreign key it keeps roles off 三员 accounts. */
  user_kind: 'business';
  role: string;
}

/**
 * Failure counters and locks, claimed atomically before a password or code is checked (issue 13 §2):
 * key user:<folded name> (every name, known or not, so a lock tells nothing), ip:<address>, totp:<user id>.
 */
export interface AuthThrottleTable {
  key: string;
  /** claims not yet forgiven, the ones still being checked included */
  failures: number;
  /** claims still being checked */
  pending: number;
  window_start: string;
  locked_until: string | null;
  /** locks so far: each lock lasts twice the one before (backoff), up to the configured maximum */
  lock_level: number;
  updated_at: string;
}

export interface RecoveryCodeTable {
  user_id: string;
  code_hash: string; // HMAC of the code under the recovery key; the code itself is shown once
  created_at: string;
  used_at: string | null;
}

/** 'pending': password accepted, TOTP code still due; 'enrol': a second factor must be set up first. */
export type MfaStage = 'ok' | 'pending' | 'enrol';

export interface SessionTable {
  token_hash: string; // SHA-256 hex of the cookie token; the token itself is never stored
  /** what the user's session list shows and ends (never the token or its hash) */
  id: string | null;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  mfa: MfaStage;
  user_agent: string;
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
  /** 项目名称 of a 项目支出绩效自评表 as the document states it (migration 0063); null for 部门整体 */
  project_name: string | null;
  finance_since: string | null; // first time the report reached finance (reviewers see it from then on)
  import_meta: string | null; // JSON text: source file, unmapped pieces, diagnostics
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  /** the 绩效自评任务 it answers (migration 0020); one 部门整体 report per task and department (0063) */
  task_id: string | null;
  /** JSON text: what the draft carried over from last year's report (core/bureau/carry-over.ts) */
  carried: string | null;
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
  seq: Generated<number>; // global order of insertion, assigned by the database (not part of any chain)
  chain: string; // 'sys', 'b:<bureau id>', or 'legacy' (rows from before keyed chains)
  chain_seq: number | null; // 1, 2, 3 … within the chain (null on legacy rows, whose index is seq)
  alg: string; // 'hmac-sha256' | 'hmac-sm3'; 'sha256' on legacy (unkeyed) rows
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

/** The last row of each audit chain, locked while a row is appended (audit/chain.ts). */
export interface AuditHeadTable {
  chain: string;
  seq: number;
  hash: string;
  updated_at: string;
}

/** Security events counted per source and window (audit/security-events.ts). */
export interface EventBucketTable {
  key: string;
  window_start: string;
  count: number;
  first_at: string;
  last_at: string;
  sample: string;
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

/** An uploaded template (评分表 + form), one row per id and version; body is the file as uploaded. */
export interface TemplateTable {
  id: string;
  version: number;
  bureau_id: string;
  name: string;
  kind: string;
  body: string;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

/** The template a bureau's new reports of a kind are made with. */
export interface BureauTemplateTable {
  bureau_id: string;
  kind: string;
  template_id: string;
  template_version: number;
  activated_by: string;
  activated_at: string;
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

/** 公开设置 (0050): whether the public site hides personal names other than the signers'. */
export interface PublicationSettingsTable {
  bureau_id: string;
  redact_names: number;
  updated_by: string;
  updated_at: string;
}

export interface Database extends BureauTables {
  publication_settings: PublicationSettingsTable;
  bureaus: BureauTable;
  sections: SectionTable;
  departments: DepartmentTable;
  org_history: OrgHistoryTable;
  report_sources: ReportSourceTable;
  batch_exports: BatchExportTable;
  batch_export_files: BatchExportFileTable;
  users: UserTable;
  user_roles: UserRoleTable;
  auth_throttle: AuthThrottleTable;
  recovery_codes: RecoveryCodeTable;
  sessions: SessionTable;
  reports: ReportTable;
  report_versions: ReportVersionTable;
  signatures: SignatureTable;
  waivers: WaiverTable;
  returns: ReturnTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadTable;
  event_buckets: EventBucketTable;
  idempotency_keys: IdempotencyTable;
  templates: TemplateTable;
  bureau_templates: BureauTemplateTable;
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
