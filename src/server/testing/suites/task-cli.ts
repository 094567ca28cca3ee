// `jixiao task …` against a real database: create and issue by bureau name, list, the board as a table
// and as JSON, and remind printing who is late (no sender configured), all audited as the CLI.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orgCommand } from '../../../cli/commands/org';
import { taskCommand } from '../../../cli/commands/task';
import { cliDeps } from '../../cli-deps';
import { migrate } from '../../db/migrate';
import type { Db } from '../../db/schema';
import type { Deps } from '../../deps';
import { insertUser } from '../../repositories/users';
import type { Backend } from '../backends';

export function taskCliSuite(backend: Backend): void {
  describe(`jixiao task (${backend.name})`, () => {
    let db: Db;
    let out: string;
    const withDeps = <T>(fn: (deps: Deps) => Promise<T>) => fn({ ...cliDeps(db), clock: { now: () => new Date('2026-06-20T02:00:00Z') } });
    const cli = async (make: typeof taskCommand | typeof orgCommand, ...args: string[]) => {
      const cmd = make({ withDeps, write: (s) => (out += s) }).exitOverride();
      for (const c of cmd.commands) c.exitOverride();
      await cmd.parseAsync(args, { from: 'user' });
    };
    beforeEach(async () => {
      db = await backend.open();
      await migrate(db);
      out = '';
      await cli(orgCommand, 'bureau', 'add', '岳州市财政局');
      await cli(orgCommand, 'section', 'add', '--bureau', '岳州市财政局', '行政政法科');
      await cli(orgCommand, 'department', 'add', '--bureau', '岳州市财政局', '--section', '行政政法科', '--code', '999236', '党群工作部');
      await cli(orgCommand, 'department', 'add', '--bureau', '岳州市财政局', '--section', '行政政法科', '--code', '999201', '党政办公室');
      const dept = await db.kysely.selectFrom('departments').select(['id', 'bureau_id']).where('budget_code', '=', '999236').executeTakeFirstOrThrow();
      const at = '2026-06-01T00:00:00Z';
      await insertUser(db.kysely, { id: 'u1', username: 'wang', display_name: '王填报', kind: 'business', password_hash: 'x', bureau_id: dept.bureau_id, department_id: dept.id, section_id: null, disabled: 0, failed_count: 0, locked_until: null, password_changed_at: at, created_at: at, updated_at: at }, ['preparer']);
      out = '';
    });
    afterEach(async () => {
      await db.destroy();
    });

    it('creates and issues a task, lists it, prints the board and who is late', async () => {
      await cli(taskCommand, 'create', '--bureau', '岳州市财政局', '--year', '2025', '--self-eval-due', '2026-06-15', '--finance-review-due', '2026-07-15', '--publish-by', '2026-08-31', '--scope', 'departments:999236,999201', '--issue');
      expect(out).toContain('已新建任务 2025年度部门整体支出绩效自评任务');
      expect(out).toContain('已下达：2 个部门，新建草稿 2 份，并入已有报告 0 份');
      out = '';
      await cli(taskCommand, 'list', '--bureau', '岳州市财政局');
      expect(out).toMatch(/^2025 {2}2025年度部门整体支出绩效自评任务［已下达］ {2}报送截止 2026-06-15 {2}2 个部门：未开始 2，逾期 2/);
      out = '';
      await cli(taskCommand, 'board', '2025', '--bureau', '岳州市财政局');
      const lines = out.split('\n');
      expect(lines[1]).toMatch(/^预算编码 +部门（单位） +状态 +截止日 +剩余\/逾期/);
      expect(lines[2]).toMatch(/^999201 +党政办公室 +未开始 +2026-06-15 +逾期 5 天/);
      expect(lines[3]).toMatch(/^999236 +党群工作部/);
      expect(out).toContain('共 2 个部门：未开始 2；逾期 2');
      out = '';
      await cli(taskCommand, 'board', '2025', '--bureau', '岳州市财政局', '--json');
      expect(JSON.parse(out).items).toHaveLength(2);
      out = '';
      await cli(taskCommand, 'remind', '2025', '--bureau', '岳州市财政局');
      expect(out).toContain('党群工作部的2025年度绩效自评报告（未开始）已超过报送截止日（2026-06-15）5 天，请尽快办理。  提醒：王填报（填报人）');
      expect(out).toContain('（该部门没有可提醒的账户）');
      expect(out).toContain('未配置短信/邮件发送器');
      const events = (await db.kysely.selectFrom('audit_log').select(['event', 'actor_username']).where('event', 'like', 'task_%').orderBy('seq').execute());
      expect(events).toEqual([
        { event: 'task_create', actor_username: 'cli' }, { event: 'task_issue', actor_username: 'cli' }, { event: 'task_remind', actor_username: 'cli' },
      ]);
    });

    it('says what is wrong in Chinese', async () => {
      await expect(cli(taskCommand, 'create', '--bureau', '无此局', '--year', '2025', '--self-eval-due', '2026-06-15', '--finance-review-due', '2026-07-15', '--publish-by', '2026-08-31')).rejects.toThrow('没有找到财政局“无此局”');
      await expect(cli(taskCommand, 'create', '--bureau', '岳州市财政局', '--year', '2025', '--self-eval-due', '2026-02-30', '--finance-review-due', '2026-07-15', '--publish-by', '2026-08-31')).rejects.toThrow('自评报送截止日“2026-02-30”不是有效日期');
      await expect(cli(taskCommand, 'board', '2030', '--bureau', '岳州市财政局')).rejects.toThrow('没有找到任务“2030”');
    });
  });
}
