// Rules of the 项目支出绩效自评表 (财预〔2020〕10号 附件1; domain.md §6): P1 执行率 = 全年执行数 / 全年预算数 and its
// 得分 = 分值 × min(执行率, 100%); P2 年度资金总额 = 其中各项 per amount column; P3 执行数 within 预算数; P4 the
// header names the project; P5 a 定性 indicator below its target gives its reason; P6 总分 = 执行率得分 + Σ 指标得分.
import Decimal from 'decimal.js';
import { type FormDescriptor, joinParts, label, type ProjectForm, section } from '../forms/index';
import { fenToWan, decimalsOf, wanToFen } from '../money';
import type { FundRowKey, Project } from '../model/report';
import { execution, executionWeightOf, parseRate } from '../project/execution';
import { qualitativeLevel } from '../project/qualitative';
import type { RuleEnv } from './context';
import { indicatorPath } from './paths';

type Col = 'initial' | 'annual' | 'executed';
const pathOf = (row: string, col: string) => `project.funds.${row}.${col}`;

function names(pf: ProjectForm) {
  const row = (k: string) => pf.funds.rows.find((r) => r.key === k)?.label ?? k;
  const col = (k: string) => pf.funds.columns.find((c) => c.key === k)?.label ?? pf.funds.execution.find((c) => c.key === k)?.label ?? k;
  return { row, col, cell: (r: string, c: string) => `${pf.funds.label}·${row(r)}·${col(c)}` };
}

export function projectRules(env: RuleEnv): void {
  const p = env.report.project;
  const pf = env.form.project;
  if (!p || !pf) return;
  header(env, env.form);
  fundSums(env, p, pf);
  executionLine(env, p, pf);
  qualitativeReasons(env);
  total(env, p, pf);
}

/** P4: 项目名称, 主管部门, 实施单位 are filled in. */
function header(env: RuleEnv, form: FormDescriptor): void {
  const p = env.report.project!;
  const where = section(form, 'head').short;
  const empty = (['project.name', 'project.department', 'project.implementer'] as const).filter((path) => !p[path.slice(8) as 'name' | 'department' | 'implementer'].trim());
  for (const path of empty) env.add('P4', 'PRJ.HEADER_MISSING', 'error', path, `${where}·${label(form, path)}未填写。`);
}

/** P2: 年度资金总额 = 其中各项, for each amount column where the parts are given. */
function fundSums(env: RuleEnv, p: Project, pf: ProjectForm): void {
  const id = pf.funds.identity;
  if (!id) return;
  const n = names(pf);
  const rows = p.funds as Record<string, Record<Col, string | null>>;
  for (const c of pf.funds.columns) {
    const col = c.key as Col;
    const total = wanToFen(rows[id.total]?.[col]);
    const parts = id.parts.map((r) => wanToFen(rows[r]?.[col]));
    if (total == null || parts.every((x) => x == null)) continue;
    const sum = parts.reduce<number>((a, x) => a + (x ?? 0), 0);
    if (Math.abs(sum - total) > env.toleranceFen) {
      const d = Math.max(decimalsOf(rows[id.total]![col]), ...id.parts.map((r) => decimalsOf(rows[r]?.[col])));
      env.add(id.rule, id.code, 'error', pathOf(id.total, col), `${n.cell(id.total, col)}为${rows[id.total]![col]}万元，${joinParts(id.parts.map(n.row))}合计${fenToWan(sum, d)}万元，两者不等。`);
    }
  }
}

/** P1 and P3: the printed 执行率 and its 得分 agree with 全年执行数 / 全年预算数; 执行数 stays within 预算数. */
function executionLine(env: RuleEnv, p: Project, pf: ProjectForm): void {
  const n = names(pf);
  const total = pf.funds.rows[0]!.key as FundRowKey;
  const e = execution(p, p.executionWeight ?? executionWeightOf(env.template));
  if (e.kind !== 'rate') return;
  const where = `${pf.funds.label}·${n.row(total)}`;
  if (e.rate.gt(1)) {
    env.add('P3', 'PRJ.EXECUTED_OVER_BUDGET', 'warning', pathOf(total, 'executed'), `${where}·${n.col('executed')}${p.funds.total.executed}万元超过${n.col('annual')}${p.funds.total.annual}万元（${n.col('rate')}${e.percent}），请核实是否有未批复的追加。`);
  }
  const printed = parseRate(p.executionRate);
  if (printed && printed.minus(e.rate).abs().gt(0.0001)) {
    env.add('P1', 'PRJ.EXECUTION_RATE', 'error', 'project.executionRate', `${where}·${n.col('rate')}填写为${p.executionRate.trim()}，按${n.col('executed')}÷${n.col('annual')}应为${e.percent}。`);
  }
  if (p.executionScore != null && new Decimal(p.executionScore).minus(e.score).abs().gt(0.01)) {
    env.add('P1', 'PRJ.EXECUTION_SCORE', 'error', 'project.executionScore', `${where}·${n.col('score')}${p.executionScore}分，按${n.col('weight')}${e.weight}分×${n.col('rate')}${e.percent}（不超过100%）应为${e.score}分。`);
  }
}

/** P5: a 定性 indicator that only partly reaches, or misses, its target says why (the 定量 case is Q10). */
function qualitativeReasons(env: RuleEnv): void {
  env.report.performance.indicators.forEach((ind, i) => {
    if (ind.kind !== '定性' && (ind.targetValue != null || ind.actualValue != null)) return;
    const level = qualitativeLevel(ind);
    if ((level === '部分达成' || level === '未达成') && !ind.deviationReason.trim()) {
      env.add('P5', 'IND.UNDER_NO_REASON', 'error', indicatorPath(i, 'deviationReason'), `${env.indicatorPlace(i)}：完成情况“${ind.actual.trim()}”${level === '未达成' ? '未达到' : '只部分达到'}目标“${ind.target.trim()}”，须填写偏差原因分析及改进措施。`);
    }
  });
}

/** P6: the 总分 is the 执行率 得分 plus every indicator's 得分, when all of them are filled in. */
function total(env: RuleEnv, p: Project, pf: ProjectForm): void {
  const n = names(pf);
  const claimed = env.report.performance.selfScore;
  const inds = env.report.performance.indicators;
  if (claimed == null || p.executionScore == null || !inds.length || inds.some((x) => x.score == null)) return;
  const sum = inds.reduce((a, x) => a.plus(x.score!), new Decimal(p.executionScore));
  if (sum.minus(claimed).abs().gt(0.01)) {
    env.add('P6', 'PRJ.TOTAL', 'error', 'performance.selfScore', `${section(env.form, 'performance').short}·${pf.total.label}${claimed}分，${n.col('rate')}${n.col('score')}${p.executionScore}分与各指标${n.col('score')}合计为${sum.toString()}分。`);
  }
}
