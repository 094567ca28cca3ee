// Templates installed as files: a new 评分表 dropped into a templates directory is found and used without
// a code change; a new version of a shipped template sits beside the old one; a broken file is reported by
// line and never half-installed. The CLI lists them and checks a file with Chinese messages by line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReport } from '../../core/check';
import { TemplateRegistry, templates } from '../../core/templates/index';
import { SEED_PATH, seedReport } from '../../../test/helpers/seed';
import { checkTemplateText, formatProblems } from './check-text';
import { loadTemplateDirs, SHIPPED_TEMPLATES_DIR } from './load-dir';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'templates', 'ceshi-overall.json');
const dir = mkdtempSync(join(tmpdir(), 'jixiao-templates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const yueyang = () => JSON.parse(readFileSync(join(SHIPPED_TEMPLATES_DIR, 'yueyang-overall.json'), 'utf8')) as Record<string, unknown>;

describe('a templates directory', () => {
  it('adds every template file in it, a form reference after the form it names', () => {
    writeFileSync(join(dir, 'a-ceshi.json'), readFileSync(FIXTURE, 'utf8'));
    writeFileSync(join(dir, 'b-yueyang-2023.json'), JSON.stringify({ ...yueyang(), version: 2, name: '岳阳市评分表（2023）', form: 'yueyang-overall@1' }, null, 2));
    writeFileSync(join(dir, 'c-broken.json'), '{\n  "id": "broken-city",\n  "name": 12\n}\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a template');
    const reg = new TemplateRegistry();
    const load = loadTemplateDirs([SHIPPED_TEMPLATES_DIR, dir], reg);
    expect(load.loaded.map((t) => `${t.id}@${t.version}`).sort()).toEqual(['ceshi-overall@1', 'dazhou-overall@1', 'dazhou-overall@2', 'hunan-overall@1', 'mof-10-project@1', 'mof-10-project@2', 'yueyang-overall@1', 'yueyang-overall@2']);
    expect(load.failed).toHaveLength(1);
    expect(formatProblems('c-broken.json', load.failed[0]!.problems)).toContain('c-broken.json:3:3 name：应为文字，实际为数字');
    expect(reg.get('yueyang-overall')!.version).toBe(2);
    expect(reg.formOf(reg.get('ceshi-overall')!)).toBe(reg.formOf(reg.get('yueyang-overall', 1)!));
  });

  it('scores a report made with the new template, and keeps an old report on the version it names', () => {
    const load = loadTemplateDirs([dir]);
    expect(load.loaded.map((t) => t.id)).toContain('ceshi-overall');
    const r = seedReport();
    r.templateId = 'ceshi-overall';
    expect(checkReport(r).score.templateName).toBe('测试市部门整体支出绩效评价评分表');
    const old = seedReport();
    expect(old.templateVersion).toBe(1);
    expect(checkReport(old).score.templateName).toBe('岳阳市部门整体支出绩效评价评分表');
    expect(templates.get('yueyang-overall')!.version).toBe(2);
  });
});

describe('checkTemplateText', () => {
  const lines = (text: string) => formatProblems('t.json', checkTemplateText(text).problems);

  it('names the line of a JSON syntax error once', () => {
    expect(lines('{\n  "id": "x",\n  "name": "甲",\n}\n')).toEqual(['t.json:4:1 此处应为带双引号的属性名（或有多余的逗号）']);
    expect(lines('{ "id": "x" // 注释\n}')).toEqual(['t.json:1:13 JSON 不允许注释']);
  });

  it('names the line of a property the template does not know, and of a form problem', () => {
    const t = yueyang();
    (t.form as { fields: Array<Record<string, unknown>> }).fields[3]!.lable = '错字';
    const text = JSON.stringify(t, null, 2);
    const at = text.split('\n').findIndex((l) => l.includes('"lable"')) + 1;
    expect(lines(text)).toEqual([`t.json:${at}:9 form.fields[3]：未知的属性 “lable”（拼写错误，或本版本不支持）`]);
    const w = yueyang();
    (w.form as { tables: Array<{ widths: number[] }> }).tables[1]!.widths.pop();
    const wText = JSON.stringify(w, null, 2);
    const widths = wText.split('\n').findIndex((l, i, all) => l.includes('"widths"') && all.slice(0, i).filter((x) => x.includes('"widths"')).length === 1) + 1;
    expect(lines(wText)).toEqual([`t.json:${widths}:9 form.tables[1].widths：表格“年度支出和结余情况表”有8列（含机构名称列），widths 给了7个宽度`]);
  });

  it('accepts the shipped templates as they are', () => {
    for (const f of ['yueyang-overall.json', 'mof-10-project.json', 'mof-10-project.v2.json', 'dazhou-overall.json', 'dazhou-overall.v2.json', 'hunan-overall.json']) {
      expect(checkTemplateText(readFileSync(join(SHIPPED_TEMPLATES_DIR, f), 'utf8')).problems).toEqual([]);
    }
  });
});

describe('jixiao templates', { timeout: 60_000 }, () => {
  const jixiao = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'jixiao.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, JIXIAO_TEMPLATES_DIR: dir } });

  it('lists a template dropped into JIXIAO_TEMPLATES_DIR and checks a seed against it', () => {
    const list = jixiao('templates');
    expect(list.stdout).toMatch(/ceshi-overall\s+测试市部门整体支出绩效评价评分表/);
    expect(list.stdout).toMatch(/yueyang-overall .*第1、2版/);
    expect(list.stderr).toContain('[未安装]');
    const check = jixiao('check', '--json', '--template', 'ceshi-overall', SEED_PATH);
    expect(JSON.parse(check.stdout).score.template).toBe('ceshi-overall');
  });

  it('checks a file: Chinese messages by line, exit 1; a valid file exit 0', () => {
    const bad = jixiao('templates', 'check', join(dir, 'c-broken.json'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('c-broken.json:3:3 name：应为文字，实际为数字');
    const good = jixiao('templates', 'check', FIXTURE);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('模板有效：ceshi-overall 第1版');
  });
});
