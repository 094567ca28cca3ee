// 评分表（评价组自评）: the evaluation team scores each item of the report's template — the points a
// checklist meets, the violations found, the level reached, a typed score with its basis, or 不适用 with a
// reason — beside what Jixiao computes from the report, with the difference explained. The sheet's total
// and grade follow; once every item is in, they become the report's 绩效自评综合得分 and 评价等次.
import { Alert, Checkbox, Input, Select, Tag, Tooltip } from 'antd';
import { memo, useEffect, useMemo, useRef, type ClipboardEvent } from 'react';
import { planScorePaste } from '../../../../src/core/forms/paste-scores';
import { onGridKeyDown } from '../../lib/grid-keys';
import { pastedBlock, usePastePlan } from '../editor/paste-preview';
import type { SectionDef } from '../../../../src/core/forms/index';
import type { Report, ScoreClaim } from '../../../../src/core/model/report';
import type { Scorecard } from '../../../../src/core/model/score';
import type { ScoreRule, Template } from '../../../../src/core/model/template';
import { claimSheet, type ClaimLine } from '../../../../src/core/scoring/claims';
import { templateFor } from '../../../../src/core/templates/index';
import { compareLine, type ClaimPatch, patchClaim } from '../../lib/score-claims';
import { useEditor } from '../editor/editor-context';
import { PathField } from '../editor/PathField';
import { Section } from './Section';

const LEVELS = ['达成', '部分达成', '未达成'] as const;
const fmt = (n: number | null | undefined) => (n == null ? '—' : String(Math.round(n * 100) / 100));

function ScoreInput({ label, value, max, disabled, row, onValue }: { label: string; value: number | null; max: number; disabled: boolean; row: number; onValue: (v: number | null) => void }) {
  const text = value == null ? '' : String(value);
  return (
    <Input
      data-grid-row={row}
      data-grid-col={0}
      size="small"
      inputMode="decimal"
      aria-label={label}
      disabled={disabled}
      defaultValue={text}
      key={text}
      suffix="分"
      style={{ width: 96 }}
      onBlur={(e) => {
        const s = e.target.value.trim();
        if (s === '') return onValue(null);
        const n = Number(s);
        if (Number.isFinite(n) && n >= 0 && n <= max && /^\d+(\.\d{1,2})?$/.test(s)) onValue(n);
        else e.target.value = text;
      }}
    />
  );
}

/** What the team enters for one item, by the kind of rule that scores it. */
/** Whether the team types the item's score (not ticking 评分要点, counting 不符合情形, or 待定). */
function typedScore(line: ClaimLine): boolean {
  const rule = line.leaf.node.rule;
  return !line.leaf.unknown && rule?.type !== 'checklist' && !(rule?.type === 'violationDeduct' && !rule.metric);
}

