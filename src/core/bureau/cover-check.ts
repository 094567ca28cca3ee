// A whole report filed under the wrong department: its cover names another unit or another 预算编码
// than the department it belongs to (an accountant imported a neighbour's file, or last year's file of
// the unit they used to serve). Names are compared without spacing and brackets, and a cover may carry
// the region before the name (湖南城陵矶新港区党群工作部 is 党群工作部).

export interface DepartmentRef {
  id: string;
  name: string;
  budgetCode: string;
}

export interface CoverMismatch {
  /** Chinese: what the cover says against what the department is */
  reason: string;
  /** the department of the bureau the cover names, when it names one */
  otherDepartmentId: string | null;
}

const NOISE = /[\s\u00a0\u3000()（）[\]【】〔〕「」“”"'·•・.,，、:：;；-]/g;

const norm = (s: string) => s.normalize('NFKC').replace(NOISE, '');

function sameUnit(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  return x !== '' && y !== '' && (x === y || x.endsWith(y) || y.endsWith(x));
}

export function coverMismatch(cover: { departmentName: string; budgetCode: string }, own: DepartmentRef, roster: readonly DepartmentRef[] = []): CoverMismatch | null {
  const code = cover.budgetCode.normalize('NFKC').trim();
  const name = cover.departmentName.trim();
  const codeWrong = code !== '' && code !== own.budgetCode;
  const nameWrong = name !== '' && !sameUnit(name, own.name);
  if (!codeWrong && !nameWrong) return null;
  const other =
    roster.find((d) => d.id !== own.id && codeWrong && d.budgetCode === code) ??
    roster.find((d) => d.id !== own.id && nameWrong && sameUnit(name, d.name)) ??
    null;
  const said = [nameWrong ? `单位“${name}”` : '', codeWrong ? `预算编码“${code}”` : ''].filter(Boolean).join('、');
  const named = other ? `，是本局另一部门“${other.name}”（${other.budgetCode}）的报告` : '';
  return { reason: `报告封面为${said}，与所属部门“${own.name}”（${own.budgetCode}）不符${named}，疑似导入错部门`, otherDepartmentId: other?.id ?? null };
}
