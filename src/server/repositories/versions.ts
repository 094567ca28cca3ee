// report_versions: every version a report ever had, kept for history and diffs.
import type { Report } from '../../core/model/report';
import type { DB, Dialect } from '../db/schema';
import { decodeJson, encodeJson, type EncodedJson } from './json';

export interface VersionInsert {
  report_id: string;
  version: number;
  status: string;
  action: string;
  document: Report | EncodedJson;
  user_id: string;
  created_at: string;
}

export async function insertVersion(db: DB, dialect: Dialect, v: VersionInsert): Promise<void> {
  await db.insertInto('report_versions').values({ ...v, document: encodeJson(dialect, v.document) }).execute();
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

export async function findVersionDocument(db: DB, reportId: string, version: number): Promise<Report | undefined> {
  const row = await db
    .selectFrom('report_versions')
    .select('document')
    .where('report_id', '=', reportId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? decodeJson<Report>(row.document) : undefined;
}
