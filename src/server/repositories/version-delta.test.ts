// The reverse delta must rebuild every document exactly: for the seed and for generated reports, under
// the edits people make (cells typed, rows added and removed, keys appearing and vanishing, nulls).
import { describe, expect, it } from 'vitest';
import type { Report } from '../../core/model/report';
import { generateReport, rng } from '../../../test/helpers/generate';
import { seedReport } from '../../../test/helpers/seed';
import { canonicalJson } from '../audit/canonical';
import { applyDelta, documentDelta } from './version-delta';

const roundTrip = (from: unknown, to: unknown) => {
  const ops = JSON.parse(JSON.stringify(documentDelta(from, to)));
  return applyDelta(JSON.parse(JSON.stringify(from)), ops);
};

/** A random edit of the kinds an editor makes. */
function mutate(r: Report, next: () => number): void {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  switch (Math.floor(next() * 7)) {
    case 0: r.overview.contact = `联系人${Math.floor(next() * 100)}`; break;
    case 1: { const row = pick(r.finance.threePublic); row.total = next() < 0.3 ? null : String(Math.floor(next() * 1e6) / 1e4); break; }
    case 2: r.finance.income.push({ ...r.finance.income[r.finance.income.length - 1]!, institution: `二级机构${r.finance.income.length}` }); break;
    case 3: if (r.finance.expenditure.length > 2) r.finance.expenditure.splice(1 + Math.floor(next() * (r.finance.expenditure.length - 1)), 1); break;
    case 4: r.performance.indicators = r.performance.indicators.slice(0, Math.floor(next() * r.performance.indicators.length)); break;
    case 5: (r.overview as Record<string, unknown>).extra = next() < 0.5 ? { a: [1, null, '三'] } : undefined; break;
    default: r.overview.tasks = [...r.overview.tasks, `任务${r.overview.tasks.length + 1}`]; break;
  }
}

describe('version deltas', () => {
  it('rebuilds the seed after each of 300 random edits, backwards through the whole chain', () => {
    const next = rng(12);
    const chain: Report[] = [seedReport()];
    for (let i = 0; i < 300; i++) {
      const r = structuredClone(chain[chain.length - 1]!);
      mutate(r, next);
      chain.push(r);
    }
    // as report_versions holds them: the newest document whole, every older one as a delta from its successor
    const deltas = chain.slice(0, -1).map((doc, i) => JSON.stringify(documentDelta(chain[i + 1], doc)));
    let doc = JSON.parse(JSON.stringify(chain[chain.length - 1]));
    for (let v = chain.length - 2; v >= 0; v--) {
      doc = applyDelta(doc, JSON.parse(deltas[v]!));
      expect(canonicalJson(doc), `version ${v}`).toBe(canonicalJson(chain[v]));
    }
    // a one-cell edit costs a few dozen bytes, not a document
    const oneCell = structuredClone(chain[0]!);
    oneCell.overview.contact = '王五';
    expect(JSON.stringify(documentDelta(oneCell, chain[0])).length).toBeLessThan(80);
  });

  it('turns any generated report into any other exactly', () => {
    for (let s = 0; s < 40; s++) {
      const a = generateReport(s);
      const b = generateReport(s + 1000);
      expect(canonicalJson(roundTrip(a, b))).toBe(canonicalJson(b));
      expect(canonicalJson(roundTrip(b, a))).toBe(canonicalJson(a));
    }
  });

  it('tells null from absent and keeps type changes', () => {
    const cases: Array<[unknown, unknown]> = [
      [{ a: 1 }, { a: null }], [{ a: null }, {}], [{}, { a: null }], [{ a: [1, 2, 3] }, { a: [1] }], [{ a: [1] }, { a: [1, null, 3] }],
      [{ a: { b: 1 } }, { a: [1] }], [{ a: '1' }, { a: 1 }], [[1, 2], { x: 1 }], [{ a: 1, b: undefined }, { b: 2 }], [{ 'a.b': 1, '[0]': 2 }, { 'a.b': 3 }],
    ];
    for (const [a, b] of cases) expect(roundTrip(a, b), JSON.stringify([a, b])).toEqual(JSON.parse(JSON.stringify(b)));
    expect(documentDelta({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});
