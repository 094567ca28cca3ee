// 导入到本草稿: the preparer picks a file; the server lists what it would change; she chooses 合并 (the
// file's filled-in values, the draft keeps the rest) or 替换 (the file's content whole) and confirms. Unsaved
// edits are saved first, so the import is based on the version she sees; a newer version is refused (412).
import { Alert, App, Button, Modal, Radio, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { importIntoReport, type ImportIntoResult } from '../../api/reports';
import { formatValue } from '../merge/format-value';
import { IMPORT_ACCEPT } from './ImportReportButton';

type Change = ImportIntoResult['changes'][number];

export function ImportIntoButton({ id, flush, describe, onDone }: {
  id: string;
  /** saves unsaved edits; the version to import on top of, or null when they could not be saved */
  flush: () => Promise<{ version: number } | null>;
  describe: (path: string) => string;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportIntoResult | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [busy, setBusy] = useState(false);

  const pick = async (f: File) => {
    setBusy(true);
    try {
      const saved = await flush();
      if (!saved) throw new Error('未保存的修改还没有保存成功，请稍后再导入');
      setPreview(await importIntoReport(id, f, 'preview'));
      setFile(f);
      setMode('merge');
    } catch (err) {
      message.error({ content: `导入失败：${(err as ApiError).message}`, duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const r = await importIntoReport(id, file, mode, preview.version);
      message.success(r.changed ? `已${mode === 'merge' ? '合并' : '替换'} ${r.changed} 处，保存为第 ${r.version} 版` : '文件与草稿没有需要改动之处');
      setPreview(null);
      onDone();
    } catch (err) {
      message.error({ content: (err as ApiError).status === 412 ? '草稿在预览后又被修改，请重新导入以查看最新差异' : (err as ApiError).message, duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  const changes = preview?.changes ?? [];
  const taken = mode === 'merge' ? changes.filter((c) => c.merged) : changes;
  return (
    <>
      <Upload accept={IMPORT_ACCEPT} showUploadList={false} beforeUpload={(f) => (void pick(f), false)}>
        <Button loading={busy && !preview} data-testid="import-into">导入到本草稿</Button>
      </Upload>
      <Modal
        open={!!preview}
        width={960}
        title={`导入“${preview?.fileName ?? ''}”到本草稿`}
        okText={mode === 'merge' ? `合并 ${taken.length} 处` : `替换 ${taken.length} 处`}
        okButtonProps={{ disabled: taken.length === 0 }}
        confirmLoading={busy}
        onOk={apply}
        onCancel={() => setPreview(null)}
        destroyOnHidden
      >
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} style={{ marginBottom: 12 }}>
          <Radio value="merge">合并：文件中有内容的采用文件，文件中空白的保留草稿</Radio>
          <Radio value="replace">替换：草稿内容全部换成文件内容</Radio>
        </Radio.Group>
        {!!preview?.diagnostics.length && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`导入提示 ${preview.diagnostics.length} 条`} description={preview.diagnostics.slice(0, 5).map((d) => d.message).join('；')} />}
        <Typography.Paragraph type="secondary">文件与草稿共有 {changes.length} 处不同；当前方式将改动 {taken.length} 处（灰色行为保留草稿的内容）。</Typography.Paragraph>
        <Table<Change>
          size="small"
          rowKey="path"
          dataSource={changes}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ y: 420 }}
          data-testid="import-diff"
          rowClassName={(c) => (mode === 'merge' && !c.merged ? 'jx-row-kept' : '')}
          columns={[
            { title: '位置', dataIndex: 'path', width: 260, render: (p: string) => describe(p) },
            { title: '草稿中', dataIndex: 'before', ellipsis: true, render: formatValue },
            { title: '文件中', dataIndex: 'after', ellipsis: true, render: formatValue },
            { title: '', key: 'state', width: 90, render: (_, c) => (mode === 'replace' || c.merged ? <Tag color="blue">采用文件</Tag> : <Tag>保留草稿</Tag>) },
          ]}
        />
      </Modal>
    </>
  );
}
