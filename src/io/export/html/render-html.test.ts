// @vitest-environment jsdom
// Structure of the HTML rendering, checked on the seed: every value printed, the finance headers merged
// exactly as the Yueyang template merges them, every value cell addressable by its report path.
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './index';
import { seedReport } from '../../../../test/helpers/seed';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, '');
type Span = [text: string, colspan: number, rowspan: number];
const spans = (rows: Iterable<HTMLTableRowElement>): Span[][] =>
  [...rows].map((r) => [...r.cells].map((c) => [text(c), c.colSpan, c.rowSpan] as Span));

/** Columns each row occupies once rowspans from above are counted: a rectangular table gives one width. */
function rowWidths(table: HTMLTableElement): number[] {
  const carry: number[] = [];
  return [...table.rows].map((row) => {
    let col = 0;
    let width = 0;
    const take = () => {
      while ((carry[col] ?? 0) > 0) {
        carry[col] = (carry[col] ?? 0) - 1;
        col++;
        width++;
      }
    };
    for (const cell of row.cells) {
      take();
      for (let k = 0; k < cell.colSpan; k++) carry[col + k] = cell.rowSpan - 1;
      col += cell.colSpan;
      width += cell.colSpan;
    }
    take();
    return width;
  });
}

const SEED_HTML = renderReportHtml(seedReport(), { standalone: true });
const doc = parse(SEED_HTML);

