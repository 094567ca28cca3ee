import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/model/finding';
import { Report } from '../../core/model/report';
import { seedReport } from '../../../test/helpers/seed';
import { CSV_BOM, csvField, reportToCsv, reportToJson } from './opendata';

/** A strict RFC 4180 reader, to check that what we write parses back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (ch === '"') (quoted = false), i++;
      else (field += ch), i++;
    } else if (ch === '"') (quoted = true), i++;
    else if (ch === ',') row.push(field), (field = ''), i++;
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else (field += ch), i++;
  }
  if (field || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

const seed = seedReport();

describe('reportToJson', () => {
  it('is the core contract {report, findings, score} and parses back to the same report', () => {
    const findings: Finding[] = [{ code: 'FIN.SUM_ROWS', rule: 'A1', severity: 'error', path: 'finance.threePublic[0].total', message: '不一致' }];
    const json = JSON.parse(reportToJson(seed, { findings }));
    expect(Object.keys(json)).toEqual(['report', 'findings', 'score']);
    expect(Report.parse(json.report)).toEqual(seed);
    expect(json.findings).toEqual(findings);
    expect(json.score).toBeNull();
    expect(json.report.finance.expenditure[0].project).toBe('46.90');
  });
});

describe('reportToCsv', () => {
  const csv = reportToCsv(seed);

  it('writes one CSV per table, UTF-8 with a BOM, Chinese headers, CRLF rows', () => {
    expect(Object.keys(csv)).toEqual(['income', 'expenditure', 'threePublic', 'fixedAssets', 'indicators']);
    for (const text of Object.values(csv)) {
      expect(text.startsWith(CSV_BOM)).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
    }
    const bytes = new TextEncoder().encode(csv.income!);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.income!.split('\r\n')[0]).toBe(`${CSV_BOM}机构名称,收入合计,上年结转,公共财政拨款,政府基金拨款,纳入专户管理的非税收入拨款,其他收入`);
  });

  it('keeps amounts exactly as written and blanks empty', () => {
    const rows = parseCsv(csv.expenditure!.slice(1));
    expect(rows[1]).toEqual(['局机关及二级机构汇总', '85.33', '38.43', '32.67', '5.76', '46.90', '1.89', '1.89']);
    expect(parseCsv(csv.income!.slice(1))[2]).toEqual(['1、局机关', '87.2217', '', '87.2217', '', '', '']);
    expect(parseCsv(csv.fixedAssets!.slice(1))).toHaveLength(5);
    const ind = parseCsv(csv.indicators!.slice(1));
    expect(ind).toHaveLength(15);
    expect(ind[0]![0]).toBe('一级指标');
  });

  it('quotes commas, quotes and newlines per RFC 4180 and reads back the same cells', () => {
    const r = structuredClone(seed);
    r.finance.income[2]!.institution = '2、二级机构"甲",含逗号';
    r.performance.indicators[0]!.name = '指标1：第一行\n第二行, 含逗号';
    r.performance.indicators[0]!.weight = 5;
    const out = reportToCsv(r);
    expect(out.income!).toContain('"2、二级机构""甲"",含逗号"');
    expect(out.indicators!).toContain('"指标1：第一行\n第二行, 含逗号"');
    expect(parseCsv(out.income!.slice(1))[3]![0]).toBe('2、二级机构"甲",含逗号');
    const back = parseCsv(out.indicators!.slice(1))[1]!;
    expect(back[2]).toBe('指标1：第一行\n第二行, 含逗号');
    expect(back[7]).toBe('5');
  });

  it('defuses cells Excel would run as formulas, but not negative amounts', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('-1.89')).toBe('-1.89');
    expect(csvField('-')).toBe('-');
    expect(csvField(null)).toBe('');
  });
});
