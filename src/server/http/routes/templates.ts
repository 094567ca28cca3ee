// /api/templates: the 评分表 templates a bureau uses. Everyone of the bureau reads them (the editor scores
// with them); its 绩效管理科 checks, uploads and activates them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { activateTemplate } from '../../use-cases/activate-template';
import { getTemplate } from '../../use-cases/get-template';
import { listTemplates } from '../../use-cases/list-templates';
import { previewTemplate } from '../../use-cases/preview-template';
import { uploadTemplate } from '../../use-cases/upload-template';
import { authOf, requireAuth } from '../auth-hook';
import { errors, TemplateCheckSchema, TemplateParams, TemplateSummarySchema, TemplateText, UploadResultSchema } from '../schemas';

export function templateRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['评分表模板'];
  const preValidation = requireAuth(deps);

  r.get('/api/templates', {
    schema: { tags, summary: '评分表模板列表（服务器安装的和本局上传的，每个版本一行）', response: { 200: z.object({ items: z.array(TemplateSummarySchema) }), ...errors(401, 403) } },
    preValidation,
  }, async (request) => ({ items: await listTemplates(deps, { actor: authOf(request).actor }) }));

  r.get('/api/templates/:id/versions/:version', {
    schema: {
      tags, summary: '一个模板版本的完整内容（评分表与表单），供浏览器按报告所用的模板校验和计分',
      description: '同一编号和版本的内容永不改变。', params: TemplateParams,
      response: { 200: z.record(z.string(), z.unknown()), ...errors(400, 401, 403, 404) },
    },
    preValidation,
  }, async (request, reply) => {
    const t = await getTemplate(deps, { actor: authOf(request).actor, ...request.params });
    return reply.send(t as unknown as Record<string, unknown>);
  });

  r.post('/api/templates/check', {
    schema: {
      tags, summary: '检查并预览模板文件（绩效管理科），不保存',
      description: '返回逐行的问题（行号、列号、JSON 路径、中文说明），或模板的栏目、表格、评分项和等次。', body: TemplateText,
      response: { 200: TemplateCheckSchema, ...errors(400, 401, 403) },
    },
    preValidation,
  }, async (request) => previewTemplate(deps, { actor: authOf(request).actor, text: request.body.text }));

  r.post('/api/templates', {
    schema: {
      tags, summary: '上传模板（绩效管理科）：保存为本局模板的一个新版本',
      description: '模板有问题时返回 400，problems 列出各处问题；编号属于服务器安装的模板或其他财政局、或同一版本已有不同内容时返回 409。同一文件重复上传返回 200。',
      body: TemplateText, response: { 200: UploadResultSchema, 201: UploadResultSchema, ...errors(400, 401, 403, 409) },
    },
    preValidation,
  }, async (request, reply) => {
    const result = await uploadTemplate(deps, { actor: authOf(request).actor, text: request.body.text });
    return reply.code(result.created ? 201 : 200).send(result);
  });

  r.post('/api/templates/:id/versions/:version/activate', {
    schema: {
      tags, summary: '启用模板版本（绩效管理科）：本局此后新建的同类报告使用此版本', params: TemplateParams,
      response: { 200: TemplateSummarySchema, ...errors(400, 401, 403, 404) },
    },
    preValidation,
  }, async (request) => activateTemplate(deps, { actor: authOf(request).actor, ...request.params }));
}
