// Benchmark (not a test): DOCX import of the seed report in-process (no sandbox) beside mammoth converting the
// same bytes to HTML, then the throughput of the XML path on a large document.xml and a large sharedStrings.xml.
// Target: DOCX import ≥ 3× faster than mammoth. Times are process CPU time (user + system, all threads),
// which a shared, loaded machine disturbs far less than wall time; wall time is shown beside it.
//   npx tsx bench/docx-import.ts [runs]
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { readOoxml } from '../src/io/ooxml/read';
import { resolveLimits } from '../src/io/ooxml/limits';
import { cjk } from '../src/io/ooxml/testing/hostile';
import { docxPackage, xlsxPackage } from '../src/io/ooxml/testing/packages';
import { renderReportDocx } from '../src/io/export/docx/index';
import { importDoc } from '../src/io/import/index';
import { seedReport } from '../test/helpers/seed';
import { scanXml } from '../src/io/ooxml/xml-scan';

const RUNS = Number(process.argv[2] ?? 300);
const ROUNDS = 6; // the two sides alternate in rounds, so a burst of load elsewhere hits both alike
const dec = new TextDecoder();

interface Sample {
  cpuMs: number;
  wallMs: number;
}

async function timeOnce(fn: () => Promise<unknown>, runs: number): Promise<Sample> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await fn();
  const cpu = process.cpuUsage(c0);
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs: Number(process.hrtime.bigint() - t0) / 1e6 };
}

/** Per-run CPU and wall milliseconds of each side, the sides alternating round by round. */
async function compare(sides: Record<string, () => Promise<unknown>>, runs: number): Promise<Record<string, Sample>> {
  const total: Record<string, Sample> = {};
  for (const [name, fn] of Object.entries(sides)) {
    for (let i = 0; i < 20; i++) await fn(); // warm up the JIT
    total[name] = { cpuMs: 0, wallMs: 0 };
  }
  const per = Math.max(1, Math.round(runs / ROUNDS));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, fn] of Object.entries(sides)) {
      const s = await timeOnce(fn, per);
      total[name]!.cpuMs += s.cpuMs;
      total[name]!.wallMs += s.wallMs;
    }
  }
  const n = per * ROUNDS;
  return Object.fromEntries(Object.entries(total).map(([k, s]) => [k, { cpuMs: s.cpuMs / n, wallMs: s.wallMs / n }]));
}

const ms = (s: Sample) => `${s.cpuMs.toFixed(2).padStart(7)} ms CPU  (${s.wallMs.toFixed(2)} ms wall)`;

/** A document.xml of about `mb` MB: the seed's body repeated, under the seed's own root and section. */
function bigDocumentXml(seedXml: string, mb: number): string {
  const open = seedXml.indexOf('<w:body>') + '<w:body>'.length;
  const close = seedXml.lastIndexOf('<w:sectPr');
  const body = seedXml.slice(open, close);
  const copies = Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(body));
  return seedXml.slice(0, open) + body.repeat(copies) + seedXml.slice(close);
}

/** A sharedStrings.xml of about `mb` MB: varied CJK strings, every fifth one rich text, as Excel writes them. */
function bigSharedStrings(mb: number): { xml: string; count: number } {
  const items: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const s = cjk(8 + (i % 40), i + 1);
    const si =
      i % 5 === 0
        ? `<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>${s}</t></r><r><t xml:space="preserve"> ${i}.0000</t></r></si>`
        : `<si><t>${s}</t></si>`;
    items.push(si);
    size += Buffer.byteLength(si);
  }
  return { xml: items.join(''), count: items.length };
}

async function throughput(label: string, bytes: Uint8Array, xmlBytes: number, runs: number): Promise<void> {
  await readOoxml(bytes, 'big', { inProcess: true }); // warm up
  const s = await timeOnce(() => readOoxml(bytes, 'big', { inProcess: true }), runs);
  const mbs = (xmlBytes / 2 ** 20) / (s.cpuMs / runs / 1000);
  console.log(`${label.padEnd(44)} ${(xmlBytes / 2 ** 20).toFixed(1)} MB: ${(s.cpuMs / runs).toFixed(0).padStart(5)} ms CPU per import → ${mbs.toFixed(1)} MB/s of XML (wall ${(s.wallMs / runs).toFixed(0)} ms)`);
}

// The official-layout DOCX Jixiao exports for the seed: the shape of a real Yueyang Word report.
const seed = await renderReportDocx(seedReport());
const seedXml = dec.decode(unzipSync(seed)['word/document.xml']!);
console.log(`Node ${process.version}; seed DOCX ${(seed.length / 1024).toFixed(1)} KB, word/document.xml ${(Buffer.byteLength(seedXml) / 1024).toFixed(1)} KB; ${RUNS} runs a side`);

const seedBuffer = Buffer.from(seed);
const r = await compare(
  {
    jixiao: async () => importDoc(await readOoxml(seed, 'seed.docx', { inProcess: true })),
    mammoth: () => mammoth.convertToHtml({ buffer: seedBuffer }),
  },
  RUNS,
);
const ratio = r.mammoth!.cpuMs / r.jixiao!.cpuMs;
console.log(`DOCX import to a Report (in-process) ${ms(r.jixiao!)}`);
console.log(`mammoth.convertToHtml                ${ms(r.mammoth!)}`);
console.log(`ratio (mammoth / import, CPU): ${ratio.toFixed(2)}×  target ≥ 3×: ${ratio >= 3 ? 'met' : 'NOT met'}   (wall: ${(r.mammoth!.wallMs / r.jixiao!.wallMs).toFixed(2)}×)`);

const bigXml = bigDocumentXml(seedXml, 10);
const bigDocx = docxPackage(bigXml);
await throughput('large document.xml (seed body repeated)', bigDocx, Buffer.byteLength(bigXml), 5);
{
  // The XML layer alone on the same text (no zip, no tree, no reader): every event through the safe layer.
  const sink = { open() {}, text() {}, close() {} };
  const limits = resolveLimits();
  scanXml(bigXml, 'bench', limits, sink);
  const s = await timeOnce(async () => scanXml(bigXml, 'bench', limits, sink), 5);
  const mbs = (Buffer.byteLength(bigXml) / 2 ** 20) / (s.cpuMs / 5 / 1000);
  console.log(`${'  of which the XML layer alone (scanXml)'.padEnd(44)} ${(s.cpuMs / 5).toFixed(0).padStart(5)} ms CPU → ${mbs.toFixed(1)} MB/s`);
}

const sst = bigSharedStrings(10);
const sheet = `<sheetData>${Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}">${[0, 1, 2, 3, 4].map((c) => `<c r="${'ABCDE'[c]}${i + 1}" t="s"><v>${(i * 5 + c) % sst.count}</v></c>`).join('')}</row>`).join('')}</sheetData>`;
const bigXlsx = xlsxPackage([{ name: 'S', xml: sheet }], sst.xml);
await throughput(`large sharedStrings.xml (${sst.count} strings)`, bigXlsx, Buffer.byteLength(sst.xml), 5);
