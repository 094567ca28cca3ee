// The demo reports: 党群工作部's 2021 draft imported from the seed text, and a few reports of other
// departments in later states so every role has something to look at.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emptyReport, type Report } from '../../core/model/report';
import type { ReportStatus } from '../../core/workflow/index';
import { appendAudit } from '../audit/chain';
import type { DB, Dialect } from '../db/schema';
import type { Deps, Random } from '../deps';
import { insertReport } from '../repositories/reports';
import { insertReturn } from '../repositories/reviews';
import { insertVersion } from '../repositories/versions';

export interface DemoOrg {
  bureauId: string;
  departments: Record<'dangqun' | 'office' | 'emergency' | 'economy', string>;
  users: Record<string, string>;
  names: Record<string, { name: string; code: string }>;
}

const SEED_FILE = fileURLToPath(new URL('../../../test/fixtures/seed-report-2021-dangqun.txt', import.meta.url));

function blank(year: number, dept: { name: string; code: string }, score: number | null, grade: string): Report {
  const r = emptyReport();
  r.year = year;
  r.cover.title = `${year}年度部门整体支出绩效评价自评报告`;
  r.cover.departmentName = dept.name;
  r.cover.budgetCode = dept.code;
  r.cover.evaluationMethod = '部门(单位)绩效自评';
  r.cover.evaluator = '部门(单位)评价组';
  r.performance.selfScore = score;
  r.performance.grade = grade;
  return r;
}

export interface Seed {
  report: Report;
  meta: unknown;
}

/** 党群工作部's 2021 report from the seed text; a blank draft if the importer is unavailable. */
export async function importSeed(opts: { importFile?: Deps['importFile']; seedFile?: string }, dept: { name: string; code: string }): Promise<Seed> {
  const fallback = blank(2021, dept, null, '');
  const file = opts.seedFile ?? process.env.JIXIAO_DEMO_SEED_FILE ?? SEED_FILE;
  if (!opts.importFile || !existsSync(file)) return { report: fallback, meta: null };
  try {
    const bytes = readFileSync(file);
    const r = await opts.importFile(new Uint8Array(bytes), 'seed-report-2021-dangqun.txt');
    return { report: r.report, meta: { fileName: 'seed-report-2021-dangqun.txt', format: r.format, family: r.family, truncated: r.truncated, unmapped: r.unmapped, diagnostics: r.diagnostics } };
  } catch (err) {
    // The demo must still start while the importer is unfinished; the draft is then blank.
    process.emitWarning(`演示数据：导入种子报告失败，改用空白草稿（${(err as Error).message}）`);
    return { report: fallback, meta: null };
  }
}

export async function insertDemoReports(trx: DB, dialect: Dialect, org: DemoOrg, seed: Seed, opts: { at: string; random: Random }): Promise<void> {
  const { at } = opts;
  const n = org.names;
  const plan: Array<{ dept: keyof DemoOrg['departments']; report: Report; status: ReportStatus; meta?: unknown; by: string }> = [
    { dept: 'dangqun', report: seed.report, status: 'draft', meta: seed.meta, by: 'demo-preparer' },
    { dept: 'office', report: blank(2021, n.office!, 91.5, '优'), status: 'submitted', by: 'demo-preparer2' },
    { dept: 'emergency', report: blank(2021, n.emergency!, 86, '良'), status: 'accepted', by: 'demo-reviewer' },
    { dept: 'office', report: blank(2020, n.office!, 78, '中'), status: 'returned', by: 'demo-reviewer' },
    { dept: 'economy', report: blank(2020, n.economy!, 93, '优'), status: 'published', by: 'demo-admin' },
  ];
  for (const p of plan) {
    const id = opts.random.uuid();
    const userId = org.users[p.by]!;
    await insertReport(trx, dialect, {
      id, bureau_id: org.bureauId, department_id: org.departments[p.dept], department_name: n[p.dept]!.name,
      year: p.report.year, kind: p.report.kind, template_id: p.report.templateId, status: p.status, version: 1, document: p.report,
      self_score: p.report.performance.selfScore, grade: p.report.performance.grade,
      finance_since: p.status === 'draft' ? null : at, import_meta: p.meta ? JSON.stringify(p.meta) : null,
      created_by: userId, created_at: at, updated_by: userId, updated_at: at,
    });
    await insertVersion(trx, { report_id: id, version: 1, status: p.status, action: p.meta ? 'import' : 'create', user_id: userId, created_at: at });
    if (p.status === 'returned')
      await insertReturn(trx, { id: opts.random.uuid(), report_id: id, version: 1, reason: '三公经费表合计与分项之和不符，请核对后重新提交。', paths: JSON.stringify(['finance.threePublic[0].total']), user_id: userId, role: 'reviewer', created_at: at });
    await appendAudit(trx, dialect, at, { event: 'demo_seed', actorUsername: 'system', objectType: 'report', objectId: id, detail: { status: p.status, year: p.report.year } });
  }
}
