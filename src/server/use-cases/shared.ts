// Small helpers every report use-case shares: transactions with audit, loading a visible report,
// the projected list columns, and running the core checks without ever failing open.
import type { Transaction } from 'kysely';
import type { Finding } from '../../core/model/finding';
import type { Report } from '../../core/model/report';
import type { Scorecard } from '../../core/model/score';
import type { Template } from '../../core/model/template';
import { boundProblems, type FormDescriptor } from '../../core/forms/index';
import { formOf, templateFor } from '../../core/templates/index';
import { appendAudit, type AuditEntry } from '../audit/chain';
import { AppError } from '../errors';
import { assertCanSee } from '../auth/access';
import { auditRole, type Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { nowIso, type Deps } from '../deps';
import { openPersonal } from '../crypto/personal-data';
import { poolFor, stored } from './document-work';
import { withDocument } from '../repositories/json';
import { findReport, type ReportRow } from '../repositories/reports';

/** Runs `fn` in one transaction; `audit` appends to the hash chain inside it (fail closed, DB-AUD-4). */
export async function inTransaction<T>(
  deps: Deps,
  fn: (trx: Transaction<Database>, audit: (e: AuditEntry) => Promise<number>) => Promise<T>,
): Promise<T> {
  return deps.db.kysely.transaction().execute((trx) =>
    fn(trx, (e) => appendAudit(trx, { dialect: deps.db.dialect, crypto: deps.crypto }, nowIso(deps.clock), e)),
  );
}

/** Audit fields that name the actor. */
export function by(actor: Actor): Pick<AuditEntry, 'actorId' | 'actorUsername' | 'actorRole' | 'ip' | 'bureauId'> {
  return { actorId: actor.id, actorUsername: actor.username, actorRole: auditRole(actor), ip: actor.ip, bureauId: actor.kind === 'business' ? actor.bureauId : null };
}

/** A report with its personal fields opened (they are stored sealed: crypto/personal-data.ts). */
export async function findOpenReport(deps: Deps, id: string, db = deps.db.kysely): Promise<ReportRow | undefined> {
  const row = await findReport(db, id);
  return row ? withDocument(row, (d) => openPersonal(deps.crypto, d)) : undefined;
}

/** The report if `actor` may see it; otherwise 404 (another department's report never leaks). */
export async function loadVisibleReport(deps: Deps, actor: Actor, id: string, db = deps.db.kysely): Promise<ReportRow> {
  const row = await findReport(db, id);
  assertCanSee(actor, row);
  return withDocument(row, (d) => openPersonal(deps.crypto, d));
}

export { projection } from '../repositories/projection';

export interface Checked {
  findings: Finding[];
  score: Scorecard | null;
}

/** An import from a cut-off source: sections it never reached are not judged as missing. */
export function importedTruncated(meta: string | null): boolean {
  if (!meta) return false;
  try {
    return (JSON.parse(meta) as { truncated?: boolean }).truncated === true;
  } catch {
    return false;
  }
}

/**
 * Refuses a report beyond what its form holds (rows, items, text lengths: the template's limits), naming
 * the places and the limits, before anything is stored.
 */
export async function assertWithinBounds(deps: Deps, report: Report, what: string): Promise<void> {
  const template = await templateOf(deps, report);
  const form: FormDescriptor = formOf(template ?? templateFor(report));
  const problems = boundProblems(report, form);
  if (!problems.length) return;
  const more = problems.length > 3 ? `（共 ${problems.length} 处）` : '';
  throw new AppError('VALIDATION', `${what}超出表单的容量：${problems.slice(0, 3).map((p) => p.message).join('')}${more}`, { problems });
}

/** The checkCache key: the content of a report's version never changes. */
export const checkKey = (id: string, version: number) => `${id}@${version}`;

/**
 * The template a report was made with, as this server knows it (a bureau's upload included); undefined
 * leaves the choice to core (tests without a template registry). A template that cannot be found is the
 * checker's failure, reported as such.
 */
export async function templateOf(deps: Deps, report: Report): Promise<Template | undefined> {
  if (!deps.templates) return undefined;
  try {
    return await deps.templates.of(report);
  } catch (err) {
    deps.logger.error({ err }, 'template lookup failed');
    return undefined;
  }
}

/**
 * Findings and score from core (in the heavy-work pool for a large report). If the checker itself fails,
 * the report carries one error finding: submission is then refused rather than let through unchecked
 * (fail closed).
 */
export async function runChecks(deps: Deps, row: Pick<ReportRow, 'id' | 'version' | 'document' | 'documentText' | 'import_meta'>, template?: Template): Promise<Checked> {
  // A (report, version) pair never changes content, so its findings can be cached (per app, bounded).
  const key = checkKey(row.id, row.version);
  const hit = deps.checkCache?.get(key);
  if (hit) return hit;
  try {
    const truncated = importedTruncated(row.import_meta);
    const pool = poolFor(deps, row);
    const t = template ? { template } : {};
    const r = pool ? await pool.check(stored(row), { truncated, ...t }) : deps.check(row.document, { truncated, ...t });
    const checked = { findings: r.findings, score: r.score };
    deps.checkCache?.set(key, checked);
    return checked;
  } catch (err) {
    deps.logger.error({ err }, 'checkReport failed');
    return {
      findings: [{ code: 'SYS.CHECK_FAILED', rule: 'SYS', severity: 'error', path: '', message: '自动校验暂时无法运行，请稍后重试或联系管理员' }],
      score: null,
    };
  }
}
