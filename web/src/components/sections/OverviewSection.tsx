// 一、部门（单位）基本概况: contact, phone, 人员编制, 实有人数, duties, the task list and achievements.
import { Button } from 'antd';
import { memo } from 'react';
import type { Overview } from '../../../../src/core/model/report';
import { SECTION_LABELS } from '../../../../src/core/model/layout';
import { useEditor } from '../editor/editor-context';
import { AreaField, Labeled, NumberField, TextField } from '../editor/fields';
import { PathField } from '../editor/PathField';
import { Section, SubTitle } from './Section';

export const OverviewSection = memo(function OverviewSection({ overview }: { overview: Overview }) {
  const ctx = useEditor();
  const editable = ctx.canEdit('overview.tasks');
  const tasks = overview.tasks;
  return (
    <Section id="sec-overview" title={SECTION_LABELS.overview}>
      <div className="jx-form-grid">
        <Labeled label="联系人" required>
          <TextField path="overview.contact" value={overview.contact} ariaLabel="联系人" />
        </Labeled>
        <Labeled label="联络电话" required>
          <TextField path="overview.phone" value={overview.phone} ariaLabel="联络电话" />
        </Labeled>
        <Labeled label="人员编制" required>
          <NumberField path="overview.staffQuota" value={overview.staffQuota} ariaLabel="人员编制" suffix="人" />
        </Labeled>
        <Labeled label="实有人数" required>
          <NumberField path="overview.actualStaff" value={overview.actualStaff} ariaLabel="实有人数" suffix="人" />
        </Labeled>
        <Labeled label="职能职责概述" span={2}>
          <AreaField path="overview.duties" value={overview.duties} ariaLabel="职能职责概述" minRows={3} />
        </Labeled>
      </div>
      <PathField path="overview.tasks">
        <SubTitle
          extra={
            editable && (
              <Button size="small" onClick={() => ctx.update('overview.tasks', (old) => [...((old as string[]) ?? []), ''])}>
                添加任务
              </Button>
            )
          }
        >
          年度主要工作内容
        </SubTitle>
        {tasks.length === 0 && <div className="jx-empty-line">尚未填写任务。</div>}
        {tasks.map((t, i) => (
          <div key={i} className="jx-list-row">
            <span className="jx-list-no">{i + 1}.</span>
            <div className="jx-list-body">
              <AreaField path={`overview.tasks[${i}]`} value={t} ariaLabel={`任务${i + 1}`} minRows={1} />
            </div>
            {editable && (
              <Button
                size="small"
                type="text"
                danger
                aria-label={`删除任务${i + 1}`}
                onClick={() => ctx.update('overview.tasks', (old) => (old as string[]).filter((_, j) => j !== i))}
              >
                删除
              </Button>
            )}
          </div>
        ))}
      </PathField>
      <div className="jx-form-grid" style={{ marginTop: 12 }}>
        <Labeled label="年度总体运行情况及取得的成绩" span={2}>
          <AreaField path="overview.achievements" value={overview.achievements} ariaLabel="年度总体运行情况及取得的成绩" minRows={4} />
        </Labeled>
      </div>
    </Section>
  );
});
