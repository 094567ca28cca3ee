// Download links for a report, discovered from the server's OpenAPI document: any GET route under
// /api/reports/{id}/ whose path mentions "export". Without one, the preview offers only the HTML the
// browser renders itself. A `format` parameter (path or query) with an enum yields one link per format.
// Downloads go through fetch, so a refusal (503 while the PDF printer is busy) shows its Chinese message.
import { ApiError, api } from './client';

export interface ExportLink {
  label: string;
  href: string;
}

interface OpenApi {
  paths?: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; schema?: { enum?: string[] } }> }>>;
}

const LABEL: Record<string, string> = { docx: 'Word（.docx）', pdf: 'PDF', xlsx: 'Excel（.xlsx）', html: '网页（.html）', json: '开放数据（JSON）', csv: '开放数据（CSV 压缩包）' };

let doc: Promise<OpenApi | null> | null = null;

function openApi(): Promise<OpenApi | null> {
  doc ??= api<OpenApi>('/api/docs/json', { allow401: true })
    .then((r) => r.data)
    .catch(() => null);
  return doc;
}

export function exportLinksFrom(spec: OpenApi | null, id: string): ExportLink[] {
  const out: ExportLink[] = [];
  for (const [path, ops] of Object.entries(spec?.paths ?? {})) {
    if (!ops.get || !/^\/api\/reports\/\{id\}\/.*export/i.test(path)) continue;
    const formatParam = ops.get.parameters?.find((p) => (p.in === 'path' || p.in === 'query') && p.name === 'format');
    const formats = formatParam?.schema?.enum ?? [null];
    for (const f of formats) {
      let href = path.replace('{id}', encodeURIComponent(id));
      if (f && formatParam?.in === 'query') href += `?format=${encodeURIComponent(f)}`;
      else href = href.replace('{format}', f ?? '');
      if (/\{[^}]+\}/.test(href)) continue;
      const key = (f ?? /\.?(\w+)$/.exec(href)?.[1] ?? '').toLowerCase();
      out.push({ label: LABEL[key] ?? key.toUpperCase(), href });
    }
  }
  return out;
}

export async function exportLinks(id: string): Promise<ExportLink[]> {
  return exportLinksFrom(await openApi(), id);
}

/** The file name the server gives (RFC 5987 filename* first), or a fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return plain?.[1] ?? fallback;
}

export async function downloadExport(link: ExportLink): Promise<void> {
  let res: Response;
  try {
    res = await fetch(link.href, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(res.status, body.error?.code ?? `HTTP_${res.status}`, body.error?.message ?? `导出失败（${res.status}）`, body as Record<string, unknown>);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('Content-Disposition'), 'report');
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
