// Arithmetic identities of the four finance tables (domain.md §3, A1–A10), checked cell by cell in 分.
import { wanToFen } from '../money';
import type { FinanceTableKey } from '../model/report';
import { FINANCE_TABLES } from '../model/layout';
import type { RuleEnv } from './context';
import { financePath } from './paths';
import { financeCell, wan } from './where';

type Row = Record<string, string | null | unknown>;

/** A1: 汇总行 = 局机关 + Σ 二级机构, per column; a summary with no institution figures behind it is flagged. */
export function summaryRows(env: RuleEnv): void {
  const { report } = env;
  for (const def of FINANCE_TABLES) {
    const rows = report.finance[def.key] as Row[];
    const F = env.fen(def.key);
    const s = rows.findIndex((r) => r.kind === 'summary');
    const parts = rows.map((r, i) => ({ r, i, f: F[i]! })).filter((x) => x.r.kind !== 'summary');
    if (s < 0 || parts.length === 0) continue;
    const mainIndex = parts.find((p) => p.r.kind === 'main')?.i ?? parts[0]!.i;
    for (const col of def.columns) {
      const total = F[s]![col.key] ?? null;
      let sum = 0;
      let filled = 0;
      for (const p of parts) {
        const v = p.f[col.key];
        if (v != null) {
          sum += v;
          filled++;
        }
      }
      if (total == null) {
        if (filled && sum !== 0) {
          env.add('A1', 'FIN.SUMMARY_BLANK', 'error', financePath(def.key, s, col.key), `${financeCell(report, def.key, s, col.key)}未填写，但局机关及二级机构合计为${wan(sum)}万元。`);
        }
        continue;
      }
      if (filled === 0) {
        if (total === 0) continue;
        env.add('A1', 'FIN.SUMMARY_UNSUPPORTED', 'error', financePath(def.key, mainIndex, col.key), `${financeCell(report, def.key, s, col.key)}为${rows[s]![col.key]}万元，但局机关及各二级机构行均未填写，汇总数没有明细支撑。`);
        continue;
      }
      if (Math.abs(total - sum) > env.toleranceFen) {
        env.add('A1', 'FIN.SUM_ROWS', 'error', financePath(def.key, s, col.key), `${financeCell(report, def.key, s, col.key)}为${rows[s]![col.key]}万元，局机关及二级机构合计为${wan(sum)}万元，相差${wan(Math.abs(total - sum))}万元。`);
      }
    }
  }
}

/** total = Σ parts for one row; blanks count as 0, a row with nothing filled is skipped. */
function rowSum(env: RuleEnv, rule: string, code: string, table: FinanceTableKey, totalKey: string, partKeys: string[], what: string): void {
  const rows = env.report.finance[table] as Row[];
  const F = env.fen(table);
  rows.forEach((row, i) => {
    const total = F[i]![totalKey] ?? null;
    const parts = partKeys.map((k) => F[i]![k] ?? null);
    const filled = parts.filter((p): p is number => p != null);
    if (total == null && filled.length === 0) return;
    const sum = filled.reduce((a, b) => a + b, 0);
    const path = financePath(table, i, totalKey);
    if (total == null) {
      if (sum !== 0) env.add(rule, code, 'error', path, `${financeCell(env.report, table, i, totalKey)}未填写，而${what}合计为${wan(sum)}万元。`);
      return;
    }
    if (filled.length === 0) {
      if (total !== 0) env.add(rule, `${code}_BREAKDOWN`, 'warning', path, `${financeCell(env.report, table, i, totalKey)}为${row[totalKey]}万元，但${what}均未填写，无法核对。`);
      return;
    }
    if (Math.abs(total - sum) > env.toleranceFen) {
      env.add(rule, code, 'error', path, `${financeCell(env.report, table, i, totalKey)}为${row[totalKey]}万元，而${what}合计为${wan(sum)}万元，相差${wan(Math.abs(total - sum))}万元。`);
    }
  });
}

