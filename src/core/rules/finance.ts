// Arithmetic identities of the finance tables (domain.md §3, A1–A10), checked cell by cell in 分. The
// tables, their columns, which row sums the others and the row identities (total = Σ parts) are the form
// descriptor's; the rules here only know how to check them.
import { wanToFen } from '../money';
import { type FormDescriptor, joinParts, label, type TableShape, tables } from '../forms/index';
import { getAt } from '../paths/report-paths';
import type { FinanceTableKey } from '../model/report';
import type { Identity } from '../forms/schema';
import type { RuleEnv } from './context';
import { financePath } from './paths';
import { financeCell, tablePlace, wan } from './where';

type Row = Record<string, string | null | unknown>;

/** The finance tables the rules read: the form's tables under report.finance. */
function financeTables(form: FormDescriptor): TableShape[] {
  return tables(form).filter((t) => t.def.path === `finance.${t.def.key}`);
}

/** A1: 汇总行 = 局机关 + Σ 二级机构, per column; a summary with no institution figures behind it is flagged. */
export function summaryRows(env: RuleEnv): void {
  const { report, form } = env;
  for (const shape of financeTables(form)) {
    const key = shape.def.key as FinanceTableKey;
    const rows = report.finance[key] as Row[];
    const F = env.fen(key);
    const s = rows.findIndex((r) => r.kind === 'summary');
    const parts = rows.map((r, i) => ({ r, i, f: F[i]! })).filter((x) => x.r.kind !== 'summary');
    if (s < 0 || parts.length === 0) continue;
    const mainIndex = parts.find((p) => p.r.kind === 'main')?.i ?? parts[0]!.i;
    const { main, sub } = shape.rows;
    for (const col of shape.leaves) {
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
      const cell = () => financeCell(form, report, key, s, col.key);
      if (total == null) {
        if (filled && sum !== 0) {
          env.add('A1', 'FIN.SUMMARY_BLANK', 'error', financePath(key, s, col.key), `${cell()}未填写，但${main.label}及${sub.label}合计为${wan(sum)}万元。`);
        }
        continue;
      }
      if (filled === 0) {
        if (total === 0) continue;
        env.add('A1', 'FIN.SUMMARY_UNSUPPORTED', 'error', financePath(key, mainIndex, col.key), `${cell()}为${rows[s]![col.key]}万元，但${main.label}及各${sub.label}行均未填写，汇总数没有明细支撑。`);
        continue;
      }
      if (Math.abs(total - sum) > env.toleranceFen) {
        env.add('A1', 'FIN.SUM_ROWS', 'error', financePath(key, s, col.key), `${cell()}为${rows[s]![col.key]}万元，${main.label}及${sub.label}合计为${wan(sum)}万元，相差${wan(Math.abs(total - sum))}万元。`);
      }
    }
  }
}

/** Whether an identity applies under the template's options (A3: is 上年结转 inside 收入合计?). */
function applies(id: Identity, options: Record<string, unknown>): boolean {
  if (id.if && options[id.if] !== true) return false;
  if (id.unless && options[id.unless] === true) return false;
  return true;
}

/** total = Σ parts for one row; blanks count as 0, a row with nothing filled is skipped. */
function rowSum(env: RuleEnv, shape: TableShape, id: Identity): void {
  const key = shape.def.key as FinanceTableKey;
  const rows = env.report.finance[key] as Row[];
  const F = env.fen(key);
  const what = id.partsText ?? joinParts(id.parts.map((p) => shape.byKey.get(p)!.label));
  // the other totals the parts may add up to (id.or), as the form names them
  const others = (id.or ?? []).map((p) => ({ p, v: getAt(env.report, p) as string | null | undefined })).filter((o) => wanToFen(o.v) != null);
  const othersFen = others.map((o) => wanToFen(o.v)!);
  const also = others.map((o) => `${label(env.form, o.p)}${o.v}万元`);
  rows.forEach((row, i) => {
    const total = F[i]![id.total] ?? null;
    let sum = 0;
    let filled = 0;
    for (const k of id.parts) {
      const v = F[i]![k];
      if (v != null) (sum += v), filled++;
    }
    if (total == null && filled === 0) return;
    if (filled && othersFen.some((o) => Math.abs(o - sum) <= env.toleranceFen)) return;
    // the place in words only for a finding: most rows add up
    const add = (code: string, severity: 'error' | 'warning', message: (cell: string) => string) =>
      env.add(id.rule, code, severity, financePath(key, i, id.total), message(financeCell(env.form, env.report, key, i, id.total)));
    if (total == null) {
      if (sum === 0) return;
      add(id.code, 'error', (cell) => (also.length ? `${what}合计为${wan(sum)}万元，与${also.join('、')}均不相等。` : `${cell}未填写，而${what}合计为${wan(sum)}万元。`));
      return;
    }
    if (filled === 0) {
      if (total !== 0) add(`${id.code}_BREAKDOWN`, 'warning', (cell) => `${cell}为${row[id.total]}万元，但${what}均未填写，无法核对。`);
      return;
    }
    if (Math.abs(total - sum) <= env.toleranceFen) return;
    add(id.code, 'error', (cell) => also.length
      ? `${what}合计为${wan(sum)}万元，与${cell.replace(/列$/, '')}${row[id.total]}万元、${also.join('、')}均不相等。`
      : `${cell}为${row[id.total]}万元，而${what}合计为${wan(sum)}万元，相差${wan(Math.abs(total - sum))}万元。`);
  });
}

