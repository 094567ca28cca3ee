// 评分基础数据: the inputs the 评分表 needs that the report's tables do not carry (上年度三公经费, budgets …).
// Left blank, the score item that needs one shows "数据不足" rather than zero.
import { memo } from 'react';
import type { Report } from '../../../../src/core/model/report';
import { BASICS_LABEL } from '../../lib/path-label';
import { AmountField, Labeled, NumberField } from '../editor/fields';
import { Section } from './Section';

const AMOUNT_KEYS = [
  'threePublicPriorYear',
  'threePublicBudget',
  'budgetInitial',
  'budgetAdjusted',
  'budgetAdjustment',
  'keyProjectSpending',
  'projectBudget',
  'publicBudget',
  'procurementBudget',
  'procurementActual',
] as const;

export const BasicsSection = memo(function BasicsSection({ basics }: { basics: Report['basics'] }) {
  return (
    <Section id="sec-basics" title="评分基础数据（选填）">
      <div className="jx-hint">以下数据不印在报告表格中，但评分表的部分指标需要用到；未填写的指标显示为“数据不足”，不计为零分。金额单位：万元。</div>
      <div className="jx-form-grid jx-form-grid-3">
        {AMOUNT_KEYS.map((k) => (
          <Labeled key={k} label={BASICS_LABEL[k]}>
            <AmountField path={`basics.${k}`} value={basics[k]} cell={false} ariaLabel={BASICS_LABEL[k]} />
          </Labeled>
        ))}
        <Labeled label={BASICS_LABEL.lateSpecialFunds}>
          <NumberField path="basics.lateSpecialFunds" value={basics.lateSpecialFunds} ariaLabel={BASICS_LABEL.lateSpecialFunds} suffix="个" />
        </Labeled>
      </div>
    </Section>
  );
});
