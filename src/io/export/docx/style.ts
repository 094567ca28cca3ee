// Page geometry, the official fonts, and the document's paragraph styles. Formatting lives in named
// Word styles (表格文字, 综述正文 …), not on every run: a finance officer can restyle the document from
// the style pane, and the file is a third the size and twice as fast to write. Fonts are named, not
// embedded: Word on a finance-office PC has 方正小标宋简体, 仿宋_GB2312, 黑体 and 楷体_GB2312. ascii and
// eastAsia are both set, because Word picks a font per character class and digits would otherwise
// fall back to the theme font.
import { AlignmentType, type IParagraphStyleOptions, LineRuleType, Paragraph, TextRun } from 'docx';
import { cleanText } from '../xlsx/columns';

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  /** GB/T 9704 second-level headings (（一）…) */
  kai: '楷体_GB2312',
  /** GB/T 9704 page numbers: 4号 半角宋体 */
  pageNumber: '宋体',
} as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

/** Chinese type sizes in half-points, as docx wants them. */
export const SIZE = {
  erhao: 44, // 二号 22pt
  sanhao: 32, // 三号 16pt
  sihao: 28, // 四号 14pt
  xiaosi: 24, // 小四 12pt
  wuhao: 21, // 五号 10.5pt
} as const;

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);

/** A4 with the GB/T 9704 official-document margins. */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  /** the page number sits about 7 mm under the text block */
  footer: mm(24),
  header: mm(15),
} as const;
/** Width of the text block: what every table spans. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export function fontAttrs(name: FontName): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

export type Align = 'left' | 'center' | 'right' | 'both';
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.JUSTIFIED,
} as const;

export interface StyleDef {
  id: string;
  /** the name Word shows in its style pane */
  name: string;
  font: FontName;
  size: number;
  align: Align;
  /** first-line indent in characters (正文 首行缩进 2 字) */
  firstLineChars?: number;
  /** exact line height in points; absent = single */
  linePt?: number;
  afterPt?: number;
  indentLeft?: number;
  indentRight?: number;
  keepNext?: boolean;
}

const def = (id: string, name: string, font: FontName, size: number, align: Align, more: Partial<StyleDef> = {}): StyleDef => ({
  id,
  name,
  font,
  size,
  align,
  ...more,
});
const CHAR_XIAOSI = SIZE.xiaosi * 10; // twips per full-width character at 小四

/** The document's paragraph styles, one per kind of text in the form. */
export const S = {
  coverTitle: def('JxCoverTitle', '封面标题', FONT.title, SIZE.erhao, 'center', { linePt: 40 }),
  coverField: def('JxCoverField', '封面栏目', FONT.body, SIZE.sanhao, 'left', { linePt: 36, indentLeft: 1120 }),
  coverIssuer: def('JxCoverIssuer', '封面制表单位', FONT.body, SIZE.sanhao, 'center', { linePt: 36 }),
  sectionTitle: def('JxSectionTitle', '栏目标题', FONT.heading, SIZE.sihao, 'left', { keepNext: true }),
  tableTitle: def('JxTableTitle', '表名', FONT.heading, SIZE.xiaosi, 'center', { keepNext: true }),
  cell: def('JxCell', '表格文字', FONT.body, SIZE.wuhao, 'center'),
  cellLeft: def('JxCellLeft', '表格文字左对齐', FONT.body, SIZE.wuhao, 'left'),
  // a little air between an amount and the column rule; the finance cells have a small margin
  cellAmount: def('JxCellAmount', '表格金额', FONT.body, SIZE.wuhao, 'right', { indentRight: 50 }),
  cellText: def('JxCellText', '表格段落', FONT.body, SIZE.wuhao, 'both'),
  formLabel: def('JxFormLabel', '表格文字（小四）', FONT.body, SIZE.xiaosi, 'center'),
  formText: def('JxFormText', '表格段落（小四）', FONT.body, SIZE.xiaosi, 'both', { firstLineChars: 2 }),
  formList: def('JxFormList', '表格列表（小四）', FONT.body, SIZE.xiaosi, 'both'),
  signoff: def('JxSignoff', '签署栏', FONT.body, SIZE.xiaosi, 'left', { linePt: 22 }),
  signoffOpinion: def('JxSignoffOpinion', '签署意见', FONT.body, SIZE.xiaosi, 'both', { linePt: 22, firstLineChars: 2 }),
  signoffDate: def('JxSignoffDate', '签署日期', FONT.body, SIZE.xiaosi, 'right', { linePt: 22, indentRight: 2 * CHAR_XIAOSI }),
  preparer: def('JxPreparer', '填报人行', FONT.body, SIZE.xiaosi, 'left'),
  narrativeTitle: def('JxNarrativeTitle', '综述标题', FONT.heading, SIZE.sihao, 'left', { linePt: 25, afterPt: 6 }),
  narrativeHeading: def('JxNarrativeHeading', '综述一级标题', FONT.heading, SIZE.sihao, 'left', {
    linePt: 25,
    firstLineChars: 2,
    keepNext: true,
  }),
  narrativeSubheading: def('JxNarrativeSubheading', '综述二级标题', FONT.kai, SIZE.sihao, 'both', {
    linePt: 25,
    firstLineChars: 2,
    keepNext: true,
  }),
  narrativeBody: def('JxNarrativeBody', '综述正文', FONT.body, SIZE.sihao, 'both', { linePt: 25, firstLineChars: 2 }),
  gap: def('JxGap', '表间空行', FONT.body, SIZE.wuhao, 'left', { linePt: 10 }),
  pageNumber: def('JxPageNumber', '页码', FONT.pageNumber, SIZE.sihao, 'center'),
} as const;

