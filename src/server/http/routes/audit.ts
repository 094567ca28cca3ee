// /api/audit: the audit administrator's interface — verify the chains (with the checkpoint file and any
// checkpoints pasted from elsewhere), issue a signed checkpoint, search and export the log. Read-only over
// the log itself; each use is audited.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { exportAudit, searchAudit } from '../../use-cases/search-audit';
import { issueCheckpoint } from '../../use-cases/take-checkpoint';
import { verifyAudit } from '../../use-cases/verify-audit';
import { authOf, requireAuth } from '../auth-hook';
import { contentDisposition, reprDigest } from '../download';
import { AuditEvent, AuditExportQuery, AuditSearchQuery, ChainReport, Checkpoint, CheckpointBody, errors } from '../schemas';

export function auditRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['审计'];
  const preValidation = requireAuth(deps);

  r.get('/api/audit/verify', {
    schema: {
      tags, summary: '校验审计日志（审计管理员）',
      description: '逐链核对带密钥的哈希链、链头记录与签名检查点；ok=false 时 firstBroken 指出链与第一条断裂的记录序号及原因。',
      response: { 200: ChainReport, ...errors(401, 403) },
    },
    preValidation,
  }, async (request) => verifyAudit(deps, { actor: authOf(request).actor }));

  r.post('/api/audit/verify', {
    schema: { tags, summary: '校验审计日志，并核对另行保存的检查点', body: CheckpointBody, response: { 200: ChainReport, ...errors(400, 401, 403) } },
    preValidation,
  }, async (request) => verifyAudit(deps, { actor: authOf(request).actor, checkpoints: request.body.checkpoints }));

  r.post('/api/audit/checkpoints', {
    schema: { tags, summary: '签发检查点（各链链头，带签名），写入检查点文件并返回供打印保存', response: { 200: Checkpoint, ...errors(401, 403) } },
    preValidation,
  }, async (request) => issueCheckpoint(deps, { actor: authOf(request).actor }));

  r.get('/api/audit/events', {
    schema: {
      tags, summary: '查询审计记录（新的在前，按 seq 游标分页）', querystring: AuditSearchQuery,
      response: { 200: z.object({ items: z.array(AuditEvent), nextBefore: z.number().nullable() }), ...errors(400, 401, 403) },
    },
    preValidation,
  }, async (request) => {
    const { limit, before, ...filter } = request.query;
    return searchAudit(deps, { actor: authOf(request).actor, filter, limit, before });
  });

  r.get('/api/audit/export', {
    exposeHeadRoute: false,
    schema: {
      tags, summary: '导出审计记录（CSV、XLSX 或 JSON Lines，带 SHA-256）', querystring: AuditExportQuery,
      response: {
        200: { description: '文件内容', content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() }, 'application/x-ndjson': { schema: z.string() } } },
        ...errors(400, 401, 403),
      },
    },
    preValidation,
  }, async (request, reply) => {
    const { format, ...filter } = request.query;
    const file = await exportAudit(deps, { actor: authOf(request).actor, filter, format });
    return reply
      .type(file.mime)
      .header('Content-Disposition', contentDisposition(file.fileName, `audit-log.${format}`))
      .header('Repr-Digest', reprDigest(file.sha256))
      .header('X-Record-Count', String(file.count))
      .send(Buffer.from(file.bytes) as unknown as string);
  });
}
