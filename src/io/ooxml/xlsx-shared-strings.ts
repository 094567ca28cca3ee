// xl/sharedStrings.xml: the table most string cells point into. Capped in count, per string and in
// total before and while parsing, because it is where a small XLSX hides a large payload. Read as a
// stream of XML events: no tree of hundreds of thousands of <si> is ever built.
import { ooxmlError } from './errors';
import type { OoxmlLimits } from './limits';
import { StringItemReader } from './xlsx-string-item';
import { scanXml, type ScanOptions, type XmlSink } from './xml-scan';
import type { ZipArchive } from './zip';

const SI_TAG = /<(?:[A-Za-z_][\w.-]*:)?si[\s>/]/g;
/** No attribute is read; phonetic runs and run properties are never looked at. */
const SST: ScanOptions = { skip: new Set(['rPh', 'rPr', 'phoneticPr', 'extLst']), attributes: new Set() };

export function readSharedStrings(zip: ZipArchive, part: string, limits: OoxmlLimits): string[] {
  const text = zip.readText(part);
  // Cheap refusals before parsing: the count of <si> and the raw size.
  if (text.length > limits.maxSharedStringsChars * 2 + 1_000_000) tooLarge(`${text.length} 字符`);
  let count = 0;
  SI_TAG.lastIndex = 0;
  while (SI_TAG.exec(text)) if (++count > limits.maxSharedStrings) tooLarge(`超过 ${limits.maxSharedStrings} 条`);

  const out: string[] = [];
  let total = 0;
  const item = new StringItemReader();
  let depth = 0; // the <sst> root is at 1, each <si> at 2
  const sink: XmlSink = {
    open(name) {
      depth++;
      if (item.reading) item.open(name, depth);
      else if (depth === 2 && name === 'si') item.start(depth);
    },
    text(s) {
      if (!item.reading) return;
      // Checked as the text comes, so one huge string is refused before it is all joined up.
      const length = item.text(s, depth);
      if (length > limits.maxCellChars) tooLarge(`第 ${out.length + 1} 条超过 ${limits.maxCellChars} 字符`);
    },
    close() {
      const s = item.reading ? item.close(depth) : undefined;
      depth--;
      if (s === undefined) return;
      total += s.length;
      if (total > limits.maxSharedStringsChars) tooLarge(`合计超过 ${limits.maxSharedStringsChars} 字符`);
      out.push(s);
    },
  };
  scanXml(text, part, limits, sink, SST);
  return out;
}

function tooLarge(detail: string): never {
  throw ooxmlError('OOXML.SHARED_STRINGS_TOO_LARGE', detail);
}
