// Responses the server assembles field by field (report views, lists, write results) are serialised with
// JSON.stringify alone. The zod response schemas still describe them in the OpenAPI document, but encoding
// a 30 KB report view through zod took about an eighth of a GET (bench/server-load.ts profile), and it
// guards nothing here: these objects are built from named columns, never spread from a row.
import type { FastifySerializerCompiler } from 'fastify/types/schema';

/** JSON text already written (a large report's document, never parsed here), spliced in as it is. */
export class RawJson {
  // typed like the object it stands for (the response schemas describe a report document there)
  [key: string]: unknown;
  constructor(readonly text: string) {}
}

const RAW_MARK = '\u0000jixiao-raw-json\u0000';

export const plainJson: FastifySerializerCompiler<unknown> = () => (data) => {
  const report = (data as { report?: unknown } | null)?.report;
  if (!(report instanceof RawJson)) return JSON.stringify(data);
  const text = JSON.stringify({ ...(data as object), report: RAW_MARK });
  const at = text.indexOf(JSON.stringify(RAW_MARK));
  return `${text.slice(0, at)}${report.text}${text.slice(at + JSON.stringify(RAW_MARK).length)}`;
};
