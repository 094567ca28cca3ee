// Counts what a reader puts into the Doc, so a small file cannot expand into a huge one (a 1 MB shared
// string referenced by 12,000 cells is a few KB of XML but gigabytes once cloned out of the worker).
import { ooxmlError } from './errors';
import type { OoxmlLimits } from './limits';

export interface Budget {
  /** Charges one cell; throws once the Doc would hold more cells than allowed. */
  cell(): void;
  /** Charges text about to enter the Doc and returns it; throws past the character caps. */
  text(s: string): string;
}

export function createBudget(limits: OoxmlLimits): Budget {
  let cells = 0;
  let chars = 0;
  return {
    cell() {
      if (++cells > limits.maxCells) throw ooxmlError('OOXML.CONTENT_TOO_LARGE', `单元格超过 ${limits.maxCells} 个`);
    },
    text(s) {
      chars += s.length;
      if (chars > limits.maxDocChars) throw ooxmlError('OOXML.CONTENT_TOO_LARGE', `文字超过 ${limits.maxDocChars} 字`);
      return s;
    },
  };
}
