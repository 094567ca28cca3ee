// /public: the disclosure site. No login, GET only, outside the session machinery: every answer is
// built from published reports alone (use-cases/public-reports.ts), redacted, with an ETag and a
// Cache-Control a portal can mirror by. HTML is rendered here on the server and needs no JavaScript.
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildOpenDataPackage, type PublishedEntry } from '../../../io/export/datapackage';
import { renderReportHtml } from '../../../io/export/html/index';
import { reportToJson } from '../../../io/export/opendata';
import type { Deps } from '../../deps';
import { ioExporter } from '../../exporter';
import { bureausPage, listPage, notFoundPage, PRINT_JS, reportPage, verifyPage } from '../../public/pages';
import { publicBureau, publicBureaus, publicList, publicReport, verifySignature } from '../../use-cases/public-reports';
import { contentDisposition } from '../download';
import { notFound } from '../../errors';
import { getPublicationSettings, setPublicationSettings } from '../../use-cases/publication-settings';
import { authOf, requireAuth } from '../auth-hook';
import { errors } from '../schemas';

/** Mirrors may keep a page 10 minutes, then revalidate with If-None-Match (cheap: 304). */
const CACHE = 'public, max-age=600, stale-while-revalidate=3600';
const TAGS = ['公开'];

const Bureau = z.object({ bureauId: z.string().max(64), year: z.coerce.number().int().min(1990).max(2100) });
const Report = z.object({ id: z.string().max(64) });

async function send(request: FastifyRequest, reply: FastifyReply, body: string | Uint8Array, type: string, extra: Record<string, string> = {}) {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  reply.header('ETag', etag).header('Cache-Control', CACHE).header('Vary', 'Accept-Encoding');
  for (const [k, v] of Object.entries(extra)) reply.header(k, v);
  const match = request.headers['if-none-match'];
  if (match && match.split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag)) return reply.code(304).send();
  return reply.type(type).send(bytes);
}

function missing(reply: FastifyReply, what: string) {
  return reply.code(404).header('Cache-Control', 'public, max-age=60').type('text/html; charset=utf-8').send(notFoundPage(what));
}

async function entriesOf(deps: Deps, bureauId: string, year: number): Promise<PublishedEntry[]> {
  const items = await publicList(deps, { bureauId, year });
  const out: PublishedEntry[] = [];
  for (const it of items) {
    const p = await publicReport(deps, it.id);
    if (!p) continue;
    out.push({ ...p.item, review: p.review, report: p.report, score: p.score, url: `/public/reports/${p.item.id}` });
  }
  return out;
}

const Settings = z.object({ bureauId: z.string(), redactNames: z.boolean().describe('公开时隐去签署人以外的个人姓名（电话号码始终隐去）') });

