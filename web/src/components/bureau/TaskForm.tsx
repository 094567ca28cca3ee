// 新建任务: year, 评分表, the departments it covers (all, by 归口科室, or picked from the bureau's roster),
// the three deadlines and the notice text. The task's kind is its template's: a 项目支出 评分表 makes a
// project task (each department reports each project on its own table). Deadlines are validated by the same core rules the server uses.
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { deadlineProblems, DEADLINE_LABEL, type Deadlines } from '../../../../src/core/bureau/deadline';
import type { ApiError } from '../../api/client';
import { createTask, getRoster, type Roster, type TaskView } from '../../api/bureau';
import { listTemplates, type TemplateSummary } from '../../api/templates';

const KEYS = Object.keys(DEADLINE_LABEL) as Array<keyof Deadlines>;

export function TaskForm({ open, onCreated, onCancel }: { open: boolean; onCreated: (t: TaskView) => void; onCancel: () => void }) {
  const { message } = App.useApp();
  const [roster, setRoster] = useState<Roster | null>(null);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [templateId, setTemplateId] = useState('yueyang-overall');
  const [mode, setMode] = useState<'all' | 'sections' | 'picked'>('all');
  const [sectionIds, setSectionIds] = useState<string[]>([]);
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [dates, setDates] = useState<Record<keyof Deadlines, Dayjs | null>>({ selfEvalDue: null, financeReviewDue: null, publishBy: null });
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open && !roster) getRoster().then(setRoster).catch((e: ApiError) => message.error(e.message));
  }, [open, roster, message]);
  // the server's templates, the bureau's own uploads included; the one it activated is the default
  useEffect(() => {
    if (!open || templates.length) return;
    listTemplates()
      .then((items) => {
        setTemplates(items);
        const active = items.find((t) => t.kind === 'overall' && t.active);
        if (active) setTemplateId(active.id);
      })
      .catch((e: ApiError) => message.error(e.message));
  }, [open, templates.length, message]);
  const templateOptions = [...new Map(templates.map((t) => [t.id, { value: t.id, label: `${t.name}（${t.kind === 'project' ? '项目支出任务' : '部门整体任务'}）` }])).values()];
  const project = templates.find((t) => t.id === templateId)?.kind === 'project';
  const deadlines = Object.fromEntries(KEYS.map((k) => [k, dates[k]?.format('YYYY-MM-DD') ?? ''])) as unknown as Deadlines;
  const problems = deadlineProblems(deadlines);
  const ok = async () => {
    if (problems.length) return void message.error(problems.join('；'));
    setBusy(true);
    try {
      onCreated(await createTask({ year, templateId, notice, scope: { mode, sectionIds, departmentIds }, deadlines }));
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  const counterpart = (roster?.sections ?? []).filter((s) => s.kind === 'counterpart');
  return (
    <Modal open={open} title="新建绩效自评任务" okText="新建（暂不下达）" cancelText="取消" onOk={ok} okButtonProps={{ loading: busy }} onCancel={onCancel} destroyOnHidden width={720}>
      <Form layout="vertical">
        <div className="jx-form-grid jx-form-grid-3">
          <Form.Item label="评价年度" required>
            <InputNumber min={1990} max={2100} value={year} onChange={(v) => v && setYear(v)} suffix="年度" aria-label="评价年度" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="评分表" required style={{ gridColumn: 'span 2' }}>
            <Select value={templateId} onChange={setTemplateId} aria-label="评分表" options={templateOptions.length ? templateOptions : [{ value: templateId, label: templateId }]} />
          </Form.Item>
        </div>
        <Form.Item label="任务范围" required>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} aria-label="任务范围">
            <Radio value="all">本局全部部门（{roster?.departments.length ?? '…'} 个）</Radio>
            <Radio value="sections">按归口科室</Radio>
            <Radio value="picked">指定部门</Radio>
          </Radio.Group>
        </Form.Item>
        {mode === 'sections' && (
          <Form.Item label="归口科室" required>
            <Select mode="multiple" value={sectionIds} onChange={setSectionIds} aria-label="归口科室" options={counterpart.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        {mode === 'picked' && (
          <Form.Item label="部门" required>
            <Select mode="multiple" value={departmentIds} onChange={setDepartmentIds} aria-label="部门" optionFilterProp="label"
              options={(roster?.departments ?? []).map((d) => ({ value: d.id, label: `${d.budgetCode} ${d.name}` }))} />
          </Form.Item>
        )}
        <div className="jx-form-grid jx-form-grid-3">
          {KEYS.map((k) => (
            <Form.Item key={k} label={DEADLINE_LABEL[k]} required>
              <DatePicker value={dates[k]} onChange={(d) => setDates((x) => ({ ...x, [k]: d }))} aria-label={DEADLINE_LABEL[k]} style={{ width: '100%' }}
                disabledDate={(d) => d.isBefore(dayjs('1990-01-01'))} />
            </Form.Item>
          ))}
        </div>
        {problems.length > 0 && KEYS.every((k) => dates[k]) && <div className="jx-field-error">{problems.join('；')}</div>}
        <Form.Item label="通知正文">
          <Input.TextArea value={notice} onChange={(e) => setNotice(e.target.value)} autoSize={{ minRows: 4, maxRows: 12 }} aria-label="通知正文"
            placeholder={`关于开展${year}年度${project ? '项目支出' : '部门整体支出'}绩效自评工作的通知……`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
