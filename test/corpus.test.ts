// The recorded corpus (bench/corpus-record.json): for ~1,950 inputs — the seed, the real excerpts, every
// line prefix and mid-line cut, damaged variants, other encodings, the large report, generated reports read
// back as web copies, DOCX and XLSX — what `jixiao import --json`, `jixiao check --json` and `jixiao check`
// printed when it was recorded, by hash. The importer and checker are optimised against this: a faster one
// must say exactly what the slower one said. A deliberate change of output re-records it in the same commit,
// saying why: `npx tsx bench/corpus.ts record /tmp/jixiao-corpus` (which also compares through the CLI).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Case, corpusCases, RECORD, SUMMARY } from '../bench/corpus-cases';
import { checkLoaded } from '../src/cli/check-one';
import { importJson } from '../src/cli/commands/import';
import { loadBytes } from '../src/cli/load';

type Outputs = Record<string, { import: string; checkJson: string; checkText: string }>;
const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);
const want = JSON.parse(readFileSync(RECORD, 'utf8')) as Outputs;
// The suite checks every whole text input, every fifth cut-off copy and four of the fourteen DOCX/XLSX pairs;
// JIXIAO_CORPUS=full checks all of them, as `npx tsx bench/corpus.ts compare` does through the CLI.
const FULL = process.env.JIXIAO_CORPUS === 'full';
const isCut = (name: string) => /\.(lines|cut)-\d+$/.test(name);

describe('recorded corpus: import, check JSON and check text byte-identical to the record', () => {
  let cases: Case[] = [];
  beforeAll(async () => {
    cases = await corpusCases(!FULL);
  }, 120_000);

  it('has the recorded cases (all of them with JIXIAO_CORPUS=full)', () => {
    const recorded = Object.keys(want).filter((n) => !n.startsWith(SUMMARY)).sort();
    const names = cases.map((c) => `${c.name}.${c.ext}`).sort();
    if (FULL) expect(names).toEqual(recorded);
    else expect(names.filter((n) => !want[n])).toEqual([]);
    expect(recorded.length).toBeGreaterThan(1900);
  });

  it('every case gives the recorded outputs', async () => {
    const differ: string[] = [];
    let cut = 0;
    for (const c of cases) {
      if (!FULL && isCut(c.name) && cut++ % 5 !== 0) continue;
      const name = `${c.name}.${c.ext}`;
      const file = `cases/${name}`;
      const loaded = await loadBytes(file, c.bytes);
      const got = {
        import: sha(importJson(file, loaded)),
        checkJson: sha(JSON.stringify(checkLoaded(loaded, { json: true }).json, null, 2)),
        checkText: sha(checkLoaded(loaded, {}).text!),
      };
      const w = want[name]!;
      const which = (['import', 'checkJson', 'checkText'] as const).filter((k) => w[k] !== got[k]);
      if (which.length) differ.push(`${name}: ${which.join(', ')}`);
    }
    expect(differ.slice(0, 20)).toEqual([]);
  }, 180_000);
});
