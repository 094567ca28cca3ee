// The hand-written blank report and the zod schema describe the same shape; an imported report is valid.
import { describe, expect, it } from 'vitest';
import { importSeed } from '../../../test/helpers/seed';
import { blankProject, blankProjectReport, blankReport } from './empty';
import { Report } from './report';

describe('Report model', () => {
  it('the blank report is exactly what the schema defaults give', () => {
    expect(blankReport()).toEqual(Report.parse({}));
  });
  it('the blank project parts and project report are what the schema defaults give', () => {
    expect(blankProject()).toEqual(Report.parse({ project: {} }).project);
    const p = blankProjectReport();
    expect(Report.parse(p)).toEqual(p);
    expect(p.kind).toBe('project');
    expect('project' in blankReport()).toBe(false);
  });
  it('blank reports share no arrays or objects', () => {
    const a = blankReport();
    const b = blankReport();
    a.finance.income.push({ institution: 'x', kind: 'main', total: '1', carryOver: null, fiscal: null, fund: null, specialAccount: null, other: null });
    expect(b.finance.income).toEqual([]);
  });
  it('the imported seed validates against the schema unchanged', () => {
    const { report } = importSeed();
    expect(Report.parse(report)).toEqual(report);
  });
  it('refuses a float-ish amount with a Chinese message naming the cell', () => {
    const r = Report.safeParse({ finance: { income: [{ institution: '局机关', kind: 'main', total: '1e3' }] } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['finance', 'income', 0, 'total']);
    expect(r.error?.issues[0]?.message).toContain('万元');
  });
});
