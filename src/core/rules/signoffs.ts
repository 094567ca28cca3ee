// X7: every sign-off needs a name and a date before the report can be submitted: the 评价组 (with its
// 组长), the department's opinion and head, and — once finance has reviewed — the 归口业务科室.
import { field, section } from '../forms/index';
import type { Signoff } from '../model/report';
import type { RuleEnv } from './context';
import { listPath } from './paths';

function missing(s: Signoff, needOpinion: boolean): string[] {
  const out: string[] = [];
  if (needOpinion && !s.opinion.trim()) out.push('意见');
  if (!s.signer.trim()) out.push('签名');
  if (!s.date) out.push('日期');
  return out;
}

export function signoffs(env: RuleEnv): void {
  const { report, form } = env;
  const people = section(form, 'people').label;
  const block = (key: string) => form.people.blocks.find((b) => b.key === key);
  if (!report.evaluators.length) {
    env.add('X7', 'SIGN.NO_EVALUATORS', 'error', 'evaluators', `${people}：未填写评价组成员。`);
  }
  const signature = form.people.evaluators.columns.find((c) => c.key === 'signature')?.label ?? '';
  report.evaluators.forEach((e, i) => {
    if (e.name.trim() && !e.signature.trim()) {
      env.add('X7', 'SIGN.EVALUATOR_UNSIGNED', 'warning', listPath('evaluators', i, 'signature'), `${people}·${e.name}：${signature}栏为空。`);
    }
  });
  const leaderBlock = block('leader');
  const leader = missing(report.signoffs.leader, false);
  if (leaderBlock && leader.length) {
    env.add('X7', 'SIGN.LEADER_UNSIGNED', 'error', 'signoffs.leader.signer', `${people}·${leaderBlock.signer}${leaderBlock.mark}：缺${leader.join('、')}。`);
  }
  const deptBlock = block('department');
  const dept = missing(report.signoffs.department, true);
  if (deptBlock && dept.length) {
    env.add('X7', 'SIGN.DEPARTMENT_UNSIGNED', 'error', 'signoffs.department.signer', `${deptBlock.opinion ?? deptBlock.signer}：缺${dept.join('、')}（部门负责人签章并注明日期）。`);
  }
  const finBlock = block('finance');
  const fin = missing(report.signoffs.finance, true);
  if (finBlock && fin.length) {
    env.add('X7', 'SIGN.FINANCE_UNSIGNED', 'warning', 'signoffs.finance.signer', `${finBlock.opinion ?? finBlock.signer}：缺${fin.join('、')}（由财政部门审核时填写）。`);
  }
  const p = report.preparer;
  if (!p.name.trim() || !p.phone.trim()) {
    const who = field(form, 'preparer.name').label;
    const what = [!p.name.trim() && `${who}签名`, !p.phone.trim() && field(form, 'preparer.phone').label].filter(Boolean).join('、');
    env.add('X7', 'SIGN.PREPARER', 'warning', 'preparer.name', `${who}栏：缺${what}。`);
  }
}
