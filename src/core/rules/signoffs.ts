// X7: every sign-off needs a name and a date before the report can be submitted: the 评价组 (with its
// 组长), the department's opinion and head, and — once finance has reviewed — the 归口业务科室.
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
  const { report } = env;
  if (!report.evaluators.length) {
    env.add('X7', 'SIGN.NO_EVALUATORS', 'error', 'evaluators', '四、评价人员：未填写评价组成员。');
  }
  report.evaluators.forEach((e, i) => {
    if (e.name.trim() && !e.signature.trim()) {
      env.add('X7', 'SIGN.EVALUATOR_UNSIGNED', 'warning', listPath('evaluators', i, 'signature'), `四、评价人员·${e.name}：签字栏为空。`);
    }
  });
  const leader = missing(report.signoffs.leader, false);
  if (leader.length) {
    env.add('X7', 'SIGN.LEADER_UNSIGNED', 'error', 'signoffs.leader.signer', `四、评价人员·评价组组长（签字）：缺${leader.join('、')}。`);
  }
  const dept = missing(report.signoffs.department, true);
  if (dept.length) {
    env.add('X7', 'SIGN.DEPARTMENT_UNSIGNED', 'error', 'signoffs.department.signer', `部门（单位）意见：缺${dept.join('、')}（部门负责人签章并注明日期）。`);
  }
  const fin = missing(report.signoffs.finance, true);
  if (fin.length) {
    env.add('X7', 'SIGN.FINANCE_UNSIGNED', 'warning', 'signoffs.finance.signer', `财政部门归口业务科室意见：缺${fin.join('、')}（由财政部门审核时填写）。`);
  }
  const p = report.preparer;
  if (!p.name.trim() || !p.phone.trim()) {
    const what = [!p.name.trim() && '填报人签名', !p.phone.trim() && '联系电话'].filter(Boolean).join('、');
    env.add('X7', 'SIGN.PREPARER', 'warning', 'preparer.name', `填报人栏：缺${what}。`);
  }
}
