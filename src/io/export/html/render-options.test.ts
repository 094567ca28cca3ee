// @vitest-environment jsdom
// What the renderer must survive and offer beyond the seed: hostile values, findings, the embeddable
// fragment, a blank report, the 评分表 appendix, and staying free of Node so the browser can run it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/model/finding';
import { emptyReport } from '../../../core/model/report';
import type { Scorecard } from '../../../core/model/score';
import { chineseDate, renderReportHtml, REPORT_CSS, signDateLine } from './index';
import { seedReport } from '../../../../test/helpers/seed';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('escaping', () => {
  const XSS = '<script>alert(1)</script>';
  const ATTR = '"><img src=x onerror=alert(1)>';
  const hostile = () => {
    const r = seedReport();
    r.cover.departmentName = XSS;
    r.cover.title = `</title>${XSS}`;
    r.overview.contact = ATTR;
    r.finance.income[0]!.institution = `</td>${XSS}`;
    r.performance.indicators[0]!.name = ATTR;
    r.performance.indicators[0]!.level1 = `</style>${XSS}`;
    r.narrative[0]!.text = `a & b\n</div>${XSS}`;
    r.evaluators[0]!.name = `' onmouseover='alert(1)`;
    return r;
  };
  const findings: Finding[] = [
    { code: 'X', rule: 'A1', severity: 'error', path: 'cover.departmentName', message: `"${XSS}'` },
  ];

  it.each([true, false])('renders hostile values as text, never as markup (standalone=%s)', (standalone) => {
    const html = renderReportHtml(hostile(), { standalone, findings, rendering: 'review' });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain("onmouseover='");
    const doc = parse(html);
    expect(doc.querySelectorAll('script, img')).toHaveLength(0);
    expect(doc.querySelector('[data-path="cover.departmentName"]')!.textContent).toBe(XSS);
    expect(doc.querySelector('[data-path="cover.departmentName"]')!.getAttribute('title')).toBe(`"${XSS}'`);
    expect(doc.querySelector('[data-path="overview.contact"]')!.textContent).toBe(ATTR);
    expect(doc.querySelector('[data-path="evaluators[0].name"]')!.textContent).toBe(`' onmouseover='alert(1)`);
    expect(doc.querySelector('[data-path="finance.income[0].institution"]')!.textContent).toBe(`</td>${XSS}`);
    expect(doc.querySelector('[data-path="narrative[0].text"]')!.textContent).toContain('a & b');
    if (standalone) expect(doc.title).toContain(XSS);
  });

  it('drops control characters Word sometimes pastes', () => {
    const r = seedReport();
    r.overview.contact = '王\u0007焱\u0000';
    const doc = parse(renderReportHtml(r));
    expect(doc.querySelector('[data-path="overview.contact"]')!.textContent).toBe('王焱');
  });
});

describe('findings', () => {
  it('flags the cell a finding points at, with its code and message', () => {
    const findings: Finding[] = [
      { code: 'FIN.SUM_ROWS', rule: 'A1', severity: 'error', path: 'finance.threePublic[0].total', message: '三公经费汇总行与各机构之和不符' },
      { code: 'IND.VALUE_NOT_NUMERIC', rule: 'Q2', severity: 'warning', path: 'performance.indicators[2].actual', message: '完成值不是数值' },
      { code: 'IND.NO_UNIT', rule: 'Q1', severity: 'info', path: 'performance.indicators[5].unit', message: '缺少计量单位' },
      { code: 'X.WHOLE', rule: 'X4', severity: 'error', path: '', message: '整体' },
    ];
    const doc = parse(renderReportHtml(seedReport(), { findings, rendering: 'review' }));
    const total = doc.querySelector('[data-path="finance.threePublic[0].total"]')!;
    expect(total.classList.contains('jx-flag-error')).toBe(true);
    expect(total.getAttribute('data-finding')).toBe('FIN.SUM_ROWS');
    expect(total.getAttribute('title')).toBe('三公经费汇总行与各机构之和不符');
    expect(doc.querySelector('td[data-path="performance.indicators[2].actual"]')!.classList.contains('jx-flag-warning')).toBe(true);
    // a finding on the unit shows on the 绩效目标 cell, which prints the target with its unit
    expect(doc.querySelector('td[data-path="performance.indicators[5].name"]')!.classList.contains('jx-flag-info')).toBe(true);
    expect(doc.querySelectorAll('.jx-flag')).toHaveLength(4); // the td and the <p> of indicator 5
  });
});

