// report_versions: every version a report ever had, for history, diffs and restoring an old version.
// A row records who made the version and how; the content is the report's own document for the newest
// version, and for an older one the reverse delta from its successor (version-delta.ts), or a full
// snapshot for rows written before migration 0040. A save therefore writes its document once.
import { sql } from 'kysely';
import type { Report } from '../../core/model/report';
import { DUTY_STEPS } from '../../core/workflow/duties';
import type { DB } from '../db/schema';
import { prepared } from '../db/prepared';
import { decodeJson, documentColumn } from './json';
import { applyDelta, type DeltaOp } from './version-delta';

export interface VersionInsert {
  report_id: string;
  version: number;
  status: string;
  action: string;
  user_id: string;
  created_at: string;
}

const insert = prepared<VersionInsert, never>(['report_id', 'version', 'status', 'action', 'user_id', 'created_at'], (db, p) =>
  db.insertInto('report_versions').values({ ...p, document: null, delta: null }));

/** A new newest version: its content is what the report row holds now (no copy of the document). */
export async function insertVersion(db: DB, v: VersionInsert): Promise<void> {
  await insert(db, v);
}

const setDelta = prepared<{ delta: string; report_id: string; version: number }, never>(['delta', 'report_id', 'version'], (db, p) =>
  db.updateTable('report_versions').set({ delta: p.delta }).where('report_id', '=', p.report_id).where('version', '=', p.version).where('document', 'is', null));

/**
 * Before the report row's document changes away from version `version`: that version keeps the edits that
 * rebuild it from its successor (reverseDelta). In the same transaction as the content update.
 */
export async function setVersionDelta(db: DB, v: { report_id: string; version: number; delta: string }): Promise<void> {
  await setDelta(db, v);
}

/**
 * Who took the steps the separation-of-duty rules judge (core/workflow/duties.ts DUTY_STEPS): each person's
 * latest step of each kind, oldest first, read from the index report_versions_steps and never from the
 * version rows, whatever number of saves the report gathered.
 */
export function dutyStepsQuery(db: DB, reportId: string) {
  return db
    .selectFrom('report_versions')
    .select(['action', 'user_id'])
    .select((eb) => eb.fn.max('version').as('last'))
    .where('report_id', '=', reportId)
    .where('action', 'in', DUTY_STEPS)
    .groupBy(['action', 'user_id'])
    .orderBy('last');
}

export interface VersionSummary {
  version: number;
  status: string;
  action: string;
  user_id: string;
  user_name: string | null;
  created_at: string;
}

export async function listVersions(db: DB, reportId: string): Promise<VersionSummary[]> {
  return db
    .selectFrom('report_versions as v')
    .leftJoin('users as u', 'u.id', 'v.user_id')
    .select(['v.version', 'v.status', 'v.action', 'v.user_id', 'u.display_name as user_name', 'v.created_at'])
    .where('v.report_id', '=', reportId)
    .orderBy('v.version')
    .execute();
}

/**
 * The document of one version: from the nearest full copy at or after it (the report row itself for the
 * newest), back through the deltas. The report row is read first: rows older than its version never
 * change again, so a save committing in between cannot mix two states.
 */
export async function findVersionDocument(db: DB, reportId: string, version: number): Promise<Report | undefined> {
  const head = await db.selectFrom('reports').select(['version', documentColumn(db, 'document').as('document')]).where('id', '=', reportId).executeTakeFirst();
  if (!head || !Number.isInteger(version) || version < 1 || version > head.version) return undefined;
  if (version === head.version) return decodeJson<Report>(head.document);
  const rows = await db
    .selectFrom('report_versions')
    .select(['version', 'delta', sql<number | boolean>`document is not null`.as('full')])
    .where('report_id', '=', reportId)
    .where('version', '>=', version)
    .where('version', '<', head.version)
    .orderBy('version')
    .execute();
  if (rows[0]?.version !== version) return undefined;
  // walk back from the first full copy at or after the version (the report row when there is none)
  const full = rows.findIndex((r) => Boolean(r.full));
  let doc = full < 0 ? decodeJson<Report>(head.document) : await snapshot(db, reportId, rows[full]!.version);
  for (let i = (full < 0 ? rows.length : full) - 1; i >= 0; i--) {
    const r = rows[i]!;
    if (r.version !== version + i) throw new Error(`报告 ${reportId} 的历史版本不连续（缺少第 ${version + i} 版）`);
    if (r.delta) doc = applyDelta(doc, JSON.parse(r.delta) as DeltaOp[]);
  }
  return doc;
}

async function snapshot(db: DB, reportId: string, version: number): Promise<Report> {
  const row = await db.selectFrom('report_versions').select(documentColumn(db, 'document').as('document')).where('report_id', '=', reportId).where('version', '=', version).executeTakeFirstOrThrow();
  return decodeJson<Report>(row.document);
}
