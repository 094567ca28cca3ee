// /api/account: what a user manages about their own account — the second factor (TOTP and recovery
// codes) and their sessions. The security administrator's reset of someone else's second factor lives
// with the other account administration in admin.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { disableSecondFactor } from '../../use-cases/disable-second-factor';
import { confirmEnrolment, regenerateRecoveryCodes, startEnrolment } from '../../use-cases/enrol-second-factor';
import { endSession } from '../../use-cases/end-session';
import { listSessions } from '../../use-cases/list-sessions';
import { authOf, requireAuth } from '../auth-hook';
import { CodeBody, OptionalPasswordBody, PasswordOnlyBody, RecoveryCodes, SessionIdParams, SessionItem, TotpStart, errors } from '../schemas';

export function accountRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['账户安全'];
  const enrolling = requireAuth(deps, { allow: ['SECOND_FACTOR_ENROLMENT_REQUIRED'] });
  const signedIn = requireAuth(deps);

  r.post('/api/account/totp/start', {
    schema: {
      tags, summary: '开始绑定动态验证码', description: '返回新的密钥与 otpauth:// 链接（界面显示为二维码）。已登录的会话中须提供当前密码；登录时被要求绑定的无需再输。',
      body: OptionalPasswordBody, response: { 200: TotpStart, ...errors(400, 401, 409, 423) },
    },
    preValidation: enrolling,
  }, async (request) => startEnrolment(deps, { auth: authOf(request), password: request.body.password }));

  r.post('/api/account/totp/confirm', {
    schema: { tags, summary: '确认绑定：输入验证器显示的动态验证码', description: '成功后启用，并返回 10 个恢复码（只显示这一次）。', body: CodeBody, response: { 200: RecoveryCodes, ...errors(400, 401, 409) } },
    preValidation: enrolling,
  }, async (request) => confirmEnrolment(deps, { auth: authOf(request), code: request.body.code }));

  r.post('/api/account/totp/disable', {
    schema: { tags, summary: '停用动态验证码（仅限非必须使用双因素的账户）', body: PasswordOnlyBody, response: { 204: z.null(), ...errors(400, 401, 403, 409, 423) } },
    preValidation: signedIn,
  }, async (request, reply) => {
    await disableSecondFactor(deps, { auth: authOf(request), password: request.body.password });
    return reply.code(204).send(null);
  });

  r.post('/api/account/recovery-codes', {
    schema: { tags, summary: '重新生成恢复码（旧的随即作废）', body: PasswordOnlyBody, response: { 200: RecoveryCodes, ...errors(400, 401, 409, 423) } },
    preValidation: signedIn,
  }, async (request) => regenerateRecoveryCodes(deps, { auth: authOf(request), password: request.body.password }));

  r.get('/api/account/sessions', {
    schema: { tags, summary: '我的登录会话', response: { 200: z.object({ items: z.array(SessionItem), max: z.number() }), ...errors(401) } },
    preValidation: signedIn,
  }, async (request) => ({ items: await listSessions(deps, { auth: authOf(request) }), max: deps.config.session.maxPerUser }));

  r.delete('/api/account/sessions/:sessionId', {
    schema: { tags, summary: '结束一个会话', params: SessionIdParams, response: { 200: z.object({ ended: z.number() }), ...errors(400, 401, 404) } },
    preValidation: signedIn,
  }, async (request) => endSession(deps, { auth: authOf(request), id: request.params.sessionId }));

  r.delete('/api/account/sessions', {
    schema: { tags, summary: '结束除当前会话以外的全部会话', response: { 200: z.object({ ended: z.number() }), ...errors(401) } },
    preValidation: signedIn,
  }, async (request) => endSession(deps, { auth: authOf(request), id: 'others' }));
}