/** What the team enters for one item, by the kind of rule that scores it; `row` is its place in the sheet's grid. */
function Inputs({ line, rule, editable, row, set }: { line: ClaimLine; rule: ScoreRule | undefined; editable: boolean; row: number; set: (p: ClaimPatch) => void }) {
  const { leaf, claim } = line;
  const name = leaf.node.name;
  const na = claim?.notApplicable === true;
  const off = !editable || na;
  const parts = [];
  if (rule?.type === 'checklist') {
    const checks = claim?.checks ?? rule.items.map(() => false);
    parts.push(
      <div key="checks" className="jx-claim-checks">
        {rule.items.map((it, i) => (
          <Checkbox
            key={i}
            disabled={off}
            checked={checks[i] ?? false}
            aria-label={`${name}评分要点${i + 1}`}
            onChange={(e) => set({ checks: rule.items.map((_, j) => (j === i ? e.target.checked : (checks[j] ?? false))) })}
          >
            {it.text}（{it.points}分）
          </Checkbox>
        ))}
      </div>,
    );
  } else if (rule?.type === 'violationDeduct' && !rule.metric) {
    parts.push(
      <span key="v">
        发现不符合情形{' '}
        <Input
          size="small"
          inputMode="numeric"
          aria-label={`${name}不符合情形数`}
          disabled={off}
          defaultValue={claim?.violations == null ? '' : String(claim.violations)}
          key={String(claim?.violations ?? '')}
          style={{ width: 64 }}
          onBlur={(e) => {
            const s = e.target.value.trim();
            if (s === '') set({ violations: undefined });
            else if (/^\d{1,3}$/.test(s)) set({ violations: Number(s) });
          }}
        />{' '}
        处（每处扣{rule.pointsPerViolation}分）
      </span>,
    );
  } else {
    if (rule?.type === 'qualitative3')
      parts.push(
        <Select
          key="level"
          size="small"
          aria-label={`${name}达成等次`}
          disabled={off}
          placeholder="达成等次"
          style={{ width: 112 }}
          value={claim?.level}
          allowClear
          options={LEVELS.map((l) => ({ value: l, label: `${l}（${rule.levels[l].map((x) => fmt(x * leaf.weight)).join('～')}分）` }))}
          onChange={(v) => set({ level: v ?? undefined })}
        />,
      );
    parts.push(<ScoreInput key="score" label={`${name}自评得分`} value={claim?.score ?? null} max={leaf.weight} disabled={off} row={row} onValue={(v) => set({ score: v })} />);
  }
  return (
    <div className="jx-claim-inputs">
      {parts}
      <Input.TextArea
        data-grid-row={row}
        data-grid-col={1}
        aria-label={`${name}说明`}
        disabled={!editable}
        autoSize={{ minRows: 1, maxRows: 4 }}
        placeholder={na ? '不适用的原因（必填）' : rule?.type === 'manual' ? '评分依据（必填）' : '扣分原因和其他说明'}
        defaultValue={claim?.note ?? ''}
        key={claim?.note ?? ''}
        onBlur={(e) => e.target.value !== (claim?.note ?? '') && set({ note: e.target.value })}
      />
      <Checkbox disabled={!editable} checked={na} aria-label={`${name}不适用`} onChange={(e) => set({ notApplicable: e.target.checked || undefined })}>
        不适用
      </Checkbox>
    </div>
  );
}

type Props = { section: SectionDef; score: Scorecard | null } & Pick<Report, 'scoreSheet' | 'templateId' | 'templateVersion' | 'performance'>;

