// 退回: a written reason is required; the reviewer may point at the cells it concerns, which the
// department then sees beside those cells.
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';

interface Props {
  open: boolean;
  /** paths offered for pointing: findings and the fields the reviewer last clicked */
  suggestions: ReadonlyArray<{ path: string; label: string }>;
  onSubmit: (reason: string, paths: string[]) => Promise<void>;
  onCancel: () => void;
}

export function ReturnDialog({ open, suggestions, onSubmit, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const [paths, setPaths] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (open) {
      setReason('');
      setPaths([]);
      setTouched(false);
    }
  }, [open]);
  const empty = !reason.trim();
  const ok = async () => {
    setTouched(true);
    if (empty) return;
    setBusy(true);
    try {
      await onSubmit(reason.trim(), paths);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title="退回报告" okText="确认退回" okButtonProps={{ danger: true, disabled: empty, loading: busy }} onOk={ok} onCancel={onCancel} destroyOnHidden width={680}>
      <Alert type="info" showIcon title="退回后报告回到填报人手中修改，退回原因会显示在报告顶部和所选单元格旁。" style={{ marginBottom: 12 }} />
      <Form layout="vertical">
        <Form.Item label="退回原因" required validateStatus={touched && empty ? 'error' : undefined} help={touched && empty ? '请填写退回原因' : undefined}>
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount aria-label="退回原因" placeholder="如：三公经费表局机关行未填写，请按决算数补齐。" />
        </Form.Item>
        <Form.Item label="涉及的单元格（可选）" extra="可从校验发现中选择，或先在报告中点击相应单元格再打开本窗口。">
          <Select
            mode="multiple"
            value={paths}
            onChange={setPaths}
            options={suggestions.map((s) => ({ value: s.path, label: s.label }))}
            placeholder="选择涉及的单元格"
            aria-label="涉及的单元格"
            optionFilterProp="label"
            allowClear
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
