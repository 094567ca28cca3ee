// Responses the server assembles field by field (report views, lists, write results) are serialised with
// JSON.stringify alone. The zod response schemas still describe them in the OpenAPI document, but encoding
// a 30 KB report view through zod took about an eighth of a GET (bench/server-load.ts profile), and it
// guards nothing here: these objects are built from named columns, never spread from a row.
import type { FastifySerializerCompiler } from 'fastify/types/schema';

export const plainJson: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);
