// import(export(report)) gives back the same report: the seed and generated reports, through DOCX and XLSX.
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/core/model/report';
import { renderReportDocx } from '../src/io/export/docx/index';
import { renderReportXlsx } from '../src/io/export/xlsx/index';
import { importDoc } from '../src/io/import/index';
import { readOoxml } from '../src/io/ooxml/read';
import { generateReport } from './helpers/generate';
import { importSeed } from './helpers/seed';

/** Provenance differs by format (lines vs cells); everything else must match exactly. */
const content = (r: Report) => ({ ...r, sources: {} });

async function viaDocx(r: Report) {
  return importDoc(await readOoxml(await renderReportDocx(r), 'r.docx', { inProcess: true }));
}
async function viaXlsx(r: Report) {
  return importDoc(await readOoxml(await renderReportXlsx(r), 'r.xlsx', { inProcess: true }));
}

describe('round trip through the official formats', () => {
  const seed = importSeed().report;

  it('the seed through DOCX comes back the same, nothing unmapped', async () => {
    const back = await viaDocx(seed);
    expect(content(back.report)).toEqual(content(seed));
    expect(back.unmapped).toEqual([]);
    expect(back.family).toBe('yueyang-overall');
  });

  it('the seed through XLSX comes back the same, nothing unmapped', async () => {
    const back = await viaXlsx(seed);
    expect(content(back.report)).toEqual(content(seed));
    expect(back.unmapped).toEqual([]);
  });

  for (const seedNo of Array.from({ length: 12 }, (_, i) => i + 1)) {
    it(`generated report #${seedNo} through DOCX and XLSX`, async () => {
      const r = generateReport(seedNo);
      expect(content((await viaDocx(r)).report)).toEqual(content(r));
      expect(content((await viaXlsx(r)).report)).toEqual(content(r));
    });
  }
});
