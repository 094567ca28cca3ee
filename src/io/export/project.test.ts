// The 项目支出绩效自评表 exports in its own layout, every label from its descriptor, and reads back whole
// from its own DOCX and XLSX.
import { describe, expect, it } from 'vitest';
import { projectReport } from '../../../test/helpers/seed';
import { formFor } from '../../core/templates/index';
import { importFile } from '../import/index';
import { renderReportDocx } from './docx/index';
import { exportFileName } from './index';
import { renderReportHtml } from './html/index';
import { projectGrid } from './project-grid';
import { renderReportXlsx } from './xlsx/index';

const report = projectReport();
const form = formFor(report);
const strip = (r: typeof report) => ({ ...r, sources: {} });

describe('the project table export', () => {
  it('lays out the central 10号 grid from the descriptor: every row and column label, in order', () => {
    const g = projectGrid(report, form);
    expect(g.title).toEqual(['项目支出绩效自评表', '（2021年度）']);
    const labels = g.rows.map((r) => r.filter((c) => c.label && c.text).map((c) => c.text.replace(/\n/g, '')));
    expect(labels.slice(0, 4)).toEqual([['项目名称'], ['主管部门', '实施单位'], ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'], ['年度资金总额']]);
    expect(labels[4]).toEqual(['其中：当年财政拨款', '—', '—', '—']);
    expect(labels[7]).toEqual(['年度总体目标', '预期目标', '实际完成情况']);
    expect(labels[9]).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
    expect(labels.at(-1)).toEqual(['总分']);
    const total = g.rows.at(-1)!.map((c) => c.text);
    expect(total.slice(1, 3)).toEqual(['100', '94.96']);
    // every row fills the nine columns, counting the cells the spans above it cover
    const covered: number[] = g.rows.map(() => 0);
    g.rows.forEach((r, n) => {
      for (const c of r.filter((x) => x.rowSpan !== 0)) if ((c.rowSpan ?? 1) > 1) for (let k = 1; k < c.rowSpan!; k++) covered[n + k]! += c.colSpan ?? 1;
      const width = r.filter((c) => c.rowSpan !== 0).reduce((a, c) => a + (c.colSpan ?? 1), 0);
      expect(width + covered[n]!, `row ${n}`).toBe(9);
    });
  });
  it('HTML: one table with the values at their report paths', () => {
    const html = renderReportHtml(report, { standalone: true });
    expect(html).toContain('<table class="jx-form jx-project">');
    expect(html).toContain('data-path="project.funds.total.executed"');
    expect(html).toMatch(/data-path="project.executionRate"[^>]*>95.00%</);
    expect(html).toMatch(/data-path="performance.indicators\[6\].actual"[^>]*>较好</);
    expect(html).not.toContain('部门整体');
    expect(exportFileName(report, 'pdf')).toBe('2021年度平江县公路建设养护中心项目支出绩效自评表（2021年度农村公路养护项目）.pdf');
    // a table not yet named keeps the department's name alone
    expect(exportFileName({ ...report, project: { ...report.project!, name: '' } }, 'pdf')).toBe('2021年度平江县公路建设养护中心项目支出绩效自评表.pdf');
  });
  it('DOCX and XLSX read back as the same project report', async () => {
    for (const [name, bytes] of [['t.docx', await renderReportDocx(report)], ['t.xlsx', await renderReportXlsx(report)]] as const) {
      const back = await importFile(bytes, name);
      expect(back.family, name).toBe('project-selfeval');
      expect(back.unmapped, name).toEqual([]);
      expect(strip(back.report), name).toEqual(strip(report));
    }
  });
});
