// Importing the seed report into a draft that already has some of its own work.
import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/helpers/seed';
import { Report } from '../model/report';
import { importChanges, importedDocument, isBlank } from './import-into';

describe('import into an existing draft', () => {
  const seed = seedReport();
  const draft = (): Report => {
    const r = Report.parse({ year: 2021 });
    r.overview.contact = '李会计（草稿里填的）';
    r.cover.departmentName = '党群工作部';
    return r;
  };

  it('replace: the draft becomes the file, keeping its own year and template', () => {
    const d = { ...draft(), templateVersion: 1 };
    const file = { ...seed, year: 2020, overview: { ...seed.overview, contact: '' } };
    const out = importedDocument(d, file, 'replace');
    expect(out.year).toBe(2021);
    expect(out.finance).toEqual(seed.finance);
    expect(out.overview.contact).toBe('');
    // the 整改 items the bureau carried into the draft stay when the file has none
    const carried = { ...d, priorIssues: [{ itemId: 'i1', problem: '绩效目标不细化', measures: '', result: '', status: '' }] } as unknown as Report;
    expect(importedDocument(carried, { ...file, priorIssues: [] }, 'replace').priorIssues).toEqual(carried.priorIssues);
  });

  it('merge: the file wins where it has a value, the draft keeps what the file leaves empty', () => {
    const file = { ...seed, overview: { ...seed.overview, contact: '  ' } };
    const out = importedDocument(draft(), file, 'merge');
    expect(out.overview.contact).toBe('李会计（草稿里填的）');
    expect(out.finance).toEqual(seed.finance);
    expect(out.narrative).toEqual(seed.narrative);
    const changes = importChanges(draft(), file);
    expect(changes.find((c) => c.path === 'overview.contact')).toMatchObject({ before: '李会计（草稿里填的）', merged: false });
    expect(changes.filter((c) => c.merged).length).toBeGreaterThan(20);
    // merging the same file again changes nothing more
    expect(importChanges(out, file).filter((c) => c.merged)).toEqual([]);
  });

  it('counts zero as a value and whitespace or empty rows as blank', () => {
    expect([isBlank(0), isBlank(''), isBlank(' '), isBlank([]), isBlank([{ a: '', b: null }]), isBlank({ a: '0' })]).toEqual([false, true, true, true, true, false]);
  });
});
