// The demo bureau's 指标库: 共性指标 a 绩效管理科 would keep for every department, a few 部门指标 of 党群工作部,
// and the seed report's rows linked to the entries they are (core's bestMatch), so a 2022 report that quotes
// them shows the 2021 values beside its own.
import { bestMatch } from '../../core/library/search';
import type { Operator, Report } from '../../core/model/report';
import type { DB, LibraryIndicatorTable } from '../db/schema';
import type { Random } from '../deps';
import { insertEntry, syncUsage } from '../repositories/library';
import { decodeJson } from '../repositories/json';

type Spec = [level1: string, level2: string, name: string, category: string, operator: Operator | null, target: string, unit: string, rule: string];

const COMMON: Spec[] = [
  ['产出目标', '数量指标', '重点工作任务完成数', '通用', '≥', '', '项', '按年初确定的重点工作逐项核对，每少完成1项扣1分'],
  ['产出目标', '质量指标', '重点工作办结率', '通用', '=', '100', '%', '重点工作实际完成数/交办或下达数×100%，每低1个百分点扣0.5分'],
  ['产出目标', '时效指标', '任务按时完成率', '通用', '≥', '95', '%', '按时完成任务数/计划任务数×100%'],
  ['产出目标', '成本指标', '预算执行率', '通用', '≥', '95', '%', '全年执行数/全年预算数×100%'],
  ['产出目标', '成本指标', '“三公”经费控制率', '通用', '≤', '100', '%', '实际支出/预算安排数×100%，每超1个百分点扣1分'],
  ['效益目标', '社会效益', '政务信息公开及时性', '通用', null, '按规定时限公开', '', '未按时公开的每项扣1分'],
  ['满意度指标', '服务对象满意度', '服务对象满意度', '通用', '≥', '90', '%', '问卷调查；每低1个百分点扣0.5分'],
];

const PARTY: Spec[] = [
  ['产出目标', '数量指标', '开展主题党日活动次数', '党建', '≥', '12', '次', '每少1次扣0.5分'],
  ['产出目标', '数量指标', '新发展党员人数', '党建', '≥', '50', '人', ''],
  ['产出目标', '质量指标', '干部人事档案专项审核完成率', '党建', '=', '100', '%', ''],
];

/** The entries, and the seed report's rows linked to them. */
export function demoLibrary(bureauId: string, departmentId: string, random: Random, at: string, userId: string, seed: Report): LibraryIndicatorTable[] {
  const row = (s: Spec, departmentIdOf: string | null): LibraryIndicatorTable => ({
    id: random.uuid(), bureau_id: bureauId, scope: departmentIdOf ? 'department' : 'common', department_id: departmentIdOf, owner_key: departmentIdOf ?? '',
    level1: s[0], level2: s[1], name: s[2], category: s[3], kind: s[4] ? '定量' : '定性', operator: s[4], unit: s[6], suggested_target: s[5],
    scoring_rule: s[7], explanation: '', valid_from: 2021, valid_to: null, usable_by: '[]', status: 'active', version: 1,
    created_by: userId, created_at: at, updated_by: userId, updated_at: at,
  });
  const entries = [...COMMON.map((s) => row(s, null)), ...PARTY.map((s) => row(s, departmentId))];
  for (const ind of seed.performance.indicators) ind.libraryId ??= bestMatch(ind, entries)?.entry.id ?? null;
  return entries;
}

/** Stores the entries and counts their use by the demo reports just inserted. */
export async function insertDemoLibrary(trx: DB, bureauId: string, entries: readonly LibraryIndicatorTable[]): Promise<void> {
  for (const e of entries) await insertEntry(trx, e);
  const reports = await trx.selectFrom('reports').select(['id', 'bureau_id', 'department_id', 'year', 'document']).where('bureau_id', '=', bureauId).execute();
  for (const r of reports) {
    const doc = decodeJson<Report>(r.document);
    await syncUsage(trx, r, doc.performance.indicators.flatMap((i) => (i.libraryId ? [i.libraryId] : [])));
  }
}
