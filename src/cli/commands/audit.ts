// jixiao audit verify | checkpoint: the audit log's keyed chains. `verify` reads only (exit 0 intact,
// 1 broken); `checkpoint` appends a signed checkpoint of the chain heads to the checkpoint file and
// prints it, for the auditor to keep where the database administrator cannot reach.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { appendCheckpoint, checkpointLine, parseCheckpoints, readCheckpointFile, takeCheckpoint } from '../../server/audit/checkpoint';
import { verifyChain } from '../../server/audit/verify';
import { withCliDeps } from '../../server/cli-deps';

export function auditCommand(): Command {
  const audit = new Command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志的各条哈希链及检查点（只读），指出第一条断裂的记录')
    .option('--checkpoints <file>', '另行保存的检查点文件（默认只读配置的检查点文件）')
    .option('--json', '输出 JSON')
    .action(async (opts: { checkpoints?: string; json?: boolean }) => {
      await withCliDeps(async (deps) => {
        const checkpoints = [
          ...readCheckpointFile(deps.config.audit.checkpointFile, deps.crypto),
          ...(opts.checkpoints ? parseCheckpoints(readFileSync(opts.checkpoints, 'utf8'), deps.crypto) : []),
        ];
        const r = await verifyChain(deps.db.kysely, deps.crypto, { checkpoints });
        if (opts.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        else if (r.ok)
          process.stdout.write(`审计日志完整：${r.chains.length} 条链共 ${r.count} 条记录，已核对 ${r.checkpoints.checked} 个检查点，状态哈希 ${r.headHash}\n`);
        else process.stdout.write(`审计日志已损坏：链 ${r.firstBroken!.chain} 第 ${r.firstBroken!.seq} 条起断裂。${r.firstBroken!.reason}\n`);
        process.exitCode = r.ok ? 0 : 1;
      }, { readOnly: true });
    });
  audit
    .command('checkpoint')
    .description('签发当前各链链头的检查点：追加到检查点文件并打印，供审计管理员另行保存')
    .option('--print-only', '只打印，不写入检查点文件')
    .action(async (opts: { printOnly?: boolean }) => {
      await withCliDeps(async (deps) => {
        const c = await takeCheckpoint(deps.db.kysely, deps.crypto, new Date().toISOString());
        if (!opts.printOnly) appendCheckpoint(deps.config.audit.checkpointFile, c);
        process.stdout.write(`${checkpointLine(c)}\n`);
      });
    });
  return audit;
}
