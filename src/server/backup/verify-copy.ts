// The checks a backup (or a restored database) must pass: SQLite's own integrity check, and every audit
// chain verified with the key (checkpoints are not consulted: a backup is older than the latest ones).
import { sql } from 'kysely';
import { verifyChain } from '../audit/verify';
import type { CryptoProvider } from '../crypto/provider';
import type { Db } from '../db/schema';
import type { BackupManifest } from './manifest';

export async function verifyCopy(db: Db, crypto: CryptoProvider): Promise<Pick<BackupManifest, 'integrity' | 'chain' | 'rows'>> {
  let integrity = 'ok';
  if (db.dialect === 'sqlite') {
    const r = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db.kysely);
    integrity = r.rows.map((x) => x.integrity_check).join('; ');
  }
  const chain = await verifyChain(db.kysely, crypto);
  const count = async (table: 'reports' | 'report_versions' | 'users') =>
    Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    integrity,
    chain: { ok: chain.ok, count: chain.count, headHash: chain.headHash, firstBroken: chain.firstBroken, chains: chain.chains.length },
    rows: { reports: await count('reports'), versions: await count('report_versions'), users: await count('users') },
  };
}
