// Signed checkpoints of the audit chains' heads (issue 13 §4): every chain's last index and hash, with a
// MAC under a key kept outside the database, appended to a file the database administrator cannot
// rewrite (chattr +a, another host, or printed and filed by the auditor). A chain later found shorter
// than a checkpoint, or with another hash at a checkpointed index, was truncated or recomputed.
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CryptoProvider } from '../crypto/provider';
import { sameMac } from '../crypto/provider';
import type { DB } from '../db/schema';
import { canonicalJson } from './canonical';
import { LEGACY_CHAIN } from './chain';

export interface Checkpoint {
  v: 1;
  ts: string;
  /** written by `jixiao restore`: the chains start again from the restored heads; earlier checkpoints are superseded */
  kind?: 'restore';
  /** chain → its head when the checkpoint was taken */
  chains: Record<string, { seq: number; hash: string }>;
  alg: string;
  mac: string;
}

export type ParsedCheckpoint = { ok: true; line: number; checkpoint: Checkpoint } | { ok: false; line: number; reason: string };

function signed(crypto: CryptoProvider, c: Omit<Checkpoint, 'mac'>): string {
  return crypto.mac('checkpoint', canonicalJson(c), c.alg === 'hmac-sm3' ? 'hmac-sm3' : 'hmac-sha256');
}

/** The heads as they are now (the legacy chain's head is its last row by seq). */
export async function takeCheckpoint(db: DB, crypto: CryptoProvider, ts: string, kind?: 'restore'): Promise<Checkpoint> {
  const heads = await db.selectFrom('audit_heads').select(['chain', 'seq', 'hash']).where('seq', '>', 0).orderBy('chain').execute();
  const chains: Checkpoint['chains'] = {};
  for (const h of heads) chains[h.chain] = { seq: h.seq, hash: h.hash };
  const legacy = await db.selectFrom('audit_log').select(['seq', 'hash']).where('chain', '=', LEGACY_CHAIN).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (legacy) chains[LEGACY_CHAIN] = { seq: legacy.seq, hash: legacy.hash };
  const unsigned = { v: 1 as const, ts, ...(kind ? { kind } : {}), chains, alg: crypto.macAlg };
  return { ...unsigned, mac: signed(crypto, unsigned) };
}

export function checkpointLine(c: Checkpoint): string {
  return JSON.stringify(c);
}

/** Appends one line (the file and its folder are created private). */
export function appendCheckpoint(file: string, c: Checkpoint): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const fresh = !existsSync(file);
  appendFileSync(file, `${checkpointLine(c)}\n`, { mode: 0o600, flag: 'a' });
  if (fresh) chmodSync(file, 0o600);
}

/** Every line of a checkpoint file (or of text pasted by the auditor), each checked for its MAC. */
export function parseCheckpoints(text: string, crypto: CryptoProvider): ParsedCheckpoint[] {
  const out: ParsedCheckpoint[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let c: Checkpoint;
    try {
      c = JSON.parse(line) as Checkpoint;
    } catch {
      out.push({ ok: false, line: i + 1, reason: '不是有效的检查点记录' });
      return;
    }
    const { mac, ...rest } = c;
    if (c.v !== 1 || typeof mac !== 'string' || typeof c.chains !== 'object' || c.chains === null) {
      out.push({ ok: false, line: i + 1, reason: '检查点记录格式不正确' });
      return;
    }
    if (!sameMac(mac, signed(crypto, rest))) out.push({ ok: false, line: i + 1, reason: '检查点签名不符：记录被改动或不是用本系统密钥签发的' });
    else out.push({ ok: true, line: i + 1, checkpoint: c });
  });
  return out;
}

export function readCheckpointFile(file: string, crypto: CryptoProvider): ParsedCheckpoint[] {
  return existsSync(file) ? parseCheckpoints(readFileSync(file, 'utf8'), crypto) : [];
}
