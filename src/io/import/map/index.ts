// Doc → Report. The document is read section by section (cover, 一 … 五); each section's parser takes the
// tokens it understands and marks them used; whatever no parser took is returned as `unmapped` with its place.
import type { Report } from '../../../core/model/report';
import type { Doc, Family, ImportDiagnostic, Unmapped } from '../doc';
import { isAnnex2, mapAnnex2 } from './annex2';
import { mapFormFields } from './form-fields';
import type { FormDescriptor } from '../../../core/forms/index';
import { MapContext } from './context';
import { coverEnd, mapCover } from './cover';
import { mapFallbacks } from './fallback';
import { detectFamily, overallTemplateOf } from './family';
import { mapFinance } from './finance';
import { BOILERPLATE, COVER, FINANCE_HEADER, PERFORMANCE, SECTION, SIGNOFF } from './labels';
import { mapNarrative } from './narrative';
import { mapOverview } from './overview';
import { mapPerformance } from './performance';
import { mapProject } from './project';
import { mapEvaluators, mapSignoffs } from './signoffs';
import { mapWorkbook, skipDerivedTables } from './workbook';
import { inferYear } from './year';
import { formOf, getTemplate } from '../../../core/templates/index';

const BOILERPLATE_SET: ReadonlySet<RegExp> = new Set(BOILERPLATE);

export interface MapResult {
  report: Report;
  unmapped: Unmapped[];
  family: Family;
  diagnostics: ImportDiagnostic[];
  truncated: boolean;
}

export interface MapOptions {
  /** the form the file is read onto when the reader knows it (a task's template); default: the one detected */
  form?: FormDescriptor;
}

export function mapDoc(doc: Doc, opts: MapOptions = {}): MapResult {
  const ctx = new MapContext(doc);
  skipDerivedTables(ctx);
  const n = ctx.tokens.length;
  const narrativeAt = ctx.find(SECTION.narrative);
  const end = narrativeAt < 0 ? n : narrativeAt;
  const firstOf = (...res: RegExp[]) => {
    const hits = res.map((re) => ctx.find(re, 0, end)).filter((i) => i >= 0);
    return hits.length ? Math.min(...hits) : -1;
  };
  const cover = coverEnd(ctx);
  const marks = [
    // Without its heading (a workbook, a stripped copy) 基本概况 is looked for from the start.
    ctx.find(SECTION.overview) >= 0 ? Math.max(cover, ctx.find(SECTION.overview)) : 0,
    firstOf(SECTION.finance, ...Object.values(FINANCE_HEADER)),
    firstOf(SECTION.performance, PERFORMANCE.qualitative, PERFORMANCE.quantitative),
    firstOf(SECTION.evaluators, SIGNOFF.evaluatorHeader),
    firstOf(SIGNOFF.leader, SIGNOFF.departmentOpinion, SIGNOFF.financeOpinion),
    end,
  ];
  // A missing marker starts its region where the previous one started; each region ends at the next marker.
  const start = (k: number): number => (marks[k]! >= 0 ? marks[k]! : k > 0 ? start(k - 1) : cover);
  const stop = (k: number): number => {
    const s = start(k);
    for (let j = k + 1; j < marks.length; j++) if (marks[j]! > s) return marks[j]!;
    return end;
  };

  mapCover(ctx, cover);
  // Workbook-shaped tables first: their header rows say exactly what each column is.
  mapWorkbook(ctx);
  mapOverview(ctx, start(0), stop(0));
  mapFinance(ctx, start(1), stop(1));
  mapPerformance(ctx, start(2), stop(2));
  mapEvaluators(ctx, start(3), stop(3));
  mapSignoffs(ctx, start(4), end);
  mapPreparerLine(ctx, end);
  const hasNarrative = mapNarrative(ctx) >= 0;
  // the form's own labels before prose guesses (编制… in the 综述 is a guess, 在册人员 | 6 on the form is not)
  if (opts.form) mapFormFields(ctx, opts.form);
  mapFallbacks(ctx);
  inferYear(ctx, cover);
  const family = detectFamily(ctx);
  if (family === 'project-selfeval') mapProject(ctx);
  // a form another shipped template prints (the Hunan 自评表) is that template's report, not the default's
  const own = overallTemplateOf(ctx, family);
  if (own) {
    ctx.report.templateId = own.id;
    ctx.report.templateVersion = own.version;
  }
  const target = opts.form ?? (own ? formOf(getTemplate(own.id, own.version)) : null);
  if (target && isAnnex2(target)) mapAnnex2(ctx, target);

  const unmapped: Unmapped[] = [];
  for (let i = 0; i < n; i++) {
    const t = ctx.tokens[i]!;
    if (ctx.isUsed(i) || t.text.trim() === '') continue;
    if (t.roles.some((re) => BOILERPLATE_SET.has(re))) continue;
    unmapped.push({ text: t.text, loc: t.loc });
  }
  const r = ctx.report;
  const hasEndMatter = hasNarrative || r.performance.selfScore != null || r.evaluators.length > 0 || marks[4]! >= 0;
  const truncated = family !== 'unknown' && !hasEndMatter;
  if (truncated) {
    const last = ctx.tokens.at(-1)?.loc;
    ctx.diag({ code: 'IMPORT.TRUNCATED', severity: 'warning', loc: last, message: `文档在第${last?.line ?? '?'}行处中断（常见于网页转存的节选），其后的章节没有导入，检查只针对已有内容。` });
  }
  return { report: r, unmapped, family, diagnostics: ctx.diagnostics, truncated };
}

/** "填报人（签名）： 联系电话：" may stand outside the sign-off region (after the tables, before 五). */
function mapPreparerLine(ctx: MapContext, end: number): void {
  if (ctx.report.preparer.name || ctx.report.preparer.phone) return;
  const at = ctx.find(COVER.preparer, 0, end);
  if (at >= 0 && !ctx.isUsed(at)) mapSignoffs(ctx, at, at + 1);
}
