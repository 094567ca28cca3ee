// /api/reports/:id/export: the report as a file (official layout or open data), same visibility as
// GET /api/reports/:id.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { exportReportFile } from '../../use-cases/export-report';
import { contentDisposition, reprDigest } from '../download';
import { authOf, requireAuth } from '../auth-hook';
import { ExportQuery, IdParams, errors } from '../schemas';

const MIMES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/html; charset=utf-8',
  'application/json; charset=utf-8',
  'application/zip',
];
const Binary = z.string().meta({ format: 'binary' });

export function exportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/reports/:id/print', {
    schema: {
      tags: ['报告'], summary: '打印正式版（网页，打开即弹出打印）',
      description: '正式版式的网页（A4，页码），载入后调用浏览器打印；与 PDF 同一渲染。',
      params: IdParams, response: { 200: { description: 'HTML', content: { 'text/html; charset=utf-8': { schema: z.string() } } }, ...errors(401, 403, 404) },
    },
    preValidation: requireAuth(deps),
  }, async (request, reply) => {
    const file = await exportReportFile(deps, { actor: authOf(request).actor, id: request.params.id, format: 'html', rendering: 'official' });
    const html = Buffer.from(file.bytes).toString('utf8').replace('<html lang="zh-CN">', '<html lang="zh-CN" data-autoprint>').replace('</head>', '<script src="/public/print.js" defer></script></head>');
    return reply.type('text/html; charset=utf-8').header('X-Rendering', 'official').send(html);
  });

  r.get('/api/reports/:id/export', {
    // HEAD would produce (and audit) a file nobody receives
    exposeHeadRoute: false,
    schema: {
      tags: ['报告'],
      summary: '导出报告文件',
      description: [
        'rendering：official（默认，正式版：模板版式，无检查标记，评分表为部门自评得分，签名附验证码）或 review（审阅版：标注检查发现与系统核算得分），响应头 X-Rendering 说明所给版本；',
        'format：docx（Word 官方版式）、pdf（官方版式，服务器排队打印）、xlsx（财务表、指标与评分表，合计为公式）、',
        'html（官方版式网页）、json（报告与评分，开放数据）、csv（各表 CSV 的 zip，UTF-8 带 BOM）。',
        '文件名以 Content-Disposition 的 filename*（RFC 5987，UTF-8 中文名）给出，filename 为 ASCII 备用名；',
        'Repr-Digest 为文件的 SHA-256，与审计记录一致。PDF 排队已满或打印超时返回 503 及 Retry-After；服务器未安装 Chromium 时返回 503。',
      ].join(''),
      params: IdParams,
      querystring: ExportQuery,
      response: {
        200: { description: '文件内容', content: Object.fromEntries(MIMES.map((m) => [m, { schema: Binary }])) },
        ...errors(400, 401, 403, 404, 503),
      },
    },
    preValidation: requireAuth(deps),
  }, async (request, reply) => {
    const file = await exportReportFile(deps, { actor: authOf(request).actor, id: request.params.id, format: request.query.format, rendering: request.query.rendering });
    return reply
      .type(file.mime)
      .header('Content-Disposition', contentDisposition(file.fileName, file.asciiName))
      .header('Repr-Digest', reprDigest(file.sha256))
      .header('X-Report-Version', String(file.version))
      .header('X-Rendering', file.rendering)
      // a Buffer is sent as is (never through the response serializer); the typed reply only knows the
      // OpenAPI description of the body as a binary string
      .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) as unknown as string);
  });
}
