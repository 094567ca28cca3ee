// Test and benchmark helper: the seed report's text dump (test/fixtures/seed-report-2021-dangqun.txt) turned
// back into a DOCX with the docx library, so DOCX import can be measured on a real report's size and shape.
// In the dump, a table row is a group of tab-led lines (one cell each) between blank lines, and a line
// without the tab continues the cell above; everything else is a paragraph. Runs carry the fonts and sizes
// a government report uses, so every run has its w:rPr as in a file from Word.
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const FONT = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };
const run = (text: string, bold = false) => new TextRun({ text, font: FONT, size: 28, bold });
const para = (text: string, bold = false) => new Paragraph({ children: [run(text, bold)], spacing: { line: 560 } });

/** Paragraphs and tables of the dump, in order. */
export function seedBlocks(text: string): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    out.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: rows.map(
          (cells) =>
            new TableRow({
              children: cells.map(
                (c, i) =>
                  new TableCell({
                    children: c.split('\n').map((line) => para(line)),
                    // A short row spans the rest of the grid, as the report's merged cells do.
                    ...(i === cells.length - 1 && cells.length < width ? { columnSpan: width - cells.length + 1 } : {}),
                  }),
              ),
            }),
        ),
      }),
    );
    rows = [];
  };
  for (const group of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const lines = group.split('\n').filter((l) => l !== '');
    if (lines.length === 0) continue;
    if (lines[0]!.startsWith('\t') && lines.length > 1) {
      const cells: string[] = [];
      for (const l of lines) {
        if (l.startsWith('\t') || cells.length === 0) cells.push(l.replace(/^\t/, ''));
        else cells[cells.length - 1] += `\n${l}`;
      }
      rows.push(cells);
    } else {
      flush();
      for (const l of lines) out.push(para(l.replace(/^\t/, ''), /^\t?[一二三四五六七八九十]+、/.test(l)));
    }
  }
  flush();
  return out;
}

export async function seedDocx(text: string): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: seedBlocks(text) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
