// /api/reports/:id/versions: every saved version, a field-level diff between two, and restoring one as a new version.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { diffVersions, listVersions } from '../../use-cases/report-history';
import { restoreVersion } from '../../use-cases/restore-version';
import { authOf, parseIfMatch, requireAuth } from '../auth-hook';
import { DiffResult, IdParams, RestoreParams, SaveResult, VersionItem, VersionParams, errors } from '../schemas';

export function historyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['历史版本'];
  const preValidation = requireAuth(deps);

  r.get('/api/reports/:id/versions', {
    schema: { tags, summary: '历史版本列表', params: IdParams, response: { 200: z.object({ items: z.array(VersionItem) }), ...errors(401, 403, 404) } },
    preValidation,
  }, async (request) => ({ items: await listVersions(deps, { actor: authOf(request).actor, id: request.params.id }) }));

  r.get('/api/reports/:id/versions/:a/diff/:b', {
    schema: { tags, summary: '两个版本的逐字段差异（path, before, after）', params: VersionParams, response: { 200: DiffResult, ...errors(400, 401, 403, 404) } },
    preValidation,
  }, async (request) => diffVersions(deps, { actor: authOf(request).actor, ...request.params }));

  r.post('/api/reports/:id/versions/:version/restore', {
    schema: {
      tags, summary: '把旧版本的内容恢复为新的一版',
      description: '须带 If-Match: "当前版本号"（过期返回 412）。只恢复当前角色此时可修改的内容；年度、部门等标识字段和他人填写的意见保持不变。历史中记为“恢复”，审计事件 report_restore。',
      params: RestoreParams, headers: z.object({ 'if-match': z.string().optional() }).loose(),
      response: { 200: SaveResult, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    preValidation,
  }, async (request) => restoreVersion(deps, {
    actor: authOf(request).actor, id: request.params.id, version: request.params.version, ifMatch: parseIfMatch(request.headers['if-match']),
  }));
}
