// Tests that look: the seed printed to PDF, page 1 and the finance pages turned into PNG under
// test-artifacts/pdf/ for a person to inspect, and poppler confirming the text is there, searchable and
// set in embedded fonts.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReport } from '../../../../test/helpers/seed';
import { PdfRenderer, renderReportPdf } from './index';
import { ARTIFACTS, containsLoosely, loadSeed, missingPdfTools, pageToPng, pdfFonts, pdfInfo, pdfText, skipPdfTests, squash } from './test-tools';

const SKIP = skipPdfTests();

// Every field and amount a reader checks against the paper form.
const SEED_TOKENS = [
  '湖南城陵矶新港区2021年度部门', '整体支出绩效评价自评报告', '党群工作部', '999236', '部门（单位）绩效自评',
  '部门（单位）评价组', '2022年6月21日', '王焱', '18821880734', '87.2217', '85.33', '38.43', '32.67', '5.76',
  '46.90', '1.89', '2.5285', '97', '优秀', '科员', '纳入专户管理的非税收入拨款', '公务用车运维费', '出租固定资产',
  '评价组组长（签字）：', '财政部门归口业务科室负责人（签章）：', '填报人（签名）：', '六、改进措施和有关建议',
];

// Outside the suites below so that in CI a missing tool fails here by name, not only in their beforeAll.
describe.skipIf(SKIP)('PDF tools', () => {
  it('has what the PDF tests need on this machine (chromium, poppler)', () => {
    expect(missingPdfTools()).toEqual([]);
  });
});

describe.skipIf(SKIP)('PDF of the seed report', () => {
  const file = join(ARTIFACTS, 'seed.pdf');
  let renderer: PdfRenderer;
  let text = '';

  beforeAll(async () => {
    renderer = new PdfRenderer();
    const seed = await loadSeed();
    console.info(`PDF 测试的种子报告来自：${seed.via}`);
    const pdf = await renderReportPdf(seed.report, { renderer });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    mkdirSync(ARTIFACTS, { recursive: true });
    // pictures from an earlier run would pass for this one's
    for (const f of readdirSync(ARTIFACTS)) if (f.startsWith('seed-page-')) rmSync(join(ARTIFACTS, f));
    writeFileSync(file, pdf);
    text = squash(pdfText(file));
  }, 120_000);
  afterAll(() => renderer?.close());

  it('is A4 with 第 X 页 / 共 Y 页 in the footer and none on the cover', () => {
    const info = pdfInfo(file);
    expect(info.width).toBeCloseTo(595, 0);
    expect(info.height).toBeCloseTo(842, 0);
    expect(info.pages).toBeGreaterThanOrEqual(6);
    expect(squash(pdfText(file, 1))).not.toContain('第1页');
    expect(squash(pdfText(file, 2))).toContain(`第2页/共${info.pages}页`);
    expect(squash(pdfText(file, info.pages))).toContain(`第${info.pages}页/共${info.pages}页`);
  });

  it('carries every field, amount and indicator as searchable text', () => {
    const seed = seedReport();
    const values = [
      ...SEED_TOKENS,
      ...seed.performance.indicators.flatMap((i) => [i.level2, i.name]),
      ...seed.performance.qualitative.flatMap((q) => [q.target, q.result]),
      ...seed.overview.tasks,
      ...seed.narrative.flatMap((n) => [n.heading, ...n.text.split('\n')]),
    ];
    for (const v of values) expect(containsLoosely(text, v), v).toBe(true);
  });

  it('embeds every font it uses, with a Unicode map so text can be copied and searched', () => {
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded, `${f.name} ${f.type}`).toBe(true);
      expect(f.unicode, `${f.name} ${f.type}`).toBe(true);
    }
  });

  it('writes page 1 and the finance-table pages as PNG for a person to look at', () => {
    const pages = pdfInfo(file).pages;
    const shots = [pageToPng(file, 1, 'seed-page-01-cover')];
    const wanted = ['年度收入情况', '年度支出和结余情况', '公务接待费', '在用固定资产', '质量指标', '绩效自评综合得分'];
    const found = new Set<number>();
    for (const w of wanted) {
      let hit = 0;
      for (let p = 2; p <= pages && !hit; p++) if (containsLoosely(pdfText(file, p), w)) hit = p;
      expect(hit, w).toBeGreaterThan(0);
      found.add(hit);
    }
    for (const p of found) shots.push(pageToPng(file, p, `seed-page-${String(p).padStart(2, '0')}-tables`));
    for (const s of shots) {
      expect(existsSync(s)).toBe(true);
      expect(statSync(s).size).toBeGreaterThan(20_000);
    }
    console.info(`PDF 截图：\n${shots.join('\n')}`);
  });
});

describe.skipIf(SKIP)('PDF page breaks', () => {
  let renderer: PdfRenderer;
  beforeAll(() => {
    renderer = new PdfRenderer();
  });
  afterAll(() => renderer?.close());

  it('repeats a finance table header on every page the table runs onto', async () => {
    const r = seedReport();
    const extra = Array.from({ length: 60 }, (_, i) => ({
      institution: `二级机构${i + 3}`,
      kind: 'sub' as const,
      total: `${i}.5`,
      carryOver: null,
      fiscal: `${i}.5`,
      fund: null,
      specialAccount: null,
      other: null,
    }));
    r.finance.income.push(...extra);
    const file = join(ARTIFACTS, 'long-income-table.pdf');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(file, await renderReportPdf(r, { renderer }));
    const pages = pdfInfo(file).pages;
    const spread: number[] = [];
    for (let p = 2; p <= pages; p++) if ([...pdfText(file, p).matchAll(/\d+、二级机构(\d+)/g)].some((m) => Number(m[1]) >= 3)) spread.push(p); // added rows
    expect(spread.length).toBeGreaterThanOrEqual(2);
    for (const p of spread) {
      const t = pdfText(file, p);
      for (const head of ['年度收入情况（万元）', '机构名称', '收入合计', '纳入专户管理的非税收入拨款']) {
        expect(containsLoosely(t, head), `page ${p}: ${head}`).toBe(true);
      }
    }
    expect(containsLoosely(pdfText(file, spread[spread.length - 1]!), '62、二级机构62')).toBe(true);
    pageToPng(file, spread[spread.length - 1]!, 'long-income-table-continued');
  });
});
