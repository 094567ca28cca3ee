// Cross-site request forgery (issue 13 §6): every state-changing request (POST, PUT, PATCH, DELETE —
// multipart uploads and the login included) must come from this application's own pages. Browsers say
// where a request comes from: Sec-Fetch-Site (same-origin) or, failing that, Origin (this host, or one of
// JIXIAO_ALLOWED_ORIGINS). A request with neither is not from a browser page (curl, the CLI, an old
// browser that sends no cookies cross-site either) and goes on to the usual authentication.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordSecurityEvent } from '../audit/security-events';
import type { Deps } from '../deps';
import { AppError } from '../errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/** Why a request is refused, or null when it may go on. */
export function crossSiteReason(request: Pick<FastifyRequest, 'method' | 'headers' | 'host' | 'protocol'>, allowedOrigins: readonly string[]): string | null {
  if (SAFE.has(request.method)) return null;
  const site = request.headers['sec-fetch-site'];
  const origin = typeof request.headers.origin === 'string' ? request.headers.origin : undefined;
  const allowed = origin !== undefined && allowedOrigins.includes(origin);
  if (typeof site === 'string') return site === 'same-origin' || site === 'none' || allowed ? null : `sec-fetch-site=${site}`;
  // both through URL, so a default port ("localhost:80") compares equal to its absence
  if (origin !== undefined) return allowed || originHost(origin) === originHost(`${request.protocol}://${request.host}`) ? null : `origin=${origin.slice(0, 100)}`;
  return null;
}

export function installCsrfCheck(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRequest', async (request) => {
    const reason = crossSiteReason(request, deps.config.web.allowedOrigins);
    if (!reason) return;
    await recordSecurityEvent(deps, { event: 'csrf_refused', ip: request.ip, objectType: 'request', objectId: `${request.method} ${request.url.split('?')[0]}`.slice(0, 200), detail: { reason } }, request.ip);
    throw new AppError('CSRF_REFUSED', '请求来源不是本系统的页面，已拒绝。请在本系统的页面中操作；如由其他地址访问本系统，请联系管理员配置 JIXIAO_ALLOWED_ORIGINS');
  });
}
