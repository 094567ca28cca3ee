// Who must use a second factor (等保 DB-AUTH-4: finance roles and the 三员 by default; all or none by
// configuration; the demo asks nobody unless configured).
import { FINANCE_ROLES, type Role } from '../../core/workflow/index';
import type { ServerConfig } from '../config';
import type { AccountKind } from '../db/schema';

export function secondFactorRequired(config: Pick<ServerConfig, 'twoFactor' | 'demo'>, u: { kind: AccountKind; roles: readonly Role[] }): boolean {
  const policy = config.twoFactor.required === 'auto' ? (config.demo ? 'none' : 'finance-admin') : config.twoFactor.required;
  if (policy === 'none') return false;
  if (policy === 'all') return true;
  return u.kind !== 'business' || u.roles.some((r) => FINANCE_ROLES.includes(r));
}
