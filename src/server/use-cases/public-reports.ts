// 公开: what the public site reads, without a login — only reports in the 已公开 state, redacted
// (core/publish/redact.ts) with the bureau's setting, their 复核 result where there is one, and the
// signatures that fill the printed form. Read-only: nothing here writes.
import { deviation } from '../../core/bureau/deviation';
import type { Report } from '../../core/model/report';
import type { Scorecard } from '../../core/model/score';
import { redactReport } from '../../core/publish/redact';
import { codePrefix, verificationCode } from '../../core/workflow/signature';
import { SIGNATURE_ROLE_LABEL, type SignatureRole } from '../../core/workflow/index';
import type { Deps } from '../deps';
import { decodeJson } from '../repositories/json';
import { listSignatures } from '../repositories/reviews';
import { digestsOf } from './document-work';
import { getPublicationSettings } from './publication-settings';
import { findOpenReport, runChecks, templateOf } from './shared';
import { printedSignatures, signatureView, type SignatureView } from './signature-view';
import type { FormDescriptor } from '../../core/forms/index';
import type { PublishedSummary } from '../../io/export/datapackage';

/** One line of the public list: the shape the open data's entries extend (io/export/datapackage.ts). */
export type PublicListItem = PublishedSummary;

export interface PublicBureau {
  id: string;
  name: string;
  years: number[];
}

/** Bureaus with at least one published report, and the years they published. */
export async function publicBureaus(deps: Deps): Promise<PublicBureau[]> {
  const rows = await deps.db.kysely
    .selectFrom('reports as r')
    .innerJoin('bureaus as b', 'b.id', 'r.bureau_id')
    .select(['b.id', 'b.name', 'r.year'])
    .where('r.status', '=', 'published')
    .where('r.year', 'is not', null)
    .groupBy(['b.id', 'b.name', 'r.year'])
    .orderBy('b.name')
    .orderBy('r.year', 'desc')
    .execute();
  const out = new Map<string, PublicBureau>();
  for (const r of rows) {
    const b = out.get(r.id) ?? { id: r.id, name: r.name, years: [] };
    b.years.push(r.year as number);
    out.set(r.id, b);
  }
  return [...out.values()];
}

export async function publicBureau(deps: Deps, bureauId: string): Promise<{ id: string; name: string } | undefined> {
  return deps.db.kysely.selectFrom('bureaus').select(['id', 'name']).where('id', '=', bureauId).executeTakeFirst();
}

/** The published reports of a bureau and year, by department name; `q` filters by department (name or 预算编码). */
export async function publicList(deps: Deps, o: { bureauId: string; year: number; q?: string }): Promise<PublicListItem[]> {
  const rows = await deps.db.kysely
    .selectFrom('reports as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .leftJoin('rescores as s', 's.report_id', 'r.id')
    .select(['r.id', 'r.department_name', 'd.budget_code', 'r.year', 'r.self_score', 'r.grade', 'r.updated_at', 's.total as review_total', 's.grade as review_grade', 's.id as review_id'])
    .where('r.bureau_id', '=', o.bureauId)
    .where('r.year', '=', o.year)
    .where('r.status', '=', 'published')
    .orderBy('r.department_name')
    .execute();
  const q = o.q?.trim().toLowerCase() ?? '';
  return rows
    .filter((r) => !q || r.department_name.toLowerCase().includes(q) || r.budget_code.toLowerCase().includes(q))
    .map((r) => ({
      id: r.id,
      departmentName: r.department_name,
      budgetCode: r.budget_code,
      year: r.year as number,
      selfScore: r.self_score,
      grade: r.grade,
      review: r.review_id ? { total: r.review_total ?? null, grade: r.review_grade ?? '' } : null,
      deviation: r.review_id ? deviation(r.self_score, r.review_total) : null,
      publishedAt: r.updated_at,
    }));
}

export interface PublicReport {
  item: PublicListItem;
  bureauId: string;
  /** redacted */
  report: Report;
  score: Scorecard | null;
  form?: FormDescriptor;
  signatures: ReturnType<typeof printedSignatures>;
  /** 复核 opinion and lines, when there is a 复核 */
  review: { total: number | null; grade: string; opinion: string; items: Array<{ itemId: string; score: number | null; reason: string }> } | null;
}


/** One published report as the public may see it; undefined when it is not (or no longer) published. */
export async function publicReport(deps: Deps, id: string): Promise<PublicReport | undefined> {
  // personal fields opened (stored sealed) before signatures are checked; the page then redacts them
  const row = await findOpenReport(deps, id);
  if (!row || row.status !== 'published' || row.year == null) return undefined;
  const sigs = await listSignatures(deps.db.kysely, row.id);
  const { matches } = await digestsOf(deps, row, sigs.map((s) => s.report_hash));
  const views = sigs.map((s, i) => signatureView(s, () => matches[i]!));
  const valid = views.filter((v) => v.valid);
  const template = await templateOf(deps, row.document);
  const { score } = await runChecks(deps, row, template);
  const names = (await getPublicationSettings(deps, row.bureau_id)).redactNames;
  const report = redactReport(row.document, { names, signers: valid.map((v) => v.signerName) });
  const rescore = await deps.db.kysely.selectFrom('rescores').selectAll().where('report_id', '=', row.id).executeTakeFirst();
  const dept = await deps.db.kysely.selectFrom('departments').select('budget_code').where('id', '=', row.department_id).executeTakeFirst();
  return {
    bureauId: row.bureau_id,
    item: {
      id: row.id, departmentName: row.department_name, budgetCode: dept?.budget_code ?? '', year: row.year, selfScore: row.self_score, grade: row.grade,
      review: rescore ? { total: rescore.total, grade: rescore.grade } : null,
      deviation: rescore ? deviation(row.self_score, rescore.total) : null,
      publishedAt: row.updated_at,
    },
    report,
    score: score ?? null,
    ...(template ? { form: template.form as FormDescriptor } : {}),
    signatures: printedSignatures(views),
    review: rescore ? { total: rescore.total, grade: rescore.grade, opinion: rescore.opinion, items: decodeJson(rescore.items) as Array<{ itemId: string; score: number | null; reason: string }> } : null,
  };
}

export interface VerifiedSignature {
  code: string;
  role: SignatureRole;
  roleLabel: string;
  signerName: string;
  signedAt: string;
  valid: boolean;
  report: { id: string; departmentName: string; year: number | null; published: boolean };
}

/**
 * A printed verification code resolved: the signature record, whether it still matches what was signed,
 * and the report — its link only once published (a code on a draft someone photographed says no more
 * than who signed what and whether it still holds).
 */
export async function verifySignature(deps: Deps, code: string): Promise<VerifiedSignature | undefined> {
  const prefix = codePrefix(code);
  if (!prefix) return undefined;
  const sigs = await deps.db.kysely.selectFrom('signatures').selectAll().where('id', 'like', `${prefix}%`).limit(2).execute();
  const sig = sigs.length === 1 ? sigs[0] : undefined;
  if (!sig) return undefined;
  const row = await findOpenReport(deps, sig.report_id);
  if (!row) return undefined;
  const { matches } = await digestsOf(deps, row, [sig.report_hash]);
  const v: SignatureView = signatureView(sig, () => matches[0]!);
  return {
    code: verificationCode(sig.id),
    role: v.role,
    roleLabel: SIGNATURE_ROLE_LABEL[v.role],
    signerName: v.signerName,
    signedAt: v.signedAt,
    valid: v.valid,
    report: { id: row.id, departmentName: row.department_name, year: row.year, published: row.status === 'published' },
  };
}
