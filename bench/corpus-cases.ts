// The recorded corpus's inputs: every way a report reaches the importer that this repository can make.
// The seed and the real excerpts, every line prefix of each (copies cut off anywhere) and cuts inside
// lines, the damaged variants of test/helpers/variants.ts (and their prefixes), other encodings, the
// large report, and generated reports read back through HTML (as a web copy), DOCX and XLSX.
import { readdirSync, readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { renderReportDocx } from '../src/io/export/docx/index';
import { renderReportHtml } from '../src/io/export/html/index';
import { renderReportXlsx } from '../src/io/export/xlsx/index';
import { importText } from '../src/io/import/index';
import { generateReport } from '../test/helpers/generate';
import { toPipes, toPlain, toTraditional, toTraditionalAll, withChrome, withoutColons, yearAsDash } from '../test/helpers/variants';
import { largeReport, SEED_TEXT, seedVariant } from './fixtures';

export interface Case {
  name: string;
  ext: 'txt' | 'docx' | 'xlsx';
  bytes: Uint8Array;
}

/** The committed record: per case, hashes of its `import --json`, `check --json` and `check` text outputs. */
export const RECORD = new URL('./corpus-record.json', import.meta.url);
/** The record's entries for the summary table that closes each chunk's `jixiao check` text output. */
export const SUMMARY = '汇总#';

const EXCERPTS = new URL('../test/fixtures/real-excerpts/', import.meta.url);
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** A rendered HTML page as a browser's "copy as text" gives it: cells followed by " |", rows by a line of pipes. */
export function htmlToWebCopy(html: string): string {
  let out = '';
  let skip = 0;
  const BLOCK = /^(p|div|h[1-6]|li|caption|table|section|header|footer)$/;
  const parser = new Parser({
    onopentag(name) {
      if (name === 'style' || name === 'script' || name === 'title') skip++;
      if (name === 'br') out += '\n';
    },
    ontext(text) {
      if (!skip) out += text.replace(/\s+/g, ' ');
    },
    onclosetag(name) {
      if (name === 'style' || name === 'script' || name === 'title') skip--;
      else if (name === 'td' || name === 'th') out += ' |';
      else if (name === 'tr') out += '\n||||||||\n';
      else if (BLOCK.test(name)) out += '\n';
    },
  }, { decodeEntities: false });
  parser.write(html);
  parser.end();
  return out.replace(/\n{3,}/g, '\n\n');
}

function prefixes(name: string, text: string, step = 1): Case[] {
  const lines = text.split('\n');
  const out: Case[] = [];
  for (let n = 1; n < lines.length; n += step) out.push({ name: `${name}.lines-${String(n).padStart(4, '0')}`, ext: 'txt', bytes: utf8(lines.slice(0, n).join('\n')) });
  return out;
}

function cuts(name: string, text: string, stride: number): Case[] {
  const out: Case[] = [];
  for (let at = stride; at < text.length; at += stride) out.push({ name: `${name}.cut-${String(at).padStart(6, '0')}`, ext: 'txt', bytes: utf8(text.slice(0, at)) });
  return out;
}


/** Every case; `sample` keeps three of the twelve generated DOCX/XLSX pairs (rendering and reading them is most of the time). */
export async function corpusCases(sample = false): Promise<Case[]> {
  const texts: Array<[string, string]> = [['seed', SEED_TEXT]];
  for (const f of readdirSync(EXCERPTS).filter((f) => f.endsWith('.txt')).sort()) texts.push([`excerpt-${f.replace(/\.txt$/, '')}`, readFileSync(new URL(f, EXCERPTS), 'utf8')]);
  const variants: Array<[string, (t: string) => string]> = [
    ['pipes', toPipes],
    ['plain', toPlain],
    ['traditional', toTraditional],
    ['traditional-all', toTraditionalAll],
    ['year-dash', yearAsDash],
    ['no-colons', withoutColons],
    ['chrome', withChrome],
    ['crlf', (t) => t.replace(/\n/g, '\r\n')],
    ['web-chars', (t) => t.replace(/党群工作部/g, '党群\u200b工作部').replace(/：/g, '：&nbsp;').replace(/2021/g, '２０２１')],
  ];
  const cases: Case[] = [];
  for (const [name, text] of texts) {
    cases.push({ name, ext: 'txt', bytes: utf8(text) }, ...prefixes(name, text));
    for (const [v, make] of variants) cases.push({ name: `${name}.${v}`, ext: 'txt', bytes: utf8(make(text)) });
  }
  cases.push(...cuts('seed', SEED_TEXT, 53));
  for (const v of ['pipes', 'plain', 'traditional-all'] as const) {
    const make = variants.find(([n]) => n === v)![1];
    cases.push(...prefixes(`seed.${v}`, make(SEED_TEXT), 3));
  }
  cases.push({ name: 'seed.utf16le', ext: 'txt', bytes: new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED_TEXT, 'utf16le')])) });
  cases.push({ name: 'seed.bom', ext: 'txt', bytes: utf8(`\ufeff${SEED_TEXT}`) });
  for (let i = 0; i < 20; i++) cases.push({ name: `seed-variant-${String(i).padStart(2, '0')}`, ext: 'txt', bytes: utf8(seedVariant(i * 37)) });
  for (const [subs, inds] of [[100, 400], [30, 120], [3, 40]] as const) cases.push({ name: `large-${subs}x${inds}`, ext: 'txt', bytes: utf8(largeReport(subs, inds)) });
  for (let i = 1; i <= 12; i++) {
    const r = generateReport(i);
    const id = `generated-${String(i).padStart(2, '0')}`;
    cases.push({ name: `${id}.html`, ext: 'txt', bytes: utf8(htmlToWebCopy(renderReportHtml(r, { standalone: true }))) });
    if (sample && i > 3) continue;
    cases.push({ name: `${id}.docx`, ext: 'docx', bytes: await renderReportDocx(r) });
    cases.push({ name: `${id}.xlsx`, ext: 'xlsx', bytes: await renderReportXlsx(r) });
  }
  const seed = importText(SEED_TEXT).report;
  cases.push({ name: 'seed.docx', ext: 'docx', bytes: await renderReportDocx(seed) }, { name: 'seed.xlsx', ext: 'xlsx', bytes: await renderReportXlsx(seed) });
  // a blank prefix is refused before anything is read: not worth a case
  return cases.filter((c) => c.ext !== 'txt' || Buffer.from(c.bytes).toString('utf8').trim() !== '');
}
