// Session cookie handling and the per-request authentication hook.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { authenticate, type Authenticated } from '../use-cases/authenticate';

declare module 'fastify' {
  interface FastifyRequest {
    auth?: Authenticated;
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** A request to this machine itself (the browser on the server, tests): the one place plain HTTP is fine. */
export function isLocalRequest(request: Pick<FastifyRequest, 'hostname'>): boolean {
  const host = (request.hostname ?? '').toLowerCase();
  return LOCAL_HOSTS.has(host) || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Whether this request's cookies are Secure (and HSTS is sent): as configured, or by default for every
 * request that is not to localhost (issue 13 §6).
 */
export function secureCookiesFor(config: ServerConfig, request: Pick<FastifyRequest, 'hostname'>): boolean {
  return config.secureCookies === 'auto' ? !isLocalRequest(request) : config.secureCookies;
}

/** `__Host-` binds the cookie to this origin, but browsers only accept it with Secure (TLS). */
export function cookieName(secure: boolean): string {
  return secure ? '__Host-jixiao_sid' : 'jixiao_sid';
}

export function sessionToken(config: ServerConfig, request: FastifyRequest): string | undefined {
  return request.cookies[cookieName(secureCookiesFor(config, request))];
}

/**
 * A Secure cookie sent over plain HTTP would be dropped by the browser and the login would silently fail;
 * say why instead (and never hand a session to a plain-HTTP client, 等保 DB-AUTH-3).
 */
export function assertTransport(config: ServerConfig, request: FastifyRequest): void {
  if (secureCookiesFor(config, request) && request.protocol !== 'https')
    throw new AppError('INSECURE_TRANSPORT', '当前通过 HTTP 访问，登录凭据无法安全传输。请通过 HTTPS 访问本系统；若已在 HTTPS 反向代理之后，请设置 JIXIAO_TRUST_PROXY=1；仅限本机测试时可设置 JIXIAO_SECURE_COOKIES=0');
}

export function setSessionCookie(reply: FastifyReply, config: ServerConfig, token: string): void {
  const secure = secureCookiesFor(config, reply.request);
  reply.setCookie(cookieName(secure), token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: config.session.absoluteHours * 3600 });
}

export function clearSessionCookie(reply: FastifyReply, config: ServerConfig): void {
  const secure = secureCookiesFor(config, reply.request);
  reply.clearCookie(cookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** What a session still owes before it may do anything else, in the order the UI walks the user through. */
export type PendingStep = 'SECOND_FACTOR_REQUIRED' | 'PASSWORD_CHANGE_REQUIRED' | 'SECOND_FACTOR_ENROLMENT_REQUIRED';

export function pendingStep(auth: Authenticated): PendingStep | null {
  if (auth.stage === 'pending') return 'SECOND_FACTOR_REQUIRED';
  if (auth.mustChangePassword) return 'PASSWORD_CHANGE_REQUIRED';
  if (auth.stage === 'enrol') return 'SECOND_FACTOR_ENROLMENT_REQUIRED';
  return null;
}

const PENDING_MESSAGE: Record<PendingStep, string> = {
  SECOND_FACTOR_REQUIRED: '请先输入动态验证码完成登录',
  PASSWORD_CHANGE_REQUIRED: '请先修改密码（初始密码或已超过有效期的密码须修改后才能使用）',
  SECOND_FACTOR_ENROLMENT_REQUIRED: '您的账户须启用双因素认证，请先绑定动态验证码',
};

/**
 * preValidation hook (before body validation, so no session means 401, not 400): resolves the cookie to
 * an actor. A session that still owes a step (second factor, forced password change, enrolment) reaches
 * only the routes that let it take that step (`allow`); with the second factor required, the password
 * alone reaches nothing else.
 */
export function requireAuth(deps: Deps, opts: { allow?: readonly PendingStep[] } = {}) {
  return async (request: FastifyRequest): Promise<void> => {
    const auth = await authenticate(deps, { token: sessionToken(deps.config, request), ip: request.ip });
    const step = pendingStep(auth);
    if (step && !opts.allow?.includes(step)) throw new AppError(step, PENDING_MESSAGE[step]);
    request.auth = auth;
  };
}

export const ANY_STEP: readonly PendingStep[] = ['SECOND_FACTOR_REQUIRED', 'PASSWORD_CHANGE_REQUIRED', 'SECOND_FACTOR_ENROLMENT_REQUIRED'];

export function authOf(request: FastifyRequest): Authenticated {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.auth;
}

/** If-Match: "7" (strong ETag of version 7). Missing → null; anything else malformed → 400. */
export function parseIfMatch(header: string | undefined): number | null {
  if (header == null || header.trim() === '') return null;
  const m = /^\s*"(?:r[^"]*-v)?(\d{1,9})"\s*$/.exec(header) ?? /^\s*(\d{1,9})\s*$/.exec(header);
  if (!m) throw new AppError('VALIDATION', 'If-Match 请求头格式应为 "版本号"，例如 "3"（不接受弱 ETag）');
  return Number(m[1]);
}

/**
 * If-None-Match: "7", W/"7", a list of them, or *. Weak comparison applies here (RFC 9110 §13.1.2), so W/
 * is accepted; anything unreadable is ignored (the full response is always a correct answer).
 */
export function parseIfNoneMatch(header: string | undefined): number[] | '*' | null {
  if (header == null || header.trim() === '') return null;
  if (header.trim() === '*') return '*';
  const versions = [...header.matchAll(/(?:W\/)?"(?:r[^"]*-v)?(\d{1,9})"/g)].map((m) => Number(m[1]));
  return versions.length > 0 ? versions : null;
}

export const etag = (version: number) => `"${version}"`;
