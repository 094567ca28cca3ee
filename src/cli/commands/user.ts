// jixiao user add|disable|enable: account administration from the machine itself, e.g. to create the
// first 三员 accounts of a fresh installation (there are no default accounts).
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { ROLES, type Role } from '../../core/workflow/index';
import { foldUsername } from '../../server/auth/password';
import { resetPassword } from '../../server/use-cases/reset-password';
import { withCliDeps } from '../../server/cli-deps';
import type { AccountKind } from '../../server/db/schema';
import type { Deps } from '../../server/deps';
import { findUserByUsername } from '../../server/repositories/users';
import { addUser } from '../../server/use-cases/add-user';
import { setUserDisabled } from '../../server/use-cases/set-user-disabled';

const withDeps = withCliDeps;

/** Reads the password: one line from stdin, or typed twice at a hidden prompt. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) return line;
    throw new Error('标准输入中没有密码');
  }
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(q)) process.stderr.write(q);
      };
      rl.question(q, (a) => {
        rl.close();
        process.stderr.write('\n');
        resolve(a);
      });
    });
  const a = await ask('密码：');
  if ((await ask('再次输入密码：')) !== a) throw new Error('两次输入的密码不一致');
  return a;
}

/** A department by id or by 预算编码; a section by id or by name (must be unambiguous). */
async function resolveOrg(deps: Deps, table: 'departments' | 'sections', key: string | undefined): Promise<string | undefined> {
  if (!key) return undefined;
  const k = deps.db.kysely;
  const rows =
    table === 'departments'
      ? await k.selectFrom('departments').select('id').where((eb) => eb.or([eb('id', '=', key), eb('budget_code', '=', key)])).execute()
      : await k.selectFrom('sections').select('id').where((eb) => eb.or([eb('id', '=', key), eb('name', '=', key)])).execute();
  const what = table === 'departments' ? '部门' : '科室';
  if (rows.length === 0) throw new Error(`没有找到${what}“${key}”`);
  if (rows.length > 1) throw new Error(`“${key}”对应多个${what}，请改用 id`);
  return rows[0]!.id;
}

async function userId(deps: Deps, username: string): Promise<string> {
  const u = await findUserByUsername(deps.db.kysely, foldUsername(username));
  if (!u) throw new Error(`用户“${username}”不存在`);
  return u.id;
}

export function userCommand(): Command {
  const user = new Command('user').description('账户管理（本机命令行，操作会写入审计日志）');
  user
    .command('add')
    .description('新增账户；首次安装时用它创建系统管理员、安全管理员、审计管理员')
    .requiredOption('--username <name>', '用户名（不区分大小写）')
    .option('--name <displayName>', '姓名', '')
    .option('--kind <kind>', '账户类型：business | sysadmin | secadmin | auditor', 'business')
    .option('--role <role...>', `业务角色：${ROLES.join(' | ')}`)
    .option('--department <id|预算编码>', '所属部门（部门角色必填）')
    .option('--section <id|科室名称>', '所属科室（归口审核人、绩效管理科必填）')
    .option('--bureau <id>', '所属财政局 id')
    .option('--password-stdin', '从标准输入读取密码')
    .action(async (o: { username: string; name: string; kind: string; role?: string[]; department?: string; section?: string; bureau?: string; passwordStdin?: boolean }) => {
      const kinds: AccountKind[] = ['business', 'sysadmin', 'secadmin', 'auditor'];
      if (!kinds.includes(o.kind as AccountKind)) throw new Error(`账户类型须为 ${kinds.join('、')} 之一`);
      const roles = (o.role ?? []) as Role[];
      const unknown = roles.filter((r) => !ROLES.includes(r));
      if (unknown.length) throw new Error(`未知角色：${unknown.join('、')}`);
      const password = await readPassword(Boolean(o.passwordStdin));
      const created = await withDeps(async (deps) =>
        addUser(deps, {
          actor: null, username: o.username, displayName: o.name, password, kind: o.kind as AccountKind, roles, bureauId: o.bureau,
          departmentId: await resolveOrg(deps, 'departments', o.department), sectionId: await resolveOrg(deps, 'sections', o.section),
        }),
      );
      process.stdout.write(`已创建账户 ${created.username}（${created.kind}${created.roles.length ? `：${created.roles.join('、')}` : ''}），id ${created.id}\n`);
    });
  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const)
    user
      .command(verb)
      .description(disabled ? '停用账户并注销其全部会话' : '启用账户并解除锁定')
      .argument('<username>')
      .action(async (username: string) => {
        await withDeps(async (deps) => setUserDisabled(deps, { actor: null, userId: await userId(deps, username), disabled }));
        process.stdout.write(`${disabled ? '已停用' : '已启用'}账户 ${username}\n`);
      });
  user
    .command('reset-password')
    .description('设置临时密码（下次登录须修改），结束其全部会话并解除锁定；三员账户只能在这里重置')
    .argument('<username>')
    .option('--password-stdin', '从标准输入读取临时密码')
    .action(async (username: string, o: { passwordStdin?: boolean }) => {
      const password = await readPassword(Boolean(o.passwordStdin));
      await withDeps(async (deps) => resetPassword(deps, { actor: null, userId: await userId(deps, username), password }));
      process.stdout.write(`已重置账户 ${username} 的密码：下次登录须修改\n`);
    });
  return user;
}
