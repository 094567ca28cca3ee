// What a backup says about itself (written beside it as <file>.manifest.json): when, from where, its size
// and SHA-256, and what was verified on the copy — SQLite's integrity check and the audit chains — so a
// restore can refuse a copy that was damaged or altered since.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import type { ChainReport } from '../audit/verify';

export interface BackupManifest {
  v: 1;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  file: string;
  bytes: number;
  sha256: string;
  integrity: string;
  chain: Pick<ChainReport, 'ok' | 'count' | 'headHash' | 'firstBroken'> & { chains: number };
  rows: { reports: number; versions: number; users: number };
}

export async function fileSha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export function manifestPath(file: string): string {
  return `${file}.manifest.json`;
}

export function writeManifest(m: BackupManifest): void {
  writeFileSync(manifestPath(m.file), `${JSON.stringify(m, null, 2)}\n`, { mode: 0o600 });
}

export function readManifest(file: string): BackupManifest | null {
  try {
    return JSON.parse(readFileSync(manifestPath(file), 'utf8')) as BackupManifest;
  } catch {
    return null;
  }
}
