// A signature as the API shows it, with whether it still matches the report's current content.
import type { SignatureRole } from '../../core/workflow/index';
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
    valid: matches(s.report_hash),
  };
}
