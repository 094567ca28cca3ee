// What each signature attests, and what signing writes on the form. Pure: the server hashes the
// attested content (canonical JSON, SHA-256) when a signature is given and again when it is shown.
//
// Every signature covers the whole report except
//   - the signer and date of every sign-off block and the 签字 cell of every evaluator row (the marks
//     signing itself writes: they are the signatures, not what is signed), and
//   - the opinions written after the signer's turn, in the form's order 评价组 → 部门负责人 → 归口科室:
//     evaluator, leader: not signoffs.department.opinion nor signoffs.finance.opinion;
//     head (部门负责人): its own signoffs.department.opinion, not signoffs.finance.opinion;
//     reviewer (财政归口业务科室): both opinions.
// So the department's signers attest the department's content, and the finance opinion added after
// does not void them; any other change — a figure, an indicator, the narrative, an evaluator's name, an
// earlier opinion — voids the signature.
import type { Report } from '../model/report';
import type { SignatureRole } from './index';

type BlockKey = keyof Report['signoffs'];

/** The sign-off block a role's signature fills (evaluators sign their own row of the evaluators table). */
export const SIGNATURE_BLOCK: Record<Exclude<SignatureRole, 'evaluator'>, BlockKey> = { leader: 'leader', head: 'department', reviewer: 'finance' };

/** The blocks whose opinion a role's signature covers: its own and those written before its turn. */
const ATTESTED_OPINIONS: Record<SignatureRole, readonly BlockKey[]> = {
  evaluator: ['leader'],
  leader: ['leader'],
  head: ['leader', 'department'],
  reviewer: ['leader', 'department', 'finance'],
};

/** The content a signature by `role` attests (see the header comment). */
export function attestedContent(report: Report, role: SignatureRole): unknown {
  const signoffs = Object.fromEntries(ATTESTED_OPINIONS[role].map((k) => [k, { opinion: report.signoffs[k].opinion }]));
  return {
    ...report,
    signoffs,
    evaluators: report.evaluators.map(({ signature: _mark, ...rest }) => rest),
  };
}

/**
 * The report with the signature written on the form: the block's signer and date (the date in the
 * signing day), or an evaluator's 签字 cell on the row bearing the signer's name. The opinion, when
 * given, is the block's opinion. The attested content of every signer is unchanged by this, except
 * the block's opinion, which its own signer attests.
 */
export function withSignature(report: Report, role: SignatureRole, signer: string, dateIso: string, opinion?: string): Report {
  const date = dateIso.slice(0, 10);
  const next = structuredClone(report);
  if (role === 'evaluator') {
    const row = next.evaluators.find((e) => e.name.trim() === signer.trim());
    if (row) row.signature = signer;
    return next;
  }
  const block = next.signoffs[SIGNATURE_BLOCK[role]];
  block.signer = signer;
  block.date = date;
  if (opinion && opinion.trim()) block.opinion = opinion.trim();
  return next;
}

/**
 * `next` with the marks signing writes — every block's signer and date, each evaluator's 签字 cell —
 * taken from `current`: what a save or a restore may not change (typing a name into the block is not a
 * signature; signing is). An evaluator's mark follows the row's name, so adding, removing or reordering
 * rows keeps each person's mark on their row; a new name gets an empty 签字 cell.
 */
export function keepSignatureMarks(current: Report, next: Report): Report {
  const signoffs = { ...next.signoffs };
  for (const key of Object.keys(signoffs) as BlockKey[]) {
    const was = current.signoffs[key];
    signoffs[key] = { ...signoffs[key], signer: was?.signer ?? '', date: was?.date ?? null };
  }
  const marks = new Map<string, string>();
  for (const e of current.evaluators) if (e.signature && !marks.has(e.name.trim())) marks.set(e.name.trim(), e.signature);
  const evaluators = next.evaluators.map((e) => ({ ...e, signature: marks.get(e.name.trim()) ?? '' }));
  return { ...next, signoffs, evaluators };
}

/** The signature marks `next` changes against `current` (paths), which a save refuses. */
export function signatureMarkChanges(current: Report, next: Report): string[] {
  const kept = keepSignatureMarks(current, next);
  const out: string[] = [];
  for (const key of Object.keys(next.signoffs) as BlockKey[]) {
    if (next.signoffs[key].signer !== kept.signoffs[key].signer) out.push(`signoffs.${key}.signer`);
    if (next.signoffs[key].date !== kept.signoffs[key].date) out.push(`signoffs.${key}.date`);
  }
  next.evaluators.forEach((e, i) => {
    if (e.signature !== kept.evaluators[i]!.signature) out.push(`evaluators[${i}].signature`);
  });
  return out;
}

/** Whether a report path is one of the marks only signing writes. */
export function isSignatureMark(path: string): boolean {
  return /^signoffs\.\w+\.(signer|date)$/.test(path) || /^evaluators\[\d+\]\.signature$/.test(path);
}

/**
 * The verification code printed under a signature: the first 48 random bits of its id (a v4 UUID), in
 * three groups. Anyone holding the printed form can look it up on the public site.
 */
export function verificationCode(signatureId: string): string {
  const hex = signatureId.replace(/-/g, '').slice(0, 12).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}

/** The id prefix a code stands for ("8F3A-…" → "8f3a…-…"), or null when it is not a code. */
export function codePrefix(code: string): string | null {
  const hex = code.replace(/[-\s]/g, '').toLowerCase();
  if (!/^[0-9a-f]{12}$/.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}

/** The distinct attested contents (evaluator and leader attest the same). */
export function attestedVariants(report: Report): unknown[] {
  return (['leader', 'head', 'reviewer'] as const).map((r) => attestedContent(report, r));
}
