// `jixiao org …` against a real database: bureaus, sections and departments by name or 预算编码,
// audited as the CLI, with the use-cases' Chinese messages (a duplicate 预算编码 included).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orgCommand } from '../../../cli/commands/org';
import { cliDeps } from '../../cli-deps';
import { migrate } from '../../db/migrate';
import type { Db } from '../../db/schema';
import type { Backend } from '../backends';

export function orgCliSuite(backend: Backend): void {
  describe(`jixiao org (${backend.name})`, () => {
    let db: Db;
    let out: string;
    beforeEach(async () => {
      db = await backend.open();
      await migrate(db);
      out = '';
    });
    afterEach(async () => {
      await db.destroy();
    });

    const org = (...args: string[]) => {
      const cmd = orgCommand({ withDeps: (fn) => fn(cliDeps(db)), write: (s) => (out += s) }).exitOverride();
      for (const c of cmd.commands) c.exitOverride();
      return cmd.parseAsync(args, { from: 'user' });
    };

    it('builds an organisation by names and codes, lists it, and audits each step as the CLI', async () => {
      await org('bureau', 'add', '岳州市财政局', '--region', '岳州市');
      await org('section', 'add', '--bureau', '岳州市财政局', '行政政法科');
      await org('section', 'add', '--bureau', '岳州市财政局', '--kind', 'performance', '绩效管理科');
      await org('department', 'add', '--bureau', '岳州市财政局', '--section', '行政政法科', '--code', '999200', '党工委');
      await org('department', 'add', '--bureau', '岳州市财政局', '--section', '行政政法科', '--code', '999236', '--parent', '999200', '党群工作部');
      expect(out).toContain('已新增财政局 岳州市财政局');
      expect(out).toContain('已新增科室 绩效管理科（绩效管理科）');
      expect(out).toContain('已新增部门 999236 党群工作部');
      out = '';
      await org('list');
      expect(out).toMatch(/财政局 岳州市财政局（岳州市）/);
      expect(out).toMatch(/科室 行政政法科［归口业务科室］/);
      expect(out).toMatch(/部门 999236 党群工作部 {2}归口：行政政法科，主管部门：党工委/);
      expect(out).toContain('（2 个科室，2 个部门）');
      out = '';
      await org('list', '--json', '--bureau', '岳州市财政局');
      const tree = JSON.parse(out);
      expect(tree).toHaveLength(1);
      expect(tree[0].departments.map((d: { budgetCode: string }) => d.budgetCode)).toEqual(['999200', '999236']);
      const audit = await db.kysely.selectFrom('audit_log').select(['event', 'actor_username']).orderBy('seq').execute();
      expect(audit.map((a) => a.event)).toEqual(['org_bureau_add', 'org_section_add', 'org_section_add', 'org_department_add', 'org_department_add']);
      expect(new Set(audit.map((a) => a.actor_username))).toEqual(new Set(['cli']));
    });

    it('says in Chinese what is wrong: duplicates, unknown names, bad codes and kinds', async () => {
      await org('bureau', 'add', '岳州市财政局');
      await org('department', 'add', '--bureau', '岳州市财政局', '--code', '999236', '党群工作部');
      await expect(org('department', 'add', '--bureau', '岳州市财政局', '--code', '999236', '另一个部门')).rejects.toThrow('预算编码“999236”在该财政局下已被“党群工作部”使用');
      await expect(org('bureau', 'add', '岳州市财政局')).rejects.toThrow('财政局“岳州市财政局”已存在');
      await expect(org('section', 'add', '--bureau', '不存在的局', '某科')).rejects.toThrow('没有找到财政局“不存在的局”');
      await expect(org('section', 'add', '--bureau', '岳州市财政局', '--kind', 'other', '某科')).rejects.toThrow('--kind 须为');
      await expect(org('department', 'add', '--bureau', '岳州市财政局', '--section', '无此科', '--code', '100001', '某局')).rejects.toThrow('该财政局下没有找到科室“无此科”');
      await expect(org('department', 'add', '--bureau', '岳州市财政局', '--code', '1', '某局')).rejects.toThrow('预算编码“1”格式不正确');
      await expect(org('department', 'add', '--bureau', '岳州市财政局', '--parent', '000000', '--code', '100002', '某局')).rejects.toThrow('没有找到部门“000000”');
      out = '';
      await org('list');
      expect(out).toContain('（0 个科室，1 个部门）');
    });
  });
}
