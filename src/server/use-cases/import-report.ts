// 导入报告: a DOCX, XLSX or text file becomes a new draft of the preparer's department. What the
// importer could not place (unmapped) and its diagnostics are kept with the report. A rejected file
// is audited too (file name, size, SHA-256), and nothing of it is written to disk.
import { ImportError, type ImportDiagnostic } from '../../io/import/doc';
import type { ImportResult } from '../../io/import/index';
import type { Report } from '../../core/model/report';
import type { Template } from '../../core/model/template';
import type { DepartmentTable } from '../db/schema';
import { repairInput } from '../../core/input';
import { sha256Hex } from '../audit/canonical';
import type { Actor } from '../auth/actor';
import { AppError, type ErrorCode } from '../errors';
import type { Deps } from '../deps';
import { isUniqueViolation } from '../db/errors';
import { priorIssuesOf } from '../../core/bureau/carry-over';
import { assertTaskTakes, priorItems, taskFor } from './draft-origin';
import { insertDraft, preparerDepartment } from './new-report';
import { chooseTemplate } from './create-report';
import { listTemplates } from '../../core/templates/index';
import { reportView, type ReportView } from './report-view';
import { assertWithinRate } from './rate-limit';
import { assertWithinBounds, by, inTransaction } from './shared';

/** ImportError codes (io/ooxml/errors.ts, io/import) → our error codes, and so HTTP statuses. */
export function importErrorCode(code: string): ErrorCode {
  // "this is not a file we read" (415) rather than "this file is broken" (400)
  if ((code.startsWith('FORMAT.') && code !== 'FORMAT.EMPTY') || code === 'TEXT.BINARY' || code === 'OOXML.ENCRYPTED' || code === 'UNSUPPORTED_FORMAT')
    return 'UNSUPPORTED_FILE';
  if (code === 'OOXML.ZIP_TOO_LARGE' || code === 'FILE_TOO_LARGE') return 'FILE_TOO_LARGE';
  if (code === 'OOXML.BUSY') return 'IMPORT_BUSY';
  return 'IMPORT_FAILED';
}

/** A file read into a report for `department`, with what the importer noticed; a rejected file is audited and refused. */
export interface ReadImport {
  report: Report & { year: number };
  diagnostics: ImportDiagnostic[];
  file: { fileName: string; size: number; sha256: string };
  importMeta: Record<string, unknown>;
  auditDetail: Record<string, unknown>;
}

