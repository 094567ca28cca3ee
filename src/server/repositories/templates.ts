// Uploaded templates and each bureau's active template per report kind.
import type { BureauTemplateTable, DB, TemplateTable } from '../db/schema';

export async function insertTemplate(db: DB, row: TemplateTable): Promise<void> {
  await db.insertInto('templates').values(row).execute();
}

export async function findTemplate(db: DB, id: string, version: number): Promise<TemplateTable | undefined> {
  return db.selectFrom('templates').selectAll().where('id', '=', id).where('version', '=', version).executeTakeFirst();
}

/** Which bureau owns an id (its first upload decides), if any bureau uploaded it. */
export async function templateOwner(db: DB, id: string): Promise<string | undefined> {
  return (await db.selectFrom('templates').select('bureau_id').where('id', '=', id).orderBy('version').executeTakeFirst())?.bureau_id;
}

export async function listTemplates(db: DB, bureauId?: string): Promise<TemplateTable[]> {
  let q = db.selectFrom('templates').selectAll();
  if (bureauId) q = q.where('bureau_id', '=', bureauId);
  return q.orderBy('id').orderBy('version').execute();
}

export async function activeTemplates(db: DB, bureauId: string): Promise<BureauTemplateTable[]> {
  return db.selectFrom('bureau_templates').selectAll().where('bureau_id', '=', bureauId).execute();
}

export async function activeTemplate(db: DB, bureauId: string, kind: string): Promise<BureauTemplateTable | undefined> {
  return db.selectFrom('bureau_templates').selectAll().where('bureau_id', '=', bureauId).where('kind', '=', kind).executeTakeFirst();
}

export async function setActiveTemplate(db: DB, row: BureauTemplateTable): Promise<void> {
  await db
    .insertInto('bureau_templates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['bureau_id', 'kind']).doUpdateSet({
        template_id: row.template_id,
        template_version: row.template_version,
        activated_by: row.activated_by,
        activated_at: row.activated_at,
      }),
    )
    .execute();
}
