// Import any supported file into a Report: sniff the format from its bytes, read it into a Doc, map the Doc.
import type { Report } from '../../core/model/report';
import type { Family, ImportDiagnostic, Unmapped } from './doc';

export interface ImportResult {
  report: Report;
  /** everything in the source no field took, with its place */
  unmapped: Unmapped[];
  family: Family;
  diagnostics: ImportDiagnostic[];
  /** the document ends early (a cut-off web copy); missing later sections are not data errors */
  truncated: boolean;
  format: 'text' | 'docx' | 'xlsx';
}

// TODO(core): implemented in the core import work; signature is the contract for server and CLI.
export declare function importFile(bytes: Uint8Array, fileName: string): Promise<ImportResult>;
