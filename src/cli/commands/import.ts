// jixiao import FILE : read a report and show what was read, and what was not.
import { Command } from 'commander';
import { type Loaded, loadFile } from '../load';

/** What `jixiao import FILE --json` prints for a loaded (or unreadable) file. */
export function importJson(file: string, loaded: Loaded): string {
  if (!loaded.ok) return JSON.stringify({ file, error: { code: loaded.code, message: loaded.message } }, null, 2);
  const { report, unmapped, family, diagnostics, truncated, format } = loaded.result;
  return JSON.stringify({ report, unmapped, family, diagnostics, truncated, format }, null, 2);
}

export function importCommand(): Command {
  return new Command('import')
    .description('导入自评报告（.txt .docx .xlsx；装有 LibreOffice 时也可 .doc .xls .wps .et），输出识别结果和未识别内容')
    .argument('<file>', '报告文件')
    .option('--json', '输出 JSON：{ report, unmapped, family, diagnostics, truncated }')
    .action(async (file: string, opts: { json?: boolean }) => {
      const loaded = await loadFile(file);
      if (opts.json) process.stdout.write(`${importJson(file, loaded)}\n`);
      if (!loaded.ok) {
        if (!opts.json) process.stderr.write(`无法导入：${loaded.message}\n`);
        process.exitCode = 2;
        return;
      }
      if (opts.json) return;
      const { report, unmapped, family, diagnostics, truncated, format } = loaded.result;
      const o = report.overview;
      const f = report.finance;
      const lines = [
        `文件：${file}（${format}，模板族 ${family}${truncated ? '，文档不完整' : ''}）`,
        `单位：${report.cover.departmentName || '—'}　预算编码：${report.cover.budgetCode || '—'}　年度：${report.year ?? '—'}　报告日期：${report.cover.reportDate ?? '—'}`,
        `联系人：${o.contact || '—'}　电话：${o.phone || '—'}　人员编制：${o.staffQuota ?? '—'}　实有人数：${o.actualStaff ?? '—'}`,
        `收支表：收入 ${f.income.length} 行，支出 ${f.expenditure.length} 行，三公经费 ${f.threePublic.length} 行，固定资产 ${f.fixedAssets.length} 行`,
        `绩效指标 ${report.performance.indicators.length} 项，定性目标 ${report.performance.qualitative.length} 项，自评得分 ${report.performance.selfScore ?? '—'}（${report.performance.grade || '—'}）`,
        `评价人员 ${report.evaluators.length} 人，综述 ${report.narrative.length} 部分`,
        ...diagnostics.map((d) => `[${d.severity === 'error' ? '错误' : d.severity === 'warning' ? '警告' : '提示'}] ${d.message}`),
        `未识别内容 ${unmapped.length} 段${unmapped.length ? '：' : ''}`,
        ...unmapped.slice(0, 20).map((u) => `  第${u.loc.line ?? '?'}行：${u.text.replace(/\s+/g, ' ').slice(0, 60)}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