export function publicRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // The one write of the publication feature, and the only route here behind the login: the bureau's setting.
  r.get('/api/bureaus/:bureauId/publication-settings', {
    schema: { tags: TAGS, summary: '公开设置', params: z.object({ bureauId: z.string().max(64) }), response: { 200: Settings, ...errors(401, 403, 404) } },
    preValidation: requireAuth(deps),
  }, async (request) => {
    const actor = authOf(request).actor;
    if (actor.bureauId !== request.params.bureauId) throw notFound('财政局');
    return getPublicationSettings(deps, request.params.bureauId);
  });
  r.put('/api/bureaus/:bureauId/publication-settings', {
    schema: { tags: TAGS, summary: '修改公开设置（绩效管理科）', params: z.object({ bureauId: z.string().max(64) }), body: z.object({ redactNames: z.boolean() }), response: { 200: Settings, ...errors(400, 401, 403, 404) } },
    preValidation: requireAuth(deps),
  }, async (request) => setPublicationSettings(deps, { actor: authOf(request).actor, bureauId: request.params.bureauId, redactNames: request.body.redactNames }));
  const exportFile = () => deps.exportFile ?? ioExporter(deps.config).exportFile;

  r.get('/public/print.js', { schema: { hide: true } }, async (request, reply) => send(request, reply, PRINT_JS, 'text/javascript; charset=utf-8'));

  r.get('/public', { schema: { tags: TAGS, summary: '公开网站首页：有已公开报告的财政局及年度（HTML）' } }, async (request, reply) =>
    send(request, reply, bureausPage(await publicBureaus(deps)), 'text/html; charset=utf-8'));

  r.get('/public/verify', { schema: { tags: TAGS, summary: '电子签名查验（HTML，?code=）', querystring: z.object({ code: z.string().max(40).optional() }) } }, async (request, reply) => {
    const code = request.query.code?.trim() ?? '';
    return send(request, reply, verifyPage(code, code ? await verifySignature(deps, code) : undefined), 'text/html; charset=utf-8');
  });

  r.get('/public/verify/:code', { schema: { tags: TAGS, summary: '电子签名查验：打印件上的验证码对应的签名记录（HTML）', params: z.object({ code: z.string().max(40) }) } }, async (request, reply) => {
    const v = await verifySignature(deps, request.params.code);
    if (!v) return reply.code(404).header('Cache-Control', 'public, max-age=60').type('text/html; charset=utf-8').send(verifyPage(request.params.code, undefined));
    return send(request, reply, verifyPage(request.params.code, v), 'text/html; charset=utf-8');
  });

  r.get('/public/reports/:id', { schema: { tags: TAGS, summary: '已公开报告（正式版式 HTML，服务器渲染，可打印）', params: Report } }, async (request, reply) => {
    const p = await publicReport(deps, request.params.id);
    if (!p) return missing(reply, '该报告不存在或尚未公开。');
    const html = renderReportHtml(p.report, { standalone: true, rendering: 'official', signatures: p.signatures, ...(p.score ? { score: p.score } : {}), ...(p.form ? { form: p.form } : {}) });
    return send(request, reply, reportPage({ html, item: p.item, bureauId: p.bureauId, review: p.review }), 'text/html; charset=utf-8', { 'X-Rendering': 'official' });
  });

  r.get('/public/reports/:id/report.pdf', { schema: { tags: TAGS, summary: '已公开报告（正式版式 PDF）', params: Report } }, async (request, reply) => {
    const p = await publicReport(deps, request.params.id);
    if (!p) return missing(reply, '该报告不存在或尚未公开。');
    const file = await exportFile()(p.report, 'pdf', { rendering: 'official', signatures: p.signatures, ...(p.score ? { score: p.score } : {}), ...(p.form ? { form: p.form } : {}) });
    return send(request, reply, file.bytes, 'application/pdf', { 'Content-Disposition': contentDisposition(file.fileName, `report-${p.item.id}.pdf`).replace(/^attachment/, 'inline'), 'X-Rendering': 'official' });
  });

  r.get('/public/reports/:id/report.json', { schema: { tags: TAGS, summary: '已公开报告的开放数据 JSON（已隐去个人信息）', params: Report } }, async (request, reply) => {
    const p = await publicReport(deps, request.params.id);
    if (!p) return missing(reply, '该报告不存在或尚未公开。');
    const body = JSON.stringify({ ...JSON.parse(reportToJson(p.report, { score: p.score })), findings: undefined, published: p.item, review: p.review }, null, 2);
    return send(request, reply, `${body}\n`, 'application/json; charset=utf-8');
  });

  r.get('/public/:bureauId/:year', { schema: { tags: TAGS, summary: '某财政局某年度已公开报告列表（HTML，?q= 按部门查找）', params: Bureau, querystring: z.object({ q: z.string().max(100).optional() }) } }, async (request, reply) => {
    const bureau = await publicBureau(deps, request.params.bureauId);
    if (!bureau) return missing(reply, '没有这个财政局。');
    const q = request.query.q ?? '';
    const items = await publicList(deps, { bureauId: bureau.id, year: request.params.year, q });
    return send(request, reply, listPage({ bureau, year: request.params.year, q, items }), 'text/html; charset=utf-8');
  });

  const dataset = async (bureauId: string, year: number) => {
    const bureau = await publicBureau(deps, bureauId);
    if (!bureau) return undefined;
    const entries = await entriesOf(deps, bureau.id, year);
    const created = entries.reduce((m, e) => (e.publishedAt > m ? e.publishedAt : m), `${year}-01-01T00:00:00.000Z`);
    return buildOpenDataPackage({ bureauName: bureau.name, year, entries, created });
  };

  r.get('/public/:bureauId/:year/datapackage.json', { schema: { tags: TAGS, summary: '开放数据：财政数据包描述（Fiscal Data Package，datapackage.json）', params: Bureau } }, async (request, reply) => {
    const pkg = await dataset(request.params.bureauId, request.params.year);
    if (!pkg) return missing(reply, '没有这个财政局。');
    return send(request, reply, pkg.files['datapackage.json']!, 'application/json; charset=utf-8');
  });

  r.get('/public/:bureauId/:year/data.json', { schema: { tags: TAGS, summary: '开放数据：全部表格的 JSON', params: Bureau } }, async (request, reply) => {
    const pkg = await dataset(request.params.bureauId, request.params.year);
    if (!pkg) return missing(reply, '没有这个财政局。');
    return send(request, reply, pkg.json, 'application/json; charset=utf-8');
  });

  r.get('/public/:bureauId/:year/opendata.zip', { schema: { tags: TAGS, summary: '开放数据：datapackage.json 与各表 CSV（UTF-8）的压缩包', params: Bureau } }, async (request, reply) => {
    const pkg = await dataset(request.params.bureauId, request.params.year);
    if (!pkg) return missing(reply, '没有这个财政局。');
    const zip = zipSync(Object.fromEntries(Object.entries(pkg.files).map(([k, v]) => [k, strToU8(v)])), { level: 6, mtime: new Date(`${request.params.year}-01-01T00:00:00Z`) });
    return send(request, reply, zip, 'application/zip', { 'Content-Disposition': `attachment; filename="opendata-${request.params.year}.zip"` });
  });

  r.get('/public/:bureauId/:year/:table.csv', { schema: { tags: TAGS, summary: '开放数据：一张表的 CSV（UTF-8，带 BOM）', params: Bureau.extend({ table: z.string().max(40) }) } }, async (request, reply) => {
    const pkg = await dataset(request.params.bureauId, request.params.year);
    const csv = pkg?.files[`${request.params.table}.csv`];
    if (!csv) return missing(reply, '没有这张表。');
    return send(request, reply, csv, 'text/csv; charset=utf-8');
  });
}
