// What a save may change (issue 13 §6, ASVS 8.2.3): judged once here for the request thread and for the
// worker that handles large reports. A near-empty save of a filled report needs confirmation; the
// identity fields are the server's; everything else must lie within the role's edit scope.
import { describePath } from '../paths/path-label';
import type { Report } from '../model/report';
import { drasticLoss, type ContentLoss } from './content-loss';
import { diffValues, type FieldChange } from './diff';
import { isIdentityPath, outsideScope, type EditScope } from './edit';
import { signatureMarkChanges } from './signature';

export type SaveVerdict =
  | { ok: true; changes: FieldChange[] }
  | { ok: false; code: 'CONFIRMATION_REQUIRED'; message: string; loss: ContentLoss }
  | { ok: false; code: 'FIELD_FORBIDDEN'; message: string; paths: string[] };

const SCOPE_NAMES: Record<string, string> = { 'signoffs.department': '部门（单位）意见', 'signoffs.finance': '财政部门归口业务科室意见' };

export function scopeLabel(scope: EditScope): string {
  if (scope === '*') return '全部内容';
  return scope.map((s) => SCOPE_NAMES[s] ?? s).join('、');
}

export function judgeSave(current: Report, next: Report, scope: EditScope, opts: { confirmClear?: boolean } = {}): SaveVerdict {
  const changes = diffValues(current, next);
  // a near-empty save of a filled report is almost always a broken client or a stray request
  const loss = opts.confirmClear || changes.length === 0 ? null : drasticLoss(current, next);
  if (loss)
    return { ok: false, code: 'CONFIRMATION_REQUIRED', loss, message: `这次保存会清空报告的大部分内容（已填写的 ${loss.before} 项只剩 ${loss.after} 项）。如确需清空，请确认后再保存` };
  const outside = outsideScope(scope, changes.map((c) => c.path));
  const identity = outside.filter(isIdentityPath);
  if (identity.length > 0)
    return {
      ok: false, code: 'FIELD_FORBIDDEN', paths: identity,
      message: `年度、部门(单位)名称、预算编码和评分表模板由系统按报告确定，不能在报告中修改：${identity.slice(0, 5).map((p) => describePath(current, p)).join('、')}`,
    };
  const marks = signatureMarkChanges(current, next);
  if (marks.length > 0)
    return {
      ok: false, code: 'FIELD_FORBIDDEN', paths: marks,
      message: `签名和签署日期只能由签署人本人点击该栏的「签署」写入，不能直接填写或修改：${marks.slice(0, 5).map((p) => describePath(current, p)).join('、')}`,
    };
  if (outside.length > 0)
    return { ok: false, code: 'FIELD_FORBIDDEN', paths: outside, message: `当前状态下您只能修改${scopeLabel(scope)}，不能修改：${outside.slice(0, 5).join('、')}` };
  return { ok: true, changes };
}
