import { describe, expect, it } from 'vitest';
import yueyang from '../templates/yueyang-overall.json';
import { defaultForm, getTemplate, TemplateError, TemplateRegistry } from '../templates/index';
import { blankRows, columnName, composeTitle, fileBaseName, formProblems, rowLabels, section, table, tablePlace, titleLines } from './index';
import { FormDescriptor } from './schema';

const form = defaultForm();
const copy = (): FormDescriptor => FormDescriptor.parse(structuredClone(yueyang.form));

describe('the Yueyang form descriptor', () => {
  it('is the form of all three shipped templates and passes its own checks', () => {
    expect(formProblems(form)).toEqual([]);
    for (const id of ['yueyang-overall', 'mof-10-project', 'dazhou-overall']) expect(getTemplate(id, 1).form).toBe(form);
    expect(form.sections.filter((s) => s.printed).map((s) => s.label)).toEqual([
      '封面',
      '一、部门（单位）基本概况',
      '二、部门（单位）收支情况',
      '三、部门（单位）整体支出绩效自评情况',
      '四、评价人员',
      '五、评价报告综述（文字部分）',
    ]);
  });

  it('derives the printed header rows of the expenditure table from its column tree', () => {
    const t = table(form, 'expenditure');
    expect(t.head.map((r) => r.map((c) => [c.text, c.colSpan, c.rowSpan]))).toEqual([
      [['支出合计', 1, 3], ['其中：', 4, 1], ['结余', 2, 1]],
      [['基本支出', 1, 2], ['其中：', 2, 1], ['项目支出', 1, 2], ['当年结余', 1, 2], ['累计结余', 1, 2]],
      [['人员支出', 1, 1], ['公用支出', 1, 1]],
    ]);
    expect(t.leaves.map((l) => l.key)).toEqual(['total', 'basic', 'personnel', 'public', 'project', 'surplusYear', 'surplusCumulative']);
    expect(t.leaves.filter((l) => l.signed).map((l) => l.key)).toEqual(['surplusYear', 'surplusCumulative']);
  });

  it('spans the DOCX grid as the Word form does: eight columns shared by the four tables', () => {
    expect(['income', 'expenditure', 'threePublic', 'fixedAssets'].map((k) => table(form, k).gridWidth)).toEqual([7, 7, 7, 7]);
    expect(table(form, 'income').gridHead[0]!.map((c) => [c.text, c.colSpan])).toEqual([['收入合计', 1], ['其中：', 6]]);
    expect(table(form, 'income').gridHead[1]!.map((c) => c.text)).toEqual(['上年结转', '公共财\n政拨款', '政府基金拨款', '纳入专户管理的非税收入拨款', '其他\n收入']);
  });

  it('names columns in messages with the column they belong to, and places tables in their section', () => {
    expect(columnName(form, 'expenditure', 'personnel')).toBe('基本支出·人员支出');
    expect(columnName(form, 'expenditure', 'surplusYear')).toBe('结余·当年结余');
    expect(columnName(form, 'income', 'fiscal')).toBe('公共财政拨款');
    expect(columnName(form, 'income', 'nope')).toBe('nope');
    expect(tablePlace(form, 'threePublic')).toBe('二、部门（单位）收支情况·三公经费表');
  });

  it('numbers the institution rows once, keeping a number the name already carries', () => {
    const rows = table(form, 'income').rows;
    expect(rowLabels(rows, [{ kind: 'summary', institution: '' }, { kind: 'main', institution: '局机关' }, { kind: 'sub', institution: '2、教育站' }, { kind: 'sub', institution: '卫生院' }])).toEqual([
      '局机关及二级机构汇总',
      '1、局机关',
      '2、教育站',
      '3、卫生院',
    ]);
    expect(blankRows(rows).map((r) => r.institution)).toEqual(['局机关及二级机构汇总', '局机关', '二级机构1', '二级机构2']);
  });

  it('composes and breaks the title, and names the download', () => {
    const r = { year: 2023, cover: { title: '', region: '岳阳市', departmentName: '水利局' } };
    expect(composeTitle(form, r)).toBe('岳阳市2023年度部门整体支出绩效评价自评报告');
    expect(titleLines(form, composeTitle(form, r))).toEqual(['岳阳市2023年度部门', '整体支出绩效评价自评报告']);
    expect(titleLines(form, '甲\n乙')).toEqual(['甲', '乙']);
    expect(fileBaseName(form, r)).toBe('2023年度水利局部门整体支出绩效自评报告');
    expect(fileBaseName(form, { year: null, cover: { departmentName: '' } })).toBe('未命名单位部门整体支出绩效自评报告');
    expect(section(form, 'people').roots).toEqual(['evaluators', 'signoffs', 'preparer']);
  });
});

