// Who is acting: the signed-in user with roles and where they belong, plus the request's address.
import type { Role } from '../../core/workflow/index';
import type { AccountKind } from '../db/schema';

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

/** The role written into audit rows: the account kind for 三员, else the roles joined. */
export function auditRole(actor: Pick<Actor, 'kind' | 'roles'>): string {
  return actor.kind === 'business' ? actor.roles.join(',') : actor.kind;
}

export function isAdminKind(kind: AccountKind): boolean {
  return kind !== 'business';
}
