// /api/org: bureaus, sections (科室) and departments for the system administrator of a fresh
// installation (the security administrator may read them, to attach accounts). No report content.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { addBureau } from '../../use-cases/add-bureau';
import { addDepartment } from '../../use-cases/add-department';
import { addSection } from '../../use-cases/add-section';
import { changeOrgUnit } from '../../use-cases/change-org-unit';
import { listBureaus } from '../../use-cases/list-bureaus';
import { listDepartments } from '../../use-cases/list-departments';
import { listSections } from '../../use-cases/list-sections';
import { orgHistory } from '../../use-cases/org-history';
import { authOf, requireAuth } from '../auth-hook';
import { BureauBody, BureauView, DepartmentBody, DepartmentQuery, DepartmentView, OrgChangeBody, OrgHistoryEntry, OrgUnitParams, SectionBody, SectionQuery, SectionView, errors } from '../schemas';

export function orgRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['组织机构'];
  const preValidation = requireAuth(deps);

  r.get('/api/org/bureaus', {
    schema: { tags, summary: '财政局列表（系统管理员、安全管理员）', response: { 200: z.object({ items: z.array(BureauView) }), ...errors(401, 403) } },
    preValidation,
  }, async (request) => ({ items: await listBureaus(deps, { actor: authOf(request).actor }) }));

  r.post('/api/org/bureaus', {
    schema: { tags, summary: '新增财政局（系统管理员）', body: BureauBody, response: { 201: BureauView, ...errors(400, 401, 403, 409) } },
    preValidation,
  }, async (request, reply) => reply.code(201).send(await addBureau(deps, { actor: authOf(request).actor, ...request.body })));

  r.get('/api/org/sections', {
    schema: { tags, summary: '科室列表（可按财政局筛选）', querystring: SectionQuery, response: { 200: z.object({ items: z.array(SectionView) }), ...errors(400, 401, 403) } },
    preValidation,
  }, async (request) => ({ items: await listSections(deps, { actor: authOf(request).actor, ...request.query }) }));

  r.post('/api/org/sections', {
    schema: {
      tags, summary: '新增科室（系统管理员）', description: 'kind：counterpart 归口业务科室（默认）或 performance 绩效管理科；同一财政局内科室名称不得重复（409）。',
      body: SectionBody, response: { 201: SectionView, ...errors(400, 401, 403, 409) },
    },
    preValidation,
  }, async (request, reply) => reply.code(201).send(await addSection(deps, { actor: authOf(request).actor, ...request.body })));

  r.get('/api/org/departments', {
    schema: {
      tags, summary: '部门列表（分页，按预算编码排序）', description: 'limit 默认 500、最多 5000；下一页带上本页的 next 作为 after；next 为 null 表示已是最后一页。',
      querystring: DepartmentQuery, response: { 200: z.object({ items: z.array(DepartmentView), next: z.string().nullable() }), ...errors(400, 401, 403) },
    },
    preValidation,
  }, async (request) => listDepartments(deps, { actor: authOf(request).actor, ...request.query }));

  r.post('/api/org/departments', {
    schema: {
      tags, summary: '新增部门(单位)（系统管理员）', description: '预算编码在同一财政局内唯一（重复返回 409）；主管部门与归口业务科室须属于同一财政局。',
      body: DepartmentBody, response: { 201: DepartmentView, ...errors(400, 401, 403, 409) },
    },
    preValidation,
  }, async (request, reply) => reply.code(201).send(await addDepartment(deps, { actor: authOf(request).actor, ...request.body })));

  const unitType = { bureaus: 'bureau', sections: 'section', departments: 'department' } as const;
  r.patch('/api/org/:kind/:id', {
    schema: {
      tags, summary: '修改财政局、科室或部门(单位)：改名、调整归口科室、停用或启用（系统管理员）',
      description: '只改请求体中给出的字段，每项变更记入变更记录并审计。下属仍有在用单位的不能停用（409）；停用的部门不能再新建或导入报告。',
      params: OrgUnitParams, body: OrgChangeBody, response: { 200: z.union([DepartmentView, SectionView, BureauView]), ...errors(400, 401, 403, 404, 409) },
    },
    preValidation,
  }, async (request) => changeOrgUnit(deps, { actor: authOf(request).actor, type: unitType[request.params.kind], id: request.params.id, ...request.body }));

  r.get('/api/org/:kind/:id/history', {
    schema: { tags, summary: '单位的变更记录（新的在前）', params: OrgUnitParams, response: { 200: z.object({ items: z.array(OrgHistoryEntry) }), ...errors(401, 403) } },
    preValidation,
  }, async (request) => ({ items: await orgHistory(deps, { actor: authOf(request).actor, type: unitType[request.params.kind], id: request.params.id }) }));
}
