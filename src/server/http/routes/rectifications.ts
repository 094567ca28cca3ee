// /api/rectifications: 整改通知 — issued by the bureau, answered item by item by the department with
// evidence files (checked by the same upload layer as report imports), accepted or reopened.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { answerRectification, downloadEvidence, uploadEvidence } from '../../use-cases/answer-rectification';
import { issueRectification } from '../../use-cases/issue-rectification';
import { getRectification, listRectifications } from '../../use-cases/list-rectifications';
import { reviewRectification } from '../../use-cases/review-rectification';
import { contentDisposition, reprDigest } from '../download';
import { authOf, parseIfMatch, requireAuth } from '../auth-hook';
import { readUpload } from '../multipart';
import {
  AnswerBody, EvidenceParams, EvidenceSchema, IssueRectificationBody, ItemResult, NoticeViewSchema, RectItemParams, RectificationParams, RectificationQuery, ReviewItemBody, errors,
} from '../schemas';

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  text: 'text/plain; charset=utf-8',
};

export function rectificationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['整改'];
  const preValidation = requireAuth(deps);
  const ifMatch = z.object({ 'if-match': z.string().optional() }).loose();

  r.get('/api/rectifications', {
    schema: { tags, summary: '整改通知列表（部门：本部门；归口科室：本科室部门；绩效管理科：全局）', querystring: RectificationQuery, response: { 200: z.object({ items: z.array(NoticeViewSchema) }), ...errors(400, 401, 403) } },
    preValidation,
  }, async (request) => ({ items: await listRectifications(deps, { actor: authOf(request).actor, ...request.query }) }));

  r.post('/api/rectifications', {
    schema: {
      tags, summary: '下达整改通知（绩效管理科；归口科室限本科室部门）', description: '依据 findings 校验发现、rescore 复核、grade 中/差等次或 other；每项写明问题、整改要求、期限与责任单位。',
      body: IssueRectificationBody, response: { 201: NoticeViewSchema, ...errors(400, 401, 403) },
    },
    preValidation,
  }, async (request, reply) => reply.code(201).send(await issueRectification(deps, { actor: authOf(request).actor, ...request.body })));

  r.get('/api/rectifications/:id', {
    schema: { tags, summary: '查看整改通知', params: RectificationParams, response: { 200: NoticeViewSchema, ...errors(401, 403, 404) } },
    preValidation,
  }, async (request) => getRectification(deps, { actor: authOf(request).actor, id: request.params.id }));

  r.post('/api/rectifications/:id/items/:itemId/answer', {
    schema: { tags, summary: '反馈整改情况（被通知部门的填报人或负责人）', params: RectItemParams, body: AnswerBody, headers: ifMatch, response: { 200: ItemResult, ...errors(400, 401, 403, 404, 409) } },
    preValidation,
  }, async (request) => answerRectification(deps, { actor: authOf(request).actor, noticeId: request.params.id, itemId: request.params.itemId, answer: request.body.answer, ifMatch: parseIfMatch(request.headers['if-match']) }));

  r.post('/api/rectifications/:id/items/:itemId/evidence', {
    schema: {
      tags, summary: '上传整改佐证材料', consumes: ['multipart/form-data'],
      description: '字段 file：PDF、图片、Word（.docx）、Excel（.xlsx）或文本。按文件内容识别格式，Word/Excel 在受限的解析沙箱中检查（与报告导入同一安全层）；旧版 .doc/.xls、加密或无法识别的文件拒收（415）。',
      params: RectItemParams, response: { 201: EvidenceSchema, ...errors(400, 401, 403, 404, 409, 413, 415) },
    },
    preValidation,
  }, async (request, reply) => {
    const { file } = await readUpload(request);
    const saved = await uploadEvidence(deps, { actor: authOf(request).actor, noticeId: request.params.id, itemId: request.params.itemId, bytes: new Uint8Array(file.bytes), fileName: file.name });
    return reply.code(201).send(saved);
  });

  r.get('/api/rectifications/:id/evidence/:fileId', {
    exposeHeadRoute: false,
    schema: { tags, summary: '下载整改佐证材料', params: EvidenceParams, response: { 200: { description: '文件', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } }, ...errors(401, 403, 404) } },
    preValidation,
  }, async (request, reply) => {
    const f = await downloadEvidence(deps, { actor: authOf(request).actor, noticeId: request.params.id, fileId: request.params.fileId });
    return reply.type(MIME[f.format] ?? 'application/octet-stream').header('Content-Disposition', contentDisposition(f.file_name, `evidence-${f.id.slice(0, 8)}`))
      .header('Repr-Digest', reprDigest(f.sha256)).send(Buffer.from(f.content) as unknown as string);
  });

  r.post('/api/rectifications/:id/items/:itemId/review', {
    schema: { tags, summary: '销号或退回重改（财政审核人员；退回须写理由）', params: RectItemParams, body: ReviewItemBody, headers: ifMatch, response: { 200: ItemResult, ...errors(400, 401, 403, 404, 409) } },
    preValidation,
  }, async (request) => reviewRectification(deps, { actor: authOf(request).actor, noticeId: request.params.id, itemId: request.params.itemId, ...request.body, ifMatch: parseIfMatch(request.headers['if-match']) }));
}
