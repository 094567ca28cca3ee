// Command-line file arguments: files as given, directories walked for the formats Jixiao imports.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { IMPORT_EXTENSIONS } from '../io/import/extensions';

const IMPORTABLE: ReadonlySet<string> = new Set(IMPORT_EXTENSIONS);

export function expandInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = statSync(input);
    } catch {
      out.push(input); // reported as unreadable by the caller, with its name
      continue;
    }
    if (st.isDirectory()) out.push(...walk(input));
    else out.push(input);
  }
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    else if (IMPORTABLE.has(extname(entry.name).toLowerCase())) out.push(p);
  }
  return out;
}
