// Manual look (not a test): renders the seed as DOCX (and XLSX), converts them to PDF with LibreOffice and
// the pages to PNG, so a person can check what a finance officer will see. From the repo root:
//   npx tsx src/io/export/docx/look.ts [outDir]        → test-artifacts/docx/{seed.docx,seed.pdf,page-NN.png,…}
// Needs: apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk poppler-utils
// (and libreoffice-calc-nogui for the XLSX pages). The official fonts are mapped to Noto CJK by a private
// fontconfig file and LibreOffice runs on a private profile; nothing in /etc or $HOME is changed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderReportXlsx } from '../xlsx/index';
import { renderReportDocx } from './index';
import { seedReport } from '../../../../test/helpers/seed';

const ALIASES: Array<[string, string]> = [
  ['仿宋_GB2312', 'Noto Serif CJK SC'],
  ['方正小标宋简体', 'Noto Serif CJK SC'],
  ['宋体', 'Noto Serif CJK SC'],
  ['黑体', 'Noto Sans CJK SC'],
  ['楷体_GB2312', 'Noto Serif CJK SC'],
];

function fontsConf(dir: string): string {
  const aliases = ALIASES.map(
    ([from, to]) => `<alias binding="same"><family>${from}</family><prefer><family>${to}</family></prefer></alias>`,
  ).join('\n');
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${aliases}\n</fontconfig>\n`,
  );
  return file;
}

function toPdf(files: string[], out: string): void {
  const work = mkdtempSync(join(tmpdir(), 'jixiao-look-'));
  try {
    const env = { ...process.env, FONTCONFIG_FILE: fontsConf(work) };
    const profile = `file://${join(work, 'lo-profile')}`;
    for (const file of files) {
      execFileSync(
        'soffice',
        ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', out, file],
        { env, stdio: 'inherit' },
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'test-artifacts/docx');
  mkdirSync(out, { recursive: true });
  const report = seedReport();
  const docx = join(out, 'seed.docx');
  const xlsx = join(out, 'seed-xlsx.xlsx');
  writeFileSync(docx, await renderReportDocx(report));
  writeFileSync(xlsx, await renderReportXlsx(report));
  toPdf([docx, xlsx], out);
  const pdf = join(out, 'seed.pdf');
  for (const f of readdirSync(out)) if (/^(page|xlsx)-\d+\.png$/.test(f)) rmSync(join(out, f));
  execFileSync('pdftoppm', ['-r', '80', '-png', pdf, join(out, 'page')]);
  try {
    execFileSync('pdftoppm', ['-r', '60', '-png', join(out, 'seed-xlsx.pdf'), join(out, 'xlsx')]);
  } catch {
    console.log('no XLSX pages (install libreoffice-calc-nogui to see them)');
  }
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = readdirSync(out).filter((f) => f.startsWith('page-')).length;
  const missing = ['党群工作部', '999236', '87.2217', '85.33', '46.90', '2.5285', '优秀', '王焱'].filter((s) => !text.includes(s));
  console.log(`${pdf}: ${pages} pages; missing in pdftotext: ${missing.length ? missing.join(', ') : 'none'}`);
}

await main();
