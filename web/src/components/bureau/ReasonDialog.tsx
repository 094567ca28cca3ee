// A confirmation that needs a written reason (撤回公开, 延期, adding or dropping a sample pick, 退回重改),
// with optional extra fields above the reason.
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  okText: string;
  label?: string;
  note?: ReactNode;
  danger?: boolean;
  /** the reason may be left empty */
  optional?: boolean;
  children?: ReactNode;
  onSubmit: (reason: string) => Promise<void>;
  onCancel: () => void;
}

export function ReasonDialog({ open, title, okText, label = '理由', note, danger, optional, children, onSubmit, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) setReason('');
  }, [open]);
  const empty = !optional && !reason.trim();
  const ok = async () => {
    if (empty) return;
    setBusy(true);
    try {
      await onSubmit(reason.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={title} okText={okText} cancelText="取消" okButtonProps={{ danger, disabled: empty, loading: busy }} onOk={ok} onCancel={onCancel} destroyOnHidden width={600}>
      {note && <Alert type="info" showIcon title={note} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        {children}
        <Form.Item label={label} required={!optional}>
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount aria-label={label} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
