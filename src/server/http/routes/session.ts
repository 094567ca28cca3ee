// /api/session: 登录 (password, then the second factor when the account has one), 当前用户, 退出, 修改密码.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { secondFactorRequired } from '../../auth/second-factor';
import type { Deps } from '../../deps';
import type { Authenticated } from '../../use-cases/authenticate';
import { changePassword } from '../../use-cases/change-password';
import { login } from '../../use-cases/login';
import { logout } from '../../use-cases/logout';
import { orgNames, primaryRole } from '../../use-cases/user-view';
import { verifySecondFactor } from '../../use-cases/verify-second-factor';
import { ANY_STEP, assertTransport, authOf, clearSessionCookie, requireAuth, sessionToken, setSessionCookie } from '../auth-hook';
import { LoginBody, PasswordBody, SecondFactorBody, SessionView, errors } from '../schemas';

/** GET /api/session for a visitor without a session. */
const NoSession = z.object({ user: z.null() });

/** The session as the UI needs it: who, and which step (if any) is still due. */
export async function sessionView(deps: Deps, auth: Pick<Authenticated, 'actor' | 'mustChangePassword' | 'stage' | 'passwordExpiresAt' | 'totpEnabled'>) {
  const { ip: _ip, ...user } = auth.actor;
  return {
    user: { ...user, ...primaryRole(user.kind, user.roles), ...(await orgNames(deps, user)), disabled: false },
    mustChangePassword: auth.mustChangePassword,
    secondFactor: auth.stage,
    passwordExpiresAt: auth.passwordExpiresAt,
    totpEnabled: auth.totpEnabled,
    secondFactorRequired: secondFactorRequired(deps.config, user),
  };
}

const userAgent = (request: FastifyRequest) => String(request.headers['user-agent'] ?? '');

export function sessionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['会话'];

  r.post('/api/session', {
    schema: {
      tags, summary: '登录',
      description: [
        '用户名和密码登录；成功后以 httpOnly Cookie 下发会话。secondFactor 为 pending 时须再调用 /api/session/second-factor 输入动态验证码，',
        '为 enrol 时须先绑定动态验证码（/api/account/totp/*）；在此之前会话不能访问其他接口。连续失败达到阈值后锁定（423），',
        '同一地址失败过多时限流（429，带 Retry-After）。',
      ].join(''),
      body: LoginBody, response: { 200: SessionView, ...errors(400, 401, 423, 429) },
    },
  }, async (request, reply) => {
    assertTransport(deps.config, request);
    const result = await login(deps, { ...request.body, ip: request.ip, userAgent: userAgent(request) });
    setSessionCookie(reply, deps.config, result.token);
    return {
      user: { ...result.user, ...(await orgNames(deps, result.user)) },
      mustChangePassword: result.mustChangePassword,
      secondFactor: result.secondFactor,
      passwordExpiresAt: result.passwordExpiresAt,
      totpEnabled: result.totpEnabled,
      secondFactorRequired: secondFactorRequired(deps.config, result.user),
    };
  });

  r.post('/api/session/second-factor', {
    schema: {
      tags, summary: '登录第二步：动态验证码或恢复码',
      description: '6 位动态验证码（每个只能用一次）或一个恢复码；连续输错达到阈值后本次登录作废并锁定。',
      body: SecondFactorBody, response: { 200: SessionView, ...errors(400, 401, 409, 423) },
    },
    preValidation: requireAuth(deps, { allow: ['SECOND_FACTOR_REQUIRED'] }),
  }, async (request) => {
    const auth = authOf(request);
    await verifySecondFactor(deps, { auth, ...request.body });
    return sessionView(deps, { ...auth, stage: 'ok' });
  });

  const signedIn = requireAuth(deps, { allow: ANY_STEP });
  r.get('/api/session', {
    schema: {
      tags, summary: '当前用户',
      description: '未登录（请求不带会话 Cookie）时返回 200 `{ "user": null }`，登录页打开时不产生错误；带着已失效或超时的会话 Cookie 时返回 401，说明原因。',
      response: { 200: z.union([SessionView, NoSession]), ...errors(401) },
    },
    // a visitor who never signed in is an answer, not an error; a session that ended is a 401 with its reason
    preValidation: async (request) => (sessionToken(deps.config, request) ? signedIn(request) : undefined),
  }, async (request) => (request.auth ? sessionView(deps, request.auth) : { user: null }));

  r.delete('/api/session', {
    schema: { tags, summary: '退出登录', description: '服务端删除会话，旧 Cookie 随即失效。', response: { 204: z.null(), ...errors(401) } },
    preValidation: requireAuth(deps, { allow: ANY_STEP }),
  }, async (request, reply) => {
    const { actor, tokenHash } = authOf(request);
    await logout(deps, { actor, tokenHash });
    clearSessionCookie(reply, deps.config);
    reply.header('Clear-Site-Data', '"storage"');
    return reply.code(204).send(null);
  });

  r.post('/api/session/password', {
    schema: { tags, summary: '修改密码', description: '须提供当前密码；成功后该用户的其他会话失效。', body: PasswordBody, response: { 204: z.null(), ...errors(400, 401, 423) } },
    preValidation: requireAuth(deps, { allow: ['PASSWORD_CHANGE_REQUIRED', 'SECOND_FACTOR_ENROLMENT_REQUIRED'] }),
  }, async (request, reply) => {
    await changePassword(deps, { auth: authOf(request), ...request.body });
    return reply.code(204).send(null);
  });
}
