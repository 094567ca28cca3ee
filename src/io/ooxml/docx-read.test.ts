import { Document, ExternalHyperlink, Packer, Paragraph, Table, TableCell, TableRow, TextRun, Textbox } from 'docx';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Cell, Doc } from '../import/doc';
import { readOoxml } from './read';
import { docxPackage, documentXml } from './testing/packages';
import { seedDocx } from './testing/seed-docx';

const cell = (text: string, o: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ children: [new Paragraph(text)], ...o });
const read = (bytes: Uint8Array) => readOoxml(bytes, 'test.docx', { inProcess: true });
const tables = (d: Doc) => d.blocks.filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
const paragraphs = (d: Doc) => d.blocks.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text);
/** A compact view of a cell: text|col|colSpan, with |M for a merged continuation. */
const view = (c: Cell) => `${c.text}|${c.col}|${c.colSpan}${c.merged ? '|M' : ''}`;

async function docxOf(children: Array<Paragraph | Table>): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe('readDocx with files written by the docx library', () => {
  it('reads the seed 年度支出 table with its two-level merged header exactly', async () => {
    const bytes = await docxOf([
      new Paragraph('部门（单位）年度支出和结余情况（万元）'),
      new Table({
        rows: [
          new TableRow({ children: [cell('机构名称', { rowSpan: 3 }), cell('支出合计', { rowSpan: 3 }), cell('其中：', { columnSpan: 4 }), cell('结余', { columnSpan: 2 })] }),
          new TableRow({ children: [cell('基本支出', { rowSpan: 2 }), cell('其中：', { columnSpan: 2 }), cell('项目支出', { rowSpan: 2 }), cell('当年结余', { rowSpan: 2 }), cell('累计结余', { rowSpan: 2 })] }),
          new TableRow({ children: [cell('人员支出'), cell('公用支出')] }),
          new TableRow({ children: ['局机关及二级机构汇总', '85.33', '38.43', '32.67', '5.76', '46.90', '1.89', '1.89'].map((t) => cell(t)) }),
          new TableRow({ children: ['2、二级机构1', '', '', '', '', '', '', ''].map((t) => cell(t)) }),
        ],
      }),
    ]);
    const doc = await read(bytes);
    expect(doc.format).toBe('docx');
    expect(doc.blocks[0]).toEqual({ type: 'paragraph', text: '部门（单位）年度支出和结余情况（万元）', loc: { paragraph: 1 } });
    const [t] = tables(doc);
    expect(t!.loc).toEqual({ table: 1 });
    expect(t!.rows.map((r) => r.cells.map(view))).toEqual([
      ['机构名称|1|1', '支出合计|2|1', '其中：|3|4', '结余|7|2'],
      ['|1|1|M', '|2|1|M', '基本支出|3|1', '其中：|4|2', '项目支出|6|1', '当年结余|7|1', '累计结余|8|1'],
      ['|1|1|M', '|2|1|M', '|3|1|M', '人员支出|4|1', '公用支出|5|1', '|6|1|M', '|7|1|M', '|8|1|M'],
      ['局机关及二级机构汇总|1|1', '85.33|2|1', '38.43|3|1', '32.67|4|1', '5.76|5|1', '46.90|6|1', '1.89|7|1', '1.89|8|1'],
      ['2、二级机构1|1|1', '|2|1', '|3|1', '|4|1', '|5|1', '|6|1', '|7|1', '|8|1'],
    ]);
    expect(t!.rows[2]!.cells[3]!.loc).toEqual({ table: 1, row: 3, cell: 4 });
    expect(t!.rows[3]!.loc).toEqual({ table: 1, row: 4 });
  });

  it('gives back every line of the seed report written as a DOCX (the file bench/docx-import.ts times)', async () => {
    const text = readFileSync(new URL('../../../test/fixtures/seed-report-2021-dangqun.txt', import.meta.url), 'utf8');
    const doc = await read(await seedDocx(text));
    const lines: string[] = [];
    for (const b of doc.blocks) {
      if (b.type === 'paragraph') lines.push(b.text);
      else for (const r of b.rows) for (const c of r.cells) lines.push(...c.text.split('\n'));
    }
    const norm = (a: string[]) => a.map((l) => l.replace(/^\t/, '')).filter((l) => l.trim() !== '').sort();
    expect(norm(lines)).toEqual(norm(text.split('\n')));
    expect(lines).toContain('87.2217');
    expect(tables(doc).length).toBeGreaterThan(5);
  });

  it('reads traditional characters, line breaks, hyperlinks and a text box after its paragraph', async () => {
    const bytes = await docxOf([
      new Paragraph({
        children: [
          new TextRun('湖南城陵磯新港區2021年度部門整體支出績效評價'),
          new TextRun({ text: '自評報告', break: 1 }),
          new Textbox({ children: [new Paragraph('文字方塊：預算編碼 999236')], style: { width: '2in', height: '1in' } }),
        ],
      }),
      new Paragraph({ children: [new ExternalHyperlink({ link: 'https://example.invalid', children: [new TextRun('財政局網站')] })] }),
    ]);
    const doc = await read(bytes);
    expect(paragraphs(doc)).toEqual(['湖南城陵磯新港區2021年度部門整體支出績效評價\n自評報告', '文字方塊：預算編碼 999236', '財政局網站']);
    expect(doc.blocks.map((b) => b.loc)).toEqual([{ paragraph: 1 }, { paragraph: 1 }, { paragraph: 2 }]);
  });
});

