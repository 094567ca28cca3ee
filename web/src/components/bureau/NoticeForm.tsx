// 下达整改通知: to one department, on what basis (校验发现, 复核, 中/差 等次), with items — problem, requirement,
// due date, responsible unit. Opened from the task page (pick the department) or from a report (its
// department, its findings offered as items).
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/client';
import { issueNotice, type NoticeInput, type NoticeView } from '../../api/bureau';

interface Item {
  problem: string;
  requirement: string;
  dueDate: string | null;
}

interface Props {
  open: boolean;
  departments: ReadonlyArray<{ id: string; name: string }>;
  departmentId?: string;
  reportId?: string | null;
  taskId?: string | null;
  year?: number;
  /** problems to start from (a report's findings, the 复核 lines with deductions) */
  suggestions?: readonly string[];
  onIssued: (n: NoticeView) => void;
  onCancel: () => void;
}

const BASIS: Array<{ value: NoticeInput['basis']; label: string }> = [
  { value: 'findings', label: '校验发现' }, { value: 'rescore', label: '复核结果' }, { value: 'grade', label: '评价等次为中或差' }, { value: 'other', label: '其他' },
];

export function NoticeForm(p: Props) {
  const { message } = App.useApp();
  const [departmentId, setDepartmentId] = useState<string | undefined>(p.departmentId);
  const [basis, setBasis] = useState<NoticeInput['basis']>('rescore');
  const [items, setItems] = useState<Item[]>([{ problem: '', requirement: '', dueDate: null }]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!p.open) return;
    setDepartmentId(p.departmentId);
    setItems([{ problem: '', requirement: '', dueDate: null }]);
  }, [p.open, p.departmentId]);
  const set = (i: number, patch: Partial<Item>) => setItems((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const ready = departmentId && items.length > 0 && items.every((x) => x.problem.trim() && x.requirement.trim());
  const ok = async () => {
    if (!ready) return;
    setBusy(true);
    try {
      p.onIssued(await issueNotice({ departmentId: departmentId!, reportId: p.reportId ?? null, taskId: p.taskId ?? null, ...(p.year ? { year: p.year } : {}), basis, items }));
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={p.open} title="下达整改通知" okText="下达" cancelText="取消" onOk={ok} okButtonProps={{ disabled: !ready, loading: busy }} onCancel={p.onCancel} destroyOnHidden width={760}>
      <Form layout="vertical">
        <Space wrap>
          <Form.Item label="被通知部门" required>
            <Select value={departmentId} onChange={setDepartmentId} disabled={!!p.departmentId} style={{ width: 240 }} aria-label="被通知部门" showSearch optionFilterProp="label"
              options={p.departments.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item label="依据" required>
            <Select value={basis} onChange={setBasis} style={{ width: 180 }} aria-label="依据" options={BASIS} />
          </Form.Item>
        </Space>
        {items.map((x, i) => (
          <div key={i} className="jx-notice-item">
            <Form.Item label={`第${i + 1}项 问题`} required>
              <Input.TextArea value={x.problem} onChange={(e) => set(i, { problem: e.target.value })} autoSize={{ minRows: 1, maxRows: 4 }} aria-label={`第${i + 1}项问题`} />
            </Form.Item>
            {!!p.suggestions?.length && !x.problem && (
              <Select size="small" placeholder="从本报告的问题中选择" style={{ width: '100%', marginTop: -16, marginBottom: 12 }} onChange={(v: string) => set(i, { problem: v })}
                options={p.suggestions.map((s) => ({ value: s, label: s }))} aria-label={`第${i + 1}项问题来源`} />
            )}
            <Space align="start" style={{ width: '100%' }}>
              <Form.Item label="整改要求" required style={{ width: 480 }}>
                <Input.TextArea value={x.requirement} onChange={(e) => set(i, { requirement: e.target.value })} autoSize={{ minRows: 1, maxRows: 4 }} aria-label={`第${i + 1}项整改要求`} />
              </Form.Item>
              <Form.Item label="整改期限">
                <DatePicker onChange={(d) => set(i, { dueDate: d ? d.format('YYYY-MM-DD') : null })} aria-label={`第${i + 1}项整改期限`} />
              </Form.Item>
              {items.length > 1 && <Button type="link" danger onClick={() => setItems((xs) => xs.filter((_, j) => j !== i))} style={{ marginTop: 30 }}>删除</Button>}
            </Space>
          </div>
        ))}
        <Button onClick={() => setItems((xs) => [...xs, { problem: '', requirement: '', dueDate: null }])}>增加一项</Button>
      </Form>
    </Modal>
  );
}
