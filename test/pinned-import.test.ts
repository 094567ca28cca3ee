// Pins what the importer reads and what the checker says: the SHA-256 of the import result (report,
// unmapped pieces, diagnostics, family) and of the findings and scorecard, for the seed, its damaged
// variants, the real excerpts, and the seed read back from its own DOCX and XLSX. The label vocabulary and
// every rule message are derived from the form descriptor; a change here must be deliberate: update a pin
// only in a commit that says why (`JIXIAO_UPDATE_PINS=1 npx vitest run test/pinned-import.test.ts`).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../src/core/check';
import { renderReportDocx } from '../src/io/export/docx/index';
import { renderReportXlsx } from '../src/io/export/xlsx/index';
import { type ImportResult, importFile, importText } from '../src/io/import/index';
import { seedReport, seedText } from './helpers/seed';
import { toPipes, toPlain, toTraditional, withChrome, withoutColons, yearAsDash } from './helpers/variants';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);
const EXCERPTS = new URL('./fixtures/real-excerpts/', import.meta.url);
const PIN_FILE = new URL('./pinned-import.json', import.meta.url);
const PINS = JSON.parse(readFileSync(PIN_FILE, 'utf8')) as Record<string, Record<string, string>>;

function fingerprint(r: ImportResult): Record<string, string> {
  const { findings, score } = checkReport(r.report, { truncated: r.truncated });
  return {
    report: sha(JSON.stringify(r.report)),
    unmapped: sha(JSON.stringify(r.unmapped)),
    diagnostics: sha(JSON.stringify(r.diagnostics)),
    family: r.family,
    findings: sha(JSON.stringify(findings)),
    score: sha(JSON.stringify(score)),
  };
}

const texts: Array<[string, string]> = [
  ['seed', seedText],
  ['seed-pipes', toPipes(seedText)],
  ['seed-plain', toPlain(seedText)],
  ['seed-traditional', toTraditional(seedText)],
  ['seed-year-dash', yearAsDash(seedText)],
  ['seed-no-colons', withoutColons(seedText)],
  ['seed-chrome', withChrome(seedText)],
  ...readdirSync(EXCERPTS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f): [string, string] => [`excerpt-${f}`, readFileSync(new URL(f, EXCERPTS), 'utf8')]),
];

describe('import and check are pinned', () => {
  const got: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    for (const [name, text] of texts) got[name] = fingerprint(importText(text));
    got['seed-docx'] = fingerprint(await importFile(await renderReportDocx(seedReport()), 'seed.docx'));
    got['seed-xlsx'] = fingerprint(await importFile(await renderReportXlsx(seedReport()), 'seed.xlsx'));
    if (process.env.JIXIAO_UPDATE_PINS === '1') writeFileSync(PIN_FILE, `${JSON.stringify(got, null, 2)}\n`);
  });
  for (const name of [...texts.map(([n]) => n), 'seed-docx', 'seed-xlsx']) {
    it(`${name}: the import and the check give the pinned result`, () => {
      expect(got[name]).toEqual(PINS[name]);
    });
  }
});
