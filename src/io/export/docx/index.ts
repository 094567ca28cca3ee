// The report as a Word document in the official Yueyang layout (岳阳市财政局制): the cover, then sections
// 一 to 五 each in one bordered form table, with the seed's label texts so that importing the DOCX gives
// the same report back. Two Word sections: the cover carries no page number; the body is numbered from 1.
import { Document, Footer, Packer, PageNumber, Paragraph, type Table, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import type { FormDescriptor, SectionDef } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import type { Scorecard } from '../../../core/model/score';
import type { PrintedSignature, Rendering } from '../content';
import { formFor } from '../../../core/templates/index';
import { coverParagraphs, coverTitle } from './cover';
import { tablesTable } from './finance';
import { narrativeTable } from './narrative';
import { fieldsTable } from './overview';
import { performanceTable } from './performance';
import { scoreSheetBlocks } from './score-sheet';
import { budgetGridTable, performanceGridTable } from './budget-grid';
import { projectBlocks } from './project';
import { preparerParagraph, signoffTable } from './signoff';
import { FONT, fontAttrs, PAGE, para, paragraphStyles, S, SIZE } from './style';

const page = {
  size: { width: PAGE.width, height: PAGE.height },
  margin: {
    top: PAGE.top,
    bottom: PAGE.bottom,
    left: PAGE.left,
    right: PAGE.right,
    header: PAGE.header,
    footer: PAGE.footer,
  },
};

/** GB/T 9704 page number: "— 1 —" in 4号 宋体, centred. */
function pageNumberFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ style: S.pageNumber.id, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })],
  });
}

/** A thin gap between the section tables (a table needs a paragraph after it, or Word joins the next). */
const gap = (): Paragraph => para('', S.gap);

type Block = Table | Paragraph;

export interface DocxOptions {
  form?: FormDescriptor;
  /** printed as the 评分表 appendix after the form */
  score?: Scorecard;
  /** official (default) or review: which scores and notes the 评分表 carries, whether void signatures are marked */
  rendering?: Rendering;
  signatures?: readonly PrintedSignature[];
}

/** What each kind of printed section puts in the body; each section is followed by a gap. */
const SECTIONS: Partial<Record<SectionDef['type'], (form: FormDescriptor, s: SectionDef, r: Report, o: DocxOptions) => Block[]>> = {
  fields: (f, s, r) => [fieldsTable(f, s, r)],
  tables: (f, s, r) => [tablesTable(f, s, r)],
  budgetGrid: (f, s, r) => [budgetGridTable(f, s, r)],
  performance: (f, s, r) => [s.columns ? performanceGridTable(f, s, r) : performanceTable(f, s, r)],
  people: (f, s, r, o) => [signoffTable(f, s, r, o.signatures, o.rendering ?? 'official'), preparerParagraph(f, r)],
  narrative: (_f, s, r) => [narrativeTable(s, r)],
};

export function buildReportDocument(report: Report, opts: DocxOptions = {}): Document {
  const form = opts.form ?? formFor(report);
  // a project table has no cover: one numbered section holding the table
  const project = form.kind === 'project';
  const body = project ? projectBlocks(form, report) : form.sections.filter((s) => s.printed).flatMap((s) => {
    const blocks = SECTIONS[s.type]?.(form, s, report, opts);
    return blocks ? [...blocks, gap()] : [];
  });
  if (opts.score) body.push(...scoreSheetBlocks(form, report, opts.score, opts.rendering ?? 'official'));
  return new Document({
    title: coverTitle(form, report),
    subject: report.cover.departmentName,
    creator: 'Jixiao 绩效自评',
    styles: {
      default: {
        document: {
          // 五号: Word's own default for Chinese text, and the size of the form's blank cells
          run: { font: fontAttrs(FONT.body), size: SIZE.wuhao, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
        },
      },
      paragraphStyles: paragraphStyles(),
    },
    sections: [
      ...(project ? [] : [{ properties: { page }, children: coverParagraphs(form, report) }]),
      {
        properties: { page: { ...page, pageNumbers: { start: 1 } } },
        footers: { default: pageNumberFooter() },
        children: body,
      },
    ],
  });
}

type Compiled = Map<string, string | Uint8Array>;
interface DocxCompiler {
  compile(doc: Document, prettify: undefined, overrides: []): Compiled;
}

/**
 * Packs the document as Packer does, but deflates at level 1 rather than 6: the parts are a few dozen KB
 * of XML, so the file is ~10 % larger and the export ~10 ms faster. Packer keeps its compiler private,
 * hence the guarded access; without it (another docx version) this falls back to Packer.toBuffer.
 */
async function pack(doc: Document): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: DocxCompiler }).compiler;
  if (typeof compiler?.compile !== 'function') {
    const buffer = await Packer.toBuffer(doc);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  const files: Record<string, Uint8Array> = {};
  for (const [path, data] of compiler.compile(doc, undefined, [])) files[path] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files, { level: 1 });
}

export async function renderReportDocx(report: Report, opts: DocxOptions = {}): Promise<Uint8Array> {
  return pack(buildReportDocument(report, opts));
}
