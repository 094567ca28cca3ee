// Pins what the exporters write for the seed, a blank report and generated reports: the SHA-256 of the
// HTML, of the DOCX body (word/document.xml), of every XLSX worksheet and shared-string part, and of every
// CSV file. A change to any of them must be deliberate: update a pin only in a commit whose message says
// what changed in the output and why (`JIXIAO_UPDATE_PINS=1 npx vitest run src/io/export/pinned.test.ts`
// rewrites pinned.json).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../../core/check';
import { emptyReport, type Report } from '../../core/model/report';
import { generateReport } from '../../../test/helpers/generate';
import { seedReport } from '../../../test/helpers/seed';
import { renderReportDocx } from './docx/index';
import { renderReportHtml } from './html/index';
import { csvFiles } from './index';
import { renderReportXlsx } from './xlsx/index';

const sha = (s: string | Uint8Array): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** name → hash of every exported part of one report. */
async function fingerprint(report: Report): Promise<Record<string, string>> {
  const { findings, score } = checkReport(report);
  const out: Record<string, string> = {};
  out.html = sha(renderReportHtml(report, { standalone: true }));
  out['html+review'] = sha(renderReportHtml(report, { findings, score }));
  out['docx:document.xml'] = sha(strFromU8(unzipSync(await renderReportDocx(report))['word/document.xml']!));
  const xlsx = unzipSync(await renderReportXlsx(report, { findings, score }));
  for (const name of Object.keys(xlsx).sort()) {
    if (/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) out[`xlsx:${name}`] = sha(xlsx[name]!);
  }
  for (const [name, bytes] of Object.entries(csvFiles(report))) out[`csv:${name}`] = sha(bytes);
  return out;
}

const PIN_FILE = new URL('./pinned.json', import.meta.url);
const PINS = JSON.parse(readFileSync(PIN_FILE, 'utf8')) as Record<string, Record<string, string>>;

const cases: Array<[string, () => Report]> = [
  ['seed', seedReport],
  ['blank', emptyReport],
  ['generated-1', () => generateReport(1)],
  ['generated-2', () => generateReport(2)],
  ['generated-3', () => generateReport(3)],
];

describe('exports are pinned', () => {
  const got: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    for (const [name, make] of cases) got[name] = await fingerprint(make());
    if (process.env.JIXIAO_UPDATE_PINS === '1') writeFileSync(PIN_FILE, `${JSON.stringify(got, null, 2)}\n`);
  });
  for (const [name] of cases) {
    it(`${name}: every exported part is byte-for-byte the pinned one`, () => {
      expect(got[name]).toEqual(PINS[name]);
    });
  }
});
