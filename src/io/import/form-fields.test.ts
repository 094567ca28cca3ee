// A bureau's own form as the importer's vocabulary: a template whose fields carry labels the Yueyang form
// has never used (填报单位全称, 经办人 …) prints them in its DOCX; read back without the form those fields
// stay empty, read onto the form (as an import into that template's task does) they come back whole, and
// nothing the default reading found changes.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportDocx } from '../export/docx/index';
import { formOf, getTemplate, templates } from '../../core/templates/index';
import { seedReport } from '../../../test/helpers/seed';
import { importFile } from './index';

const RELABEL: Record<string, string> = {
  'cover.departmentName': '填报单位全称',
  'cover.budgetCode': '单位预算代码',
  'overview.contact': '经办人',
  'overview.phone': '经办人手机',
  'overview.staffQuota': '编制总额',
  'overview.actualStaff': '在册人员',
};

beforeAll(() => {
  const base = getTemplate('yueyang-overall');
  const form = structuredClone(formOf(base)) as unknown as { fields: Array<{ path: string; label: string; print?: string; aliases: string[] }> };
  for (const f of form.fields) {
    if (!RELABEL[f.path]) continue;
    f.label = RELABEL[f.path]!;
    delete f.print;
    f.aliases = [];
  }
  const data = { ...structuredClone(base), id: 'ceshi-own-form', version: 1, name: '测试市部门整体支出绩效评价（自定表式）', form };
  templates.add(JSON.parse(JSON.stringify(data)));
});

describe('importing onto a bureau’s own form', () => {
  it('reads the fields by the form’s own labels, which the default vocabulary does not know', async () => {
    const r = seedReport();
    r.templateId = 'ceshi-own-form';
    r.templateVersion = 1;
    const docx = await renderReportDocx(r);
    const plain = (await importFile(docx, 'own.docx', { inProcess: true })).report;
    expect([plain.cover.departmentName, plain.overview.contact, plain.overview.staffQuota]).toEqual(['', '', null]);
    const form = formOf(getTemplate('ceshi-own-form', 1));
    const onto = (await importFile(docx, 'own.docx', { inProcess: true, form })).report;
    expect(onto.cover.departmentName).toBe(r.cover.departmentName);
    expect(onto.cover.budgetCode).toBe(r.cover.budgetCode);
    expect(onto.overview).toMatchObject({ contact: r.overview.contact, phone: r.overview.phone, staffQuota: r.overview.staffQuota, actualStaff: r.overview.actualStaff });
    expect(onto.sources['overview.contact']).toBeTruthy();
    // what the default reading found is the same either way
    expect(onto.finance).toEqual(plain.finance);
    expect(onto.performance.indicators).toEqual(plain.performance.indicators);
  });
});
