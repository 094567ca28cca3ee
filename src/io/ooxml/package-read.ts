// The synchronous core of an import: a zip's bytes → Doc, under the caps. It runs inside the sandbox
// worker by default, or in-process for trusted batch work.
import type { Doc } from '../import/doc';
import { readDocx } from './docx-read';
import { ooxmlError } from './errors';
import type { OoxmlLimits } from './limits';
import { detectPackage } from './opc';
import { readXlsx } from './xlsx-read';
import { openZip } from './zip';

export function readPackage(bytes: Uint8Array, limits: OoxmlLimits): Doc {
  const zip = openZip(bytes, limits);
  const { kind, mainPart } = detectPackage(zip, limits);
  switch (kind) {
    case 'docx':
      return readDocx(zip, mainPart, limits);
    case 'xlsx':
      return readXlsx(zip, mainPart, limits);
    case 'odf':
      throw ooxmlError('FORMAT.ODF');
    case 'pptx':
      throw ooxmlError('FORMAT.PPTX');
    default:
      throw ooxmlError(zip.has('[Content_Types].xml') ? 'OOXML.MISSING_PART' : 'FORMAT.ARCHIVE');
  }
}
