import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/model/finding';
import { emptyReport, type Report } from '../../../core/model/report';
import type { Scorecard } from '../../../core/model/score';
import { seedReport } from '../../../../test/helpers/seed';
import { defaultForm } from '../../../core/templates/index';
import { indicatorHeaders } from './columns';
import { financeShapes } from './finance-sheets';
import { renderReportXlsx } from './index';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}
const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const headerOf = (ws: ExcelJS.Worksheet): unknown[] => (ws.getRow(1).values as unknown[]).slice(1);

const SCORE: Scorecard = {
  templateId: 'yueyang-overall',
  templateName: '岳阳市部门整体支出绩效评价评分表',
  total: null,
  grade: null,
  computable: { weight: 10, score: 5 },
  basis: 'partial',
  items: [
    {
      id: 'staff',
      path: ['投入', '预算配置'],
      name: '财政供养人员控制率',
      weight: 5,
      status: 'scored',
      score: 0,
      metric: '200.00%',
      deductions: [{ points: 5, reason: '实有人数6人/人员编制3人=200.00%，超100个百分点，扣完为止' }],
      explanation: '按每超1个百分点扣0.5分计算',
      claimed: 5,
    },
    {
      id: 'change',
      path: ['投入', '预算配置'],
      name: '“三公经费”变动率',
      weight: 5,
      status: 'insufficient',
      score: null,
      deductions: [],
      explanation: '报告未提供上年度三公经费',
      missing: ['上年度三公经费'],
      claimed: null,
    },
  ],
  claimed: { score: 97, grade: '优秀' },
};
const FINDINGS: Finding[] = [
  {
    code: 'FIN.SUM_ROWS',
    rule: 'A1',
    severity: 'error',
    path: 'finance.threePublic[0].total',
    message: '三公经费表：汇总行“三公经费合计”2.5285万元与各机构合计0万元不一致',
  },
];

let seed: Report;
let wb: ExcelJS.Workbook;
beforeAll(async () => {
  seed = seedReport();
  wb = await open(await renderReportXlsx(seed, { findings: FINDINGS, score: SCORE, rendering: 'review' }));
});

