// A separate process appending audit rows to a shared SQLite file (the audit suite starts several at
// once): each row in its own transaction, as request handlers do. Args: file, bureau, count.
import { appendAudit } from '../audit/chain';
import { softwareProvider } from '../crypto/provider';
import { openSqlite } from '../db/connect';
import { TEST_KEYS } from './harness';

const [file, bureau, count] = process.argv.slice(2);
const crypto = softwareProvider({ suite: 'standard', auditSecret: Buffer.from(TEST_KEYS.audit, 'hex'), dataSecret: Buffer.from(TEST_KEYS.data, 'hex') });
const db = openSqlite({ file: file! });
for (let i = 0; i < Number(count); i++)
  await db.kysely.transaction().execute((trx) => appendAudit(trx, { dialect: 'sqlite', crypto }, new Date().toISOString(), { event: 'probe', bureauId: bureau, detail: { pid: process.pid, i } }));
await db.destroy();
