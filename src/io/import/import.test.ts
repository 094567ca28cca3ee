// The text importer on the damage real published reports carry: the ten real excerpts with the values a
// person reads off them, synthetic damaged forms of the seed, and garbage that must fail cleanly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedText } from '../../../test/helpers/seed';
import { toPipes, toPlain, toTraditional, toTraditionalAll, withChrome, withoutColons, yearAsDash } from '../../../test/helpers/variants';
import { ImportError, importFile, importText } from './index';

const dir = new URL('../../../test/fixtures/real-excerpts/', import.meta.url);
const expected: { file: string; family: string; expected: Record<string, string> }[] = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'));

function fields(text: string | Uint8Array) {
  const r = importText(text);
  const rep = r.report;
  const [inc] = rep.finance.income;
  const [exp] = rep.finance.expenditure;
  return {
    result: r,
    got: {
      year: rep.year,
      departmentName: rep.cover.departmentName,
      budgetCode: rep.cover.budgetCode,
      contact: rep.overview.contact,
      phone: rep.overview.phone,
      staffQuota: rep.overview.staffQuota,
      actualStaff: rep.overview.actualStaff,
      incomeTotal: inc?.total,
      // a project table's spending is its 年度资金总额·全年执行数
      expenditureTotal: rep.project ? rep.project.funds.total.executed : exp?.total,
      basic: exp?.basic,
      project: exp?.project,
      selfScore: rep.performance.selfScore,
      grade: rep.performance.grade,
    } as Record<string, unknown>,
  };
}

describe('real published excerpts', () => {
  for (const e of expected) {
    it(`${e.file}: family ${e.family} and every value a person reads off it`, () => {
      const { result, got } = fields(readFileSync(new URL(e.file, dir)));
      expect(result.family).toBe(e.family);
      for (const [k, v] of Object.entries(e.expected)) {
        // expected.json escapes the line break inside one department name
        expect(String(got[k]), k).toBe(v.replace(/\\n/g, '\n'));
      }
    });
  }

  it('each excerpt in a traditional-character edition: the same family and figures (prose, budget grid, labels)', () => {
    for (const e of expected) {
      const simple = fields(readFileSync(new URL(e.file, dir)));
      const trad = fields(toTraditionalAll(readFileSync(new URL(e.file, dir), 'utf8')));
      expect(trad.result.family, e.file).toBe(e.family);
      for (const k of ['year', 'budgetCode', 'phone', 'staffQuota', 'actualStaff', 'incomeTotal', 'expenditureTotal', 'basic', 'project', 'selfScore']) {
        expect(trad.got[k], `${e.file} ${k}`).toEqual(simple.got[k]);
      }
    }
  });

  it('cut off at any line, a copy never crashes and never misreads a value it shows in full', () => {
    for (const e of expected) {
      const text = readFileSync(new URL(e.file, dir), 'utf8');
      const full = fields(text);
      const lines = text.split('\n');
      for (let cut = 2; cut < lines.length; cut++) {
        let part: ReturnType<typeof fields>;
        try {
          part = fields(lines.slice(0, cut).join('\n'));
        } catch (err) {
          expect(err, `${e.file} cut at ${cut}`).toBeInstanceOf(ImportError);
          continue;
        }
        for (const [k, v] of Object.entries(e.expected)) {
          const path = Object.keys(full.result.report.sources).find((p) => p.endsWith(k === 'incomeTotal' ? 'income[0].total' : k));
          const line = path ? full.result.report.sources[path]!.line : undefined;
          // A value is shown in full once the lines after it (its cell's closing pipes) are in.
          if (line == null || line + 4 >= cut) continue;
          const got = part.got[k];
          if (got != null && got !== '') expect(String(got), `${e.file} cut at ${cut}: ${k}`).toBe(v.replace(/\\n/g, '\n'));
        }
      }
    }
  });

  it('a Yueyang copy cut before its body is still the Yueyang form; a bare title of elsewhere is not', () => {
    const lines = readFileSync(new URL('002.txt', dir), 'utf8').split('\n');
    expect(importText(lines.slice(0, 7).join('\n')).family).toBe('yueyang-overall');
    expect(importText('长沙县2021年度部门整体支出绩效评价自评报告\n部门(单位)名称：长沙县林业局').family).toBe('hunan-other');
  });

  it('treats a document that ends early as truncated, keeping what it did not map', () => {
    const r = importText(readFileSync(new URL('001.txt', dir)));
    expect(r.truncated).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toContain('IMPORT.TRUNCATED');
    expect(r.unmapped.map((u) => u.text)).toContain('部门(');
  });

  it('keeps portal chrome and unknown prose as unmapped, with line numbers', () => {
    const r = importText(readFileSync(new URL('041.txt', dir)));
    const chrome = r.unmapped.find((u) => u.text.startsWith('当前位置'));
    expect(chrome?.loc.line).toBe(1);
  });
});