describe('fragment and standalone', () => {
  it('gives a fragment with scoped CSS for embedding and a full document for print', () => {
    const fragment = renderReportHtml(seedReport());
    expect(fragment.startsWith('<style>')).toBe(true);
    expect(fragment).not.toMatch(/<html|<body|@page/);
    expect(parse(fragment).querySelectorAll('.jx-report')).toHaveLength(1);
    const full = renderReportHtml(seedReport(), { standalone: true });
    expect(full.startsWith('<!DOCTYPE html><html lang="zh-CN">')).toBe(true);
    expect(full).toContain('@page');
    expect(full).toContain('counter(pages)');
  });

  it('scopes every style rule under .jx-report', () => {
    const selectors = REPORT_CSS.replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@font-face\s*\{[^}]*\}/g, '')
      .replace(/@media[^{]*\{/g, '')
      .replace(/\{[^}]*\}/g, '\n')
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter((s) => s && s !== '}');
    expect(selectors.length).toBeGreaterThan(40);
    for (const s of selectors) expect(s).toMatch(/^\.jx-report\b/);
  });

  it('lists the official font names before the free ones', () => {
    const stack = (name: string) => REPORT_CSS.indexOf(name);
    expect(stack('"仿宋_GB2312"')).toBeLessThan(stack('"Noto Serif CJK SC"'));
    expect(stack('"黑体"')).toBeLessThan(stack('"Noto Sans CJK SC"'));
    expect(REPORT_CSS).toContain('"方正小标宋简体"');
  });
});

describe('a blank report', () => {
  it('prints the empty form with the template rows and 年 月 日 lines', () => {
    const doc = parse(renderReportHtml(emptyReport(), { standalone: true }));
    const income = doc.querySelector<HTMLTableElement>('table.jx-finance-income')!;
    expect([...income.tBodies[0]!.rows].map((r) => r.cells[0]!.textContent)).toEqual(['局机关及二级机构汇总', '1、局机关', '2、二级机构1', '3、二级机构2']);
    expect(doc.querySelector('.jx-title')!.textContent).toBe('年度部门整体支出绩效评价自评报告');
    expect(doc.querySelectorAll('.jx-sign-date')).toHaveLength(3);
    expect(doc.querySelectorAll('table.jx-evaluators tbody tr')).toHaveLength(2);
  });

  it('composes the title from region and year, and keeps an issuer line when known', () => {
    const r = emptyReport();
    r.year = 2023;
    r.cover.region = '岳阳市';
    r.cover.issuer = '岳阳市财政局(制)';
    const doc = parse(renderReportHtml(r));
    expect([...doc.querySelectorAll('.jx-title-line')].map((l) => l.textContent)).toEqual(['岳阳市2023年度部门', '整体支出绩效评价自评报告']);
    expect(doc.querySelector('[data-path="cover.issuer"]')!.textContent).toBe('岳阳市财政局(制)');
  });
});

describe('indicator cells', () => {
  it('prints the target value after the name when the name does not state it, and a 一级 note of its own', () => {
    const r = seedReport();
    Object.assign(r.performance.indicators[5]!, { name: '调整干部批次', target: '', operator: '≥', targetValue: '3', unit: '批次', actual: '', actualValue: '3' });
    r.performance.indicators[0]!.level1 = '产出目标\n（自定说明）';
    const doc = parse(renderReportHtml(r));
    expect(doc.querySelector('td[data-path="performance.indicators[5].name"]')!.textContent).toBe('调整干部批次（目标值：≥3批次）');
    expect(doc.querySelector('td[data-path="performance.indicators[5].actual"]')!.textContent).toBe('3批次');
    const level1 = doc.querySelector('td[data-path="performance.indicators[0].level1"]')!;
    expect(level1.querySelector('.jx-note')!.textContent).toBe('（自定说明）');
    expect(level1.textContent).toBe('产出目标（自定说明）');
  });
});

describe('dates', () => {
  it('writes dates the Chinese way', () => {
    expect(chineseDate('2022-06-21')).toBe('2022年6月21日');
    expect(chineseDate(null)).toBe('');
    expect(signDateLine('2022-12-01')).toBe('2022 年 12 月 1 日');
  });
});

