// The figures a board, a sample or a dashboard needs of each report version — error and warning counts,
// the computed 评分表 total and basis, 预算执行率, 支出合计 — computed once per version and kept in
// report_stats (a version's content never changes), so a board of 300 departments does not re-run
// every rule on every view, on any of several app servers.
import { computeMetric } from '../../core/scoring/metrics';
import { columnFigure } from '../../core/scoring/finance-columns';
import type { ReportStatsTable } from '../db/schema-bureau';
import type { Deps } from '../deps';
import { findStats, insertStats } from '../repositories/review-extras';
import { withPriorIssueChecks } from './draft-origin';
import { findOpenReport, runChecks, templateOf } from './shared';

export type ReportStats = Omit<ReportStatsTable, 'report_id' | 'version'>;

export async function statsFor(deps: Deps, heads: ReadonlyArray<{ id: string; version: number }>): Promise<Map<string, ReportStats>> {
  const db = deps.db.kysely;
  const known = await findStats(db, heads);
  const out = new Map<string, ReportStats>();
  const fresh: ReportStatsTable[] = [];
  for (const h of heads) {
    const hit = known.get(`${h.id}@${h.version}`);
    if (hit) {
      out.set(h.id, hit);
      continue;
    }
    const row = await findOpenReport(deps, h.id, db);
    if (!row) continue;
    const { findings, score } = await withPriorIssueChecks(db, row, await runChecks(deps, row, await templateOf(deps, row.document)));
    const rate = computeMetric(row.document, 'budgetExecutionRate');
    const stats: ReportStats = {
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      computed_total: score?.total ?? null,
      basis: score?.basis ?? 'none',
      computable_weight: score?.computable.weight ?? 0,
      execution_rate: rate.kind === 'rate' ? rate.value.toDecimalPlaces(2).toNumber() : null,
      budget_fen: columnFigure(row.document.finance.expenditure, 'total', false)?.fen ?? null,
    };
    out.set(h.id, stats);
    // a failed check is not a fact about the version: do not keep it
    if (!findings.some((f) => f.code === 'SYS.CHECK_FAILED')) fresh.push({ report_id: row.id, version: row.version, ...stats });
  }
  if (fresh.length) await insertStats(db, fresh);
  return out;
}
