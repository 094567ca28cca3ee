// 签署意见并流转: the department head's 部门意见 before 审核通过并报送财政, and the 归口科室's opinion
// before 审核通过. The opinion goes into the report's sign-off block, then the signature (a hash of the
// report as it now stands) is recorded, then the report moves on.
import { Alert, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';

interface Props {
  open: boolean;
  title: string;
  okText: string;
  opinionLabel: string;
  defaultOpinion: string;
  signerName: string;
  /** a signature is required before the action (the head's approval) */
  signatureRequired: boolean;
  /** a valid signature by this role already covers the current content */
  alreadySigned: boolean;
  note?: string;
  onConfirm: (o: { opinion: string; sign: boolean }) => Promise<void>;
  onCancel: () => void;
}

export function OpinionDialog(p: Props) {
  const [opinion, setOpinion] = useState(p.defaultOpinion);
  const [sign, setSign] = useState(true);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (p.open) {
      setOpinion(p.defaultOpinion);
      setSign(true);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.open]);
  const mustSign = p.signatureRequired && !p.alreadySigned;
  const ok = async () => {
    setBusy(true);
    try {
      await p.onConfirm({ opinion: opinion.trim(), sign: mustSign || sign });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={p.open} title={p.title} okText={p.okText} onOk={ok} okButtonProps={{ loading: busy, disabled: mustSign && !opinion.trim() }} onCancel={p.onCancel} destroyOnHidden width={640}>
      {p.note && <Alert type="info" showIcon title={p.note} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label={p.opinionLabel} required={mustSign}>
          <Input.TextArea value={opinion} onChange={(e) => setOpinion(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} aria-label={p.opinionLabel} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          签署人：{p.signerName}；日期：今天。意见将写入报告相应的签署栏。
        </Typography.Paragraph>
        {p.alreadySigned ? (
          <Typography.Text type="success">您已签署当前版本。</Typography.Text>
        ) : mustSign ? (
          <Typography.Text>确认后将以电子方式签署当前版本（记录签署人、时间和报告内容的哈希值），再执行“{p.okText}”。</Typography.Text>
        ) : (
          <Checkbox checked={sign} onChange={(e) => setSign(e.target.checked)}>
            同时签署当前版本
          </Checkbox>
        )}
      </Form>
    </Modal>
  );
}
