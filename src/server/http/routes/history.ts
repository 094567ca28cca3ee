// /api/reports/:id/versions: every saved version, a field-level diff between two, and restoring one as a new version.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { diffVersions, listVersions, listVersionSessions } from '../../use-cases/report-history';
import { restoreVersion } from '../../use-cases/restore-version';
import { authOf, parseIfMatch, requireAuth } from '../auth-hook';
import { DiffResult, IdParams, RestoreParams, SaveResult, VersionItem, VersionLine, VersionParams, errors } from '../schemas';

export function historyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['历史版本'];
  const preValidation = requireAuth(deps);

  r.get('/api/reports/:id/versions', {
    schema: {
      tags, summary: '历史版本列表',
      description: '每个编辑时段一行（同一人连续自动保存、间隔不超过 10 分钟，较早的列在 autosaves 中），创建、导入、提交、签署、流转和恢复各一行，按版本号从旧到新。`?all=true` 逐版列出全部版本（审计核对用）。',
      params: IdParams, querystring: z.object({ all: z.enum(['true', 'false']).optional() }),
      response: { 200: z.object({ items: z.array(z.union([VersionLine, VersionItem])) }), ...errors(401, 403, 404) },
    },
    preValidation,
  }, async (request) => {
    const o = { actor: authOf(request).actor, id: request.params.id };
    return { items: request.query.all === 'true' ? await listVersions(deps, o) : await listVersionSessions(deps, o) };
  });

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