function indentOf(s: { firstLineChars?: number; indentLeft?: number; indentRight?: number }, size: number) {
  const indent: { firstLine?: number; left?: number; right?: number } = {};
  if (s.firstLineChars) indent.firstLine = Math.round(s.firstLineChars * size * 10);
  if (s.indentLeft) indent.left = s.indentLeft;
  if (s.indentRight) indent.right = s.indentRight;
  return Object.keys(indent).length ? { indent } : {};
}

/** The catalogue as Word paragraph styles, for Document({ styles: { paragraphStyles } }). */
export function paragraphStyles(): IParagraphStyleOptions[] {
  return Object.values(S).map((s) => ({
    id: s.id,
    name: s.name,
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: fontAttrs(s.font), size: s.size },
    paragraph: {
      alignment: ALIGN[s.align],
      spacing: {
        before: 0,
        after: Math.round((s.afterPt ?? 0) * 20),
        ...(s.linePt ? { line: Math.round(s.linePt * 20), lineRule: LineRuleType.EXACT } : {}),
      },
      ...indentOf(s, s.size),
      ...(s.keepNext ? { keepNext: true } : {}),
    },
  }));
}

/** What a single paragraph may add to its style: a list's hanging indent, a signer's indent, spacing. */
export interface ParaExtra {
  keepNext?: boolean;
  /** hanging indent in twips: lines after the first start this far in */
  hanging?: number;
  indentLeft?: number;
  beforePt?: number;
  afterPt?: number;
}

export function para(text: string, style: StyleDef, extra: ParaExtra = {}): Paragraph {
  const indent: { left?: number; hanging?: number } = {};
  if (extra.indentLeft) indent.left = extra.indentLeft;
  if (extra.hanging) {
    indent.left = (indent.left ?? 0) + extra.hanging;
    indent.hanging = extra.hanging;
  }
  const spacing = extra.beforePt || extra.afterPt;
  return new Paragraph({
    style: style.id,
    // an empty paragraph takes its height from the style's font size, with no run needed
    children: text ? [new TextRun(cleanText(text))] : [],
    ...(Object.keys(indent).length ? { indent } : {}),
    ...(spacing
      ? { spacing: { before: Math.round((extra.beforePt ?? 0) * 20), after: Math.round((extra.afterPt ?? 0) * 20) } }
      : {}),
    ...(extra.keepNext ? { keepNext: true } : {}),
  });
}

/** One paragraph per line of a multi-line value (cell texts keep their line structure for the importer). */
export function paras(text: string, style: StyleDef, extra: ParaExtra = {}): Paragraph[] {
  return cleanText(text).split('\n').map((line) => para(line, style, extra));
}

const ENUMERATOR = /^(?:(?:任务|目标|指标)\d+[：:]|\d+[、.．]\s*)/;

/**
 * One paragraph per line of a list such as 任务1：… or 1、…: wrapped lines hang under the text after
 * the enumerator, so the numbers stand out in a column as a typist would set them.
 */
export function listParas(text: string, style: StyleDef): Paragraph[] {
  return cleanText(text).split('\n').map((line) => {
    const m = ENUMERATOR.exec(line);
    return para(line, style, m ? { hanging: Math.round(textWidth(m[0]) * style.size * 10) } : {});
  });
}

/** 2022-06-21 → 2022年6月21日; null → the blank "年    月    日" the form prints for handwriting. */
export function chineseDate(iso: string | null | undefined, blank = '年    月    日'): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return blank;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Display width in full-width characters: CJK counts 1, ASCII 0.5 (for line-break decisions). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}
