// jixiao backup [--out FILE] / jixiao restore FILE: an online backup of the configured database (SQLite
// backup API, or pg_dump), verified on the copy; a restore that verifies the backup first. Exit 1 when a
// check fails.
import { Command } from 'commander';
import { backup, restore } from '../../server/backup/index';
import { loadConfig } from '../../server/config';
import { loadCryptoProvider } from '../../server/crypto/keys';

export function backupCommand(): Command {
  return new Command('backup')
    .description('在线备份数据库（SQLite 备份接口或 pg_dump），并在副本上校验完整性与审计链')
    .option('--out <file>', '备份文件（默认 数据目录/backups/jixiao-时间.sqlite|pgdump）')
    .action(async (o: { out?: string }) => {
      const config = loadConfig();
      const m = await backup(config, loadCryptoProvider(config), { out: o.out });
      const ok = m.integrity.startsWith('ok') && m.chain.ok;
      process.stdout.write(
        `${ok ? '备份完成' : '备份已写出，但校验未通过'}：${m.file}（${(m.bytes / 1048576).toFixed(1)} MB，SHA-256 ${m.sha256}）\n` +
          `  完整性：${m.integrity}；审计链：${m.chain.ok ? `完整，${m.chain.chains} 条链共 ${m.chain.count} 条记录` : `断裂：${m.chain.firstBroken?.reason}`}\n` +
          `  报告 ${m.rows.reports} 份，版本 ${m.rows.versions} 个，账户 ${m.rows.users} 个；清单：${m.file}.manifest.json\n`,
      );
      process.exitCode = ok ? 0 : 1;
    });
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description('从备份恢复数据库（先校验备份；SQLite 须先停止服务器），并记录恢复事件与新的审计检查点')
    .argument('<file>', '备份文件')
    .action(async (file: string) => {
      const config = loadConfig();
      const r = await restore(config, loadCryptoProvider(config), file);
      const ok = r.integrity.startsWith('ok') && r.chain.ok;
      process.stdout.write(
        `${ok ? '恢复完成' : '恢复后校验未通过'}：${file}（SHA-256 ${r.sha256}${r.manifestMatches ? '，与备份清单一致' : '，无清单'}）\n` +
          `  完整性：${r.integrity}；审计链：${r.chain.ok ? `完整，共 ${r.chain.count} 条记录` : `断裂：${r.chain.firstBroken?.reason}`}；报告 ${r.rows.reports} 份\n`,
      );
      process.exitCode = ok ? 0 : 1;
    });
}
