// Every error leaves as {error: {code, message}} with a Chinese message; AppError codes map to HTTP
// status here and nowhere else. Unexpected errors are logged and answered without internals.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError } from '../errors';
import { reportProblems } from './validation-messages';

const PLACES: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** The report the request sent, to name rows by their institution; never trusted beyond that. */
function sentReport(request: FastifyRequest): Parameters<typeof reportProblems>[1] {
  const r = (request.body as { report?: unknown } | undefined)?.report;
  const finance = (r as { finance?: unknown } | undefined)?.finance;
  return r && typeof r === 'object' && finance && typeof finance === 'object' ? (r as Parameters<typeof reportProblems>[1]) : null;
}

interface Field {
  path: string;
  message: string;
  /** the message already names its place (a report's section, table, row, column) */
  placed?: boolean;
}

function fieldsMessage(fields: Field[], where?: string): string {
  const prefix = fields.every((f) => f.placed) ? '报告内容有误' : where ? `${PLACES[where] ?? where}有误` : '输入有误';
  const shown = fields.slice(0, 8).map((f) => (f.path && !f.placed ? `${f.path}：${f.message}` : f.message));
  return `${prefix}：${shown.join('；')}${fields.length > 8 ? `；另有 ${fields.length - 8} 处` : ''}`;
}

export function send(reply: FastifyReply, status: number, code: string, message: string, extra: Record<string, unknown> = {}): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ ...extra, error: { code, message } });
}

export function installErrorHandler(app: FastifyInstance, opts: { spaIndex: boolean }): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      const { findings, paths, importCode, current, retryAfter, fields, loss, ...rest } = err.extra ?? {};
      const extra = { ...rest, ...(current !== undefined ? { current } : {}), ...(findings !== undefined ? { findings } : {}) };
      const inner = { ...(paths !== undefined ? { paths } : {}), ...(importCode !== undefined ? { importCode } : {}), ...(fields !== undefined ? { fields } : {}), ...(loss !== undefined ? { loss } : {}) };
      // 503 means "busy, come back" unless the error says waiting will not help (retryAfter: false)
      if (err.status === 503 && retryAfter !== false) reply.header('Retry-After', String(typeof retryAfter === 'number' ? retryAfter : 10));
      if (err.status === 429 && typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
      return reply.code(err.status).send({ ...extra, error: { code: err.code, message: err.message, ...inner } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v): Field => {
        const tokens = v.instancePath.split('/').filter(Boolean).map((t) => (/^\d+$/.test(t) ? Number(t) : t.replace(/~1/g, '/').replace(/~0/g, '~')));
        const message = v.message ?? '格式不正确';
        // a report document's field is named as the form names it: section, table, row, column
        if (err.validationContext === 'body' && tokens[0] === 'report') return { ...reportProblems([{ path: tokens.slice(1), message }], sentReport(request))[0]!, placed: true };
        return { path: tokens.join('.'), message };
      });
      return reply.code(400).send({ error: { code: 'VALIDATION', message: fieldsMessage(fields, err.validationContext), fields: fields.map(({ path, message }) => ({ path, message })) } });
    }
    if (err instanceof ZodError) {
      const fields = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reply.code(400).send({ error: { code: 'VALIDATION', message: fieldsMessage(fields), fields } });
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, 400, 'BAD_REQUEST', '请求内容不是有效的 JSON');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return send(reply, 413, 'FILE_TOO_LARGE', '上传内容超过大小限制');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return send(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的请求内容类型');
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500)
      return send(reply, err.statusCode, 'BAD_REQUEST', '请求格式不正确');
    request.log.error({ err }, 'unexpected error');
    return send(reply, 500, 'INTERNAL', '服务器内部错误，请稍后重试；如持续出现请联系管理员');
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // The web UI routes on the client: any non-API GET gets index.html (SPA fallback).
    if (opts.spaIndex && request.method === 'GET' && !path.startsWith('/api/') && path !== '/api')
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return send(reply, 404, 'NOT_FOUND', `接口不存在：${request.method} ${path}`);
  });
}
