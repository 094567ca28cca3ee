// 党群工作部's 2021 report for the demo, imported from the seed text with the real importer.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../core/model/report';
import type { Deps } from '../deps';
import { demoReport } from './figures';

const SEED_FILE = fileURLToPath(new URL('../../../test/fixtures/seed-report-2021-dangqun.txt', import.meta.url));

export interface Seed {
  report: Report;
  meta: unknown;
}

/** 党群工作部's 2021 report from the seed text; a blank draft if the importer is unavailable. */
export async function importSeed(opts: { importFile?: Deps['importFile']; seedFile?: string }, dept: { name: string; code: string }): Promise<Seed> {
  const fallback = demoReport(2021, dept, { budgetWan: 0, execution: 100, selfScore: null, grade: '' }, true);
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
