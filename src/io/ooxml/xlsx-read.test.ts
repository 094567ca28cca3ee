import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Block, Cell, Doc } from '../import/doc';
import { readOoxml } from './read';
import { xlsxPackage } from './testing/packages';

const read = (bytes: Uint8Array, name = 'test.xlsx') => readOoxml(bytes, name, { inProcess: true });
const tables = (d: Doc) => d.blocks.filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
const view = (c: Cell) => `${c.loc.ref}:${c.text}${c.merged ? '|M' : ''}${c.formula ? `|=${c.formula}` : ''}`;

async function seedWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('年度支出');
  ws.getCell('A1').value = '部门（单位）年度支出和结余情况（万元）';
  ws.mergeCells('A1:H1');
  const header: Array<[string, string]> = [
    ['A2', '机构名称'], ['B2', '支出合计'], ['C2', '其中：'], ['G2', '结余'],
    ['C3', '基本支出'], ['D3', '其中：'], ['F3', '项目支出'], ['G3', '当年结余'], ['H3', '累计结余'],
    ['D4', '人员支出'], ['E4', '公用支出'],
  ];
  for (const [ref, text] of header) ws.getCell(ref).value = text;
  for (const range of ['A2:A4', 'B2:B4', 'C2:F2', 'G2:H2', 'C3:C4', 'D3:E3', 'F3:F4', 'G3:G4', 'H3:H4']) ws.mergeCells(range);
  ws.getRow(5).values = ['局机关及二级机构汇总', { formula: 'C5+F5', result: 85.33 }, { formula: 'D5+E5', result: 38.43 }, 32.67, 5.76, 46.9, 1.89, 1.89];
  ws.getCell('A7').value = '1、局机关'; // row 6 stays empty
  ws.getCell('B7').value = 87.2217;
  ws.getCell('C7').value = 0.1 + 0.2; // exceljs writes 0.30000000000000004
  ws.getCell('D7').value = { richText: [{ text: '公共财' }, { text: '政拨款', font: { bold: true } }] };
  ws.getCell('E7').value = true;
  ws.getCell('F7').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('G7').value = { formula: 'A7&"合计"', result: '1、局机关合计' };
  ws.getCell('H7').value = '机构名称'; // the same shared string twice
  const second = wb.addWorksheet('三公经费');
  second.getCell('B2').value = 2.5285;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('readXlsx with a workbook written by exceljs', () => {
  it('gives each sheet as its name then a table, rows with sheet positions, merges as continuations', async () => {
    const bytes = await seedWorkbook();
    // The file really uses shared strings (what the test is about), not inline ones.
    expect(unzipSync(bytes)['xl/sharedStrings.xml']).toBeDefined();
    const doc = await read(bytes);
    expect(doc.format).toBe('xlsx');
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph', 'table']);
    expect(doc.blocks[0]).toEqual({ type: 'paragraph', text: '年度支出', loc: { sheet: '年度支出' } });
    const [t1, t2] = tables(doc);
    expect(t1!.loc).toEqual({ sheet: '年度支出', table: 1 });
    const rows = t1!.rows.map((r) => r.cells.map(view));
    expect(rows).toEqual([
      ['A1:部门（单位）年度支出和结余情况（万元）', 'B1:|M', 'C1:|M', 'D1:|M', 'E1:|M', 'F1:|M', 'G1:|M', 'H1:|M'],
      ['A2:机构名称', 'B2:支出合计', 'C2:其中：', 'D2:|M', 'E2:|M', 'F2:|M', 'G2:结余', 'H2:|M'],
      ['A3:|M', 'B3:|M', 'C3:基本支出', 'D3:其中：', 'E3:|M', 'F3:项目支出', 'G3:当年结余', 'H3:累计结余'],
      ['A4:|M', 'B4:|M', 'C4:|M', 'D4:人员支出', 'E4:公用支出', 'F4:|M', 'G4:|M', 'H4:|M'],
      ['A5:局机关及二级机构汇总', 'B5:85.33|=C5+F5', 'C5:38.43|=D5+E5', 'D5:32.67', 'E5:5.76', 'F5:46.9', 'G5:1.89', 'H5:1.89'],
      ['A7:1、局机关', 'B7:87.2217', 'C7:0.3', 'D7:公共财政拨款', 'E7:TRUE', 'F7:#DIV/0!|=1/0', 'G7:1、局机关合计|=A7&"合计"', 'H7:机构名称'],
    ]);
    // Empty row 6 is skipped but the sheet row numbers stay.
    expect(t1!.rows.map((r) => r.loc.row)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(t1!.rows[5]!.cells[1]).toEqual({ text: '87.2217', loc: { sheet: '年度支出', ref: 'B7', row: 7, cell: 2 }, colSpan: 1, col: 2 });
    // The second sheet starts at its own leftmost used column.
    expect(t2!.rows.map((r) => r.cells.map(view))).toEqual([['B2:2.5285']]);
  });

  it('is told XLSX from DOCX by content, not by file name', async () => {
    const doc = await read(await seedWorkbook(), 'report.docx');
    expect(doc.format).toBe('xlsx');
  });
});

describe('readXlsx with hand-written SpreadsheetML', () => {
  it('reads inline strings, shared formulas, missing r attributes, phonetic runs and 17-digit floats', async () => {
    const sheet = `<sheetData>
      <row r="2"><c r="B2" t="inlineStr"><is><t>内联</t></is></c><c r="C2"><f t="shared" ref="C2:C4" si="0">B2*2</f><v>87.221699999999998</v></c></row>
      <row r="3"><c r="B3"><v>1</v></c><c r="C3"><f t="shared" si="0"/><v>2</v></c></row>
      <row><c><v>3</v></c><c><f t="shared" si="0"/><v>6</v></c><c t="s"><v>0</v></c><c t="str"><f>"文"&amp;"本"</f><v>文本</v></c></row>
      <row r="9"><c r="A9" s="3"/><c r="B9" t="s"><v>1</v></c></row>
    </sheetData><mergeCells count="1"><mergeCell ref="D9:E10"/></mergeCells>`;
    const sst = `<si><r><t>岳阳</t></r><r><rPr><b/></rPr><t>市</t></r><rPh sb="0" eb="2"><t>ユエヤン</t></rPh></si><si><t xml:space="preserve"> 空格 </t></si>`;
    const doc = await read(xlsxPackage([{ name: 'S', xml: sheet }], sst));
    expect(tables(doc)[0]!.rows.map((r) => r.cells.map(view))).toEqual([
      ['A2:', 'B2:内联', 'C2:87.2217|=B2*2'],
      ['A3:', 'B3:1', 'C3:2|=B3*2'],
      ['A4:3', 'B4:6|=A4*2', 'C4:岳阳市', 'D4:文本|="文"&"本"'],
      // D9:E10 is merged with an empty anchor; row 10 holds only its continuation, so it is skipped.
      ['A9:', 'B9: 空格 ', 'C9:', 'D9:', 'E9:|M'],
    ]);
  });

  it('keeps strings exact: numbers as written, whitespace-only runs, prefixed elements, rich text without phonetics', async () => {
    const sheet = `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>1300.0000</v></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="str"><v>87.2217</v></c></row></sheetData>`;
    const sst = `<x:si xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:t>1300.0000</x:t></x:si><si><t xml:space="preserve">  </t></si><si><r><t>岳阳</t></r><rPh sb="0" eb="2"><t>ユエヤン</t></rPh><r><rPr><b/></rPr><t xml:space="preserve"> 市 </t></r></si>`;
    const doc = await read(xlsxPackage([{ name: 'S', xml: sheet }], sst));
    expect(tables(doc)[0]!.rows.map((r) => r.cells.map(view))).toEqual([['A1:1300.0000', 'B1:  ', 'C1:1300.0000', 'D1:岳阳 市 ', 'E1:87.2217']]);
  });
});

