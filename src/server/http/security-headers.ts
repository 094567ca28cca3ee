// Response headers every page and API answer carries (ASVS 3.4): no sniffing, no framing, no caching
// of API data, HSTS behind TLS.
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config';
import { secureCookiesFor } from './auth-hook';

const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

export function installSecurityHeaders(app: FastifyInstance, config: ServerConfig): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    if (secureCookiesFor(config, request) && request.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000');
    const path = request.url.split('?')[0] ?? '';
    // swagger-ui brings its own inline bootstrap; every other page gets the strict policy
    if (!path.startsWith('/api/docs')) reply.header('Content-Security-Policy', CSP);
    if (path.startsWith('/api/') && !path.startsWith('/api/docs')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