describe('formProblems finds what zod cannot', () => {
  it('paths outside the report model, dangling references, duplicate keys, widths that do not fit', () => {
    const f = copy();
    f.fields[0]!.path = 'cover.subtitle';
    f.sections[1]!.fields.push('overview.email');
    f.tables[0]!.identities[0]!.parts.push('grants');
    f.tables[1]!.widths.pop();
    f.tables[2]!.key = 'income';
    f.tables[3]!.rows = 'departments';
    expect(formProblems(f).map((p) => `${p.at} ${p.message}`)).toEqual([
      'form.fields[0].path 报告模型中没有 cover.subtitle',
      'form.sections[0].fields[0] 栏目“封面”引用的字段 cover.title 未在 fields 中定义',
      'form.sections[1].fields[7] 栏目“一、部门（单位）基本概况”引用的字段 overview.email 未在 fields 中定义',
      'form.sections[2].tables[2] 栏目“二、部门（单位）收支情况”引用的表格 threePublic 未在 tables 中定义',
      'form.tables 表格 income 重复定义',
      'form.tables[0].identities[0].parts[5] 表格“年度收入情况表”没有列 grants',
      'form.tables[1].widths 表格“年度支出和结余情况表”有8列（含机构名称列），widths 给了7个宽度',
      'form.tables[3].rows 表格“固定资产表”引用的行组 departments 未在 rowSets 中定义',
    ]);
  });
});

describe('templates are versioned', () => {
  const base = () => structuredClone(yueyang) as unknown as Record<string, unknown>;

  it('keeps every version; a report resolves to the version it names, a new one does not change it', () => {
    const reg = new TemplateRegistry();
    reg.add(base());
    const v2 = { ...base(), version: 2, name: '岳阳市部门整体支出绩效评价评分表（2023）', form: 'yueyang-overall@1' };
    reg.add(v2, { source: 'file', ref: 'v2.json' });
    expect(reg.get('yueyang-overall')!.version).toBe(2);
    expect(reg.get('yueyang-overall', 1)!.name).toBe('岳阳市部门整体支出绩效评价评分表');
    expect(reg.formOf(reg.get('yueyang-overall', 2)!)).toBe(reg.formOf(reg.get('yueyang-overall', 1)!));
    expect(reg.versions('yueyang-overall').map((t) => t.version)).toEqual([1, 2]);
    expect(reg.origin(reg.get('yueyang-overall', 2)!)).toEqual({ source: 'file', ref: 'v2.json' });
    expect(() => reg.require('yueyang-overall', 3)).toThrow('评分表模板“yueyang-overall”没有第3版（现有：第1版、第2版）');
  });

  it('adds the same version twice as one, and refuses the same version with other content', () => {
    const reg = new TemplateRegistry();
    const first = reg.add(base());
    expect(reg.add(base())).toBe(first);
    const changed = { ...base(), name: '改过的评分表' };
    expect(() => reg.add(changed)).toThrow(TemplateError);
    expect(() => reg.add(changed)).toThrow(/第1版已存在且内容不同；修改后的模板须提高 version/);
  });

  it('refuses a reference to a form that is not there, naming the JSON path', () => {
    const reg = new TemplateRegistry();
    reg.add(base());
    try {
      reg.add({ ...base(), id: 'x-city', form: 'nowhere@1' });
      throw new Error('accepted');
    } catch (e) {
      expect((e as TemplateError).problems).toEqual([{ path: ['form'], message: '引用的表单“nowhere@1”不存在（须先有该模板的这一版本）' }]);
    }
  });
});
