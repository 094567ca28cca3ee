// 评分: the total (or, when some items cannot be computed, the computable part), every item with its
// score and weight, status, explanation and deductions, and the team's own claimed score beside it.
import { Tag, Tooltip } from 'antd';
import { memo } from 'react';
import type { FormDescriptor } from '../../../../src/core/forms/index';
import { ITEM_STATUS_LABEL, type ItemStatus, type ScoreItem, type Scorecard } from '../../../../src/core/model/score';
import { useEditor } from '../editor/editor-context';

const COLOR: Record<ItemStatus, string> = { scored: 'success', insufficient: 'warning', unknown: 'default', notApplicable: 'processing' };

const n = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0$/, ''));

/** The inputs the engine names as missing (by their labels in the form) → the field to fill. */
function missingPaths(form: FormDescriptor): Record<string, string> {
  return Object.fromEntries(form.fields.map((f) => [f.label, f.path]));
}

function Item({ item, onJump, paths }: { item: ScoreItem; onJump?: (path: string) => void; paths: Record<string, string> }) {
  const s = { label: ITEM_STATUS_LABEL[item.status], color: COLOR[item.status] };
  return (
    <li className={`jx-score-item jx-score-${item.status}`}>
      <div className="jx-score-line">
        <span className="jx-score-name" title={item.path.join(' › ')}>
          {item.name}
        </span>
        <Tag color={s.color}>{s.label}</Tag>
        <span className="jx-score-val">
          {item.score == null ? '—' : n(item.score)} / {n(item.weight)}
        </span>
      </div>
      {item.metric && <div className="jx-score-metric">指标值：{item.metric}</div>}
      <div className="jx-score-expl">{item.explanation}</div>
      {item.deductions.length > 0 && (
        <ul className="jx-deductions">
          {item.deductions.map((d, i) => (
            <li key={i}>
              扣 {n(d.points)} 分：{d.reason}
            </li>
          ))}
        </ul>
      )}
      {item.missing && item.missing.length > 0 && (
        <div className="jx-score-missing">
          缺少：
          {item.missing.map((m, i) => (
            <span key={m}>
              {i > 0 && '、'}
              {onJump && paths[m] ? (
                <a onClick={() => onJump(paths[m]!)} title="点击填写">
                  {m}
                </a>
              ) : (
                m
              )}
            </span>
          ))}
        </div>
      )}
      {item.claimed != null && <div className="jx-score-claimed">评价组自评：{n(item.claimed)} 分</div>}
    </li>
  );
}

export const ScorePanel = memo(function ScorePanel({ score, onJump }: { score: Scorecard | null; onJump?: (path: string) => void }) {
  const { form } = useEditor();
  const paths = missingPaths(form);
  if (!score) return <div className="jx-score">评分暂不可用。</div>;
  const groups = new Map<string, ScoreItem[]>();
  for (const it of score.items) {
    const g = it.path[0] ?? '其他';
    groups.set(g, [...(groups.get(g) ?? []), it]);
  }
  const claimed = score.claimed;
  return (
    <div className="jx-score" data-testid="score-panel">
      <div className="jx-score-total">
        {score.total != null ? (
          <>
            <div className="jx-big">
              {n(score.total)}
              <small> 分</small>
            </div>
            <div>{score.grade ? `评价等次：${score.grade}` : ''}</div>
          </>
        ) : (
          <>
            <div className="jx-big jx-big-muted">无法完整计算</div>
            <div>
              可计算部分：得 <b>{n(score.computable.score)}</b> 分 / 满分 {n(score.computable.weight)} 分
              <Tooltip title="部分评分项缺少所需数据或尚待确认，这些项不计为零分，而是暂不计分。补齐数据后总分才能完整计算。">
                <span className="jx-help">?</span>
              </Tooltip>
            </div>
          </>
        )}
        <div className="jx-score-claim">
          报告自评：{claimed.score == null ? '未填写' : `${n(claimed.score)} 分`}
          {claimed.grade ? ` · ${claimed.grade}` : ''}
        </div>
        <div className="jx-score-template">{score.templateName}</div>
      </div>
      {[...groups.entries()].map(([g, items]) => {
        const weight = items.reduce((a, b) => a + b.weight, 0);
        const scored = items.filter((i) => i.score != null);
        const got = n(scored.reduce((a, b) => a + (b.score ?? 0), 0));
        const complete = scored.length === items.length;
        return (
          <section key={g} className="jx-score-group">
            <h4>
              {g}
              <span>{complete ? `${got} / ${n(weight)}` : `已计分 ${got} / ${n(scored.reduce((a, b) => a + b.weight, 0))} · 满分 ${n(weight)}`}</span>
            </h4>
            <ul>
              {items.map((it) => (
                <Item key={it.id} item={it} onJump={onJump} paths={paths} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
});
