// POST /api/reports/:id/import: a file into an existing draft (preview, replace, merge).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { importIntoReport } from '../../use-cases/import-into-report';
import { authOf, parseIfMatch, requireAuth } from '../auth-hook';
import { IdParams, ImportIntoMode, ImportIntoResult, errors } from '../schemas';

export function reportImportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/reports/:id/import', {
    schema: {
      tags: ['报告'], summary: '导入文件到本草稿（预览、替换或合并）', consumes: ['multipart/form-data'],
      description: 'multipart/form-data：字段 file 为文件，mode 为 preview（只列出差异，不写入）、replace（以文件内容替换草稿）或 merge（文件中有值处采用文件，空白处保留草稿）。替换与合并须带 If-Match；年度须与草稿一致。',
      params: IdParams, headers: z.object({ 'if-match': z.string().optional() }).loose(),
      response: { 200: ImportIntoResult, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 428) },
    },
    preValidation: requireAuth(deps),
  }, async (request) => {
    if (!request.isMultipart()) throw new AppError('VALIDATION', '请以 multipart/form-data 上传文件（字段名 file）');
    let file: { bytes: Buffer; name: string } | null = null;
    let mode: string = 'preview';
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'file' && !file) file = { bytes: await part.toBuffer(), name: part.filename };
      else if (part.type === 'file') await part.toBuffer(); // drain unexpected files
      else if (part.fieldname === 'mode') mode = String(part.value);
    }
    if (!file) throw new AppError('VALIDATION', '请选择要导入的文件（字段名 file）');
    const parsed = ImportIntoMode.safeParse(mode);
    if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]!.message);
    return importIntoReport(deps, {
      actor: authOf(request).actor, id: request.params.id, bytes: new Uint8Array(file.bytes), fileName: file.name, mode: parsed.data,
      ifMatch: parseIfMatch(request.headers['if-match']),
    });
  });
}
