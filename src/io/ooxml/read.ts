// The public entry: bytes of an uploaded file → Doc, or an ImportError with a stable code and a Chinese
// message naming the file. Non-zip files are refused here, cheaply; zips are parsed in the sandbox.
import type { Doc } from '../import/doc';
import { ImportError } from '../import/doc';
import { ooxmlError, toImportError } from './errors';
import { convertLegacy, type LegacyOptions } from './legacy';
import { resolveLimits, type OoxmlLimits } from './limits';
import { readPackage } from './package-read';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';
import { legacyKind, refuseNonZip } from './sniff';

export { sniffFormat, type SniffedFormat } from './sniff';
export { DEFAULT_LIMITS, type OoxmlLimits } from './limits';

export interface ReadOoxmlOptions extends SandboxOptions {
  /** Caps to change from DEFAULT_LIMITS. */
  limits?: Partial<OoxmlLimits>;
  /** Parse on the calling thread: faster, no time or heap cap. Only for trusted files (batch jobs). */
  inProcess?: boolean;
  /** A sandbox to share (its concurrency cap then spans all its callers). */
  sandbox?: Sandbox;
  /** Converting legacy .doc/.xls through LibreOffice: where soffice is and the time limit; false = never. */
  legacy?: LegacyOptions | false;
}

let shared: Sandbox | undefined;

export async function readOoxml(bytes: Uint8Array, fileName: string, options: ReadOoxmlOptions = {}): Promise<Doc> {
  // Outside the try: a bad limit is the caller's bug, not a property of the file.
  const limits = resolveLimits(options.limits);
  try {
    // A legacy .doc/.xls becomes a DOCX/XLSX through LibreOffice when it is installed; otherwise, or for
    // any other non-zip, the refusal below says what to do.
    const legacy = options.legacy === false ? null : legacyKind(bytes, fileName);
    if (legacy && bytes.length > limits.maxCompressedBytes) throw ooxmlError('OOXML.ZIP_TOO_LARGE');
    const converted = legacy ? await convertLegacy(bytes, legacy, options.legacy || {}) : null;
    const input = converted ?? bytes;
    const refusal = refuseNonZip(input, fileName);
    if (refusal) throw refusal;
    const doc = options.inProcess ? readPackage(input, limits) : await sandboxFor(options).run(input, limits);
    return converted ? { ...doc, convertedFrom: legacy! } : doc;
  } catch (e) {
    const err = toImportError(e);
    throw new ImportError(err.code, `文件「${displayName(fileName)}」：${err.message}`);
  }
}

function sandboxFor(options: ReadOoxmlOptions): Sandbox {
  return options.sandbox ?? (hasSandboxOptions(options) ? createSandbox(options) : (shared ??= createSandbox()));
}

function hasSandboxOptions(o: ReadOoxmlOptions): boolean {
  return [o.timeoutMs, o.maxOldGenerationSizeMb, o.maxYoungGenerationSizeMb, o.maxConcurrent, o.maxQueued].some(
    (v) => v !== undefined,
  );
}

/** The name as a person would recognise it, without path, control characters or unbounded length. */
function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean || '未命名';
}
