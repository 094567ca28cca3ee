// 新建报告: asks for the year (default: last year, the year being evaluated) and creates a blank draft.
import { App, Button, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { createReport } from '../../api/reports';

export function CreateReportButton({ onCreated }: { onCreated: (id: string) => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    setBusy(true);
    try {
      const view = await createReport(year);
      setOpen(false);
      onCreated(view.id);
    } catch (err) {
      message.error((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        新建报告
      </Button>
      <Modal title="新建自评报告" open={open} onOk={create} okText="新建" confirmLoading={busy} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph>将为本部门新建一份空白的部门整体支出绩效自评报告草稿。</Typography.Paragraph>
        <span>评价年度：</span>
        <InputNumber min={1990} max={2100} value={year} onChange={(v) => v && setYear(v)} suffix="年度" aria-label="评价年度" />
      </Modal>
    </>
  );
}
