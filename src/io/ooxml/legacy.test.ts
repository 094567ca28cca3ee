// Legacy .doc/.xls/.wps through LibreOffice: the seed's Word 97-2003 and Excel 97-2003 copies import with the
// seed's values; a broken file and a conversion past its time limit fail with Chinese messages and leave no
// process or temporary directory behind; without LibreOffice the advice to re-save stays. Where soffice is
// not installed these tests skip loudly (CI installs it, and there a missing soffice is a failure).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDoc, importFile } from '../import/index';
import { ImportError } from '../import/doc';
import { findSoffice } from './legacy';
import { readOoxml } from './read';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../test/fixtures/legacy/${name}`, import.meta.url)));
const soffice = findSoffice();
// this file's own parent for the conversions' private directories: empty again after each
const workDir = mkdtempSync(join(tmpdir(), 'jixiao-legacy-test-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const leftovers = () => readdirSync(workDir).length;

describe('legacy files without LibreOffice', () => {
  it('keep the advice to re-save them as .docx / .xlsx', async () => {
    await expect(readOoxml(fixture('seed-2021.doc'), '2021年自评报告.doc', { legacy: { soffice: null } })).rejects.toMatchObject({
      code: 'FORMAT.LEGACY_DOC',
      message: expect.stringContaining('请在 Word 或 WPS 中打开后「另存为」.docx 格式再导入'),
    });
    await expect(readOoxml(fixture('seed-2021.xls'), '2021年自评表.xls', { legacy: { soffice: null } })).rejects.toMatchObject({ code: 'FORMAT.LEGACY_XLS' });
  });
});

if (!soffice) {
  const banner = '!'.repeat(78);
  console.warn(`\n${banner}\n!! 旧版 .doc/.xls 转换测试被跳过：没有找到 LibreOffice（soffice）。安装：\n!! apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui\n${banner}\n`);
}

describe.skipIf(!soffice && process.env.CI !== 'true')('legacy files through LibreOffice', () => {
  it('is installed (CI installs it)', () => {
    expect(soffice, '没有找到 soffice：CI 须安装 libreoffice-writer-nogui 与 libreoffice-calc-nogui').toBeTruthy();
  });

  it('a Word 97-2003 .doc (and the same file named .wps) reads as the seed does, and says it was converted', async () => {
    for (const name of ['2021年自评报告.doc', '2021年自评报告.wps']) {
      const r = await importDoc(await readOoxml(fixture('seed-2021.doc'), name, { legacy: { workDir } }));
      expect(r.format).toBe('docx');
      expect(r.family).toBe('yueyang-overall');
      const p = r.report;
      expect([p.year, p.cover.departmentName, p.cover.budgetCode, p.overview.staffQuota, p.overview.actualStaff]).toEqual([2021, '党群工作部', '999236', 3, 6]);
      expect([p.finance.income[0]!.total, p.finance.threePublic[0]!.total, p.performance.indicators.length, p.performance.selfScore]).toEqual(['87.2217', '2.5285', 14, 97]);
      expect(r.diagnostics[0]).toMatchObject({ code: 'IMPORT.CONVERTED', severity: 'info', message: expect.stringContaining('已由 LibreOffice 转换为 .docx 后导入') });
    }
    expect(leftovers()).toBe(0);
  });

  it('an Excel 97-2003 .xls reads as the seed does', async () => {
    // the whole upload path, as the server and the CLI call it
    const r = await importFile(fixture('seed-2021.xls'), '2021年自评表.xls');
    expect(r.format).toBe('xlsx');
    const p = r.report;
    expect([p.year, p.cover.budgetCode, p.finance.expenditure[0]!.total, p.performance.indicators.length]).toEqual([2021, '999236', '85.33', 14]);
    expect(r.diagnostics[0]?.code).toBe('IMPORT.CONVERTED');
  });

  it('a broken .doc fails with a Chinese message naming the file; a conversion past its limit is stopped', async () => {
    const broken = fixture('seed-2021.doc').slice(0, 4096);
    const err = await readOoxml(broken, '坏文件.doc', { legacy: { workDir } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ code: 'LEGACY.CONVERT_FAILED', message: expect.stringMatching(/^文件「坏文件\.doc」：LibreOffice 未能/) });
    const started = Date.now();
    await expect(readOoxml(fixture('seed-2021.doc'), '慢.doc', { legacy: { timeoutMs: 50, workDir } })).rejects.toMatchObject({ code: 'LEGACY.TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(leftovers()).toBe(0);
  });
});
