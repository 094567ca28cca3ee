// 批量导出 for finance: start a zip of all reports of a task (official PDF or DOCX), poll its progress,
// download it when done.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { BATCH_FORMATS, batchExportFile, batchExportStatus, startBatchExport } from '../../use-cases/batch-export';
import { authOf, requireAuth } from '../auth-hook';
import { contentDisposition } from '../download';
import { errors, IdParams } from '../schemas';

const tags = ['导出'];
const Job = z.object({
  id: z.string(), taskId: z.string(), format: z.enum(BATCH_FORMATS), state: z.enum(['running', 'done', 'failed']),
  total: z.number(), done: z.number(), failed: z.array(z.object({ reportId: z.string(), departmentName: z.string(), message: z.string() })), fileName: z.string(),
});

export function batchExportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preValidation = requireAuth(deps);

  r.post('/api/tasks/:id/exports', {
    schema: {
      tags, summary: '批量导出任务的全部报告（正式版，zip）',
      description: 'format：pdf 或 docx。后台逐份导出（每份记审计），用 GET /api/export-jobs/{id} 查看进度，完成后 GET /api/export-jobs/{id}/file 下载。',
      params: IdParams, body: z.object({ format: z.enum(BATCH_FORMATS, { message: '批量导出格式须为 pdf 或 docx' }) }),
      response: { 202: Job, ...errors(400, 401, 403, 404) },
    },
    preValidation,
  }, async (request, reply) => reply.code(202).send(await startBatchExport(deps, { actor: authOf(request).actor, taskId: request.params.id, format: request.body.format })));

  r.get('/api/export-jobs/:id', {
    schema: { tags, summary: '批量导出进度', params: IdParams, response: { 200: Job, ...errors(401, 404) } },
    preValidation,
  }, async (request) => batchExportStatus(deps, { actor: authOf(request).actor, id: request.params.id }));

  r.get('/api/export-jobs/:id/file', {
    schema: { tags, summary: '下载批量导出的 zip', params: IdParams, response: { 200: { description: 'zip', content: { 'application/zip': { schema: z.string().meta({ format: 'binary' }) } } }, ...errors(401, 404, 409) } },
    preValidation,
  }, async (request, reply) => {
    const f = await batchExportFile(deps, { actor: authOf(request).actor, id: request.params.id });
    return reply.type('application/zip').header('Content-Disposition', contentDisposition(f.fileName, 'reports.zip'))
      .send(Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) as unknown as string);
  });
}
