// What the API says about an account: never the hash, never counters.
import { ROLE_LABEL, type Role } from '../../core/workflow/index';
import type { AccountKind } from '../db/schema';
import type { Deps } from '../deps';
import { findBureau, findDepartment, findSection } from '../repositories/org';
import type { UserWithRoles } from '../repositories/users';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  kind: AccountKind;
  /** the main role, for display: the account kind for 三员, else the most senior business role */
  role: Role | AccountKind | null;
  roleLabel: string;
  roles: Role[];
  bureauId: string | null;
  departmentId: string | null;
  sectionId: string | null;
  disabled: boolean;
  /** until when a login lockout holds the account (after repeated wrong passwords), if it does now */
  lockedUntil: string | null;
}

const PRIORITY: Role[] = ['perf_admin', 'reviewer', 'head', 'leader', 'evaluator', 'preparer'];
const KIND_LABEL: Record<AccountKind, string> = { business: '', sysadmin: '系统管理员', secadmin: '安全管理员', auditor: '审计管理员' };

export function primaryRole(kind: AccountKind, roles: readonly Role[]): { role: Role | AccountKind | null; roleLabel: string } {
  if (kind !== 'business') return { role: kind, roleLabel: KIND_LABEL[kind] };
  const role = PRIORITY.find((r) => roles.includes(r)) ?? null;
  return { role, roleLabel: role ? ROLE_LABEL[role] : '未分配角色' };
}

export function userView(u: UserWithRoles, lockedUntil: string | null = null): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    kind: u.kind,
    ...primaryRole(u.kind, u.roles),
    roles: u.roles,
    bureauId: u.bureau_id,
    departmentId: u.department_id,
    sectionId: u.section_id,
    disabled: u.disabled === 1,
    lockedUntil,
  };
}

/** The login lockouts holding these accounts now, by username (auth_throttle, key user:<name>). */
export async function accountLocks(deps: Deps, usernames: readonly string[]): Promise<Map<string, string>> {
  const now = deps.clock.now().toISOString();
  const out = new Map<string, string>();
  for (let i = 0; i < usernames.length; i += 500) {
    const keys = usernames.slice(i, i + 500).map((u) => `user:${u}`);
    const rows = await deps.db.kysely.selectFrom('auth_throttle').select(['key', 'locked_until']).where('key', 'in', keys).where('locked_until', '>', now).execute();
    for (const r of rows) out.set(r.key.slice('user:'.length), r.locked_until!);
  }
  return out;
}

export interface OrgNames {
  bureauName: string | null;
  departmentName: string | null;
  sectionName: string | null;
}

/** The names of the bureau, department and section a user belongs to, for the header of every page. */
export async function orgNames(deps: Deps, u: Pick<UserView, 'bureauId' | 'departmentId' | 'sectionId'>): Promise<OrgNames> {
  const db = deps.db.kysely;
  const [bureau, department, section] = await Promise.all([
    u.bureauId ? findBureau(db, u.bureauId) : undefined,
    u.departmentId ? findDepartment(db, u.departmentId) : undefined,
    u.sectionId ? findSection(db, u.sectionId) : undefined,
  ]);
  return { bureauName: bureau?.name ?? null, departmentName: department?.name ?? null, sectionName: section?.name ?? null };
}

/**
 * 等保 DB-AUTH-1(c): a password older than the configured age, or one an administrator set (ASVS 6.4.1),
 * must be changed before anything else.
 */
export function mustChangePassword(deps: Deps, u: Pick<UserWithRoles, 'password_changed_at' | 'password_must_change'>): boolean {
  if (u.password_must_change === 1) return true;
  const days = deps.config.password.maxAgeDays;
  if (days <= 0) return false;
  return deps.clock.now().getTime() - Date.parse(u.password_changed_at) > days * 86_400_000;
}

/** When the password runs out (for the header's reminder); null when passwords do not expire. */
export function passwordExpiresAt(deps: Deps, u: Pick<UserWithRoles, 'password_changed_at'>): string | null {
  const days = deps.config.password.maxAgeDays;
  return days > 0 ? new Date(Date.parse(u.password_changed_at) + days * 86_400_000).toISOString() : null;
}
