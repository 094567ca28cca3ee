// Personal data at rest (等保 DB-DC-2, 密评 MP-5): the fields of a report that identify a person are
// stored sealed with the data key (SM4 with 国密 on, AES-256-GCM otherwise; crypto/provider.ts), in the
// report row and in every version, and opened when a use-case reads them. The inventory is this list.
import type { Report } from '../../core/model/report';
import type { CryptoProvider } from './provider';

/** 联络电话 and the preparer's phone (ID numbers join this list when the model carries them). */
export const PERSONAL_FIELDS = [
  ['overview', 'phone'],
  ['preparer', 'phone'],
] as const;

type Section = (typeof PERSONAL_FIELDS)[number][0];

function mapFields(report: Report, f: (value: string) => string): Report {
  const out: Report = { ...report };
  for (const [section, field] of PERSONAL_FIELDS) {
    const part = report[section as Section] as Record<string, unknown> | undefined;
    const value = part?.[field];
    if (typeof value === 'string' && value !== '') (out as Record<string, unknown>)[section] = { ...part, [field]: f(value) };
  }
  return out;
}

/** A copy to store: personal fields sealed (the rest shared with `report`). */
export function sealPersonal(crypto: Pick<CryptoProvider, 'seal'>, report: Report): Report {
  return mapFields(report, (v) => crypto.seal(v));
}

/**
 * The stored document as people read it. Values stored before sealing pass through, and so does one that
 * only looks sealed (a person may type "enc1:…" into a phone field): it stays what was typed.
 */
export function openPersonal(crypto: Pick<CryptoProvider, 'open'>, report: Report): Report {
  return mapFields(report, (v) => openOrKeep(crypto, v));
}

function openOrKeep(crypto: Pick<CryptoProvider, 'open'>, v: string): string {
  try {
    return crypto.open(v);
  } catch {
    return v;
  }
}

// every personal field is a "phone" (PERSONAL_FIELDS), and a sealed value never contains a quote
const SEALED_PHONE = /"phone"\s*:\s*"(enc1:[^"\\]+)"/g;

/** The same opening done on the stored JSON text, without parsing it (a large report's view). */
export function openSealedText(crypto: Pick<CryptoProvider, 'open'>, text: string): string {
  return text.replace(SEALED_PHONE, (_m, sealed: string) => `"phone":${JSON.stringify(openOrKeep(crypto, sealed))}`);
}
