// Canonical JSON (sorted keys, NFC strings, no whitespace): the one byte form that report digests and
// audit hashes are computed over, so any verifier, in any language, gets the same bytes.
import { createHash } from 'node:crypto';
import type { CryptoProvider } from '../crypto/provider';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : normalise(v)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key.normalize('NFC')] = normalise(v);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

type Digester = Pick<CryptoProvider, 'digest' | 'digestAlg'>;

/**
 * The digest a signature binds to: the suite's hash of the canonical report JSON (SHA-256, or SM3 with
 * 国密 on, written "sm3:<hex>" so a stored digest always says how to recompute it).
 */
export function reportDigest(crypto: Digester, report: unknown, alg: 'sha256' | 'sm3' = crypto.digestAlg): string {
  const hex = crypto.digest(canonicalJson(report), alg);
  return alg === 'sm3' ? `sm3:${hex}` : hex;
}

/** A matcher of stored digests against one document, each algorithm computed at most once. */
export function digestMatcher(crypto: Digester, report: unknown): (stored: string) => boolean {
  const memo = new Map<string, string>();
  return (stored) => {
    const alg = stored.startsWith('sm3:') ? 'sm3' : 'sha256';
    let d = memo.get(alg);
    if (d === undefined) memo.set(alg, (d = reportDigest(crypto, report, alg)));
    return d === stored;
  };
}

/** The digests recorded for a file (import, export): SHA-256 always, SM3 too with 国密 on. */
export function fileDigests(crypto: Pick<CryptoProvider, 'digest' | 'suite'>, bytes: Uint8Array): { sha256: string; sm3?: string } {
  return { sha256: sha256Hex(bytes), ...(crypto.suite === 'gm' ? { sm3: crypto.digest(bytes, 'sm3') } : {}) };
}
