// P1 on a 部门整体支出绩效自评表 (10号 附件2, the Hunan table): the 执行率 and 得分 it prints beside 全年执行数
// agree with 全年执行数 / 全年预算数 and 分值 × min(执行率, 100%) — the same line and formula as the project
// table's (core/project/execution.ts), its figures taken where the overall report keeps them.
import Decimal from 'decimal.js';
import { columnName, field, label } from '../forms/index';
import { executionOf, executionWeightOf, parseRate } from '../project/execution';
import { columnFigure } from '../scoring/finance-columns';
import type { RuleEnv } from './context';

export function overallExecutionLine(env: RuleEnv): void {
  const { report: r, form } = env;
  if (!form.fields.some((f) => f.path === 'basics.executionRate')) return;
  const executed = columnFigure(r.finance.expenditure, 'total', false);
  const e = executionOf(r.basics.budgetAdjusted, executed?.text ?? null, r.basics.executionWeight ?? executionWeightOf(env.template));
  if (e.kind !== 'rate') return;
  const spent = columnName(form, 'expenditure', 'total');
  const budget = label(form, 'basics.budgetAdjusted');
  const rateLabel = field(form, 'basics.executionRate').label;
  const printedRate = r.basics.executionRate?.trim() ?? '';
  const printed = parseRate(printedRate);
  if (printed && printed.minus(e.rate).abs().gt(0.0001)) {
    env.add('P1', 'FIN.EXECUTION_RATE', 'error', 'basics.executionRate', `${rateLabel}填写为${printedRate}，按${spent}${executed!.text}万元÷${budget}${r.basics.budgetAdjusted}万元应为${e.percent}。`);
  }
  const claimed = r.basics.executionScore;
  if (claimed != null && new Decimal(claimed).minus(e.score).abs().gt(0.01)) {
    env.add('P1', 'FIN.EXECUTION_SCORE', 'error', 'basics.executionScore', `${field(form, 'basics.executionScore').label}${claimed}分，按分值${e.weight}分×${rateLabel}${e.percent}（不超过100%）应为${e.score}分。`);
  }
}