describe('synthetic damaged forms of the seed', () => {
  const base = fields(seedText).got;
  const keep = ['year', 'departmentName', 'budgetCode', 'contact', 'phone', 'staffQuota', 'actualStaff', 'incomeTotal', 'expenditureTotal', 'selfScore', 'grade'];

  const cases: [string, string][] = [
    ['tables flattened into | lines', toPipes(seedText)],
    ['labels without colons', withoutColons(seedText)],
    ['portal chrome before the title', withChrome(seedText)],
    ['年 printed as -', yearAsDash(seedText)],
    ['CRLF line endings', seedText.replace(/\n/g, '\r\n')],
    ['zero-width spaces and HTML entities from a web page', seedText.replace(/党群工作部/g, '党群\u200b工作部').replace(/：/g, '：&nbsp;')],
    ['full-width digits typed with a Chinese IME', seedText.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))],
  ];
  for (const [name, text] of cases) {
    it(`${name}: same fields`, () => {
      const { got, result } = fields(text);
      for (const k of keep) expect(got[k], k).toEqual(base[k]);
      expect(result.report.performance.indicators).toHaveLength(14);
      expect(result.report.finance.threePublic[0]!.total).toBe('2.5285');
    });
  }

  it('cells as lone paragraphs (rows lost): cover, overview and score still read, unalignable rows said so', () => {
    const { got, result } = fields(toPlain(seedText));
    for (const k of ['year', 'departmentName', 'budgetCode', 'contact', 'phone', 'staffQuota', 'actualStaff', 'selfScore', 'grade']) expect(got[k], k).toEqual(base[k]);
    expect(result.report.finance.expenditure[0]!.total).toBe('85.33');
    expect(result.diagnostics.some((d) => d.code === 'IMPORT.COLUMNS_UNALIGNED')).toBe(true);
    expect(result.unmapped.some((u) => u.text === '87.2217')).toBe(true);
  });

  it('traditional characters with pinyin glosses in labels: values kept as printed', () => {
    const { got, result } = fields(toTraditional(seedText));
    expect(got.departmentName).toBe('黨羣工作部');
    expect(got.budgetCode).toBe('999236');
    expect(got.staffQuota).toBe(3);
    expect(got.actualStaff).toBe(6);
    expect(got.phone).toBe('18821880734');
    expect(result.report.cover.reportDate).toBe('2022-06-21');
    expect(result.family).toBe('yueyang-overall');
  });

  it('a whole report republished in traditional characters (prose and values too): the same figures, texts as printed', () => {
    const { got, result } = fields(toTraditionalAll(seedText));
    for (const k of ['year', 'budgetCode', 'phone', 'staffQuota', 'actualStaff', 'incomeTotal', 'expenditureTotal', 'selfScore']) expect(got[k], k).toEqual(base[k]);
    const r = result.report;
    expect(r.cover.departmentName).toBe('黨羣工作部');
    expect(r.performance.grade).toBe('優秀');
    expect(r.finance.threePublic[0]!.total).toBe('2.5285');
    expect(r.performance.indicators).toHaveLength(14);
    // 高於99% read as the operator and value of 服務對象滿意率 (OpenCC's 於 → 于), printed as it was
    expect(r.performance.indicators.find((x) => x.targetValue === '99')).toMatchObject({ operator: '>', target: '高於99%' });
    expect(r.overview.tasks[0]).toMatch(/^任務1：/);
    expect(result.family).toBe('yueyang-overall');
  });

  it('报告期 for 报告日期, a masked phone and an empty budget code', () => {
    const text = seedText.replace('报告日期：2022年6月21日', '报告期:2022 -6 - 21').replace('18821880734', '188****8989').replace('预 算 编 码：999236', '预算编码');
    const r = importText(text).report;
    expect(r.cover.reportDate).toBe('2022-06-21');
    expect(r.overview.phone).toBe('188****8989');
    expect(r.cover.budgetCode).toBe('');
    expect(r.cover.evaluationMethod).toBe('部门（单位）绩效自评');
  });

  it('a 基本概况 row kept on one line, with spaces, colons or tabs between its cells', () => {
    const lines = readFileSync(new URL('../../../test/fixtures/real-excerpts/002.txt', import.meta.url), 'utf8').split('\n');
    const start = lines.indexOf('联系人');
    const end = lines.indexOf('职能职责概述');
    const keep = (body: string) => [...lines.slice(0, start), body, ...lines.slice(end)].join('\n');
    for (const body of [
      '联系人 吴俊 联络电话 8690022\n人员编制 21 实有人数 21',
      '联系人：吴俊  联络电话：8690022\n人员编制：21人  实有人数：21人',
      '联系人\t吴俊\t联络电话\t8690022\n人员编制\t21\t实有人数\t21',
      '聯(lián)係人 吴俊 聯(lián)絡電話 8690022\n人員編制 21 實有人數(shù) 21',
    ]) {
      const r = importText(keep(body)).report;
      expect([r.overview.contact, r.overview.phone, r.overview.staffQuota, r.overview.actualStaff], body).toEqual(['吴俊', '8690022', 21, 21]);
    }
  });

  it('a report date in Chinese numerals, as official documents print it', () => {
    const r = importText(seedText.replace('2022年6月21日', '二〇二二年六月二十一日')).report;
    expect(r.cover.reportDate).toBe('2022-06-21');
    const bad = importText(seedText.replace('2022年6月21日', '二〇二二年二月三十日'));
    expect(bad.report.cover.reportDate).toBeNull();
    expect(bad.diagnostics.map((d) => d.code)).toContain('IMPORT.BAD_DATE');
  });

  it('a missing section leaves its fields empty and the rest intact', () => {
    const start = seedText.indexOf('\t三、部门（单位）整体支出绩效自评情况');
    const end = seedText.indexOf('\t四、评价人员');
    const r = importText(seedText.slice(0, start) + seedText.slice(end)).report;
    expect(r.performance.indicators).toEqual([]);
    expect(r.performance.selfScore).toBeNull();
    expect(r.evaluators).toHaveLength(1);
    expect(r.finance.expenditure[0]!.total).toBe('85.33');
  });

  it('GB18030-encoded text as saved by Chinese Windows', () => {
    // Encode via the gb18030 table of TextDecoder by round-tripping every character in the file.
    const gb = encodeGb18030(seedText.slice(0, 400));
    const r = importText(gb).report;
    expect(r.cover.departmentName).toBe('党群工作部');
  });

  it('a bad amount is an error naming section, table, row and column, and its text is kept', () => {
    const text = seedText.replace('\t85.33\n\t38.43', '\t约85\n\t38.43');
    const r = importText(text);
    const d = r.diagnostics.find((x) => x.code === 'IMPORT.BAD_AMOUNT');
    expect(d?.message).toBe('二、部门（单位）收支情况·年度支出和结余情况表·局机关及二级机构汇总行·支出合计列：“约85”不是金额（万元），已保留原文在未识别内容中。');
    expect(d?.path).toBe('finance.expenditure[0].total');
    expect(r.unmapped.map((u) => u.text)).toContain('约85');
  });
});

