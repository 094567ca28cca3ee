import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyReport, type Report } from '../../../core/model/report';
import { defaultForm } from '../../../core/templates/index';
import { section, titleLines } from '../../../core/forms/index';
import { renderReportDocx } from './index';
import { narrativeParagraphs } from './narrative';
import { indicatorTargetText } from './performance';
import { mm } from './style';
import { SEED_PATH, seedReport } from '../../../../test/helpers/seed';
import { bodyParagraphs, documentXml, eastAsiaFontOf, gridWidths, partXml, styleOf, styleXml, tables, type XmlTable } from './xml-probe';

/** The seed text's table rows as the flattener wrote them: a cell per tab line, a blank line ends a row. */
function seedRows(): string[][] {
  const rows: string[][] = [];
  let cur: string[] = [];
  for (const line of readFileSync(SEED_PATH, 'utf8').split(/\r?\n/)) {
    if (line.trim() === '' && !line.startsWith('\t')) {
      if (cur.length) rows.push(cur);
      cur = [];
    } else if (line.startsWith('\t')) cur.push(line.slice(1));
    else if (cur.length) cur[cur.length - 1] += `\n${line}`;
  }
  if (cur.length) rows.push(cur);
  return rows;
}

/** A table as the flattener would print it: merged-continue cells are empty. */
const flat = (t: XmlTable): string[][] => t.map((r) => r.map((c) => (c.vMerge === 'continue' ? '' : c.text)));
const rowsFrom = (rows: string[][], first: string, count: number): string[][] => {
  const i = rows.findIndex((r) => r[0] === first);
  return rows.slice(i, i + count);
};

let seed: Report;
let xml: string;
let styles: string;
let tbls: XmlTable[];
beforeAll(async () => {
  seed = seedReport();
  const docx = await renderReportDocx(seed);
  xml = documentXml(docx);
  styles = partXml(docx, 'word/styles.xml');
  tbls = tables(xml);
});

describe('renderReportDocx: page and fonts', () => {
  it('is A4 with the GB/T 9704 margins in both sections, page numbers in the body footer', () => {
    const sect = [...xml.matchAll(/<w:pgMar ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(sect).toHaveLength(2);
    for (const attrs of sect) {
      expect(attrs).toContain(`w:top="${mm(37)}"`);
      expect(attrs).toContain(`w:bottom="${mm(35)}"`);
      expect(attrs).toContain(`w:left="${mm(28)}"`);
      expect(attrs).toContain(`w:right="${mm(26)}"`);
    }
    expect([mm(37), mm(35), mm(28), mm(26)]).toEqual([2098, 1984, 1587, 1474]);
    expect(xml.match(/<w:pgSz w:w="11906" w:h="16838"/g)).toHaveLength(2);
    expect(xml).toContain('<w:pgNumType w:start="1"/>');
    expect(xml.match(/<w:footerReference/g)).toHaveLength(1);
  });

  it('names the official fonts, ascii and eastAsia alike, through named paragraph styles', () => {
    const font = (text: string) => eastAsiaFontOf(xml, styles, text);
    expect(font('整体支出绩效评价自评报告')).toBe('方正小标宋简体');
    expect(font('一、部门（单位）基本概况')).toBe('黑体');
    expect(font('年度收入情况（万元）')).toBe('黑体');
    expect(font('联系人')).toBe('仿宋_GB2312');
    expect(font('87.2217')).toBe('仿宋_GB2312');
    expect(font('一、部门（单位）概况')).toBe('黑体');
    expect(font('（一）部门（单位）基本情况')).toBe('楷体_GB2312');
    expect(font('预算绩效评价指标体系有待完善。因对项目支出规律研究不深，校内部分项目考核指标细化和量化不够，投入产出经济性、效益性、满意度考核指标不够明确、不够完善。')).toBe('仿宋_GB2312');
    // sizes: title 二号, narrative 四号, finance tables 五号
    const size = (text: string) => /<w:sz w:val="(\d+)"\/>/.exec(styleXml(styles, styleOf(xml, text) ?? '') ?? '')?.[1];
    expect([size('整体支出绩效评价自评报告'), size('一、部门（单位）概况'), size('87.2217'), size('王焱')]).toEqual(['44', '28', '21', '24']);
    expect(styles).toContain('<w:name w:val="表格金额"/>');
    for (const [attrs] of (xml + styles).matchAll(/<w:rFonts [^>]*\/>/g)) {
      const ascii = /w:ascii="([^"]+)"/.exec(attrs)?.[1];
      expect(ascii).toBeDefined();
      expect(/w:eastAsia="([^"]+)"/.exec(attrs)?.[1]).toBe(ascii);
    }
  });
});

