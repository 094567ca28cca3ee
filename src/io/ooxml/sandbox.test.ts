// The worker: errors cross back with their code, time and heap caps end a parse cleanly, the queue
// refuses when full, and the worker starts from TypeScript sources (vitest, tsx) and from built JS.
import { Document, Packer, Paragraph } from 'docx';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readOoxml } from './read';
import { createSandbox } from './sandbox';
import { cjk } from './testing/hostile';
import { docxPackage, documentXml } from './testing/packages';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'jixiao-ooxml-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs node from the repository root (so 'tsx' resolves) and collects its output. */
function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, timeout: 30_000 }, (_err, stdout, stderr) =>
      resolve({ stdout, stderr }),
    );
  });
}

async function sampleDocx(): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('自评报告 87.2217')] }] })));
}
/**
 * A document big enough to outlast a 150 ms cap and to need several times an 8 MB heap: 20,000 short
 * paragraphs of varied CJK text (≈1.7 MB zipped). Objects, not bytes, fill the heap: each paragraph is a few
 * tree nodes, a block in the Doc and its copy on the way out (it still fails with 24 MB; defaults read it).
 */
let big: Uint8Array | undefined;
const bigDocx = () =>
  (big ??= docxPackage(documentXml(Array.from({ length: 20_000 }, (_, i) => `<w:p><w:r><w:t>${cjk(40, i + 1)}</w:t></w:r></w:p>`).join(''))));

describe('sandbox', () => {
  it('gives the same Doc as an in-process read', async () => {
    const bytes = await sampleDocx();
    const inProcess = await readOoxml(bytes, 'a.docx', { inProcess: true });
    expect(await readOoxml(bytes, 'a.docx')).toEqual(inProcess);
    expect(bytes.length).toBeGreaterThan(0); // the caller's bytes were copied, not transferred away
  });

  it('brings the ImportError code and message back from the worker', async () => {
    const bytes = docxPackage(`<!DOCTYPE x [<!ENTITY a "b">]><w:document/>`);
    await expect(readOoxml(bytes, '恶意.docx')).rejects.toMatchObject({
      name: 'ImportError',
      code: 'OOXML.DTD_FORBIDDEN',
      message: expect.stringMatching(/^文件「恶意\.docx」：文件中含有 DTD/),
    });
  });

  it('ends a parse that runs past the time cap', async () => {
    const bytes = bigDocx();
    const t0 = performance.now();
    await expect(readOoxml(bytes, 'slow.docx', { timeoutMs: 150 })).rejects.toMatchObject({ code: 'OOXML.TIMEOUT' });
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('ends a parse that runs past the heap cap, and the process carries on', async () => {
    await expect(
      readOoxml(bigDocx(), 'heavy.docx', { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2, timeoutMs: 20_000 }),
    ).rejects.toMatchObject({ code: 'OOXML.OUT_OF_MEMORY' });
    expect((await readOoxml(await sampleDocx(), 'after.docx')).blocks).toHaveLength(1);
  });

  it('refuses work beyond its queue with OOXML.BUSY', async () => {
    const sandbox = createSandbox({ maxConcurrent: 1, maxQueued: 0 });
    const bytes = await sampleDocx();
    const results = await Promise.allSettled([readOoxml(bytes, 'a.docx', { sandbox }), readOoxml(bytes, 'b.docx', { sandbox })]);
    expect(results[0]!.status).toBe('fulfilled');
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: 'OOXML.BUSY' } });
  });

  it('works from TypeScript sources the two ways this repo runs them: register() (bin/jixiao.mjs, scripts/start.mjs) and --import tsx', async () => {
    writeFileSync(join(tmp, 'a.docx'), await sampleDocx());
    const body = `const doc = await readOoxml(readFileSync(${JSON.stringify(join(tmp, 'a.docx'))}), 'a.docx');
console.log(JSON.stringify(doc));`;
    const read = JSON.stringify(pathToFileURL(join(here, 'read.ts')).href);
    // Plain node: the entry registers tsx itself, then imports the TypeScript sources (how the CLI and server start).
    // Bare 'tsx' would not resolve from the temp folder; the file tsx's "./esm/api" export points at does.
    const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
    writeFileSync(join(tmp, 'register.mjs'), `import { register } from ${JSON.stringify(tsxApi)};
import { readFileSync } from 'node:fs';
register();
const { readOoxml } = await import(${read});
${body}`);
    // .mts: the temp folder has no package.json saying "module".
    writeFileSync(join(tmp, 'import.mts'), `import { readOoxml } from ${read};
import { readFileSync } from 'node:fs';
${body}`);
    const runs = await Promise.all([
      run([join(tmp, 'register.mjs')]),
      run(['--import', 'tsx', join(tmp, 'import.mts')]),
    ]);
    for (const r of runs) {
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).blocks[0].text).toBe('自评报告 87.2217');
    }
  });

  it('works from built JavaScript under plain node (read.js beside ooxml-worker.js)', async () => {
    const require = createRequire(import.meta.url);
    const esbuild = createRequire(require.resolve('tsx/package.json'))('esbuild') as {
      buildSync(o: Record<string, unknown>): unknown;
    };
    const out = join(tmp, 'dist');
    esbuild.buildSync({
      entryPoints: [join(here, 'read.ts'), join(here, 'ooxml-worker.ts')],
      outdir: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      outExtension: { '.js': '.js' },
      logLevel: 'silent',
    });
    writeFileSync(join(out, 'package.json'), '{"type":"module"}');
    writeFileSync(join(tmp, 'a.docx'), await sampleDocx());
    const script = `import { readOoxml } from './dist/read.js';
import { readFileSync } from 'node:fs';
const doc = await readOoxml(readFileSync('a.docx'), 'a.docx');
console.log(JSON.stringify(doc));`;
    writeFileSync(join(tmp, 'run.mjs'), script);
    const r = spawnSync(process.execPath, ['run.mjs'], { cwd: tmp, encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).blocks[0].text).toBe('自评报告 87.2217');
  });
});
