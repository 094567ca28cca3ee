// Open Packaging Conventions: which part is the main document, what the relationships point at, and what
// kind of package this is. Used by both readers, so Word, WPS, LibreOffice and odd writers that name the
// main part differently (word/document2.xml) are all found the same way.
import { ooxmlError } from './errors';
import type { OoxmlLimits } from './limits';
import { elements, parseXml } from './xml';
import type { ZipArchive } from './zip';

export interface Relationship {
  id: string;
  /** Last path segment of the relationship type URI, e.g. officeDocument, worksheet, sharedStrings. */
  type: string;
  /** Resolved part name inside the package (no leading slash); '' for external targets. */
  target: string;
  external: boolean;
}

export type PackageKind = 'docx' | 'xlsx' | 'pptx' | 'odf' | 'unknown';

/** The relationships of a part (`''` for the package itself); empty when the .rels part is absent. */
export function readRels(zip: ZipArchive, part: string, limits: OoxmlLimits): Relationship[] {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const file = part.slice(dir.length);
  const relsName = `${dir}_rels/${file}.rels`;
  if (!zip.has(relsName)) return [];
  const root = parseXml(zip.readText(relsName), relsName, limits);
  return elements(root, 'Relationship').map((r) => {
    const external = r.attrs.TargetMode === 'External';
    const rawType = r.attrs.Type ?? '';
    return {
      id: r.attrs.Id ?? '',
      type: rawType.slice(rawType.lastIndexOf('/') + 1),
      // External targets (URLs, file:///etc/passwd) are never followed: the mammoth CVE-2025-11849 class.
      target: external ? '' : resolvePartName(dir, r.attrs.Target ?? ''),
      external,
    };
  });
}

/** Resolves a relationship target against the source part's folder, without ever leaving the package. */
export function resolvePartName(baseDir: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : baseDir + target;
  const out: string[] = [];
  for (const seg of decodeURIComponentSafe(raw).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Finds the main part and what kind of document the package is, from its content, not its file name. */
export function detectPackage(zip: ZipArchive, limits: OoxmlLimits): { kind: PackageKind; mainPart: string } {
  if (zip.has('mimetype') && !zip.has('[Content_Types].xml')) return { kind: 'odf', mainPart: '' };
  const main = readRels(zip, '', limits).find((r) => r.type === 'officeDocument' && !r.external);
  const contentType = main ? contentTypeOf(zip, main.target, limits) : '';
  if (main && zip.has(main.target)) {
    if (/wordprocessingml|ms-word/.test(contentType)) return { kind: 'docx', mainPart: main.target };
    if (/spreadsheetml|ms-excel/.test(contentType)) return { kind: 'xlsx', mainPart: main.target };
    if (/presentationml|ms-powerpoint/.test(contentType)) return { kind: 'pptx', mainPart: main.target };
  }
  // Writers that skip the package relationships still use the conventional names.
  if (zip.has('word/document.xml')) return { kind: 'docx', mainPart: 'word/document.xml' };
  if (zip.has('xl/workbook.xml')) return { kind: 'xlsx', mainPart: 'xl/workbook.xml' };
  if (zip.has('ppt/presentation.xml')) return { kind: 'pptx', mainPart: '' };
  return { kind: 'unknown', mainPart: '' };
}

function contentTypeOf(zip: ZipArchive, part: string, limits: OoxmlLimits): string {
  if (!zip.has('[Content_Types].xml')) return '';
  const root = parseXml(zip.readText('[Content_Types].xml'), '[Content_Types].xml', limits);
  const want = `/${part}`.toLowerCase();
  const override = elements(root, 'Override').find((o) => (o.attrs.PartName ?? '').toLowerCase() === want);
  if (override) return override.attrs.ContentType ?? '';
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  const def = elements(root, 'Default').find((d) => (d.attrs.Extension ?? '').toLowerCase() === ext);
  return def?.attrs.ContentType ?? '';
}

/** Requires the part to exist, with a clear error naming it. */
export function requirePart(zip: ZipArchive, part: string): void {
  if (!zip.has(part)) throw ooxmlError('OOXML.MISSING_PART', part);
}