describe('renderReportDocx: cover', () => {
  it('prints the title lines and the cover fields with the seed labels', () => {
    const paras = bodyParagraphs(xml).filter((p) => p.trim());
    expect(paras.slice(0, 7)).toEqual([
      '湖南城陵矶新港区2021年度部门',
      '整体支出绩效评价自评报告',
      '部门(单位)名称：党群工作部',
      '预 算 编 码：999236',
      '评价方式：部门（单位）绩效自评',
      '评价机构：部门（单位）评价组',
      '报告日期：2022年6月21日',
    ]);
    expect(xml).not.toContain('财政局(制)');
  });

  it('adds the issuer line when the report names one', async () => {
    const r = { ...seed, cover: { ...seed.cover, issuer: '岳阳市财政局(制)' } };
    expect(bodyParagraphs(documentXml(await renderReportDocx(r)))).toContain('岳阳市财政局(制)');
  });

  it('breaks the title where the form does: before 整体支出绩效评价自评报告, as the seed prints it', () => {
    expect(titleLines(defaultForm(), '岳阳楼区2021年度部门整体支出绩效评价自评报告')).toEqual(['岳阳楼区2021年度部门', '整体支出绩效评价自评报告']);
    expect(bodyParagraphs(xml).filter((p) => p.trim()).slice(0, 2)).toEqual(['湖南城陵矶新港区2021年度部门', '整体支出绩效评价自评报告']);
    expect(titleLines(defaultForm(), '某某县林业局2021年度绩效自评报告')).toEqual(['某某县林业局2021年度绩效自评报告']);
  });
});

describe('renderReportDocx: the form tables match the template cell for cell', () => {
  const rows = seedRows();

  it('has one table per section 一 to 五 on the text width', () => {
    expect(tbls).toHaveLength(5);
    expect(tbls.map((t) => t[0]![0]!.text.split('\n')[0])).toEqual([
      '一、部门（单位）基本概况',
      '二、部门（单位）收支情况',
      '三、部门（单位）整体支出绩效自评情况',
      '四、评价人员',
      '五、评价报告综述（文字部分）',
    ]);
    for (const g of gridWidths(xml)) expect(g.reduce((a, b) => a + b, 0)).toBe(11906 - mm(28) - mm(26));
  });

  it('section 一 and the four finance tables flatten to the seed text exactly', () => {
    expect(flat(tbls[0]!)).toEqual(rowsFrom(rows, '一、部门（单位）基本概况', 6));
    expect(flat(tbls[1]!)).toEqual(rowsFrom(rows, '二、部门（单位）收支情况', 28));
  });

  it('writes the expenditure header merges exactly like the template', () => {
    const t = tbls[1]!;
    const at = t.findIndex((r) => r[0]!.text === '部门（单位）年度支出和结余情况（万元）');
    const header = t.slice(at + 1, at + 4);
    const shape = header.map((r) => r.map((c) => [c.text, c.gridSpan, c.vMerge]));
    expect(shape).toEqual([
      [['机构名称', 1, 'restart'], ['支出合计', 1, 'restart'], ['其中：', 4, null], ['结余', 2, null]],
      [
        ['', 1, 'continue'], ['', 1, 'continue'], ['基本支出', 1, 'restart'], ['其中：', 2, null],
        ['项目支出', 1, 'restart'], ['当年结余', 1, 'restart'], ['累计结余', 1, 'restart'],
      ],
      [
        ['', 1, 'continue'], ['', 1, 'continue'], ['', 1, 'continue'], ['人员支出', 1, null], ['公用支出', 1, null],
        ['', 1, 'continue'], ['', 1, 'continue'], ['', 1, 'continue'],
      ],
    ]);
    const cells = header.flat();
    expect(cells.filter((c) => c.vMerge === 'restart')).toHaveLength(6);
    expect(cells.filter((c) => c.vMerge === 'continue')).toHaveLength(8);
    expect(cells.filter((c) => c.gridSpan > 1).map((c) => c.gridSpan)).toEqual([4, 2, 2]);
  });

  it('right-aligns the amounts as written', () => {
    expect(styleOf(xml, '85.33')).toBe('JxCellAmount');
    expect(styleOf(xml, '87.2217')).toBe('JxCellAmount');
    expect(styleXml(styles, 'JxCellAmount')).toContain('<w:jc w:val="right"/>');
    expect(flat(tbls[1]!).find((r) => r[0] === '1、局机关' && r[5] === '46.90')).toBeDefined();
  });

  it('section 三 matches the template, with 一级/二级 merged down the indicator rows', () => {
    const t = tbls[2]!;
    // the template's 社会效益 cell holds two indicators; the export gives each its own row
    const seedPart = rowsFrom(rows, '三、部门（单位）整体支出绩效自评情况', 19).filter((r) => r[2] !== '社会效益');
    const mine = flat(t).filter((r) => r[2] !== '社会效益' && !(r[2] === '' && r[3]?.startsWith('指标2：加大引才')));
    expect(mine).toEqual(seedPart);
    const column = (k: number) => t.slice(3).map((r) => r[k]);
    // A: 整体支出绩效定量… over its header and the 14 indicator rows
    expect(column(0).slice(0, 15).map((c) => c?.vMerge)).toEqual(['restart', ...Array(14).fill('continue')]);
    const level1 = t.slice(4, 18).map((r) => r[1]!);
    expect(level1.map((c) => c.vMerge)).toEqual(['restart', ...Array(8).fill('continue'), 'restart', ...Array(4).fill('continue')]);
    const level2 = t.slice(4, 18).map((r) => (r[2]!.vMerge === 'continue' ? '·' : r[2]!.text));
    expect(level2).toEqual([
      '质量指标', '·', '·', '·', '数量指标', '·', '·', '时效指标', '成本指标',
      '社会效益', '·', '经济效益', '生态效益', '社会公众或服务对象满意度',
    ]);
    expect(t[18]!.map((c) => c.text)).toEqual(['绩效自评综合得分', '97']);
    expect(t[19]!.map((c) => c.text)).toEqual(['评价等次', '优秀']);
  });

  it('section 四: evaluators as the template, the three sign-off blocks with 年 月 日, then the 填报人 line', () => {
    const t = tbls[3]!;
    expect(flat(t).slice(0, 3)).toEqual(rowsFrom(rows, '四、评价人员', 3));
    const blocks = t.slice(3).map((r) => r[0]!.text);
    expect(blocks[0]!.startsWith('评价组组长（签字）：')).toBe(true);
    expect(blocks[1]).toMatch(/^部门（单位）意见：[\s\S]*\n部门（单位）负责人（签章）：\n年 {4}月 {4}日$/);
    expect(blocks[2]).toMatch(/^财政部门归口业务科室意见：[\s\S]*\n财政部门归口业务科室负责人（签章）：\n年 {4}月 {4}日$/);
    expect(bodyParagraphs(xml).some((p) => /^填报人（签名）： +联系电话：$/.test(p))).toBe(true);
  });

  it('fills the sign-off names, opinions and dates when known', async () => {
    const r: Report = {
      ...seed,
      signoffs: {
        leader: { opinion: '', signer: '王焱', date: '2022-06-20' },
        department: { opinion: '同意自评结果。', signer: '李四', date: '2022-06-21' },
        finance: { opinion: '', signer: '', date: null },
      },
      preparer: { name: '王焱', phone: '18821880734' },
    };
    const d = documentXml(await renderReportDocx(r));
    const blocks = tables(d)[3]!.slice(3).map((row) => row[0]!.text);
    expect(blocks[0]).toMatch(/^评价组组长（签字）：王焱\n[\s\S]*\n2022年6月20日$/);
    expect(blocks[1]).toMatch(/^部门（单位）意见：同意自评结果。\n[\s\S]*部门（单位）负责人（签章）：李四\n2022年6月21日$/);
    expect(blocks[2]!.endsWith('年    月    日')).toBe(true);
    expect(bodyParagraphs(d).some((p) => /^填报人（签名）：王焱 +联系电话：18821880734$/.test(p))).toBe(true);
  });

  it('section 五 holds the narrative headings and texts in one box', () => {
    const box = tbls[4]!;
    expect(box).toHaveLength(1);
    const text = box[0]![0]!.text;
    let at = 0;
    for (const n of seed.narrative) {
      const i = text.indexOf(`${n.heading}\n${n.text}`, at);
      expect(i, n.heading).toBeGreaterThan(at - 1);
      at = i;
    }
  });
});

