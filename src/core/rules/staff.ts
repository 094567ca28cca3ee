// X1 财政供养人员控制率 = 实有人数 / 人员编制: over 100% costs marks in the 评分表 and needs an explanation.
// X2 固定资产利用率 = 在用 / 合计 must match what the 评分表 claims.
import Decimal from 'decimal.js';
import { wanToFen } from '../money';
import { label, section } from '../forms/index';
import type { RuleEnv } from './context';

const EXPLAINED = /超编|编外|聘用|借调|临聘|劳务派遣|政府购买服务|公益性岗位|编制外/;

export function staffControl(env: RuleEnv): void {
  const { staffQuota: quota, actualStaff: actual } = env.report.overview;
  if (quota == null || actual == null || actual <= quota) return;
  const f = env.form;
  const quotaName = label(f, 'overview.staffQuota');
  const where = `${section(f, 'overview').label}·${label(f, 'overview.actualStaff')}`;
  if (quota === 0) {
    env.add('X1', 'STAFF.NO_QUOTA', 'warning', 'overview.staffQuota', `${where}为${actual}人，而${quotaName}为0，请核实编制数。`);
    return;
  }
  const rate = new Decimal(actual).div(quota).mul(100).toFixed(2, Decimal.ROUND_HALF_UP);
  const overview = env.report.narrative.find((s) => s.key === 'overview')?.text ?? '';
  const explained = EXPLAINED.test(overview);
  env.add(
    'X1',
    'STAFF.OVER_QUOTA',
    explained ? 'info' : 'warning',
    'overview.actualStaff',
    `${where}${actual}人超过${quotaName}${quota}人（财政供养人员控制率${rate}%），评分表“财政供养人员控制率”不能得满分；${explained ? '综述中已说明编外人员情况，请核实。' : '报告中未说明超编原因，应予说明。'}`,
  );
}

export function assetUtilization(env: RuleEnv): void {
  const rows = env.report.finance.fixedAssets;
  const s = rows.find((r) => r.kind === 'summary') ?? rows[0];
  const total = wanToFen(s?.total);
  const inUse = wanToFen(s?.inUse);
  if (!total || inUse == null) return;
  const rate = new Decimal(inUse).div(total).mul(100);
  for (const claim of env.report.scoreSheet) {
    if (!/fixedAsset|固定资产利用率/.test(claim.itemId)) continue;
    const m = /(\d+(?:\.\d+)?)\s*%/.exec(claim.note);
    if (!m) continue;
    if (rate.minus(m[1]!).abs().greaterThan(0.5)) {
      env.add('X2', 'ASSET.UTILIZATION_CLAIM', 'error', 'finance.fixedAssets', `评分表“固定资产利用率”写为${m[1]}%，按固定资产表在用${s!.inUse}万元/合计${s!.total}万元计算应为${rate.toFixed(2)}%。`);
    }
  }
}
