// /api/reports: list, create, read, save (If-Match), import.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors';
import type { Deps } from '../../deps';
import { createReport } from '../../use-cases/create-report';
import { getReport } from '../../use-cases/get-report';
import { importReport } from '../../use-cases/import-report';
import { listReports } from '../../use-cases/list-reports';
import { saveLargeReport, saveReport } from '../../use-cases/save-report';
import { LargeJson, largeJsonValidator } from '../large-json';
import { authOf, etag, parseIfMatch, parseIfNoneMatch, requireAuth } from '../auth-hook';
import { readUpload } from '../multipart';
import { plainJson } from '../plain-json';
import { CreateBody, IdParams, ListItem, ListQuery, ReportViewSchema, SaveBody, SaveResult, errors } from '../schemas';

export function reportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['报告'];
  const preValidation = requireAuth(deps);

  r.get('/api/reports', {
    schema: {
      tags, summary: '报告列表（仅本人可见的报告）', description: '按年度（新到旧）、部门名称排序；分页：limit（默认 500，最多 1000），下一页带上本页的 next 作为 after；next 为 null 表示已是最后一页。',
      querystring: ListQuery, response: { 200: z.object({ items: z.array(ListItem), next: z.string().nullable() }), ...errors(400, 401, 403) },
    },
    preValidation,
    serializerCompiler: plainJson,
  }, async (request) => listReports(deps, { actor: authOf(request).actor, ...request.query }));

  r.post('/api/reports', {
    schema: { tags, summary: '新建空白报告（本部门，指定年度）', body: CreateBody, response: { 201: ReportViewSchema, ...errors(400, 401, 403) } },
    preValidation,
  }, async (request, reply) => {
    const view = await createReport(deps, { actor: authOf(request).actor, ...request.body });
    return reply.code(201).header('ETag', etag(view.version)).send(view);
  });

  r.get('/api/reports/:id', {
    schema: {
      tags, summary: '查看报告（含校验发现与评分）',
      description: '响应头 ETag 为 "版本号"，保存时放入 If-Match。带 If-None-Match: "版本号" 且报告仍是该版本时返回 304（无响应体）。',
      params: IdParams, headers: z.object({ 'if-none-match': z.string().optional() }).loose(),
      response: { 200: ReportViewSchema, 304: z.null().describe('报告仍是 If-None-Match 中的版本'), ...errors(401, 403, 404) },
    },
    preValidation,
    serializerCompiler: plainJson,
  }, async (request, reply) => {
    const result = await getReport(deps, { actor: authOf(request).actor, id: request.params.id, ifNoneMatch: parseIfNoneMatch(request.headers['if-none-match']) });
    reply.header('ETag', etag(result.version));
    // no payload at all: a 304 carrying content-length would make some clients wait for a body
    return 'notModified' in result ? reply.code(304).send(undefined as unknown as null) : reply.send(result);
  });

  r.put('/api/reports/:id', {
    schema: {
      tags, summary: '保存报告（乐观并发）',
      description: '须带 If-Match: "版本号"。版本已变化时返回 412，响应体 current 中含当前版本与报告，供界面对比合并；缺少 If-Match 返回 428。',
      params: IdParams, headers: z.object({ 'if-match': z.string().optional() }).loose(), body: SaveBody,
      response: { 200: SaveResult, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    preValidation,
    serializerCompiler: plainJson,
    // a large document is parsed, validated and diffed in a worker thread (http/large-json.ts)
    config: { largeJson: true },
    validatorCompiler: largeJsonValidator,
  }, async (request, reply) => {
    const ifMatch = parseIfMatch(request.headers['if-match']);
    if (ifMatch == null) throw new AppError('PRECONDITION_REQUIRED', '保存须带上所依据的版本（If-Match 请求头）');
    const { actor } = authOf(request);
    const body = request.body as unknown;
    const result =
      body instanceof LargeJson
        ? await saveLargeReport(deps, { actor, id: request.params.id, ifMatch, bodyText: body.text })
        : await saveReport(deps, { actor, id: request.params.id, ifMatch, report: request.body.report, confirmClear: request.body.confirmClear });
    return reply.header('ETag', etag(result.version)).send(result);
  });

  r.post('/api/reports/import', {
    schema: {
      tags, summary: '导入文件为新草稿', consumes: ['multipart/form-data'],
      description: 'multipart/form-data：字段 file 为 DOCX、XLSX 或文本文件；可选字段 year 覆盖报告年度。无法读取的文件返回 400/415 及中文原因。',
      response: { 201: ReportViewSchema, ...errors(400, 401, 403, 413, 415) },
    },
    preValidation,
    serializerCompiler: plainJson,
  }, async (request, reply) => {
    const { actor } = authOf(request);
    const { file, fields } = await readUpload(request);
    let year: number | undefined;
    if (fields.year != null && fields.year.trim() !== '') {
      year = Number(fields.year);
      if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new AppError('VALIDATION', '年度须为 1990–2100 之间的整数');
    }
    const view = await importReport(deps, { actor, bytes: new Uint8Array(file.bytes), fileName: file.name, year });
    return reply.code(201).header('ETag', etag(view.version)).send(view);
  });
}
