// 新建报告: asks for the kind (部门整体 or 项目支出) and the year (default: last year, the year being
// evaluated) and creates a blank draft on the bureau's template for that kind.
import { App, Button, InputNumber, Modal, Radio, Typography } from 'antd';
import type { ReportKind } from '../../../../src/core/model/report';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { createReport } from '../../api/reports';

export function CreateReportButton({ onCreated }: { onCreated: (id: string) => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<ReportKind>('overall');

  const create = async () => {
    setBusy(true);
    try {
      const view = await createReport(year, kind);
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
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as ReportKind)} aria-label="报告类型" style={{ marginBottom: 12 }}>
          <Radio value="overall">部门整体支出绩效自评报告</Radio>
          <Radio value="project">项目支出绩效自评表</Radio>
        </Radio.Group>
        <Typography.Paragraph>
          {kind === 'project' ? '将为本部门的一个项目新建空白的项目支出绩效自评表（财预〔2020〕10号）草稿。' : '将为本部门新建一份空白的部门整体支出绩效自评报告草稿。'}
        </Typography.Paragraph>
        <span>评价年度：</span>
        <InputNumber min={1990} max={2100} value={year} onChange={(v) => v && setYear(v)} suffix="年度" aria-label="评价年度" />
      </Modal>
    </>
  );
}