const t = (s: string) => `<w:r><w:t xml:space="preserve">${s}</w:t></w:r>`;
const p = (inner: string) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${inner}</w:p>`;
const tc = (inner: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${inner}</w:tc>`;

describe('readDocx with hand-written WordprocessingML (Word, WPS, LibreOffice variants)', () => {
  it('shows what Word shows: revisions, fields, symbols, content controls, tabs and breaks', async () => {
    const body = [
      p(`${t('联系人')}<w:r><w:tab/></w:r>${t('王焱')}<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>`),
      p(`${t('金额')}<w:del w:id="1"><w:r><w:delText>99.99</w:delText></w:r></w:del><w:ins w:id="2">${t('87.2217')}</w:ins>`),
      p(`${t('第')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${t('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${t('页')}`),
      p(`<w:fldSimple w:instr=" DATE ">${t('2022年6月21日')}</w:fldSimple>`),
      p(`<w:sdt><w:sdtPr><w:alias w:val="名称"/></w:sdtPr><w:sdtContent>${t('党群工作部')}</w:sdtContent></w:sdt><w:r><w:br/></w:r><w:smartTag>${t('岳阳')}</w:smartTag>`),
      p(''),
      `<w:sdt><w:sdtContent>${p(t('控件中的段落'))}</w:sdtContent></w:sdt>`,
      p(`<w:bookmarkStart w:id="0" w:name="x"/><w:hyperlink w:anchor="x">${t('链接文字')}</w:hyperlink><w:bookmarkEnd w:id="0"/>`),
    ].join('');
    const doc = await read(docxPackage(documentXml(body)));
    expect(paragraphs(doc)).toEqual(['联系人\t王焱', '金额87.2217', '第3页', '2022年6月21日', '党群工作部\n岳阳', '控件中的段落', '链接文字']);
    // Empty paragraph 6 is not emitted but still counted.
    expect(doc.blocks.map((b) => (b.loc as { paragraph: number }).paragraph)).toEqual([1, 2, 3, 4, 5, 7, 8]);
  });

  it('reads a text box once when Word writes it twice (DrawingML choice + VML fallback)', async () => {
    const box = (s: string) => `<w:txbxContent>${p(t(s))}</w:txbxContent>`;
    const body = p(
      `${t('正文')}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box('框内文字')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box('框内文字')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
    );
    const ns = 'xmlns:mc="m" xmlns:wp="wp" xmlns:a="a" xmlns:wps="wps" xmlns:v="v"';
    const doc = await read(docxPackage(documentXml(body, ns)));
    expect(paragraphs(doc)).toEqual(['正文', '框内文字']);
  });

  it('computes grid columns from gridBefore and gridSpan, folds hMerge, flattens nested tables', async () => {
    const nested = `<w:tbl><w:tr>${tc(p(t('甲')))}${tc(p(t('乙')))}</w:tr><w:tr>${tc(p(t('丙')))}${tc(p(t('丁')))}</w:tr></w:tbl>`;
    const body = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
      <w:tr>${tc(p(t('标题')), '<w:gridSpan w:val="4"/>')}</w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(t('A')) + p(t('B')))}${tc(p(t('宽')), '<w:hMerge w:val="restart"/>')}${tc(p(''), '<w:hMerge/>')}</w:tr>
      <w:tr>${tc(p(t('外')))}${tc(nested, '<w:gridSpan w:val="2"/>')}${tc(p(t('尾')))}</w:tr>
      <w:tr>${tc(p(t('上')), '<w:vMerge w:val="restart"/>')}${tc(p(t('x')))}${tc(p(t('y')))}${tc(p(t('z')))}</w:tr>
      <w:tr>${tc(p(''), '<w:vMerge w:val="continue"/>')}${tc(p(t('1')))}${tc(p(t('2')))}${tc(p(t('3')))}</w:tr>
    </w:tbl>`;
    const doc = await read(docxPackage(documentXml(body)));
    expect(tables(doc)[0]!.rows.map((r) => r.cells.map(view))).toEqual([
      ['标题|1|4'],
      ['A\nB|2|1', '宽|3|2'],
      ['外|1|1', '甲\t乙\n丙\t丁|2|2', '尾|4|1'],
      ['上|1|1', 'x|2|1', 'y|3|1', 'z|4|1'],
      ['|1|1|M', '1|2|1', '2|3|1', '3|4|1'],
    ]);
  });

  it('keeps exact strings and whitespace-only runs, and reads Word markup full of rsid attributes', async () => {
    const body = [
      p(`${t('金额：')}<w:r><w:t>1300.0000</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:t>87.2217</w:t></w:r>`),
      `<w:p w:rsidR="00A77427" w:rsidRDefault="00A77427" w14:paraId="1A2B3C4D" w14:textId="77777777"><w:pPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr><w:r w:rsidRPr="00B21A0E"><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>  </w:t></w:r><w:r><w:t>两格&amp;&lt;</w:t></w:r></w:p>`,
    ].join('');
    const doc = await read(docxPackage(documentXml(body, 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')));
    expect(paragraphs(doc)).toEqual(['金额：1300.0000 87.2217', '  两格&<']);
  });

  it('reads any namespace prefix and a main part not called document.xml', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const xml = `<?xml version="1.0"?><ns0:document xmlns:ns0="${W}"><ns0:body><ns0:p><ns0:r><ns0:t>前缀</ns0:t></ns0:r></ns0:p><ns0:tbl><ns0:tr><ns0:tc><ns0:p><ns0:r><ns0:t>格</ns0:t></ns0:r></ns0:p></ns0:tc></ns0:tr></ns0:tbl></ns0:body></ns0:document>`;
    const doc = await read(docxPackage(xml, { mainPart: 'word/document2.xml' }));
    expect(paragraphs(doc)).toEqual(['前缀']);
    expect(tables(doc)[0]!.rows[0]!.cells.map(view)).toEqual(['格|1|1']);
    const dflt = `<document xmlns="${W}"><body><p><r><t>默认命名空间</t></r></p></body></document>`;
    expect(paragraphs(await read(docxPackage(dflt)))).toEqual(['默认命名空间']);
  });
});