export function rowIdentities(env: RuleEnv): void {
  const income = env.options.carryOverInIncomeTotal
    ? ['carryOver', 'fiscal', 'fund', 'specialAccount', 'other']
    : ['fiscal', 'fund', 'specialAccount', 'other'];
  const incomeWhat = env.options.carryOverInIncomeTotal
    ? '上年结转、公共财政拨款、政府基金拨款、纳入专户管理的非税收入拨款与其他收入'
    : '公共财政拨款、政府基金拨款、纳入专户管理的非税收入拨款与其他收入';
  rowSum(env, 'A2/A3', 'FIN.INCOME_SUM', 'income', 'total', income, incomeWhat);
  rowSum(env, 'A4', 'FIN.EXPENDITURE_SUM', 'expenditure', 'total', ['basic', 'project'], '基本支出与项目支出');
  rowSum(env, 'A5', 'FIN.BASIC_SUM', 'expenditure', 'basic', ['personnel', 'public'], '人员支出与公用支出');
  rowSum(env, 'A8', 'FIN.THREE_PUBLIC_SUM', 'threePublic', 'total', ['reception', 'vehicleOps', 'vehiclePurchase', 'overseas'], '公务接待费、公务用车运维费、公务用车购置费与因公出国费');
  rowSum(env, 'A9', 'FIN.ASSET_SUM', 'fixedAssets', 'total', ['inUse', 'leased', 'other'], '在用、出租与其他固定资产');
}

/** A6 当年结余 = 本年收入 − 支出合计; A7 累计结余 = 上年结转 + 当年结余; matched by institution. */
export function surplus(env: RuleEnv): void {
  const { report } = env;
  report.finance.expenditure.forEach((exp, i) => {
    const inc = report.finance.income.find((r) => r.institution === exp.institution && r.kind === exp.kind) ?? report.finance.income[i];
    const spent = wanToFen(exp.total);
    const income = wanToFen(inc?.total);
    const carry = wanToFen(inc?.carryOver) ?? 0;
    const year = wanToFen(exp.surplusYear);
    if (inc && income != null && spent != null && year != null) {
      const thisYear = env.options.carryOverInIncomeTotal ? income - carry : income;
      const expected = thisYear - spent;
      if (Math.abs(expected - year) > env.toleranceFen) {
        env.add('A6', 'FIN.SURPLUS_YEAR', 'error', financePath('expenditure', i, 'surplusYear'), `${financeCell(report, 'expenditure', i, 'surplusYear')}为${exp.surplusYear}万元，按本年收入${wan(thisYear)}万元减支出合计${exp.total}万元应为${wan(expected)}万元。`);
      }
    }
    const cumulative = wanToFen(exp.surplusCumulative);
    if (inc && year != null && cumulative != null && Math.abs(carry + year - cumulative) > env.toleranceFen) {
      env.add('A7', 'FIN.SURPLUS_CUMULATIVE', 'error', financePath('expenditure', i, 'surplusCumulative'), `${financeCell(report, 'expenditure', i, 'surplusCumulative')}为${exp.surplusCumulative}万元，按上年结转${wan(carry)}万元加当年结余${exp.surplusYear}万元应为${wan(carry + year)}万元。`);
    }
  });
}

const MAY_BE_NEGATIVE = new Set(['surplusYear', 'surplusCumulative']);

/** A10: amounts are not negative, except 结余. */
export function signs(env: RuleEnv): void {
  for (const def of FINANCE_TABLES) {
    const F = env.fen(def.key);
    (env.report.finance[def.key] as Row[]).forEach((row, i) => {
      for (const col of def.columns) {
        const v = F[i]![col.key];
        if (v != null && v < 0 && !MAY_BE_NEGATIVE.has(col.key)) {
          env.add('A10', 'FIN.NEGATIVE', 'error', financePath(def.key, i, col.key), `${financeCell(env.report, def.key, i, col.key)}为负数（${row[col.key]}万元），除结余外金额不能为负。`);
        }
      }
    });
  }
}

/** A table left entirely blank: not an identity failure, but a reviewer wants to know. */
export function emptyTables(env: RuleEnv): void {
  for (const def of FINANCE_TABLES) {
    const F = env.fen(def.key);
    if (F.length && F.every((r) => def.columns.every((c) => r[c.key] == null))) {
      env.add('A1', 'FIN.TABLE_EMPTY', 'info', `finance.${def.key}`, `${def.section}·${def.title}全部未填写。`);
    }
  }
}

