// jixiao audit verify: walks the audit log's hash chain and names the first broken link.
// Exit 0 intact, 1 broken.
import { Command } from 'commander';
import { openDatabase } from '../../server/app';
import { appendAudit, verifyChain } from '../../server/audit/chain';
import { loadConfig } from '../../server/config';
import { migrate } from '../../server/db/migrate';

export function auditCommand(): Command {
  const audit = new Command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志哈希链，指出第一条断裂的记录')
    .option('--json', '输出 JSON')
    .action(async (opts: { json?: boolean }) => {
      const db = openDatabase(loadConfig());
      try {
        await migrate(db);
        const r = await verifyChain(db.kysely);
        await db.kysely.transaction().execute((trx) =>
          appendAudit(trx, db.dialect, new Date().toISOString(), { event: 'audit_verify', actorUsername: 'cli', outcome: r.ok ? 'success' : 'failure', objectType: 'audit_log', detail: { count: r.count, firstBroken: r.firstBroken?.seq ?? null } }),
        );
        if (opts.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        else if (r.ok) process.stdout.write(`审计日志完整：共 ${r.count} 条记录，链头哈希 ${r.headHash}\n`);
        else process.stdout.write(`审计日志已损坏：第 ${r.firstBroken!.seq} 条起断裂。${r.firstBroken!.reason}（此前 ${r.count} 条完好）\n`);
        process.exitCode = r.ok ? 0 : 1;
      } finally {
        await db.destroy();
      }
    });
  return audit;
}
