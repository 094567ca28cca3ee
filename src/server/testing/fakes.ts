// Deterministic stand-ins for core's checkReport and importFile, so API tests do not depend on how
// the real rule set or importer evolves. A few tests use the real ones when they are implemented.
import type { CheckResult } from '../../core/check';
import type { Finding } from '../../core/model/finding';
import { emptyReport, type Report } from '../../core/model/report';
import { ImportError } from '../../io/import/doc';
import type { ImportResult } from '../../io/import/index';

/** An error on overview.contact when it reads "ERROR"; a warning when the title is empty. */
export function fakeCheck(report: Report): CheckResult {
  const findings: Finding[] = [];
  if (report.overview.contact === 'ERROR')
    findings.push({ code: 'TEST.CONTACT', rule: 'Q1', severity: 'error', path: 'overview.contact', message: '联系人填写有误' });
  if (report.overview.phone === 'ERROR')
    findings.push({ code: 'TEST.PHONE', rule: 'Q2', severity: 'error', path: 'overview.phone', message: '联络电话填写有误' });
  // a later role's item (core/workflow/submit-groups.ts): the 组长 signs during the department's review
  if (report.signoffs.leader.opinion === 'UNSIGNED' && !report.signoffs.leader.signer)
    findings.push({ code: 'TEST.LEADER', rule: 'X7', severity: 'error', path: 'signoffs.leader.signer', message: '评价组组长未签字' });
  if (!report.cover.title) findings.push({ code: 'TEST.TITLE', rule: 'Q3', severity: 'warning', path: 'cover.title', message: '封面标题为空' });
  return {
    findings,
    score: {
      templateId: report.templateId, templateName: '测试模板', total: null, grade: null,
      computable: { weight: 0, score: 0 }, basis: 'none', items: [], claimed: { score: report.performance.selfScore, grade: report.performance.grade },
    },
  };
}

/** Text files become a report; "IMPORT_FAIL" and "BINARY" in the bytes trigger the two error kinds. */
export async function fakeImportFile(bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  const text = Buffer.from(bytes).toString('utf8');
  if (text.includes('BINARY')) throw new ImportError('UNSUPPORTED_FORMAT', `文件“${fileName}”不是可识别的 DOCX、XLSX 或文本文件`);
  if (text.includes('IMPORT_FAIL')) throw new ImportError('NOT_A_REPORT', `文件“${fileName}”中没有找到自评报告的内容`);
  const report = emptyReport();
  const year = /(\d{4})年度/.exec(text);
  report.year = year ? Number(year[1]) : null;
  report.cover.departmentName = /名称[：:]\s*(\S+)/.exec(text)?.[1] ?? '';
  report.cover.budgetCode = /编\s*码[：:]\s*(\S+)/.exec(text)?.[1] ?? '';
  return {
    report,
    unmapped: [{ text: '无法归入任何栏目的一段文字', loc: { line: 3 } }],
    family: 'yueyang-overall',
    diagnostics: [{ code: 'IMPORT.TEST', severity: 'info', message: '测试诊断' }],
    truncated: false,
    format: 'text',
  };
}
