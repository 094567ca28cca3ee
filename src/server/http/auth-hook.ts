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

/** `__Host-` binds the cookie to this origin, but browsers only accept it with Secure (TLS). */
export function cookieName(config: ServerConfig): string {
  return config.secureCookies ? '__Host-jixiao_sid' : 'jixiao_sid';
}

export function setSessionCookie(reply: FastifyReply, config: ServerConfig, token: string): void {
  reply.setCookie(cookieName(config), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: config.session.absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: ServerConfig): void {
  reply.clearCookie(cookieName(config), { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}

/** preValidation hook (before body validation, so no session means 401, not 400): resolves the cookie to an actor; a forced password change blocks all but a few routes. */
export function requireAuth(deps: Deps, opts: { allowPasswordChange?: boolean } = {}) {
  return async (request: FastifyRequest): Promise<void> => {
    const auth = await authenticate(deps, { token: request.cookies[cookieName(deps.config)], ip: request.ip });
    if (auth.mustChangePassword && !opts.allowPasswordChange)
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '密码已超过有效期，请先修改密码');
    request.auth = auth;
  };
}

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
