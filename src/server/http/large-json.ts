// A report document beyond the small size is not parsed or validated on the request thread (issue 13 §1):
// for the routes that say so (config.largeJson), the JSON parser hands such a body on as its text, the
// route's validator lets it through, and the use-case has the heavy-work pool parse, validate and diff it.
// Every other body is parsed as Fastify always does (prototype poisoning refused).
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ServerConfig } from '../config';
import { decodeUtf8 } from '../utf8';

export class LargeJson {
  constructor(readonly text: string) {}
}

export function installJsonParser(app: FastifyInstance, config: Pick<ServerConfig, 'heavy'>): void {
  const parse = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  // decoded by ../utf8 rather than Buffer#toString (several times faster on CJK text: a save carries a whole report)
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    const text = decodeUtf8(bytes);
    const large = request.routeOptions.config?.largeJson;
    if (large && bytes.byteLength > config.heavy.thresholdBytes) return done(null, new LargeJson(text));
    return parse(request, text, done);
  });
}

/** The zod validator, except that a large body passes through to be validated in a worker. */
export const largeJsonValidator: FastifySchemaCompiler<unknown> = (routeSchema) => {
  const validate = validatorCompiler(routeSchema as Parameters<typeof validatorCompiler>[0]);
  if (routeSchema.httpPart !== 'body') return validate;
  return (data: unknown) => (data instanceof LargeJson ? { value: data } : validate(data));
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route's JSON body may be handed on as text when large (installJsonParser) */
    largeJson?: boolean;
  }
}
