// Reading one file for the CLI: import it, or say in Chinese why it cannot be read.
import { readFileSync } from 'node:fs';
import { type ImportResult, ImportError, importFile } from '../io/import/index';

export type Loaded = { file: string; ok: true; result: ImportResult } | { file: string; ok: false; code: string; message: string };

export async function loadFile(file: string): Promise<Loaded> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `找不到文件：${file}` : code === 'EISDIR' ? `这是一个目录：${file}` : `无法读取文件 ${file}（${code ?? String(e)}）`;
    return { file, ok: false, code: 'FILE.UNREADABLE', message };
  }
  return loadBytes(file, bytes);
}

/** A file's bytes already read: imported, or why not. */
export async function loadBytes(file: string, bytes: Uint8Array): Promise<Loaded> {
  try {
    return { file, ok: true, result: await importFile(bytes, file) };
  } catch (e) {
    if (e instanceof ImportError) return { file, ok: false, code: e.code, message: e.message };
    throw e;
  }
}