describe('the 评分表 appendix', () => {
  it('prints the score sheet with 一级/二级 merged when a scorecard is given', () => {
    const item = (id: string, path: string[], weight: number, score: number | null, status: 'scored' | 'insufficient' = 'scored') => ({
      id, path, name: path[2]!, weight, status, score, deductions: [], explanation: status === 'scored' ? '' : '缺少上年三公经费',
    });
    const score: Scorecard = {
      templateId: 'yueyang-overall', templateName: '岳阳', total: null, grade: null,
      computable: { weight: 10, score: 5 }, basis: 'partial', claimed: { score: 97, grade: '优秀' },
      items: [
        { ...item('staff', ['投入', '预算配置', '财政供养人员控制率'], 5, 0), deductions: [{ points: 5, reason: '超100个百分点' }] },
        item('threePublic', ['投入', '预算配置', '“三公经费”变动率'], 5, null, 'insufficient'),
        { ...item('adjust', ['过程', '预算执行', '预算调整率'], 3, 3), claimed: 2 },
      ],
    };
    const doc = parse(renderReportHtml(seedReport(), { score, rendering: 'review' }));
    const t = doc.querySelector<HTMLTableElement>('table.jx-score-sheet')!;
    const rows = [...t.tBodies[0]!.rows];
    expect(rows[0]!.cells[0]!.textContent).toBe('投入');
    expect(rows[0]!.cells[0]!.rowSpan).toBe(2);
    expect(rows[1]!.textContent).toContain('数据不足');
    expect(rows[2]!.textContent).toContain('系统核算得分：3分');
    expect(rows[3]!.textContent).toContain('97');
    expect(doc.querySelector('.jx-appendix-title')!.textContent).toBe('附：部门整体支出绩效评价评分表');

    // official: the department's claims and notes only, the report's own total; nothing of the checker
    const r = seedReport();
    r.scoreSheet = [{ itemId: 'adjust', score: 2, note: '年中调整一次' }];
    const official = parse(renderReportHtml(r, { score }));
    const o = [...official.querySelector<HTMLTableElement>('table.jx-score-sheet')!.tBodies[0]!.rows];
    expect(o.slice(0, 4).map((row) => row.cells[row.cells.length - 2]!.textContent)).toEqual(['', '', '2', '97']);
    expect(o[4]!.cells[1]!.textContent).toBe(r.performance.grade);
    expect(o[2]!.textContent).toContain('年中调整一次');
    expect(official.body.textContent).not.toMatch(/数据不足|系统核算|超100个百分点|缺少上年三公经费/);
  });
});

describe('renderings', () => {
  it('official (the default) carries no checker marks even when findings are passed; review marks them', () => {
    const findings: Finding[] = [{ code: 'X', rule: 'A1', severity: 'error', path: 'cover.departmentName', message: '问题' }];
    const official = parse(renderReportHtml(seedReport(), { findings }));
    expect(official.querySelectorAll('.jx-flag, [data-finding]')).toHaveLength(0);
    expect(official.querySelector('[data-rendering]')!.getAttribute('data-rendering')).toBe('official');
    const review = parse(renderReportHtml(seedReport(), { findings, rendering: 'review' }));
    expect(review.querySelectorAll('.jx-flag-error')).toHaveLength(1);
  });

  it('a valid signature fills its block with signer, date and code; a void one prints no signature', () => {
    const r = seedReport();
    r.signoffs.department.signer = '旧名字';
    const sig = (role: 'leader' | 'head', valid: boolean) => ({ role, signerName: role === 'leader' ? '李组长' : '张部长', signedAt: '2022-06-20T08:00:00.000Z', code: `CODE-${role}`, valid });
    const doc = parse(renderReportHtml(r, { signatures: [sig('leader', true), sig('head', false)] }));
    const leader = doc.querySelector('[data-path="signoffs.leader"]')!;
    expect(leader.querySelector('.jx-signer')!.textContent).toBe('李组长');
    expect(leader.textContent).toContain('2022 年 6 月 20 日');
    expect(leader.textContent).toContain('电子签名验证码：CODE-leader');
    const head = doc.querySelector('[data-path="signoffs.department"]')!;
    expect(head.querySelector('.jx-signer')!.textContent).toBe('');
    expect(head.textContent).not.toContain('CODE-head');
    expect(head.textContent).not.toContain('失效');
    const review = parse(renderReportHtml(r, { signatures: [sig('head', false)], rendering: 'review' }));
    expect(review.querySelector('[data-path="signoffs.department"]')!.textContent).toContain('签名已失效');
  });
});

describe('purity', () => {
  it('uses no Node or browser-automation module, so the web preview can run it', () => {
    const dir = __dirname;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(/from ['"](node:|fs|path|playwright|child_process)/);
      expect(src, f).not.toMatch(/\b(require\(|process\.|Buffer\b|document\.|window\.)/);
    }
  });
});
