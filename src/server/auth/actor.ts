// Who is acting: the signed-in user with roles and where they belong, plus the request's address.
import type { Role } from '../../core/workflow/index';
import type { AccountKind } from '../db/schema';
import type { UserWithRoles } from '../repositories/users';

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  kind: AccountKind;
  roles: Role[];
  bureauId: string | null;
  departmentId: string | null;
  sectionId: string | null;
  ip: string;
}

/** The actor a stored account stands for (roles read fresh from the account). */
export function actorOf(user: UserWithRoles, ip: string): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    kind: user.kind,
    roles: user.roles,
    bureauId: user.bureau_id,
    departmentId: user.department_id,
    sectionId: user.section_id,
    ip,
  };
}

/** The role written into audit rows: the account kind for 三员, else the roles joined. */
export function auditRole(actor: Pick<Actor, 'kind' | 'roles'>): string {
  return actor.kind === 'business' ? actor.roles.join(',') : actor.kind;
}

export function isAdminKind(kind: AccountKind): boolean {
  return kind !== 'business';
}