export async function readImport(
  deps: Deps,
  o: { actor: Actor; department: DepartmentTable; bytes: Uint8Array; fileName: string; year?: number; template?: Template; again?: boolean },
): Promise<ReadImport> {
  const { department } = o;
  // a second reading of the same upload (onto the task's form) is not a second import
  if (!o.again) await assertWithinRate(deps, o.actor, 'import');
  const file = { fileName: o.fileName, size: o.bytes.byteLength, sha256: sha256Hex(o.bytes) };
  let result: ImportResult;
  try {
    result = await deps.importFile(o.bytes, o.fileName, o.template ? { template: o.template } : undefined);
  } catch (err) {
    const known = err instanceof ImportError;
    await inTransaction(deps, (_trx, audit) =>
      audit({ ...by(o.actor), event: 'report_import', outcome: 'failure', objectType: 'file', detail: { ...file, code: known ? err.code : 'INTERNAL' } }),
    );
    if (!known) throw err;
    throw new AppError(importErrorCode(err.code), err.message, { importCode: err.code });
  }
  const { report, repairs } = repairInput(result.report);
  if (o.year != null) report.year = o.year;
  if (report.year == null) throw new AppError('VALIDATION', '无法从文件中识别报告年度，请指定年度后重新导入');
  await assertWithinBounds(deps, report, '导入的文件');
  const diagnostics: ImportDiagnostic[] = [
    ...result.diagnostics,
    ...repairs.map((r): ImportDiagnostic => ({ code: 'IMPORT.INPUT_REPAIRED', severity: 'warning', path: r.path, message: `${r.message}（导入时已清除，请核对）` })),
  ];
  if (report.cover.budgetCode && report.cover.budgetCode !== department.budget_code)
    diagnostics.push({
      code: 'IMPORT.BUDGET_CODE_MISMATCH',
      severity: 'warning',
      path: 'cover.budgetCode',
      message: `文件中的预算编码“${report.cover.budgetCode}”与本部门预算编码“${department.budget_code}”不一致，已按本部门的预算编码保存，请核对`,
    });
  if (report.cover.departmentName && report.cover.departmentName !== department.name)
    diagnostics.push({
      code: 'IMPORT.DEPARTMENT_NAME_DIFFERS',
      severity: 'info',
      path: 'cover.departmentName',
      message: `文件中的部门名称为“${report.cover.departmentName}”，已按系统中的部门名称“${department.name}”保存`,
    });
  // the report belongs to the preparer's department: its identity comes from the server (issue 13 §6);
  // what the file's cover said stays in the import record (the copy check's 疑似导入错部门)
  const fileCover = { departmentName: report.cover.departmentName, budgetCode: report.cover.budgetCode };
  report.cover.departmentName = department.name;
  report.cover.budgetCode = department.budget_code;
  return {
    report: report as Report & { year: number },
    diagnostics,
    file,
    importMeta: { ...file, format: result.format, family: result.family, truncated: result.truncated, unmapped: result.unmapped, diagnostics, fileCover },
    auditDetail: { ...file, format: result.format, family: result.family, unmapped: result.unmapped.length, diagnostics: diagnostics.length },
  };
}

function templateName(id: string): string {
  return listTemplates().find((t) => t.id === id)?.name ?? id;
}

export async function importReport(
  deps: Deps,
  o: { actor: Actor; bytes: Uint8Array; fileName: string; year?: number },
): Promise<ReportView> {
  const department = await preparerDepartment(deps, o.actor);
  const db = deps.db.kysely;
  let read = await readImport(deps, { ...o, department });
  // the year's task takes one report per department (部门整体) or per project (项目支出, named in the file);
  // last year's 整改 items come along unless the file has its own
  const task = await taskFor(db, department, read.report.year, read.report.kind);
  // the task names the form the bureau collects; without a task the file keeps the form it is written in.
  // A file not recognised as that form is read once more onto it: the form's own labels find its fields.
  if (task) {
    const template = await chooseTemplate(deps, department.bureau_id, task.template_id, read.report.kind);
    if (template.id !== read.report.templateId) {
      const detected = read.report.templateId;
      read = await readImport(deps, { ...o, department, template, again: true });
      read.diagnostics.push({
        code: 'IMPORT.TEMPLATE_OF_TASK', severity: 'info', path: 'templateId',
        message: `文件按“${templateName(detected)}”的表式填写，本年度自评任务使用“${template.name}”，已按任务的模板读取并保存，请核对各表内容`,
      });
    }
    read.report.templateId = template.id;
    read.report.templateVersion = template.version;
  }
  const { report, file, importMeta, auditDetail } = read;
  const projectName = report.kind === 'project' ? (report.project?.name ?? null) : null;
  if (task) await assertTaskTakes(db, task, department.id, projectName);
  if (!(report.priorIssues ?? []).length) report.priorIssues = priorIssuesOf(await priorItems(db, department.id, report.year));
  try {
    const row = await insertDraft(deps, {
      actor: o.actor,
      department,
      report,
      action: 'import',
      importMeta,
      source: file,
      auditDetail,
      taskId: task?.id ?? null,
    });
    return reportView(deps, o.actor, row);
  } catch (err) {
    if (task && isUniqueViolation(err)) await assertTaskTakes(db, task, department.id, projectName);
    throw err;
  }
}