export const ScoreSheetSection = memo(function ScoreSheetSection({ section, score, scoreSheet, templateId, templateVersion, performance }: Props) {
  const ctx = useEditor();
  const template: Template | null = useMemo(() => {
    try {
      return templateFor({ templateId, templateVersion });
    } catch {
      return null;
    }
  }, [templateId, templateVersion]);
  const sheet = useMemo(() => (template ? claimSheet({ scoreSheet }, template) : null), [scoreSheet, template]);
  const editable = ctx.canEdit('scoreSheet');
  const edited = useRef(false);
  const paste = usePastePlan();

  // The total and grade follow the sheet once it is complete: written when the team changes the sheet,
  // never on opening a report (an imported self-score stays as written until the sheet says otherwise).
  useEffect(() => {
    if (!edited.current || !sheet?.complete || sheet.total == null) return;
    if (performance.selfScore !== sheet.total) ctx.change('performance.selfScore', sheet.total);
    if (sheet.grade && performance.grade !== sheet.grade) ctx.change('performance.grade', sheet.grade);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sheet?.total, sheet?.grade, sheet?.complete]);

  if (!template || !sheet) return <Section id={`sec-${section.key}`} title={section.label}><Alert type="warning" showIcon title="本报告的评分表模板尚未加载，暂不能填写评分表。" /></Section>;
  const items = new Map((score?.items ?? []).map((i) => [i.id, i]));
  const set = (line: ClaimLine) => (p: ClaimPatch) => {
    edited.current = true;
    ctx.update('scoreSheet', (old) => patchClaim((old as ScoreClaim[]) ?? [], line.leaf.node.id, p, line.leaf.node.rule, line.leaf.weight));
  };
  const known = sheet.lines.filter((l) => !l.leaf.unknown);
  // a block of 自评得分 and 说明 from Excel/WPS lands from the focused item on (core/forms/paste-scores.ts)
  const onPaste = (e: ClipboardEvent<HTMLTableElement>) => {
    const pasted = pastedBlock(e, editable);
    if (!pasted) return;
    const byId = new Map(sheet.lines.map((l) => [l.leaf.node.id, l]));
    const plan = planScorePaste(
      sheet.lines.map((l) => ({ id: l.leaf.node.id, name: l.leaf.node.name, weight: l.leaf.weight, typed: typedScore(l), score: l.claim?.score ?? null, note: l.claim?.note ?? '' })),
      pasted.at,
      pasted.grid,
    );
    paste({
      title: `粘贴到${section.label}`,
      plan,
      added: '',
      apply: (step) => {
        edited.current = true;
        ctx.update('scoreSheet', (old) => plan.patches.reduce((claims, { id, ...p }) => {
          const line = byId.get(id)!;
          return patchClaim(claims, id, p, line.leaf.node.rule, line.leaf.weight);
        }, (old as ScoreClaim[]) ?? []), step);
      },
    });
  };
  return (
    <Section id={`sec-${section.key}`} title={section.label}>
      <div className="jx-hint">
        按“{template.name}”逐项自评：按评分要点核对、填写发现的不符合情形或达成等次，其余各项填写自评得分及说明；无此业务的可标注不适用并写明原因。右侧为系统依报告数据核算的得分及差异说明。
        {sheet.unknownWeight > 0 && ` 模板中有 ${fmt(sheet.unknownWeight)} 分的评分项尚待确认（由绩效管理科在本局模板中补充），不能自评。`}
      </div>
      <PathField path="scoreSheet">
        <table className="jx-ind jx-claims" onKeyDown={onGridKeyDown} onPaste={onPaste}>
          <colgroup>
            <col style={{ width: '22%' }} />
            <col style={{ width: 52 }} />
            <col style={{ width: '34%' }} />
            <col style={{ width: 72 }} />
            <col style={{ width: 72 }} />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>评分项</th>
              <th>分值</th>
              <th>评价组自评</th>
              <th>自评得分</th>
              <th>系统核算</th>
              <th>差异说明</th>
            </tr>
          </thead>
          <tbody>
            {sheet.lines.map((line, row) => {
              const item = items.get(line.leaf.node.id);
              const rule = line.leaf.node.rule;
              return (
                <tr key={line.leaf.node.id} data-item={line.leaf.node.id}>
                  <td>
                    <Tooltip title={line.leaf.node.criteria ?? line.leaf.node.note}>
                      <span className="jx-claim-name">{line.leaf.path.join(' › ')}</span>
                    </Tooltip>
                  </td>
                  <td className="jx-center">{fmt(line.leaf.weight)}</td>
                  <td>{line.leaf.unknown ? <Tag>待定</Tag> : <Inputs line={line} rule={rule} editable={editable} row={row} set={set(line)} />}</td>
                  <td className="jx-center" data-testid={`claimed-${line.leaf.node.id}`}>
                    {line.claim?.notApplicable ? '不适用' : fmt(line.counted)}
                  </td>
                  <td className="jx-center">{item?.status === 'scored' ? fmt(item.score) : item ? <Tag>{item.status === 'unknown' ? '待定' : '数据不足'}</Tag> : '—'}</td>
                  <td className="jx-claim-diff">{compareLine(item, line.counted, line.claim)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </PathField>
      <div className="jx-claim-total" data-testid="claim-total">
        自评合计 <b>{fmt(sheet.claimed)}</b> 分（已填 {fmt(sheet.claimedWeight)} 分 / 可自评 {fmt(known.reduce((s, l) => s + l.leaf.weight, 0) - sheet.rescaledWeight)} 分）
        {sheet.complete ? `，评分表已填完：综合得分 ${fmt(sheet.total)} 分，评价等次 ${sheet.grade ?? '—'}` : `，尚有 ${fmt(sheet.openWeight)} 分未填${sheet.unknownWeight ? `、${fmt(sheet.unknownWeight)} 分待定` : ''}`}
        {score && `；系统核算 ${score.total != null ? `${fmt(score.total)} 分（${score.grade ?? ''}）` : `可核算部分 ${fmt(score.computable.score)} / ${fmt(score.computable.weight)} 分`}`}
      </div>
    </Section>
  );
});
