// 上年问题整改情况: last year's 整改 items in this year's report, each with what the department did and
// the result. Carried from the notices when the draft was made; items issued since can be added from
// the notices. Rule X8 flags an item without 整改情况, or a notice item the report leaves out.
import { Button, Tag } from 'antd';
import { memo } from 'react';
import { priorIssuesOf, type PriorIssueInput } from '../../../../src/core/bureau/carry-over';
import type { PriorIssue } from '../../../../src/core/model/report';
import { useEditor } from '../editor/editor-context';
import { AreaField, Labeled, SelectField } from '../editor/fields';
import { PathField } from '../editor/PathField';
import { Section } from '../sections/Section';

export const PRIOR_STATUS = ['已整改', '整改中', '未整改'] as const;

export const PriorIssuesSection = memo(function PriorIssuesSection({ items, expected }: { items: readonly PriorIssue[] | undefined; expected: readonly PriorIssueInput[] }) {
  const ctx = useEditor();
  const list = items ?? [];
  const missing = expected.filter((e) => !list.some((x) => x.itemId === e.itemId));
  if (!list.length && !expected.length) return null;
  const editable = ctx.canEdit('priorIssues');
  return (
    <Section
      id="sec-prior"
      title="上年问题整改情况"
      extra={editable && missing.length > 0 && (
        <Button size="small" type="primary" onClick={() => ctx.update('priorIssues', (old) => [...((old as PriorIssue[]) ?? []), ...priorIssuesOf(missing)])}>
          补入整改通知中的 {missing.length} 项
        </Button>
      )}
    >
      <PathField path="priorIssues">
        <div className="jx-hint">上年度财政局整改通知中的问题，须逐项说明采取的措施及成效、整改结果。</div>
        {list.map((x, i) => (
          <div key={x.itemId || i} className="jx-prior-item" data-testid="prior-issue">
            <div className="jx-prior-head">
              <span className="jx-list-no">{i + 1}.</span>
              <b>{x.problem}</b>
              {x.dueDate && <Tag style={{ marginLeft: 8 }}>期限 {x.dueDate}</Tag>}
            </div>
            {x.requirement && <div className="jx-hint">整改要求：{x.requirement}</div>}
            <div className="jx-form-grid">
              <Labeled label="整改情况（措施及成效）" span={2} required>
                <AreaField path={`priorIssues[${i}].measures`} value={x.measures} ariaLabel={`第${i + 1}项整改情况`} minRows={2} />
              </Labeled>
              <Labeled label="整改结果">
                <SelectField path={`priorIssues[${i}].status`} value={x.status || null} options={PRIOR_STATUS} ariaLabel={`第${i + 1}项整改结果`} onValue={(v) => ctx.change(`priorIssues[${i}].status`, v ?? '')} />
              </Labeled>
            </div>
          </div>
        ))}
        {missing.length > 0 && <div className="jx-field-error">整改通知中还有 {missing.length} 项未列入本报告：{missing.map((m) => m.problem).join('；')}</div>}
      </PathField>
    </Section>
  );
});
