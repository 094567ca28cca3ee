// 三员 interfaces: accounts (system administrator), roles, password resets, lockouts and second-factor
// resets (security administrator). The audit administrator's are in audit.ts. None of them touches report content.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { addUser } from '../../use-cases/add-user';
import { listUsers } from '../../use-cases/list-users';
import { setUserDisabled } from '../../use-cases/set-user-disabled';
import { setRoles } from '../../use-cases/set-user-roles';
import { resetSecondFactor } from '../../use-cases/disable-second-factor';
import { resetPassword } from '../../use-cases/reset-password';
import { unlockUser } from '../../use-cases/unlock-user';
import { authOf, requireAuth } from '../auth-hook';
import { AddUserBody, ResetPasswordBody, RolesBody, UserIdParams, UserView, errors } from '../schemas';

export function adminRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preValidation = requireAuth(deps);

  r.get('/api/users', {
    schema: { tags: ['账户'], summary: '账户列表（系统管理员、安全管理员）', response: { 200: z.object({ items: z.array(UserView) }), ...errors(401, 403) } },
    preValidation,
  }, async (request) => ({ items: await listUsers(deps, { actor: authOf(request).actor }) }));

  r.post('/api/users', {
    schema: { tags: ['账户'], summary: '新增业务账户（系统管理员；角色由安全管理员授予）', body: AddUserBody, response: { 201: UserView, ...errors(400, 401, 403, 409) } },
    preValidation,
  }, async (request, reply) => {
    const user = await addUser(deps, { actor: authOf(request).actor, kind: 'business', ...request.body });
    return reply.code(201).send(user);
  });

  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    r.post(`/api/users/:userId/${verb}`, {
      schema: { tags: ['账户'], summary: disabled ? '停用账户（立即注销其全部会话）' : '启用账户（同时解除锁定）', params: UserIdParams, response: { 200: UserView, ...errors(401, 403, 404) } },
      preValidation,
    }, async (request) => setUserDisabled(deps, { actor: authOf(request).actor, userId: request.params.userId, disabled }));
  }

  r.post('/api/users/:userId/password', {
    schema: {
      tags: ['账户'], summary: '重置密码（安全管理员；仅业务账户，三员账户由部署人员在命令行重置）',
      description: '设置临时密码：用户下次登录须先修改，逾期未改即失效；其全部会话随即结束。', params: UserIdParams, body: ResetPasswordBody,
      response: { 200: UserView, ...errors(400, 401, 403, 404) },
    },
    preValidation,
  }, async (request) => resetPassword(deps, { actor: authOf(request).actor, userId: request.params.userId, password: request.body.password }));

  r.post('/api/users/:userId/unlock', {
    schema: { tags: ['账户'], summary: '解除登录锁定（安全管理员）', description: '连续输错密码被锁定的账户立即可以再登录；按地址的限制不变。', params: UserIdParams, response: { 200: UserView, ...errors(401, 403, 404) } },
    preValidation,
  }, async (request) => unlockUser(deps, { actor: authOf(request).actor, userId: request.params.userId }));

  r.post('/api/users/:userId/second-factor/reset', {
    schema: { tags: ['账户'], summary: '重置双因素认证（安全管理员，如用户更换手机）', params: UserIdParams, response: { 200: UserView, ...errors(401, 403, 404) } },
    preValidation,
  }, async (request) => resetSecondFactor(deps, { actor: authOf(request).actor, userId: request.params.userId }));

  r.put('/api/users/:userId/roles', {
    schema: { tags: ['账户'], summary: '设置业务角色（安全管理员）', params: UserIdParams, body: RolesBody, response: { 200: UserView, ...errors(400, 401, 403, 404) } },
    preValidation,
  }, async (request) => setRoles(deps, { actor: authOf(request).actor, userId: request.params.userId, ...request.body }));
}
