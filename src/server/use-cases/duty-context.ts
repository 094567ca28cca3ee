// The facts the separation-of-duty rules (core/workflow/duties.ts) judge a step by: the report's history
// and signatures (each still valid or not over the current content), and whether the actor belongs to the
// report's department.
import type { DutyContext, SignatureFact } from '../../core/workflow/duties';
import type { SignatureRole } from '../../core/workflow/index';
import { isDepartmentMember } from '../auth/access';
import type { Actor } from '../auth/actor';
import type { DB } from '../db/schema';
import type { Deps } from '../deps';
import type { ReportRow } from '../repositories/reports';
import { listSignatures } from '../repositories/reviews';
import { dutyStepsQuery } from '../repositories/versions';
import { digestsOf } from './document-work';

export async function dutyContext(deps: Deps, db: DB, actor: Actor, row: ReportRow, opts: { digest?: boolean } = {}): Promise<DutyContext & { digest: string | null; financeOpinion: string }> {
  const [history, sigs] = await Promise.all([
    dutyStepsQuery(db, row.id).execute(),
    listSignatures(db, row.id),
  ]);
  const { matches, digest, financeOpinion } = await digestsOf(deps, row, sigs.map((s) => s.report_hash), opts.digest);
  const signatures: SignatureFact[] = sigs.map((s, i) => ({ role: s.role as SignatureRole, userId: s.user_id, valid: matches[i]!, opinion: s.opinion }));
  return { actorId: actor.id, actorInDepartment: isDepartmentMember(actor, row), history: history.map((h) => ({ action: h.action, userId: h.user_id })), signatures, digest, financeOpinion };
}
