// The preparer's submit, grouped (issue 11 §2): errors she can settle now — fix them, or waive them with a
// reason the reviewers read — and errors another role settles after her submit (the 组长's and the
// head's signatures, 部门意见). The latter need no waiver at her submit; the head's approval is their
// guard. Defined once here for the server's guards and the submit dialog alike.
import type { Finding } from '../model/finding';
import { blockingFindings, checkSignature, EDITABLE_STATUSES, STATUSES, type SignatureRole, type Waiver } from './index';
import { SIGNATURE_BLOCK } from './signature';

/** Roles that write on the form after the department's preparer, and the block each one writes. */
const LATER_BLOCKS = (Object.entries(SIGNATURE_BLOCK) as Array<[Exclude<SignatureRole, 'evaluator'>, string]>)
  .filter(([role]) => STATUSES.some((s) => !EDITABLE_STATUSES.includes(s) && checkSignature(s, role, [role]).ok))
  .map(([role, block]) => ({ role, prefix: `signoffs.${block}` }));

const within = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`);

/** The role that settles this finding after the preparer submits, or null when it is hers to settle. */
export function laterRole(f: Pick<Finding, 'path'>): Exclude<SignatureRole, 'evaluator'> | null {
  return LATER_BLOCKS.find((b) => within(f.path, b.prefix))?.role ?? null;
}

export interface SubmitGroups {
  /** errors the preparer settles at her submit: fixed, or waived with a reason */
  now: Finding[];
  /** errors another role settles later (no waiver needed now) */
  later: Array<{ finding: Finding; role: Exclude<SignatureRole, 'evaluator'> }>;
}

export function submitGroups(findings: readonly Finding[]): SubmitGroups {
  const out: SubmitGroups = { now: [], later: [] };
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    const role = laterRole(f);
    if (role) out.later.push({ finding: f, role });
    else out.now.push(f);
  }
  return out;
}

/** What still blocks the preparer's submit: her own errors without a waiver. */
export function submitBlocking(findings: readonly Finding[], waivers: readonly Waiver[]): Finding[] {
  return blockingFindings(submitGroups(findings).now, waivers);
}

/**
 * What still blocks the head's 审核通过: the department's later-role errors (the 组长's signature, 部门意见
 * and the head's own block), unless the preparer waived them at her submit.
 */
export function approveBlocking(findings: readonly Finding[], waivers: readonly Waiver[]): Finding[] {
  return blockingFindings(submitGroups(findings).later.filter((l) => l.role !== 'reviewer').map((l) => l.finding), waivers);
}

/** The fewest characters a waiver's reason has: one word ("x", "无") explains nothing to a reviewer. */
export const MIN_WAIVER_REASON = 4;

/** Why a (non-blank) waiver reason is not a reason, or null when it will do. */
export function waiverReasonProblem(reason: string): string | null {
  const r = reason.trim();
  if (!r) return null;
  if ([...r].length < MIN_WAIVER_REASON) return `豁免理由至少写 ${MIN_WAIVER_REASON} 个字，说明为何无法修正`;
  if (new Set(r.replace(/\s/g, '')).size === 1 || /^[\p{N}\p{P}\p{S}\s]+$/u.test(r)) return '豁免理由须用文字说明为何无法修正';
  return null;
}
