// /api/session: 登录, 当前用户, 退出, 修改密码.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { changePassword } from '../../use-cases/change-password';
import { login } from '../../use-cases/login';
import { logout } from '../../use-cases/logout';
import { orgNames, primaryRole } from '../../use-cases/user-view';
import { authOf, clearSessionCookie, requireAuth, setSessionCookie } from '../auth-hook';
import { LoginBody, PasswordBody, SessionView, errors } from '../schemas';

export function sessionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['会话'];

  r.post('/api/session', {
    schema: {
      tags, summary: '登录', description: '用户名和密码登录；成功后以 httpOnly Cookie 下发会话。连续失败达到阈值后锁定（423）。',
      body: LoginBody, response: { 200: SessionView, ...errors(400, 401, 423) },
    },
  }, async (request, reply) => {
    const result = await login(deps, { ...request.body, ip: request.ip });
    setSessionCookie(reply, deps.config, result.token);
    return { user: { ...result.user, ...(await orgNames(deps, result.user)) }, mustChangePassword: result.mustChangePassword };
  });

  r.get('/api/session', {
    schema: { tags, summary: '当前用户', response: { 200: SessionView, ...errors(401) } },
    preValidation: requireAuth(deps, { allowPasswordChange: true }),
  }, async (request) => {
    const { actor, mustChangePassword } = authOf(request);
    const { ip: _ip, ...user } = actor;
    return { user: { ...user, ...primaryRole(user.kind, user.roles), ...(await orgNames(deps, user)), disabled: false }, mustChangePassword };
  });

  r.delete('/api/session', {
    schema: { tags, summary: '退出登录', description: '服务端删除会话，旧 Cookie 随即失效。', response: { 204: z.null(), ...errors(401) } },
    preValidation: requireAuth(deps, { allowPasswordChange: true }),
  }, async (request, reply) => {
    const { actor, tokenHash } = authOf(request);
    await logout(deps, { actor, tokenHash });
    clearSessionCookie(reply, deps.config);
    reply.header('Clear-Site-Data', '"storage"');
    return reply.code(204).send(null);
  });

  r.post('/api/session/password', {
    schema: { tags, summary: '修改密码', description: '须提供当前密码；成功后该用户的其他会话失效。', body: PasswordBody, response: { 204: z.null(), ...errors(400, 401) } },
    preValidation: requireAuth(deps, { allowPasswordChange: true }),
  }, async (request, reply) => {
    const { actor, tokenHash } = authOf(request);
    await changePassword(deps, { actor, tokenHash, ...request.body });
    return reply.code(204).send(null);
  });
}
