// /api/library: the 指标库 — list and search (every business user of the bureau, each seeing what is theirs),
// add, change (If-Match) and retire/restore (共性指标: 绩效管理科; 部门指标: the department's 填报人 or 负责人).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';
import { addLibraryEntry } from '../../use-cases/add-library-entry';
import { listLibrary } from '../../use-cases/list-library';
import { setLibraryStatus } from '../../use-cases/set-library-status';
import { updateLibraryEntry } from '../../use-cases/update-library-entry';
import { authOf, etag, parseIfMatch, requireAuth } from '../auth-hook';
import { IdParams, LibraryAddBody, LibraryEntryView, LibraryList, LibraryQuery, LibraryStatusBody, LibraryUpdateBody, errors } from '../schemas';
import { z } from 'zod';

const IfMatch = z.object({ 'if-match': z.string().optional() }).loose();

export function libraryRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['指标库'];
  const preValidation = requireAuth(deps);

  r.get('/api/library', {
    schema: {
      tags, summary: '指标库列表与搜索',
      description: [
        '财政局科室看到本局全部指标；部门看到适用于本部门的共性指标和本部门指标。q 按名称（及二级指标、分类、解释）搜索，',
        '词序不限、容许近似的说法；category 按指标分类筛选；quotable=true 只列本部门在 year 年度可以引用的（启用、在有效年度内）。',
        '每条指标带 usage：引用它的报告数、部门数和最近年度。',
      ].join(''),
      querystring: LibraryQuery, response: { 200: LibraryList, ...errors(400, 401, 403) },
    },
    preValidation,
  }, async (request) => listLibrary(deps, { actor: authOf(request).actor, ...request.query, quotable: request.query.quotable === 'true' }));

  r.post('/api/library', {
    schema: {
      tags, summary: '新增指标', description: 'scope=common 共性指标（绩效管理科）；scope=department 本部门指标（填报人或负责人）。同一维护方下二级指标与名称相同的指标已存在时返回 409。',
      body: LibraryAddBody, response: { 201: LibraryEntryView, ...errors(400, 401, 403, 409) },
    },
    preValidation,
  }, async (request, reply) => {
    const entry = await addLibraryEntry(deps, { actor: authOf(request).actor, ...request.body });
    return reply.code(201).header('ETag', etag(entry.version)).send(entry);
  });

  r.put('/api/library/:id', {
    schema: {
      tags, summary: '修改指标（乐观并发）', description: '须带 If-Match: "版本号"；版本已变化时返回 412，响应体 current 为当前的指标。指标的编号不变，引用它的报告下一年仍能找到它。',
      params: IdParams, headers: IfMatch, body: LibraryUpdateBody, response: { 200: LibraryEntryView, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    preValidation,
  }, async (request, reply) => {
    const entry = await updateLibraryEntry(deps, { actor: authOf(request).actor, id: request.params.id, ifMatch: parseIfMatch(request.headers['if-match']), ...request.body });
    return reply.header('ETag', etag(entry.version)).send(entry);
  });

  r.post('/api/library/:id/status', {
    schema: {
      tags, summary: '停用或启用指标', description: '指标不删除（以往年度的报告引用它）；停用后不再供引用。须带 If-Match。',
      params: IdParams, headers: IfMatch, body: LibraryStatusBody, response: { 200: LibraryEntryView, ...errors(400, 401, 403, 404, 412, 428) },
    },
    preValidation,
  }, async (request, reply) => {
    const entry = await setLibraryStatus(deps, { actor: authOf(request).actor, id: request.params.id, ifMatch: parseIfMatch(request.headers['if-match']), ...request.body });
    return reply.header('ETag', etag(entry.version)).send(entry);
  });
}
