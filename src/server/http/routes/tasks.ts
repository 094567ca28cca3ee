// /api/tasks: the annual task (绩效自评任务), its roster board, deadlines and extensions, reminders,
// the 抽查 sample and the copy check; /api/bureau/roster for picking a task's scope.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boardWorkbook } from '../../../io/export/board-xlsx';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { bureauRoster } from '../../use-cases/bureau-roster';
import { loadTask, taskView } from '../../use-cases/bureau-shared';
import { copyRun, runCopyCheck } from '../../use-cases/copy-check';
import { createTask } from '../../use-cases/create-task';
import { extendDeadline } from '../../use-cases/extend-deadline';
import { issueTask } from '../../use-cases/issue-task';
import { listTasks } from '../../use-cases/list-tasks';
import { remindLate } from '../../use-cases/remind-late';
import { adjustSample, getSample, proposeSample } from '../../use-cases/sample-task';
import { taskBoard } from '../../use-cases/task-board';
import { updateTask } from '../../use-cases/update-task';
import { contentDisposition } from '../download';
import { authOf, etag, parseIfMatch, requireAuth } from '../auth-hook';
import {
  AdjustSampleBody, BoardSchema, CopyRunSchema, CreateTaskBody, ExtendBody, ExtendResult, IssueResultSchema, RemindResultSchema, RosterSchema,
  SampleBody, SampleViewSchema, TaskIdParams, TaskListItemSchema, TaskViewSchema, UpdateTaskBody, errors,
} from '../schemas';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function taskRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['绩效自评任务'];
  const preValidation = requireAuth(deps);

  r.get('/api/tasks', {
    schema: { tags, summary: '任务列表（本局；归口科室只统计本科室部门）', response: { 200: z.object({ items: z.array(TaskListItemSchema) }), ...errors(401, 403) } },
    preValidation,
  }, async (request) => ({ items: await listTasks(deps, { actor: authOf(request).actor }) }));

  r.post('/api/tasks', {
    schema: {
      tags, summary: '新建任务（绩效管理科）',
      description: '年度、评分表模板、范围（all 全部部门 / sections 按归口科室 / picked 指定部门）、三个截止日与通知正文。新建后为草稿，下达后各部门才有报告。类型（部门整体 / 项目支出）默认为模板的类型。同一财政局同一年度同一类型只能有一项任务（409）。',
      body: CreateTaskBody, response: { 201: TaskViewSchema, ...errors(400, 401, 403, 409) },
    },
    preValidation,
  }, async (request, reply) => {
    const view = await createTask(deps, { actor: authOf(request).actor, ...request.body });
    return reply.code(201).header('ETag', etag(view.version)).send(view);
  });

  r.get('/api/tasks/:id', {
    schema: { tags, summary: '查看任务', params: TaskIdParams, response: { 200: TaskViewSchema, ...errors(401, 403, 404) } },
    preValidation,
  }, async (request, reply) => {
    const view = taskView(await loadTask(deps, authOf(request).actor, request.params.id));
    return reply.header('ETag', etag(view.version)).send(view);
  });

  r.put('/api/tasks/:id', {
    schema: {
      tags, summary: '修改任务（绩效管理科，须带 If-Match）', description: '可随时修改标题、通知与截止日（审计记录修改前后）；范围只能在下达前修改。',
      params: TaskIdParams, body: UpdateTaskBody, headers: z.object({ 'if-match': z.string().optional() }).loose(),
      response: { 200: TaskViewSchema, ...errors(400, 401, 403, 404, 409, 428) },
    },
    preValidation,
  }, async (request, reply) => {
    const ifMatch = parseIfMatch(request.headers['if-match']);
    if (ifMatch == null) throw new AppError('PRECONDITION_REQUIRED', '修改任务须带上所依据的版本（If-Match 请求头）');
    const view = await updateTask(deps, { actor: authOf(request).actor, id: request.params.id, ifMatch, ...request.body });
    return reply.header('ETag', etag(view.version)).send(view);
  });

  r.post('/api/tasks/:id/issue', {
    schema: {
      tags, summary: '下达任务（绩效管理科）',
      description: '按范围确定部门名单，并为每个部门生成草稿（从上年报告结转封面、基本概况、四张表的行、上年三公经费决算数、指标及上年整改事项）；部门已有的本年度报告并入任务而不重复生成。项目支出任务不生成草稿（部门按项目逐个新建或导入），部门已有的本年度项目支出绩效自评表全部并入任务。',
      params: TaskIdParams, headers: z.object({ 'if-match': z.string().optional() }).loose(), response: { 200: IssueResultSchema, ...errors(400, 401, 403, 404, 409) },
    },
    preValidation,
  }, async (request) => issueTask(deps, { actor: authOf(request).actor, id: request.params.id, ifMatch: parseIfMatch(request.headers['if-match']) }));

  r.get('/api/tasks/:id/board', {
    schema: {
      tags, summary: '进度看板', description: '名单中每个部门的状态、适用的截止日及剩余/逾期天数、最后活动、错误与豁免数（仅已报送的报告）、未销号整改事项、抽查与复核、文本雷同。归口科室只看本科室部门。',
      params: TaskIdParams, response: { 200: BoardSchema, ...errors(401, 403, 404) },
    },
    preValidation,
  }, async (request) => taskBoard(deps, { actor: authOf(request).actor, id: request.params.id }));

  r.get('/api/tasks/:id/board.xlsx', {
    exposeHeadRoute: false,
    schema: { tags, summary: '导出进度看板（XLSX）', params: TaskIdParams, response: { 200: { description: 'Excel 文件', content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } } }, ...errors(401, 403, 404) } },
    preValidation,
  }, async (request, reply) => {
    const board = await taskBoard(deps, { actor: authOf(request).actor, id: request.params.id });
    const bytes = await boardWorkbook(board.task.title, board.items, { projects: board.task.kind === 'project' });
    return reply.type(XLSX).header('Content-Disposition', contentDisposition(`${board.task.title}进度.xlsx`, `task-${board.task.year}-board.xlsx`))
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as string);
  });

  r.post('/api/tasks/:id/extensions', {
    schema: { tags, summary: '为一个部门延期（绩效管理科，须填理由）', description: 'due 为 null 时取消延期。', params: TaskIdParams, body: ExtendBody, response: { 200: ExtendResult, ...errors(400, 401, 403, 404, 409) } },
    preValidation,
  }, async (request) => extendDeadline(deps, { actor: authOf(request).actor, taskId: request.params.id, ...request.body }));

  r.post('/api/tasks/:id/remind', {
    schema: {
      tags, summary: '催报：列出逾期的部门与报告（绩效管理科）', description: '返回每条提醒及其对象；配置了短信/邮件发送器时一并发送（sent 为发送条数，未配置时为 null）。',
      params: TaskIdParams, response: { 200: RemindResultSchema, ...errors(401, 403, 404) },
    },
    preValidation,
  }, async (request) => remindLate(deps, { actor: authOf(request).actor, taskId: request.params.id, send: true }));

  r.get('/api/tasks/:id/sample', {
    schema: { tags, summary: '查看抽查样本', params: TaskIdParams, response: { 200: z.object({ sample: SampleViewSchema.nullable() }), ...errors(401, 403, 404) } },
    preValidation,
  }, async (request) => ({ sample: await getSample(deps, { actor: authOf(request).actor, taskId: request.params.id }) }));

  r.post('/api/tasks/:id/sample', {
    schema: {
      tags, summary: '生成抽查样本（绩效管理科）',
      description: '按风险因素（权重由本局设定）选出风险最高的报告，另按随机占比用记录下来的种子随机抽取；同样的输入和种子得到同样的样本。dryRun 为 true 时只预览不保存；保存会替换本任务原有样本（审计记录）。',
      params: TaskIdParams, body: SampleBody, response: { 200: SampleViewSchema, 201: SampleViewSchema, ...errors(400, 401, 403, 404) },
    },
    preValidation,
  }, async (request, reply) => {
    const { dryRun, ...input } = request.body;
    const view = await proposeSample(deps, { actor: authOf(request).actor, taskId: request.params.id, input, dryRun });
    return reply.code(dryRun ? 200 : 201).send(view);
  });

  r.post('/api/tasks/:id/sample/picks', {
    schema: { tags, summary: '手工增加或剔除抽查对象（须填理由）', params: TaskIdParams, body: AdjustSampleBody, response: { 200: SampleViewSchema, ...errors(400, 401, 403, 404, 409) } },
    preValidation,
  }, async (request) => adjustSample(deps, { actor: authOf(request).actor, taskId: request.params.id, ...request.body }));

  r.get('/api/tasks/:id/copy-check', {
    schema: { tags, summary: '文本雷同检查结果', params: TaskIdParams, response: { 200: CopyRunSchema, ...errors(401, 403, 404) } },
    preValidation,
  }, async (request) => copyRun(deps, { actor: authOf(request).actor, taskId: request.params.id }));

  r.post('/api/tasks/:id/copy-check', {
    schema: {
      tags, summary: '运行文本雷同检查（绩效管理科）',
      description: '将本任务已报送的报告与本局本年度及前两年已报送的报告逐段比对（MinHash/LSH），标出抄自其他部门的段落（对方部门、年度与原文）、整份雷同的报告，以及封面为其他单位或预算编码的报告。',
      params: TaskIdParams, response: { 200: CopyRunSchema, ...errors(401, 403, 404) },
    },
    preValidation,
  }, async (request) => runCopyCheck(deps, { actor: authOf(request).actor, taskId: request.params.id }));

  r.get('/api/bureau/roster', {
    schema: { tags, summary: '本局科室与部门名录（财政局用户）', response: { 200: RosterSchema, ...errors(401, 403) } },
    preValidation,
  }, async (request) => bureauRoster(deps, { actor: authOf(request).actor }));
}
