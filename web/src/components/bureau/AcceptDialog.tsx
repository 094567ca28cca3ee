// 审核通过 with what to weigh first: the server's list of concerns (waived errors, a score without basis or
// far above the computed one, open disputes, a sampled report not yet re-scored, last year's open 整改).
// With any of them, accepting needs a written reason. The finance opinion starts from the 复核 result.
import { Alert, Checkbox, Form, Input, List, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { acceptCheck, getRescore, type Concern } from '../../api/bureau';

interface Props {
  open: boolean;
  reportId: string;
  defaultOpinion: string;
  signerName: string;
  alreadySigned: boolean;
  describe: (path: string) => string;
  onConfirm: (o: { opinion: string; sign: boolean; reason: string }) => Promise<void>;
  onCancel: () => void;
}

export function AcceptDialog(p: Props) {
  const [concerns, setConcerns] = useState<Concern[] | null>(null);
  const [opinion, setOpinion] = useState(p.defaultOpinion);
  const [reason, setReason] = useState('');
  const [sign, setSign] = useState(true);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!p.open) return;
    setConcerns(null);
    setReason('');
    setSign(true);
    setOpinion(p.defaultOpinion);
    acceptCheck(p.reportId).then(setConcerns).catch(() => setConcerns([]));
    // the 复核 result, when there is one, is the start of the opinion
    getRescore(p.reportId).then((r) => r.rescore && setOpinion((o) => (o === p.defaultOpinion ? r.financeOpinion : o))).catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.open, p.reportId]);
  const needsReason = !!concerns?.length;
  const ok = async () => {
    setBusy(true);
    try {
      await p.onConfirm({ opinion: opinion.trim(), sign, reason: reason.trim() });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={p.open} title="审核通过" okText="审核通过" cancelText="取消" onOk={ok} okButtonProps={{ loading: busy, disabled: concerns === null || (needsReason && !reason.trim()) }} onCancel={p.onCancel} destroyOnHidden width={720}>
      {concerns === null ? (
        <Spin />
      ) : concerns.length > 0 ? (
        <>
          <Alert type="warning" showIcon title={`审核通过前请注意以下 ${concerns.length} 项问题`} style={{ marginBottom: 8 }} />
          <List size="small" bordered dataSource={concerns} style={{ maxHeight: 240, overflow: 'auto', marginBottom: 12 }} data-testid="accept-concerns"
            renderItem={(c) => <List.Item>{c.message}{c.path && <Typography.Text type="secondary">（{p.describe(c.path)}）</Typography.Text>}</List.Item>} />
        </>
      ) : (
        <Alert type="success" showIcon title="没有须注意的问题" style={{ marginBottom: 12 }} />
      )}
      <Form layout="vertical">
        {needsReason && (
          <Form.Item label="仍要审核通过的理由" required>
            <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} aria-label="审核通过理由" placeholder="如：已复核，豁免事项属原表格式所限。" />
          </Form.Item>
        )}
        <Form.Item label="财政部门归口业务科室意见">
          <Input.TextArea value={opinion} onChange={(e) => setOpinion(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} aria-label="财政部门归口业务科室意见" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>签署人：{p.signerName}；日期：今天。意见将写入报告的财政部门意见栏。</Typography.Paragraph>
        {p.alreadySigned ? <Typography.Text type="success">您已签署当前版本。</Typography.Text> : <Checkbox checked={sign} onChange={(e) => setSign(e.target.checked)}>同时签署当前版本</Checkbox>}
      </Form>
    </Modal>
  );
}
