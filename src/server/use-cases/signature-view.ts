// A signature as the API shows it, with whether it still matches the content its signer attested
// (core/workflow/signature.ts says exactly what each role's digest covers; audit/canonical digestMatcher).
import type { SignatureRole } from '../../core/workflow/index';
import { verificationCode } from '../../core/workflow/signature';
import type { SignatureTable } from '../db/schema';

export interface SignatureView {
  id: string;
  role: SignatureRole;
  userId: string;
  signerName: string;
  opinion: string;
  version: number;
  reportHash: string;
  signedAt: string;
  /** printed under the signature; resolves on the public site (/public/verify/:code) */
  code: string;
  /** false once the content changed after signing */
  valid: boolean;
}

export function signatureView(s: SignatureTable, matches: (stored: string) => boolean): SignatureView {
  return {
    id: s.id,
    role: s.role as SignatureRole,
    userId: s.user_id,
    signerName: s.signer_name,
    opinion: s.opinion,
    version: s.version,
    reportHash: s.report_hash,
    signedAt: s.created_at,
    code: verificationCode(s.id),
    valid: matches(s.report_hash),
  };
}

/** Signatures as the printed form takes them (io/export PrintedSignature). */
export function printedSignatures(views: readonly SignatureView[]): Array<Pick<SignatureView, 'role' | 'signerName' | 'signedAt' | 'code' | 'valid'>> {
  return views.map(({ role, signerName, signedAt, code, valid }) => ({ role, signerName, signedAt: chinaDay(signedAt), code, valid }));
}

/** The signing day as the form prints it: the calendar day in China (UTC+8), as an ISO date. */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}
