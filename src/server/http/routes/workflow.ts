// /api/reports/:id/transitions and /signatures: the review workflow and sign-offs.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { listSignatures } from '../../use-cases/list-signatures';
import { signReport } from '../../use-cases/sign-report';
import { transitionReport } from '../../use-cases/transition-report';
import { authOf, etag, parseIfMatch, requireAuth } from '../auth-hook';
import { IdParams, SignBody, SignatureView, TransitionBody, TransitionResult, errors } from '../schemas';

export function workflowRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['流转与签署'];
  const preValidation = requireAuth(deps);

  r.post('/api/reports/:id/transitions', {
    schema: {
      tags, summary: '流转操作',
      description: [
        'action：submit 提交部门审核（填报人）；approve 审核通过并报送财政（部门负责人，须先签署当前版本）；',
        'return 退回（部门负责人或归口科室，须填 reason，可附 paths 指明涉及的单元格）；review 开始审核（归口科室，契约扩展）；',
        'accept 审核通过（归口科室）；publish 公开（绩效管理科）。提交时仍有错误级校验发现且未逐条豁免（waivers）时返回 422 及阻止提交的发现。',
        '可选 If-Match（版本）与 Idempotency-Key（同一操作重试时重放首次结果）。',
      ].join(''),
      params: IdParams, body: TransitionBody,
      headers: z.object({ 'if-match': z.string().optional(), 'idempotency-key': z.string().max(128).optional() }).loose(),
      response: { 200: TransitionResult, ...errors(400, 401, 403, 404, 409, 412, 422) },
    },
    preValidation,
  }, async (request, reply) => {
    const result = await transitionReport(deps, {
      actor: authOf(request).actor,
      id: request.params.id,
      ...request.body,
      ifMatch: parseIfMatch(request.headers['if-match']),
      idempotencyKey: request.headers['idempotency-key'] ?? null,
    });
    return reply.header('ETag', etag(result.version)).send(result);
  });

  r.post('/api/reports/:id/signatures', {
    schema: {
      tags, summary: '签署报告',
      description: '记录签署人、身份、时间与当前报告规范 JSON 的摘要（SHA-256，启用国密时为 SM3）；此后内容一旦改动，签署即显示为失效。同一签署人以同一身份对同一内容重复签署时返回原签署（200）。职责分离：负责人不能签署自己提交的报告，归口科室不能是本部门人员（403 SEPARATION_OF_DUTIES）。',
      params: IdParams, body: SignBody, response: { 200: SignatureView, 201: SignatureView, ...errors(400, 401, 403, 404, 409) },
    },
    preValidation,
  }, async (request, reply) => {
    const { created, ...sig } = await signReport(deps, { actor: authOf(request).actor, id: request.params.id, ...request.body });
    return reply.code(created ? 201 : 200).send(sig);
  });

  r.get('/api/reports/:id/signatures', {
    schema: { tags, summary: '签署记录（含是否仍有效）', params: IdParams, response: { 200: z.object({ items: z.array(SignatureView) }), ...errors(401, 403, 404) } },
    preValidation,
  }, async (request) => ({ items: await listSignatures(deps, { actor: authOf(request).actor, id: request.params.id }) }));
}
