// The open-data package validates against the Fiscal Data Package JSON Schema (Frictionless, draft-04,
// through ajv), and its CSVs carry the seed's values under the fields their Table Schemas declare.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../core/check';
import { redactReport } from '../../core/publish/redact';
import { seedReport } from '../../../test/helpers/seed';
import { buildOpenDataPackage, type PublishedEntry } from './datapackage';

const schema = JSON.parse(readFileSync(new URL('../../../test/schemas/fiscal-data-package.json', import.meta.url), 'utf8'));

function entry(): PublishedEntry {
  const seed = seedReport();
  const report = redactReport(seed, { names: false });
  return {
    id: 'r1', departmentName: seed.cover.departmentName, budgetCode: seed.cover.budgetCode, year: seed.year!, selfScore: seed.performance.selfScore, grade: seed.performance.grade,
    review: { total: 85, grade: '良', items: [] }, deviation: 0.1412, publishedAt: '2022-08-01T00:00:00.000Z', report, score: checkReport(seed).score, url: '/public/reports/r1',
  };
}

describe('open data package', () => {
  const pkg = buildOpenDataPackage({ bureauName: '岳阳市财政局', year: 2021, entries: [entry()], created: '2022-08-01T00:00:00.000Z' });

  it('validates against the Fiscal Data Package schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(JSON.parse(pkg.files['datapackage.json']!));
    expect((validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
    expect(ok).toBe(true);
    // and the validator does reject a broken descriptor
    const broken = structuredClone(pkg.descriptor) as { resources: Array<Record<string, unknown>> };
    delete broken.resources[0]!.schema;
    expect(validate(broken)).toBe(false);
  });

  it('has one CSV per resource, with exactly the fields its schema names, UTF-8 with a BOM', () => {
    const resources = (pkg.descriptor as { resources: Array<{ path: string; schema: { fields: Array<{ name: string }> } }> }).resources;
    expect(resources.map((r) => r.path)).toEqual(['reports.csv', 'income.csv', 'expenditure.csv', 'three_public.csv', 'fixed_assets.csv', 'indicators.csv', 'scores.csv']);
    for (const r of resources) {
      const csv = pkg.files[r.path]!;
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv.slice(1).split('\r\n')[0]).toBe(r.schema.fields.map((x) => x.name).join(','));
    }
  });

  it('carries the seed’s values, its self-score and the 复核, and no phone number', () => {
    const seed = seedReport();
    expect(pkg.files['reports.csv']).toContain(`r1,${seed.cover.departmentName},2021,${seed.cover.budgetCode},97,${seed.performance.grade},85,良,0.1412`);
    const total = seed.finance.expenditure[0]!.total!;
    expect(pkg.files['expenditure.csv']).toContain(`,${total},`);
    expect(pkg.files['indicators.csv']).toContain('服务对象满意率高于99%');
    const json = JSON.parse(pkg.json);
    expect(json.tables.reports[0]).toMatchObject({ report_id: 'r1', self_score: 97, review_score: 85 });
    expect(json.tables.scores.length).toBeGreaterThan(5);
    if (seed.overview.phone) expect(Object.values(pkg.files).join('') + pkg.json).not.toContain(seed.overview.phone);
  });
});
