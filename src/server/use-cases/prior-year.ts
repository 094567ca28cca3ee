// 上年: the same department's report of the year before — the one furthest along (published over accepted
// over …, then the latest saved) that this user may see — for the editor's 上年指标值/上年完成值 columns and
// for Q15. Its indicators are cached by that report's id and version (a version's content never changes).
import { addPriorYearFindings } from '../../core/check';
import type { Indicator } from '../../core/model/report';
import type { ReportStatus } from '../../core/workflow/index';
import { canSeeReport } from '../auth/access';
import type { Actor } from '../auth/actor';
import type { DB } from '../db/schema';
import type { Deps } from '../deps';
import { departmentYearHeads, reportDocument } from '../repositories/prior-year';
import type { ReportRow } from '../repositories/reports';
import { poolFor, stored } from './document-work';
import { importedTruncated, runChecks, templateOf, type Checked } from './shared';

export interface PriorYearView {
  reportId: string;
  year: number;
  status: ReportStatus;
  version: number;
  indicators: Indicator[];
}

const RANK: readonly ReportStatus[] = ['published', 'accepted', 'finance_review', 'submitted', 'dept_review', 'returned', 'draft'];
const rank = (s: string) => RANK.indexOf(s as ReportStatus);

export async function priorYearOf(deps: Deps, actor: Actor, row: Pick<ReportRow, 'id' | 'year' | 'department_id'>, db: DB = deps.db.kysely): Promise<PriorYearView | null> {
  if (row.year == null) return null;
  const heads = (await departmentYearHeads(db, row.department_id, row.year - 1)).filter((h) => h.id !== row.id && canSeeReport(actor, h));
  if (heads.length === 0) return null;
  const head = heads.sort((a, b) => rank(a.status) - rank(b.status) || b.updated_at.localeCompare(a.updated_at))[0]!;
  const key = `${head.id}@${head.version}`;
  const cached = deps.priorYearCache?.get(key);
  if (cached) return cached;
  const document = await reportDocument(db, head.id);
  if (!document) return null;
  const view = { reportId: head.id, year: row.year - 1, status: head.status as ReportStatus, version: head.version, indicators: document.performance.indicators };
  deps.priorYearCache?.set(key, view);
  return view;
}

/**
 * runChecks, plus the rules that need last year's report (Q15) when there is one. A large report is judged
 * with them in the heavy-work pool, so its document is never read on the request thread.
 */
export async function checksWithPriorYear(deps: Deps, actor: Actor, row: ReportRow, db: DB = deps.db.kysely): Promise<Checked & { priorYear: PriorYearView | null }> {
  const template = await templateOf(deps, row.document);
  const priorYear = await priorYearOf(deps, actor, row, db);
  const pool = priorYear ? poolFor(deps, row) : null;
  if (pool && priorYear) {
    const r = await pool.check(stored(row), { truncated: importedTruncated(row.import_meta), priorYear: { year: priorYear.year, indicators: priorYear.indicators }, ...(template ? { template } : {}) });
    return { findings: r.findings, score: r.score, priorYear };
  }
  const checked = await runChecks(deps, row, template);
  if (!priorYear) return { ...checked, priorYear };
  try {
    const findings = addPriorYearFindings(checked.findings, row.document, { year: priorYear.year, indicators: priorYear.indicators }, template);
    return { ...checked, findings, priorYear };
  } catch (err) {
    deps.logger.error({ err }, 'prior-year rules failed');
    return { ...checked, priorYear };
  }
}