describe('reports that state their figures in prose (other Hunan forms, other provinces)', () => {
  it('a county bureau report: department from the title, staff, income, expenditure, score and grade', () => {
    const r = importText(
      [
        '首页 > 信息公开 > 财政预决算',
        '岳阳县财政局2021年度部门整体支出绩效自评报告',
        '一、部门基本情况',
        '我局内设股室12个，核定编制人数45人，实有在职人数43人，退休人员20人。',
        '2021年度收入总额为2345.67万元，其中财政拨款收入2300万元。全年支出总额为2210.45万元，其中：基本支出1500.12万元，项目支出710.33万元。',
        '工资福利支出1200.00万元，商品和服务支出300.12万元。',
        '经评价组评议，我局2021年度部门整体支出绩效自评得分为92.5分，评价等级为“优”。',
      ].join('\n'),
    );
    const rep = r.report;
    expect(r.family).toBe('hunan-other');
    expect(rep.year).toBe(2021);
    expect(rep.cover.departmentName).toBe('岳阳县财政局');
    expect([rep.overview.staffQuota, rep.overview.actualStaff]).toEqual([45, 43]);
    expect(rep.finance.income[0]!.total).toBe('2345.67');
    expect(rep.finance.expenditure[0]).toMatchObject({ total: '2210.45', basic: '1500.12', project: '710.33' });
    expect([rep.performance.selfScore, rep.performance.grade]).toEqual([92.5, '优']);
  });

  it('thousands separators, amounts in 元 converted exactly, 评分/总分 wording', () => {
    const r = importText(
      [
        '某某县教育局2020年度部门整体支出绩效自评报告',
        '行政编制20名，现有在职干部职工19人。',
        '本年收入合计1,234.56万元；2020年度支出决算数为12,345,678.90元，其中基本支出10,000,000.00元，项目支出2,345,678.90元。',
        '综合评分88分，绩效等级：良。',
      ].join('\n'),
    ).report;
    expect(r.cover.departmentName).toBe('某某县教育局');
    expect([r.overview.staffQuota, r.overview.actualStaff]).toEqual([20, 19]);
    expect(r.finance.income[0]!.total).toBe('1234.56');
    expect(r.finance.expenditure[0]).toMatchObject({ total: '1234.56789', basic: '1000', project: '234.56789' });
    expect([r.performance.selfScore, r.performance.grade]).toEqual([88, '良']);
  });

  it('a Hunan 自评表 资金 row read by column: a blank 年初预算数 shifts nothing', () => {
    const row = (cells: string[]) => cells.map((c) => `\t${c}`).join('\n') + '\n\n';
    const text =
      '零陵区林业局2021年度部门整体支出绩效自评表\n\n' +
      row(['', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']) +
      row(['年度资金总额', '', '4753.66万元', '3824.26万元', '10', '80.4%', '8']) +
      row(['其中：基本支出：1768.16万元', '项目支出：2985.5万元']);
    const r = importText(text).report;
    expect(r.basics.budgetInitial).toBeNull();
    expect(r.finance.income[0]!.total).toBe('4753.66');
    expect(r.finance.expenditure[0]).toMatchObject({ total: '3824.26', basic: '1768.16', project: '2985.5' });
    expect(r.cover.departmentName).toBe('零陵区林业局');
  });

  it('决算 wording, 编制…个, 在编在岗, a score without 分 and a grade given as 评定为“优”等次', () => {
    const r = importText(
      ['某某市法院2018年度部门整体支出绩效评价报告', '核定编制141个，现有在编在岗人员131人。', '2018年度部门决算支出5560.46万元，其中基本支出合计2956.36万元，项目支出2604.1万元。', '经评价，综合得分为94.04，评定为“优”等次。'].join('\n'),
    ).report;
    expect([r.overview.staffQuota, r.overview.actualStaff]).toEqual([141, 131]);
    expect(r.finance.expenditure[0]).toMatchObject({ total: '5560.46', basic: '2956.36', project: '2604.1' });
    expect([r.performance.selfScore, r.performance.grade]).toEqual([94.04, '优']);
  });

  it('a project or 专项资金 self-evaluation is its own family, whatever the place', () => {
    expect(importText('岳阳市2018年度项目支出绩效评价自评报告\n项目名称：数字城管信息采集服务费\n主管部门：岳阳市城市管理局').family).toBe('project-selfeval');
    expect(importText('某县2022年度专项资金绩效自评报告\n一、项目基本情况\n年度资金总额').family).toBe('project-selfeval');
  });

  it('a part of spending is never taken for the total', () => {
    const r = importText(['某某市审计局2022年度部门整体支出绩效自评报告', '工资福利支出2424.00万元，商品和服务支出432.65万元。'].join('\n')).report;
    expect(r.finance.expenditure).toEqual([]);
  });
});

describe('garbage in, clear errors out', () => {
  it('refuses binary bytes', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(() => importText(bytes)).toThrow(ImportError);
    try {
      importText(bytes);
    } catch (e) {
      expect((e as ImportError).code).toBe('TEXT.BINARY');
      expect((e as ImportError).message).toMatch(/不是文本/);
    }
  });

  it('refuses an empty file and a text that is not a report', () => {
    expect(() => importText(new Uint8Array())).toThrow(/文件为空/);
    expect(() => importText('床前明月光\n疑是地上霜\n举头望明月\n低头思故乡\n')).toThrow(/无法识别/);
  });

  it('refuses legacy Word 97-2003 files with advice', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    await expect(importFile(ole, '报告.doc')).rejects.toThrow(ImportError);
  });
});

/** Minimal GB18030 encoder for tests: build the reverse table from TextDecoder over the 2-byte range. */
function encodeGb18030(text: string): Uint8Array {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}
