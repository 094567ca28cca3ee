// 新增用户. Over HTTP only the system administrator adds accounts, and without roles (roles are the
// security administrator's, 三员分立). The CLI (`jixiao user add`, actor null) may do both, to set up
// the first administrators of a fresh installation. A password set by someone other than the user must
// be changed at the first login and expires unused (ASVS 6.4.1); only the CLI may opt out (keepPassword),
// for the deployer's own account.
import { checkRoleSet } from '../../core/workflow/duties';
import type { Role } from '../../core/workflow/index';
import type { Actor } from '../auth/actor';
import { foldUsername, passwordProblems } from '../auth/password';
import type { AccountKind } from '../db/schema';
import { AppError, forbidden } from '../errors';
import { nowIso, type Deps } from '../deps';
import { findUserByUsername, findUserById, insertUser } from '../repositories/users';
import { by, inTransaction } from './shared';
import { resolveAttachments, type Attachments } from './user-attachments';
import { userView, type UserView } from './user-view';

export interface AddUserOptions extends Partial<Attachments> {
  actor: Actor | null;
  username: string;
  displayName: string;
  password: string;
  kind: AccountKind;
  roles?: Role[];
  /** CLI only: the password is the account holder's own, not to be changed at first login */
  keepPassword?: boolean;
}

export async function addUser(deps: Deps, o: AddUserOptions): Promise<UserView> {
  const roles = [...new Set(o.roles ?? [])].sort();
  if (o.actor) {
    if (o.actor.kind !== 'sysadmin') throw forbidden('只有系统管理员可以新增用户');
    if (roles.length > 0) throw forbidden('角色须由安全管理员授予');
    if (o.kind !== 'business') throw forbidden('三员账户须由部署人员通过命令行创建');
  }
  const separation = checkRoleSet(o.kind, roles);
  if (!separation.ok) throw new AppError('SEPARATION_OF_DUTIES', separation.message);
  const username = foldUsername(o.username);
  if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(username)) throw new AppError('VALIDATION', '用户名须为 2–64 位字母、数字或 . _ @ -');
  const problems = passwordProblems(o.password, deps.config.password, username);
  if (problems.length > 0) throw new AppError('VALIDATION', problems.join('；'));
  const db = deps.db.kysely;
  const a = await resolveAttachments(db, o.kind, roles, {
    bureauId: o.bureauId ?? null,
    departmentId: o.departmentId ?? null,
    sectionId: o.sectionId ?? null,
  });
  if (await findUserByUsername(db, username)) throw new AppError('CONFLICT', `用户名“${username}”已存在`);
  const hash = await deps.passwords.hash(o.password);
  const at = nowIso(deps.clock);
  const id = deps.random.uuid();
  await inTransaction(deps, async (trx, audit) => {
    await insertUser(
      trx,
      {
        id, username, display_name: o.displayName.trim() || username, kind: o.kind, password_hash: hash,
        bureau_id: a.bureauId, department_id: a.departmentId, section_id: a.sectionId,
        disabled: 0, failed_count: 0, locked_until: null, password_changed_at: at, created_at: at, updated_at: at,
        password_must_change: o.actor || !o.keepPassword ? 1 : 0,
      },
      roles,
    );
    const actor = o.actor ? by(o.actor) : { actorUsername: 'cli' };
    await audit({ ...actor, event: 'user_add', objectType: 'user', objectId: id, detail: { username, kind: o.kind, roles } });
  });
  return userView((await findUserById(db, id))!);
}
