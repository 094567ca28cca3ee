// 预决算公开 redaction: what a published report may not show. Telephone numbers always go — the form's
// phone fields entirely, and mobile and landline numbers wherever they are written; personal names go
// where the bureau so configures (contact, preparer, evaluators), except the signers', whose names the
// public signature stands for. Applied to the report before anything public is rendered from it
// (HTML, PDF, JSON, CSV): one function, so no format can leak what another hides.
import type { Report } from '../model/report';

export interface RedactionOptions {
  /** hide personal names other than the signers' (the bureau's setting) */
  names: boolean;
  /** names that stay: the signers of valid signatures */
  signers?: readonly string[];
}

export const REDACTED = '（已隐去）';

// 138 1234 5678, +86-13812345678, 0730-8690022, (0730)8690022, 8690022 after 电话/联系方式 …
const MOBILE = /(?:\+?86[-\s]?)?(?<!\d)1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g;
const LANDLINE = /(?<![\d.])(?:[(（]0\d{2,3}[)）]|0\d{2,3}[-－—\s])\s?\d{7,8}(?:[-－]\d{1,4})?(?![\d.])/g;
const CUED = /((?:电话|手机|座机|联系方式|联系号码|tel|Tel|TEL)[：:\s]*)(\d{7,8})(?![\d.])/g;

/** A text with every telephone number replaced. */
export function redactPhones(text: string): string {
  return text.replace(MOBILE, REDACTED).replace(LANDLINE, REDACTED).replace(CUED, (_m, cue: string) => `${cue}${REDACTED}`);
}

function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  return value;
}

/** The report as it may be published. `sources` (where values were read in an uploaded file) is dropped. */
export function redactReport(report: Report, o: RedactionOptions): Report {
  const r = structuredClone(report);
  r.sources = {};
  r.overview.phone = r.overview.phone.trim() ? REDACTED : '';
  r.preparer.phone = r.preparer.phone.trim() ? REDACTED : '';
  const hidden = new Set<string>();
  if (o.names) {
    const keep = new Set((o.signers ?? []).map((s) => s.trim()).filter(Boolean));
    const hide = (name: string): string => {
      const n = name.trim();
      if (!n || keep.has(n)) return name;
      hidden.add(n);
      return REDACTED;
    };
    r.overview.contact = hide(r.overview.contact);
    r.preparer.name = hide(r.preparer.name);
    for (const e of r.evaluators) {
      e.name = hide(e.name);
      if (e.signature.trim() && !keep.has(e.signature.trim())) e.signature = REDACTED;
    }
  }
  // longest first, so a name inside a longer one is not cut in half
  const names = [...hidden].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
  return mapStrings(r, (s) => {
    let out = redactPhones(s);
    for (const n of names) out = out.split(n).join(REDACTED);
    return out;
  });
}
