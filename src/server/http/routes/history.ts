// /api/reports/:id/versions: every saved version, and a field-level diff between two.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { diffVersions, listVersions } from '../../use-cases/report-history';
import { authOf, requireAuth } from '../auth-hook';
import { DiffResult, IdParams, VersionItem, VersionParams, errors } from '../schemas';

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
}