describe('renderReportHtml on the seed', () => {
  it('prints every field and amount of the seed', () => {
    const all = text(doc.body);
    for (const token of [
      '湖南城陵矶新港区2021年度部门', '整体支出绩效评价自评报告', '党群工作部', '999236', '部门（单位）绩效自评',
      '部门（单位）评价组', '2022年6月21日', '王焱', '18821880734', '87.2217', '85.33', '38.43', '32.67', '5.76',
      '46.90', '1.89', '2.5285', '优秀', '科员', '任务16：开展城陵矶新港区新的社会阶层人士联合会成立筹备工作。',
      '评价组组长（签字）：', '部门（单位）负责人（签章）：', '财政部门归口业务科室负责人（签章）：', '填报人（签名）：',
      '五、评价报告综述（文字部分）', '六、改进措施和有关建议', '建立自评与他评相结合的评价机制',
    ]) {
      expect(all, token).toContain(token.replace(/\s+/g, ''));
    }
    for (const ind of seedReport().performance.indicators) expect(all).toContain(ind.name.replace(/\s+/g, ''));
    expect(text(doc.querySelector('[data-path="performance.selfScore"]'))).toBe('97');
  });

  it('draws the income table header exactly as the template', () => {
    const t = doc.querySelector<HTMLTableElement>('table.jx-finance-income')!;
    expect(spans(t.tHead!.rows)).toEqual([
      [['年度收入情况（万元）', 7, 1]],
      [['机构名称', 1, 2], ['收入合计', 1, 2], ['其中：', 5, 1]],
      [['上年结转', 1, 1], ['公共财政拨款', 1, 1], ['政府基金拨款', 1, 1], ['纳入专户管理的非税收入拨款', 1, 1], ['其他收入', 1, 1]],
    ]);
  });

  it('draws the expenditure table with its three-level header', () => {
    const t = doc.querySelector<HTMLTableElement>('table.jx-finance-expenditure')!;
    expect(spans(t.tHead!.rows)).toEqual([
      [['部门（单位）年度支出和结余情况（万元）', 8, 1]],
      [['机构名称', 1, 3], ['支出合计', 1, 3], ['其中：', 4, 1], ['结余', 2, 1]],
      [['基本支出', 1, 2], ['其中：', 2, 1], ['项目支出', 1, 2], ['当年结余', 1, 2], ['累计结余', 1, 2]],
      [['人员支出', 1, 1], ['公用支出', 1, 1]],
    ]);
  });

  it('draws the 三公经费 and 固定资产 headers as the template (no title row)', () => {
    const three = doc.querySelector<HTMLTableElement>('table.jx-finance-threePublic')!;
    expect(spans(three.tHead!.rows)).toEqual([
      [['机构名称', 1, 2], ['三公经费合计', 1, 2], ['其中：', 4, 1]],
      [['公务接待费', 1, 1], ['公务用车运维费', 1, 1], ['公务用车购置费', 1, 1], ['因公出国费', 1, 1]],
    ]);
    const assets = doc.querySelector<HTMLTableElement>('table.jx-finance-fixedAssets')!;
    expect(spans(assets.tHead!.rows)).toEqual([
      [['机构名称', 1, 2], ['固定资产合计', 1, 2], ['其中：', 2, 1], ['其他', 1, 2]],
      [['在用固定资产', 1, 1], ['出租固定资产', 1, 1]],
    ]);
  });

  it('prints the template rows with amounts as written and blank cells blank', () => {
    const body = (key: string) => [...doc.querySelector<HTMLTableElement>(`table.jx-finance-${key}`)!.tBodies[0]!.rows];
    const cells = (key: string) => body(key).map((r) => [...r.cells].map((c) => text(c)));
    expect(cells('income')).toEqual([
      ['局机关及二级机构汇总', '87.2217', '', '87.2217', '', '', ''],
      ['1、局机关', '87.2217', '', '87.2217', '', '', ''],
      ['2、二级机构1', '', '', '', '', '', ''],
      ['3、二级机构2', '', '', '', '', '', ''],
    ]);
    expect(cells('expenditure')[0]).toEqual(['局机关及二级机构汇总', '85.33', '38.43', '32.67', '5.76', '46.90', '1.89', '1.89']);
    expect(cells('threePublic')[0]).toEqual(['局机关及二级机构汇总', '2.5285', '2.5285', '', '', '']);
    expect(cells('fixedAssets')[3]).toEqual(['3、二级机构2', '', '', '', '']);
    for (const key of ['income', 'expenditure', 'threePublic', 'fixedAssets']) {
      for (const row of body(key)) for (const c of row.cells) expect(c.getAttribute('data-path'), c.outerHTML).toMatch(/^finance\./);
      for (const row of body(key)) for (const c of [...row.cells].slice(1)) expect(c.classList.contains('jx-num')).toBe(true);
    }
    expect(text(doc.querySelector('[data-path="finance.threePublic[0].total"]'))).toBe('2.5285');
    expect(text(doc.querySelector('[data-path="finance.expenditure[1].project"]'))).toBe('46.90');
  });

  it('keeps every table rectangular', () => {
    for (const t of doc.querySelectorAll<HTMLTableElement>('table.jx-form')) {
      const cols = t.querySelectorAll('col').length || 1;
      expect(new Set(rowWidths(t)), t.className).toEqual(new Set([cols]));
    }
  });

  it('merges 一级/二级 down the indicator rows and keeps 社会效益 指标1+指标2 in one row', () => {
    const t = doc.querySelector<HTMLTableElement>('table.jx-indicators')!;
    const rows = [...t.tBodies[0]!.rows];
    expect(rows).toHaveLength(13 + 2);
    expect(rows[0]!.cells[0]!.rowSpan).toBe(13);
    const merged = (path: string) => doc.querySelector<HTMLTableCellElement>(`[data-path="${path}"]`)!;
    expect(text(merged('performance.indicators[0].level1'))).toMatch(/^产出目标（部门工作实绩/);
    expect(merged('performance.indicators[0].level1').rowSpan).toBe(9);
    expect(merged('performance.indicators[9].level1').rowSpan).toBe(4);
    expect(merged('performance.indicators[0].level2').rowSpan).toBe(4);
    expect(merged('performance.indicators[4].level2').rowSpan).toBe(3);
    expect(merged('performance.indicators[7].level2').rowSpan).toBe(1);
    const social = merged('performance.indicators[9].name');
    expect(social.querySelectorAll('p')).toHaveLength(2);
    expect(text(social)).toContain('指标2：加大引才留才的力度');
    expect(text(merged('performance.indicators[9].actual'))).toBe('已完成');
    expect(doc.querySelectorAll('[data-path="performance.indicators[10].level2"]')).toHaveLength(0);
    expect(text(merged('performance.grade'))).toBe('优秀');
  });

  it('puts every value of the form in a cell named by its report path', () => {
    for (const path of [
      'cover.departmentName', 'cover.budgetCode', 'cover.reportDate', 'overview.contact', 'overview.phone',
      'overview.staffQuota', 'overview.actualStaff', 'overview.duties', 'overview.tasks[15]', 'overview.achievements',
      'performance.qualitative[3].target', 'performance.qualitative[3].result', 'evaluators[0].name',
      'evaluators[0].title', 'evaluators[0].unit', 'signoffs.leader.date', 'signoffs.department.signer',
      'signoffs.finance.opinion', 'preparer.name', 'preparer.phone', 'narrative[5].text',
    ]) {
      expect(doc.querySelector(`[data-path="${path}"]`), path).not.toBeNull();
    }
    expect(text(doc.querySelector('[data-path="overview.staffQuota"]'))).toBe('3');
    expect(text(doc.querySelector('[data-path="evaluators[0].name"]'))).toBe('王焱');
  });

  it('leaves the 年 月 日 lines blank for hand-writing, and fills them when the date is known', () => {
    expect(doc.querySelector('[data-path="signoffs.leader.date"]')!.textContent).toBe('\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日');
    const r = seedReport();
    r.signoffs.department = { opinion: '同意。', signer: '李四', date: '2022-06-20' };
    const d = parse(renderReportHtml(r));
    expect(d.querySelector('[data-path="signoffs.department.date"]')!.textContent).toBe('2022 年 6 月 20 日');
    expect(text(d.querySelector('[data-path="signoffs.department.signer"]'))).toBe('李四');
    expect(text(d.querySelector('[data-path="signoffs.department.opinion"]'))).toBe('同意。');
  });
});