describe('renderReportXlsx', () => {
  it('writes the sheets in the documented order', async () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '封面及概况', '收入', '支出', '三公经费', '固定资产', '定性目标', '绩效指标', '评价人员及签署', '综述', '评分表', '发现问题',
    ]);
    const plain = await open(await renderReportXlsx(seed));
    expect(plain.worksheets.map((w) => w.name)).not.toContain('评分表');
    expect(plain.worksheets.map((w) => w.name)).not.toContain('发现问题');
  });

  it('gives every finance sheet one header row with the full template names and the template row labels', () => {
    for (const s of financeShapes(defaultForm())) {
      const ws = sheet(wb, s.def.sheet);
      expect(headerOf(ws)).toEqual(['机构名称', ...s.leaves.map((c) => c.label)]);
      expect([2, 3, 4, 5].map((r) => ws.getCell(r, 1).value)).toEqual(['局机关及二级机构汇总', '1、局机关', '2、二级机构1', '3、二级机构2']);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    }
    expect(headerOf(sheet(wb, '支出'))).toEqual(['机构名称', '支出合计', '基本支出', '人员支出', '公用支出', '项目支出', '当年结余', '累计结余']);
    expect(headerOf(sheet(wb, '绩效指标'))).toEqual(indicatorHeaders(defaultForm()));
    expect(indicatorHeaders(defaultForm())).toEqual(['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '偏差原因']);
  });

  it('makes the summary row live =SUM formulas with cached results where the report agrees', () => {
    const income = sheet(wb, '收入');
    expect(income.getCell('B2').value).toEqual({ formula: 'SUM(B3:B5)', result: 87.2217 });
    expect(income.getCell('D2').value).toEqual({ formula: 'SUM(D3:D5)', result: 87.2217 });
    expect(income.getCell('C2').value).toBeNull(); // 上年结转: blank everywhere stays blank
    const exp = sheet(wb, '支出');
    const summary = 'BCDEFGH'.split('').map((c) => exp.getCell(`${c}2`).value);
    expect(summary).toEqual(
      [85.33, 38.43, 32.67, 5.76, 46.9, 1.89, 1.89].map((result, i) => ({ formula: `SUM(${'BCDEFGH'[i]}3:${'BCDEFGH'[i]}5)`, result })),
    );
  });

  it('keeps a summary that differs from the sum as written, with a note', () => {
    const tp = sheet(wb, '三公经费');
    expect(tp.getCell('B2').value).toBe(2.5285);
    expect(tp.getCell('C2').value).toBe(2.5285);
    expect(String(tp.getCell('B2').note)).toContain('2.5285');
    expect(tp.getCell('B3').value).toBeNull();
    expect([2, 3, 4, 5].every((r) => sheet(wb, '固定资产').getCell(r, 2).value === null)).toBe(true);
  });

  it('writes exact amounts, each shown with the decimals the report wrote it with', () => {
    expect(sheet(wb, '收入').getCell('B3').value).toBe(87.2217);
    expect(sheet(wb, '收入').getCell('B3').numFmt).toBe('#,##0.0000');
    expect(sheet(wb, '支出').getCell('F3').value).toBe(46.9);
    expect(sheet(wb, '支出').getCell('F3').numFmt).toBe('#,##0.00');
    // blank cells carry the report's decimals for whatever is typed in later
    expect(sheet(wb, '三公经费').getCell('B3').numFmt).toBe('#,##0.0000');
  });

  it('sums in 分, so cached results are the written decimals, not float noise', async () => {
    const r = emptyReport();
    r.finance.income = [
      { institution: '局机关及二级机构汇总', kind: 'summary', total: '0.3', carryOver: null, fiscal: null, fund: null, specialAccount: null, other: null },
      { institution: '1、局机关', kind: 'main', total: '0.1', carryOver: null, fiscal: null, fund: null, specialAccount: null, other: null },
      { institution: '2、二级机构1', kind: 'sub', total: '0.2', carryOver: null, fiscal: null, fund: null, specialAccount: null, other: null },
    ];
    const ws = sheet(await open(await renderReportXlsx(r)), '收入');
    expect(ws.getCell('B2').value).toEqual({ formula: 'SUM(B3:B4)', result: 0.3 });
    expect(ws.getCell('B2').numFmt).toBe('#,##0.0');
  });

  it('lists every cover and overview field as label | value, tasks one per row', () => {
    const ws = sheet(wb, '封面及概况');
    const pairs = new Map<string, unknown[]>();
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const k = String(row.getCell(1).value);
      pairs.set(k, [...(pairs.get(k) ?? []), row.getCell(2).value]);
    });
    expect(pairs.get('部门(单位)名称')).toEqual(['党群工作部']);
    expect(pairs.get('预算编码')).toEqual(['999236']);
    expect(pairs.get('年度')).toEqual([2021]);
    expect(pairs.get('报告日期')).toEqual([new Date(Date.UTC(2022, 5, 21))]);
    expect(pairs.get('联络电话')).toEqual(['18821880734']);
    expect(pairs.get('人员编制')).toEqual([3]);
    expect(pairs.get('实有人数')).toEqual([6]);
    expect(pairs.get('年度主要工作内容')).toEqual(seed.overview.tasks);
    expect(pairs.get('绩效自评综合得分')).toEqual([97]);
    // long texts wrap in rows tall enough to show them (no reader re-measures a generated file)
    let achievementsRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '年度部门（单位）总体运行情况及取得的成绩') achievementsRow = n;
    });
    expect(ws.getRow(achievementsRow).height).toBeGreaterThan(200);
    expect(ws.getRow(achievementsRow).getCell(2).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(pairs.get('评价等次')).toEqual(['优秀']);
  });

  it('writes the indicators, qualitative pairs, people and narrative in their sheets', () => {
    const ind = sheet(wb, '绩效指标');
    expect(ind.rowCount).toBe(1 + 14);
    expect((ind.getRow(11).values as unknown[]).slice(1, 4)).toEqual(['效益目标', '社会效益', seed.performance.indicators[9]!.name]);
    expect(sheet(wb, '定性目标').rowCount).toBe(1 + 4);
    const people = sheet(wb, '评价人员及签署');
    expect((people.getRow(2).values as unknown[]).slice(1)).toEqual(['王焱', '科员', '党群工作部', '']);
    expect((people.getRow(4).values as unknown[]).slice(1)).toEqual(['签署', '意见', '签字人', '日期']);
    expect(people.getRow(5).getCell(1).value).toBe('评价组组长');
    expect((people.getRow(9).values as unknown[]).slice(1)).toEqual(['填报人', '联系电话']);
    const narrative = sheet(wb, '综述');
    expect(narrative.getRow(7).getCell(2).value).toBe('六、改进措施和有关建议');
    expect(narrative.getRow(2).getCell(3).value).toBe(seed.narrative[0]!.text);
  });

  it('writes the scorecard with statuses, reasons and the claimed self-score', () => {
    const ws = sheet(wb, '评分表');
    expect(headerOf(ws)).toEqual(['一级指标', '二级指标', '三级指标', '分值', '得分', '状态', '说明/扣分原因', '自评得分']);
    expect((ws.getRow(2).values as unknown[]).slice(1, 7)).toEqual(['投入', '预算配置', '财政供养人员控制率', 5, 0, '已评分']);
    expect(String(ws.getCell('G2').value)).toContain('扣5分');
    expect(ws.getCell('F3').value).toBe('数据不足');
    expect(String(ws.getCell('G3').value)).toContain('缺少：上年度三公经费');
    expect(ws.getCell('D4').value).toEqual({ formula: 'SUM(D2:D3)', result: 10 });
    expect(ws.getCell('E4').value).toBeNull(); // no total while an item is not computable
    expect(ws.getCell('H4').value).toBe(97);
    expect(ws.getCell('H5').value).toBe('优秀');
  });

  it('official (the default): the 评分表 as the department claimed it, and no 发现问题 sheet', async () => {
    const r = structuredClone(seed);
    r.scoreSheet = [{ itemId: SCORE.items[0]!.id, score: 4, note: '自评说明' }];
    const official = await open(await renderReportXlsx(r, { findings: FINDINGS, score: SCORE }));
    expect(official.getWorksheet('发现问题')).toBeUndefined();
    const ws = sheet(official, '评分表');
    expect(headerOf(ws)).toEqual(['一级指标', '二级指标', '三级指标', '分值', '自评得分', '说明/扣分原因']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['投入', '预算配置', '财政供养人员控制率', 5, 4, '自评说明']);
    expect(ws.getCell('E3').value).toBeNull();
    expect(ws.getCell('E4').value).toBe(seed.performance.selfScore);
  });

  it('lists the findings', () => {
    const ws = sheet(wb, '发现问题');
    expect(headerOf(ws)).toEqual(['级别', '代码', '位置', '说明']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['错误', 'FIN.SUM_ROWS', 'finance.threePublic[0].total', FINDINGS[0]!.message]);
  });

  it('drops characters XML cannot carry and keeps every part well-formed', async () => {
    const r = structuredClone(seed);
    r.overview.duties = '职责\uFFFF\r\n第二行 <&>';
    const bytes = await renderReportXlsx(r, { findings: FINDINGS, score: SCORE, rendering: 'review' });
    for (const [name, data] of Object.entries(unzipSync(bytes))) {
      if (name.endsWith('.xml')) expect(XMLValidator.validate(strFromU8(data)), name).toBe(true);
    }
    const ws = sheet(await open(bytes), '封面及概况');
    let duties: unknown;
    ws.eachRow((row) => {
      if (row.getCell(1).value === '职能职责概述') duties = row.getCell(2).value;
    });
    expect(duties).toBe('职责\n第二行 <&>');
  });

  it('writes an empty report without failing', async () => {
    const empty = await open(await renderReportXlsx(emptyReport()));
    expect(sheet(empty, '收入').rowCount).toBe(1);
    expect(sheet(empty, '收入').getCell('A1').value).toBe('机构名称');
  });
});
