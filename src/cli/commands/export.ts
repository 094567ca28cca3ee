// jixiao export FILE|DIR --to FORMAT -o OUT : the official layout (DOCX, PDF, XLSX, HTML) or open data.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { checkReport } from '../../core/check';
import { EXPORT_FORMATS, type ExportFormat, csvFiles, exportReport, isExportFormat, isRendering, RENDERING_LABEL, RENDERINGS } from '../../io/export/index';
import { expandInputs } from '../files';
import { loadFile } from '../load';

export function exportCommand(): Command {
  return new Command('export')
    .description('导出官方版式（DOCX、PDF、XLSX、HTML）或开放数据（JSON、CSV）')
    .argument('<files...>', '报告文件（.txt .docx .xlsx）或目录')
    .requiredOption('--to <format>', `格式：${EXPORT_FORMATS.join(' | ')}`)
    .option('-o, --out <path>', '输出文件；多个文件或 CSV 时为目录（默认当前目录）')
    .option('--rendering <kind>', `版式：${RENDERINGS.map((r) => `${r}=${RENDERING_LABEL[r]}`).join('，')}`, 'official')
    .action(async (inputs: string[], opts: { to: string; out?: string; rendering: string }) => {
      if (!isExportFormat(opts.to)) {
        process.stderr.write(`不支持的格式“${opts.to}”，可用：${EXPORT_FORMATS.join('、')}\n`);
        process.exitCode = 2;
        return;
      }
      if (!isRendering(opts.rendering)) {
        process.stderr.write(`不支持的版式“${opts.rendering}”，可用：${RENDERINGS.join('、')}\n`);
        process.exitCode = 2;
        return;
      }
      const rendering = opts.rendering;
      const format: ExportFormat = opts.to;
      const files = expandInputs(inputs);
      const toDir = files.length > 1 || format === 'csv' || (opts.out != null && isDir(opts.out));
      const bar = files.length > 1 && process.stderr.isTTY ? new cliProgress.SingleBar({ format: '导出中 [{bar}] {value}/{total} {file}', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
      bar?.start(files.length, 0, { file: '' });
      let exit = 0;
      try {
        for (const file of files) {
          const loaded = await loadFile(file);
          bar?.increment({ file });
          if (!loaded.ok) {
            process.stderr.write(`无法导出 ${file}：${loaded.message}\n`);
            exit = 2;
            continue;
          }
          const { report } = loaded.result;
          const { findings, score } = checkReport(report, { truncated: loaded.result.truncated });
          const stem = basename(file, extname(file));
          if (format === 'csv') {
            const dir = join(opts.out ?? '.', files.length > 1 ? stem : '');
            mkdirSync(dir, { recursive: true });
            for (const [name, bytes] of Object.entries(csvFiles(report))) writeFileSync(join(dir, name), bytes);
            if (!bar) process.stdout.write(`已导出 ${dir}/（${Object.keys(csvFiles(report)).join('、')}）\n`);
            continue;
          }
          const out = await exportReport(report, format, { rendering, findings, score });
          const target = toDir ? join(opts.out ?? '.', `${stem}.${out.ext}`) : (opts.out ?? `${stem}.${out.ext}`);
          if (toDir) mkdirSync(opts.out ?? '.', { recursive: true });
          writeFileSync(target, out.bytes);
          if (!bar) process.stdout.write(`已导出 ${target}（${RENDERING_LABEL[rendering]}，${(out.bytes.length / 1024).toFixed(0)} KB）\n`);
        }
      } finally {
        bar?.stop();
        if (format === 'pdf') await (await import('../../io/export/pdf/index')).closeSharedPdfRenderer();
      }
      process.exitCode = exit;
    });
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
