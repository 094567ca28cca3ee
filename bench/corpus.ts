// The recorded corpus (not a test): what `jixiao import --json` and `jixiao check` (JSON and text) print
// for about two thousand inputs (bench/corpus-cases.ts), recorded before an optimisation and compared after
// each change, so a faster importer or checker is proven to say exactly what the slower one said.
//   npx tsx bench/corpus.ts record DIR     # writes DIR/cases/*, bench/corpus-record.json (and full outputs in DIR/full)
//   npx tsx bench/corpus.ts compare DIR    # the same outputs again (cases written to DIR if absent); differences listed, exit 1 if any
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importJson } from '../src/cli/commands/import';
import { loadFile } from '../src/cli/load';
import { corpusCases, RECORD, SUMMARY } from './corpus-cases';

type Outputs = Record<string, { import: string; checkJson: string; checkText: string }>;

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);
const BIN = new URL('../bin/jixiao.mjs', import.meta.url).pathname;
const CHUNK = 400;


/** One `jixiao check` run over some files: its stdout. */
function cli(cwd: string, args: string[]): string {
  try {
    return execFileSync(process.execPath, [BIN, 'check', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  } catch (e) {
    const out = (e as { stdout?: string; status?: number }).stdout;
    if (out == null || (e as { status?: number }).status === undefined) throw e;
    return out; // exit 1 (error findings) and 2 (unreadable files) still print everything
  }
}

/** Each file's part of the text output ("━━ file" … up to the next), and the closing summary table apart. */
function splitText(out: string, files: string[]): { parts: string[]; summary: string } {
  const parts: string[] = [];
  let at = 0;
  const end = out.lastIndexOf('汇总\n');
  for (let k = 0; k < files.length; k++) {
    const next = k + 1 < files.length ? out.indexOf(`━━ ${files[k + 1]}\n`, at + 1) : end;
    parts.push(out.slice(at, next));
    at = next;
  }
  return { parts, summary: out.slice(end) };
}

async function outputs(dir: string, full: string | null): Promise<Outputs> {
  // file names are relative to DIR (`cases/…`) so the outputs, which name the file, do not depend on where DIR is
  const names = readdirSync(join(dir, 'cases')).sort((a, b) => a.localeCompare(b));
  process.chdir(dir);
  const out: Outputs = {};
  if (full) mkdirSync(full, { recursive: true });
  for (let i = 0; i < names.length; i += CHUNK) {
    const files = names.slice(i, i + CHUNK).map((n) => `cases/${n}`);
    const json = JSON.parse(cli(dir, ['--json', ...files])) as unknown[];
    const { parts: text, summary } = splitText(cli(dir, files), files);
    out[`${SUMMARY}${String(i / CHUNK).padStart(2, '0')}`] = { import: '', checkJson: '', checkText: sha(summary) };
    for (let k = 0; k < files.length; k++) {
      const name = names[i + k]!;
      const imported = importJson(files[k]!, await loadFile(files[k]!));
      const checkJson = JSON.stringify(json[k], null, 2);
      out[name] = { import: sha(imported), checkJson: sha(checkJson), checkText: sha(text[k]!) };
      if (full && !name.includes('.lines-') && !name.includes('.cut-')) {
        writeFileSync(join(full, `${name}.json`), `${JSON.stringify({ import: JSON.parse(imported), check: json[k], text: text[k] }, null, 1)}\n`);
      }
    }
    process.stderr.write(`\r${Math.min(i + CHUNK, names.length)}/${names.length}`);
  }
  process.stderr.write('\n');
  return out;
}

const [mode, dirArg] = process.argv.slice(2);
const dir = resolve(dirArg ?? '');
if (!dirArg || (mode !== 'record' && mode !== 'compare')) {
  process.stderr.write('usage: npx tsx bench/corpus.ts record|compare DIR\n');
  process.exit(2);
}
/** The inputs written to DIR/cases (the same every time: they are generated deterministically). */
async function writeCases(): Promise<void> {
  rmSync(join(dir, 'cases'), { recursive: true, force: true });
  mkdirSync(join(dir, 'cases'), { recursive: true });
  for (const c of await corpusCases()) writeFileSync(join(dir, 'cases', `${c.name}.${c.ext}`), c.bytes);
}

if (mode === 'record') {
  rmSync(dir, { recursive: true, force: true });
  await writeCases();
  const got = await outputs(dir, join(dir, 'full'));
  writeFileSync(RECORD, `${JSON.stringify(got, null, 1)}\n`);
  console.log(`recorded ${Object.keys(got).length} cases (inputs in ${dir}) in ${RECORD.pathname}`);
} else {
  if (!existsSync(join(dir, 'cases'))) await writeCases();
  const want = JSON.parse(readFileSync(RECORD, 'utf8')) as Outputs;
  const got = await outputs(dir, null);
  const differ = Object.keys(want).filter((n) => JSON.stringify(want[n]) !== JSON.stringify(got[n]));
  for (const n of differ.slice(0, 30)) {
    const which = (['import', 'checkJson', 'checkText'] as const).filter((k) => want[n]![k] !== got[n]?.[k]);
    console.log(`DIFFERS ${n}: ${which.join(', ')}`);
  }
  if (differ.length > 30) {
    // the rest by the input they vary (excerpt-013.lines-0048.txt is a variant of excerpt-013)
    const bySource = new Map<string, number>();
    for (const n of differ.slice(30)) bySource.set(n.split('.')[0]!, (bySource.get(n.split('.')[0]!) ?? 0) + 1);
    console.log(`… and ${differ.length - 30} more: ${[...bySource].map(([k, v]) => `${k} ×${v}`).join(', ')}`);
  }
  console.log(`${Object.keys(want).length - differ.length} of ${Object.keys(want).length} cases identical (import JSON, check JSON, check text)`);
  process.exitCode = differ.length ? 1 : 0;
}