export function rowIdentities(env: RuleEnv): void {
  for (const shape of financeTables(env.form)) {
    for (const id of shape.def.identities) if (applies(id, env.options)) rowSum(env, shape, id);
  }
}

/** A6 当年结余 = 本年收入 − 支出合计; A7 累计结余 = 上年结转 + 当年结余; matched by institution. */
export function surplus(env: RuleEnv): void {
  const { report, form } = env;
  const shapes = new Map(financeTables(form).map((t) => [t.def.key, t]));
  const inc = shapes.get('income');
  const exp = shapes.get('expenditure');
  if (!inc || !exp) return;
  const name = (t: TableShape, k: string) => t.byKey.get(k)?.label ?? k;
  report.finance.expenditure.forEach((e, i) => {
    const row = report.finance.income.find((r) => r.institution === e.institution && r.kind === e.kind) ?? report.finance.income[i];
    const spent = wanToFen(e.total);
    const income = wanToFen(row?.total);
    const carry = wanToFen(row?.carryOver) ?? 0;
    const year = wanToFen(e.surplusYear);
    if (row && income != null && spent != null && year != null) {
      const thisYear = env.options.carryOverInIncomeTotal ? income - carry : income;
      const expected = thisYear - spent;
      if (Math.abs(expected - year) > env.toleranceFen) {
        env.add('A6', 'FIN.SURPLUS_YEAR', 'error', financePath('expenditure', i, 'surplusYear'), `${financeCell(form, report, 'expenditure', i, 'surplusYear')}为${e.surplusYear}万元，按本年收入${wan(thisYear)}万元减${name(exp, 'total')}${e.total}万元应为${wan(expected)}万元。`);
      }
    }
    const cumulative = wanToFen(e.surplusCumulative);
    if (row && year != null && cumulative != null && Math.abs(carry + year - cumulative) > env.toleranceFen) {
      env.add('A7', 'FIN.SURPLUS_CUMULATIVE', 'error', financePath('expenditure', i, 'surplusCumulative'), `${financeCell(form, report, 'expenditure', i, 'surplusCumulative')}为${e.surplusCumulative}万元，按${name(inc, 'carryOver')}${wan(carry)}万元加${name(exp, 'surplusYear')}${e.surplusYear}万元应为${wan(carry + year)}万元。`);
    }
  });
}

/** A10: amounts are not negative, except those the form marks as signed (结余). */
export function signs(env: RuleEnv): void {
  for (const shape of financeTables(env.form)) {
    const key = shape.def.key as FinanceTableKey;
    const F = env.fen(key);
    (env.report.finance[key] as Row[]).forEach((row, i) => {
      for (const col of shape.leaves) {
        const v = F[i]![col.key];
        if (v != null && v < 0 && !col.signed) {
          env.add('A10', 'FIN.NEGATIVE', 'error', financePath(key, i, col.key), `${financeCell(env.form, env.report, key, i, col.key)}为负数（${row[col.key]}万元），除结余外金额不能为负。`);
        }
      }
    });
  }
}

/** A table left entirely blank: not an identity failure, but a reviewer wants to know. */
export function emptyTables(env: RuleEnv): void {
  for (const shape of financeTables(env.form)) {
    const key = shape.def.key as FinanceTableKey;
    const F = env.fen(key);
    if (F.length && F.every((r) => shape.leaves.every((c) => r[c.key] == null))) {
      env.add('A1', 'FIN.TABLE_EMPTY', 'info', `finance.${key}`, `${tablePlace(env.form, key)}全部未填写。`);
    }
  }
}
