// One content, every format: the seed's official PDF (Chromium → pdftotext), its DOCX (the document's
// own text) and LibreOffice's rendering of that DOCX (soffice → pdftotext) carry the same values —
// indicators with operator, target and unit and 完成值 with its unit, the 评分表 with the department's
// claimed self-scores and the total, the narrative, the signer with date and verification code — and
// none of the checker's words. Also the official XLSX's 评分表 and indicators.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../src/core/check';
import type { Report } from '../src/core/model/report';
import { documentXml, paragraphText } from '../src/io/export/docx/xml-probe';
import { exportReport, type PrintedSignature } from '../src/io/export/index';
import { closeSharedPdfRenderer } from '../src/io/export/pdf/index';
import { skipPdfTests } from '../src/io/export/pdf/test-tools';
import { seedReport } from './helpers/seed';

const onPath = (cmd: string) => (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
const flat = (s: string) => s.replace(/\s+/g, '');

function fixture(): { report: Report; signatures: PrintedSignature[] } {
  const r = seedReport();
  // "≥ 50 次" as an importer splits it: only the number kept as written
  Object.assign(r.performance.indicators[4]!, { name: '开展支部共建活动', operator: '≥', target: '50', targetValue: '50', unit: '次', actual: '52', actualValue: '52' });
  const items = checkReport(r).score!.items;
  r.scoreSheet = [
    { itemId: items[0]!.id, score: 4.5, note: '自评依据甲：编制与实有人数对照' },
    { itemId: items[1]!.id, score: 3, note: '自评依据乙' },
  ];
  return { report: r, signatures: [{ role: 'leader', signerName: '李组长', signedAt: '2022-06-20', code: 'AB12-CD34-EF56', valid: true }] };
}

const skipPdf = skipPdfTests();
const soffice = onPath('soffice');
if (!soffice) console.warn('\n!! LibreOffice（soffice）未安装：DOCX 经 LibreOffice 渲染的对照已跳过（SKIPPED）\n');

describe('one content in PDF, DOCX and LibreOffice’s DOCX', { timeout: 180_000 }, () => {
  const { report, signatures } = fixture();
  const { findings, score } = checkReport(report);
  const opts = { findings, score: score!, signatures }; // findings passed on purpose: official must drop them
  const texts: Record<string, string> = {};
  let work = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'jixiao-same-'));
    const docx = await exportReport(report, 'docx', opts);
    texts.docx = paragraphText(documentXml(docx.bytes));
    if (soffice) {
      const file = join(work, 'seed.docx');
      writeFileSync(file, docx.bytes);
      execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', work, file], { stdio: 'ignore', timeout: 150_000 });
      texts.libreoffice = execFileSync('pdftotext', ['-enc', 'UTF-8', join(work, 'seed.pdf'), '-'], { encoding: 'utf8' });
    }
    if (!skipPdf) {
      const pdf = await exportReport(report, 'pdf', opts);
      writeFileSync(join(work, 'chromium.pdf'), pdf.bytes);
      texts.pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', join(work, 'chromium.pdf'), '-'], { encoding: 'utf8' });
    }
  });
  afterAll(async () => {
    await closeSharedPdfRenderer();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const expected = () => {
    const fin = report.finance;
    return [
      report.cover.departmentName,
      '开展支部共建活动（目标值：≥50次）',
      '52次',
      '服务对象满意率高于99%',
      fin.income[0]!.total!, fin.expenditure[0]!.total!, fin.threePublic[0]!.total!,
      '附：部门整体支出绩效评价评分表',
      '自评依据甲：编制与实有人数对照', '4.5', '自评依据乙',
      String(report.performance.selfScore), report.performance.grade,
      flat(report.narrative[0]!.text).slice(0, 40),
      '李组长', '2022年6月20日', '电子签名验证码：AB12-CD34-EF56',
    ];
  };
  const FORBIDDEN = ['模板占位', '待岳阳市财政局确认', '数据不足', '系统核算', '待定'];

  it.each(['pdf', 'docx', 'libreoffice'])('%s carries the seed’s values and none of the checker’s words', (kind) => {
    if ((kind === 'pdf' && skipPdf) || (kind === 'libreoffice' && !soffice)) return;
    // flattened: PDFs wrap lines anywhere, and HTML prints the date "2022 年 6 月 20 日", Word "2022年6月20日"
    const text = flat(texts[kind]!);
    const missing = expected().filter((v) => !text.includes(flat(v)));
    expect(missing, kind).toEqual([]);
    for (const w of FORBIDDEN) expect(text, `${kind}: ${w}`).not.toContain(w);
  });

  it('the official XLSX has the same indicator values and claimed scores', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportReport(report, 'xlsx', opts)).bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet('发现问题')).toBeUndefined();
    const scores = wb.getWorksheet('评分表')!;
    expect(scores.getRow(2).getCell(5).value).toBe(4.5);
    expect(scores.getRow(2).getCell(6).value).toBe('自评依据甲：编制与实有人数对照');
    const ind = wb.getWorksheet('绩效指标')!;
    let row: ExcelJS.Row | undefined;
    ind.eachRow((r) => {
      if (r.getCell(3).value === '开展支部共建活动') row = r;
    });
    expect(row).toBeDefined();
    expect((row!.values as unknown[]).map(String).join('|')).toMatch(/≥.*50.*次.*52/);
  });
});
