// @vitest-environment jsdom
// The seed read by the real importer renders like the typed-in seed: same values, same merged rows.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../import/index';
import { renderReportHtml } from './index';
import { seedReport } from './test-seed';

// The fixture lives in the repo's test/fixtures and in shared/ beside the checkout (CI lays it there).
const FIXTURE = [
  '../../../../test/fixtures/seed-report-2021-dangqun.txt',
  '../../../../../shared/fixtures/seed-report-2021-dangqun.txt',
]
  .map((p) => fileURLToPath(new URL(p, import.meta.url)))
  .find((p) => existsSync(p));

const cells = (html: string) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // one line per addressable element, so a difference reads as "path: text ×rowspan"
  return [...doc.querySelectorAll('[data-path]')].map(
    (e) => `${e.getAttribute('data-path')}: ${(e.textContent ?? '').replace(/\s+/g, '').slice(0, 60)} ×${(e as HTMLTableCellElement).rowSpan ?? 1}`,
  );
};

describe.skipIf(!FIXTURE || typeof importFile !== 'function')('the imported seed', () => {
  it('renders the same cells, values and merges as the typed-in seed', async () => {
    const { report } = await importFile(new Uint8Array(readFileSync(FIXTURE!)), 'seed-report-2021-dangqun.txt');
    const imported = cells(renderReportHtml(report));
    const typed = cells(renderReportHtml(seedReport()));
    expect(imported).toEqual(typed);
  });
});
