// `npm run bench`: the benchmarks by name, one after another, each in its own process (so one's heap and
// JIT state do not colour the next). Without names it runs the in-process ones that need no server,
// database or browser; the others are named explicitly because they take minutes or need services.
//   npm run bench                      # import, docx-import, export
//   npm run bench -- server web        # named ones; extra arguments after `--` go to a single named bench
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = {
  import: { file: 'import-check.ts', what: 'import + check + score per stage beside the read-and-split baseline', quick: true },
  'docx-import': { file: 'docx-import.ts', what: 'DOCX import beside mammoth', quick: true },
  export: { file: 'docx-xlsx-export.ts', what: 'DOCX and XLSX export of the seed', quick: true },
  pdf: { file: 'pdf-export.ts', what: 'HTML and PDF through a warm Chromium, beside LibreOffice', quick: false },
  copy: { file: 'copy-detect.ts', what: 'copied-text detection over 30,000 reports', quick: false },
  server: { file: 'server-load.ts', what: 'the web app at 200,000 reports under autocannon', quick: false },
  'pg-writes': { file: 'pg-writes.ts', what: 'audited writes on PostgreSQL, one and two instances', quick: false },
  web: { file: 'web-load.ts', what: 'the web app in chromium: bytes, time to usable, keystroke latency', quick: false },
} as const satisfies Record<string, { file: string; what: string; quick: boolean }>;
type Name = keyof typeof BENCHES;

const args = process.argv.slice(2);
const names = args.filter((a): a is Name => a in BENCHES);
const unknown = args.filter((a) => !(a in BENCHES) && !a.startsWith('-') && names.length !== 1);
if (unknown.length || args.includes('--help')) {
  console.log('用法：npm run bench -- [名称…]');
  for (const [name, b] of Object.entries(BENCHES)) console.log(`  ${name.padEnd(12)} ${b.what}${b.quick ? '（默认）' : ''}`);
  process.exit(unknown.length ? 2 : 0);
}
const chosen: Name[] = names.length ? names : (Object.keys(BENCHES) as Name[]).filter((n) => BENCHES[n].quick);
// only a single named bench takes the remaining arguments (its counts and runs)
const passOn = names.length === 1 ? args.filter((a) => a !== names[0]) : [];

let failed = 0;
for (const name of chosen) {
  console.log(`\n== ${name}: ${BENCHES[name].what}`);
  const file = fileURLToPath(new URL(BENCHES[name].file, import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, ...passOn], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
