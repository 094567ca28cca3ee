// 四、评价人员: the evaluators, then the three sign-off blocks each ending in its 年 月 日 line, then the
// 填报人 line under the table. Blocks keep room for a handwritten signature and a seal.
import type { Paragraph, Table } from 'docx';
import { field, type FormDescriptor, type SectionDef } from '../../../core/forms/index';
import type { Report, Signoff } from '../../../core/model/report';
import { codeLine, type PrintedBlock, type PrintedSignature, printedSignoffs, type Rendering } from '../content';
import { cleanText } from '../xlsx/columns';
import { chineseDate, para, S, SIZE, TEXT_WIDTH, textWidth } from './style';
import { type CellSpec, formTable, grid, type RowSpec, titleRow } from './table';

const COLUMNS = grid([1, 1, 1, 1]);
const CHAR = SIZE.xiaosi * 10; // twips per full-width character at 小四
const CELL_TEXT_WIDTH = TEXT_WIDTH - 180; // minus the cell margins
const SIGNATURE_ROOM = 6 * CHAR;

/** Where a signer label starts so that it ends with room for a signature at the right edge. */
function signerIndent(label: string): number {
  return Math.max(0, CELL_TEXT_WIDTH - Math.ceil(textWidth(label)) * CHAR - SIGNATURE_ROOM);
}

function block(s: Signoff & Partial<PrintedBlock>, opening: string, signerLabel: string | null, rendering: Rendering): Paragraph[] {
  const opinion = s.opinion ? cleanText(s.opinion).split('\n') : [];
  // the opinion starts on the label's line, as it is written into the form
  const out = [para(`${opening}${signerLabel ? (opinion[0] ?? '') : s.signer}`, S.signoff)];
  const rest = signerLabel ? opinion.slice(1) : opinion;
  for (const line of rest) out.push(para(line, S.signoffOpinion));
  const blanks = opinion.length ? 1 : 3;
  for (let i = 0; i < blanks; i++) out.push(para('', S.signoff));
  if (signerLabel) out.push(para(`${signerLabel}${s.signer}`, S.signoff, { indentLeft: signerIndent(signerLabel) }));
  out.push(para(chineseDate(s.date), S.signoffDate));
  if (s.code) out.push(para(codeLine(s.code), S.signoffDate));
  if (s.void && rendering === 'review') out.push(para('签名已失效：签署后所签内容已修改，须重新签署', S.signoffDate));
  return out;
}

export function signoffTable(form: FormDescriptor, section: SectionDef, report: Report, signatures: readonly PrintedSignature[] = [], rendering: Rendering = 'official'): Table {
  const cols = form.people.evaluators.columns;
  const blank = { name: '', title: '', unit: '', signature: '' };
  const signed = printedSignoffs(report, signatures);
  const evaluators = report.evaluators.length
    ? report.evaluators.map((e, i) => ({ ...e, signature: [signed.evaluators[i]?.signature ?? e.signature, codeLine(signed.evaluators[i]?.code ?? '')].filter(Boolean).join('\n') }))
    : [blank];
  const rows: RowSpec[] = [
    titleRow(section.label, 4),
    {
      cells: cols.map((c) => ({ content: c.print ?? c.label, style: S.formLabel })),
      minHeightPt: 22,
      cantSplit: true,
    },
    ...evaluators.map(
      (e): RowSpec => ({
        cells: cols.map((c): CellSpec => ({ content: e[c.key as keyof typeof blank] ?? '', style: S.formLabel, valign: 'top' })),
        minHeightPt: 24,
        cantSplit: true,
      }),
    ),
    // a block with an opinion opens with its label and signs at the bottom; one without signs at the top
    ...form.people.blocks.map(
      (b): RowSpec => ({
        cells: [
          {
            content: b.opinion
              ? block(signed.blocks[b.key], `${b.opinion}：`, `${b.signer}${b.mark}：`, rendering)
              : block(signed.blocks[b.key], `${b.signer}${b.mark}：`, null, rendering),
            colSpan: 4,
          },
        ],
        cantSplit: true,
      }),
    ),
  ];
  return formTable(COLUMNS, rows);
}

/** 填报人（签名）：… 联系电话：… — under the table, as the form prints it. */
export function preparerParagraph(form: FormDescriptor, report: Report): Paragraph {
  const { name, phone } = report.preparer;
  const who = field(form, 'preparer.name');
  const gap = ' '.repeat(Math.max(6, 26 - Math.ceil(textWidth(name) * 2)));
  return para(`${who.label}${who.mark ?? ''}：${name}${gap}${field(form, 'preparer.phone').label}：${phone}`, S.preparer, { beforePt: 8 });
}
