// Around one report, for the bureau's review: 复核 scores, the accept dialog's concerns, the thread
// under a return (the department's answers and the bureau's replies), and deleting an unsubmitted draft.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { acceptCheck } from '../../use-cases/accept-check';
import { getRescore, saveRescore } from '../../use-cases/rescore-report';
import { replyToReturn } from '../../use-cases/reply-return';
import { withdrawReport } from '../../use-cases/withdraw-report';
import { getDashboard } from '../../use-cases/dashboard';
import { getInbox } from '../../use-cases/inbox';
import { authOf, etag, parseIfMatch, requireAuth } from '../auth-hook';
import { ConcernsSchema, DashboardQuery, DashboardSchema, IdParams, InboxSchema, ReplyBody, ReplyParams, ReplyResult, RescoreBody, RescoreViewSchema, WithdrawResult, errors } from '../schemas';

export function bureauReviewRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['复核与异议'];
  const preValidation = requireAuth(deps);

  r.get('/api/reports/:id/rescore', {
    schema: {
      tags, summary: '复核评分（逐项：自评、系统计算、复核）', description: '归口科室与绩效管理科可看；部门在报告审核通过后可看复核结果。sheet.deviation 为偏离度 =（自评 − 复核）/ 复核。',
      params: IdParams, response: { 200: RescoreViewSchema, ...errors(401, 403, 404) },
    },
    preValidation,
  }, async (request, reply) => {
    const view = await getRescore(deps, { actor: authOf(request).actor, id: request.params.id });
    return reply.header('ETag', etag(view.rescore?.version ?? 0)).send(view);
  });

  r.put('/api/reports/:id/rescore', {
    schema: {
      tags, summary: '保存复核评分（归口科室或绩效管理科）',
      description: '须带 If-Match: "复核版本"（首次为 "0"）。每项复核得分与部门自评（无自评时与系统计算）不同时须写明理由；各项都有复核得分后得出复核得分与等次，部门的自评得分不被改动。',
      params: IdParams, body: RescoreBody, headers: z.object({ 'if-match': z.string().optional() }).loose(),
      response: { 200: RescoreViewSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    preValidation,
  }, async (request, reply) => {
    const ifMatch = parseIfMatch(request.headers['if-match']);
    if (ifMatch == null) throw new AppError('PRECONDITION_REQUIRED', '保存复核须带上所依据的复核版本（If-Match 请求头，首次为 "0"）');
    const view = await saveRescore(deps, { actor: authOf(request).actor, id: request.params.id, ifMatch, ...request.body });
    return reply.header('ETag', etag(view.rescore?.version ?? 0)).send(view);
  });

  r.get('/api/reports/:id/accept-check', {
    schema: {
      tags, summary: '审核通过前须注意的问题', description: '已豁免和未豁免的错误、无可计算依据或明显高于计算得分的自评分、未答复的异议、已抽中未复核、上年整改未销号。有任何一项时，审核通过（accept）须填写理由，否则返回 422 ACCEPT_CONCERNS。',
      params: IdParams, response: { 200: ConcernsSchema, ...errors(401, 403, 404) },
    },
    preValidation,
  }, async (request) => acceptCheck(deps, { actor: authOf(request).actor, id: request.params.id }));

  r.post('/api/reports/:id/returns/:returnId/replies', {
    schema: {
      tags, summary: '回应退回意见 / 答复异议',
      description: '部门（填报人、负责人）对退回原因 accept 同意或 dispute 提出异议（须写理由）；财政审核人员以 reply 答复。path 可指明所涉单元格（须为该次退回涉及的单元格）。',
      params: ReplyParams, body: ReplyBody, response: { 201: ReplyResult, ...errors(400, 401, 403, 404, 409) },
    },
    preValidation,
  }, async (request, reply) => reply.code(201).send(await replyToReturn(deps, { actor: authOf(request).actor, reportId: request.params.id, returnId: request.params.returnId, ...request.body })));

  r.delete('/api/reports/:id', {
    schema: {
      tags: ['报告'], summary: '删除草稿（本部门填报人，提交前）', description: '只有从未提交过的草稿可以删除；审计记录保留其年度、任务、版本与内容摘要。可带 If-Match。',
      params: IdParams, headers: z.object({ 'if-match': z.string().optional() }).loose(), response: { 200: WithdrawResult, ...errors(401, 403, 404, 409) },
    },
    preValidation,
  }, async (request) => withdrawReport(deps, { actor: authOf(request).actor, id: request.params.id, ifMatch: parseIfMatch(request.headers['if-match']) }));

  r.get('/api/inbox', {
    schema: { tags: ['待办'], summary: '待办与截止提醒（当前用户）', response: { 200: InboxSchema, ...errors(401) } },
    preValidation,
  }, async (request) => getInbox(deps, { actor: authOf(request).actor }));

  r.get('/api/dashboard', {
    schema: {
      tags: ['绩效看板'], summary: '绩效看板数据（绩效管理科：全局；归口科室：本科室）',
      description: '完成情况（按任务名单，含未报送）、评价等次（统一为优/良/中/差）、自评/系统计算/复核得分、各科室偏离度、得分与预算执行率、异常与历年趋势；每项都带其所含报告的编号。',
      querystring: DashboardQuery, response: { 200: DashboardSchema, ...errors(400, 401, 403) },
    },
    preValidation,
  }, async (request) => getDashboard(deps, { actor: authOf(request).actor, year: request.query.year }));
}