describe('renderReportDocx: other reports', () => {
  it('renders an empty report as the blank form', async () => {
    const d = documentXml(await renderReportDocx(emptyReport()));
    const t = tables(d);
    expect(t).toHaveLength(5);
    expect(flat(t[1]!).filter((r) => r[0] === '局机关及二级机构汇总')).toHaveLength(4);
    expect(bodyParagraphs(d).filter((p) => p.trim()).slice(0, 2)).toEqual(['年度部门', '整体支出绩效评价自评报告']);
  });

  it('appends a target value the indicator name does not already state', () => {
    const base = seed.performance.indicators[0]!;
    expect(indicatorTargetText(defaultForm(), { ...base, name: '服务对象满意度', target: '≥95%' })).toBe('服务对象满意度（目标值：≥95%）');
    expect(indicatorTargetText(defaultForm(), { ...base, name: '服务对象满意度≥95%', target: '≥95%' })).toBe('服务对象满意度≥95%');
  });

  it('escapes markup, drops characters XML cannot carry, and stays well-formed', async () => {
    const r = structuredClone(seed);
    r.overview.duties = 'A&B <负责> "x"\uFFFF\uD800';
    r.overview.achievements = '第一段\r\n第二段';
    r.signoffs.department.opinion = '同意\r\n]]>';
    const docx = await renderReportDocx(r);
    const t = tables(documentXml(docx));
    expect(t[0]![3]![1]!.text).toBe('A&B <负责> "x"');
    expect(t[0]![5]![1]!.text).toBe('第一段\n第二段');
    for (const [name, data] of Object.entries(unzipSync(docx))) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) expect(XMLValidator.validate(strFromU8(data)), name).toBe(true);
    }
  });
});

describe('a narrative far longer than any real one', () => {
  it('builds its paragraphs without overflowing the call stack (no spread of its lines)', () => {
    const r = seedReport();
    r.narrative = [{ key: 'other', heading: '其他', text: Array.from({ length: 150_000 }, (_, i) => `第${i}行`).join('\n') }];
    // title + heading + one paragraph a line
    expect(narrativeParagraphs(section(defaultForm(), 'narrative'), r)).toHaveLength(150_002);
  });
});
