// The one intermediate every importer produces: paragraphs and tables of rows of cells, each with its
// place in the source. One mapper (io/import/map) turns a Doc into a Report, so a text dump, a DOCX from
// Word, WPS or LibreOffice, and an XLSX all meet the same template knowledge.
import type { SourceRef } from '../../core/model/report';

export type Loc = SourceRef;

export interface Cell {
  /** Cell text; paragraphs inside a cell are joined with "\n". */
  text: string;
  loc: Loc;
  /** Grid columns this cell spans (w:gridSpan); 1 when absent. */
  colSpan?: number;
  /** True for the continuation of a vertically merged cell (w:vMerge without "restart"); its text is "". */
  merged?: boolean;
  /** First grid column of this cell, when the source knows the grid (DOCX, XLSX). */
  col?: number;
  /** XLSX: the cell's formula as written (without "="); `text` is then its cached result. */
  formula?: string;
}

export interface Row {
  cells: Cell[];
  loc: Loc;
}

export type Block =
  | { type: 'paragraph'; text: string; loc: Loc }
  | { type: 'table'; rows: Row[]; loc: Loc };

export interface Doc {
  format: 'text' | 'docx' | 'xlsx';
  blocks: Block[];
  /** the upload was a legacy .doc/.xls that LibreOffice converted to this format */
  convertedFrom?: 'doc' | 'xls';
  /** no text in it has a character cleanChars changes (known for text files: one scan of the whole text) */
  plainChars?: boolean;
}

/** A piece of the source no field took: kept so nothing is lost, with where it was. */
export interface Unmapped {
  text: string;
  loc: Loc;
}

/** Template families the importer recognises (see fixtures/real-excerpts/expected.json). */
export type Family = 'yueyang-overall' | 'hunan-other' | 'other-province-overall' | 'project-selfeval' | 'unknown';

/** A problem met while importing, in Chinese, with where it was. */
export interface ImportDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  path?: string;
  loc?: Loc;
  /** what an inferred value rests on (IMPORT.YEAR_INFERRED: every clue to the year, with its weight) */
  evidence?: YearEvidence[];
}

/** One clue to the 评价年度 of a report whose title does not state it. */
export interface YearEvidence {
  year: number;
  /** cover: a cover line; body: a phrase of the text; date: a date that falls in the following year */
  source: 'cover' | 'body' | 'date';
  /** the words as printed, shortened */
  text: string;
  weight: number;
  loc?: Loc;
}

/** Thrown when a file cannot be read at all (binary garbage, empty, legacy .doc, a zip bomb…). */
export class ImportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
