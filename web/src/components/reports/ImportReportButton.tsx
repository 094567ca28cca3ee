// 导入: uploads an existing report file (text, Word, Excel, WPS; legacy formats where the server has LibreOffice) into a new draft.
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { IMPORT_EXTENSIONS } from '../../../../src/io/import/extensions';
import { importReport } from '../../api/reports';

export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.join(',');

export function ImportReportButton({ onImported }: { onImported: (id: string) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const view = await importReport(file);
      onImported(view.id);
    } catch (err) {
      const e = err as ApiError;
      message.error({ content: `导入失败：${e.message}`, duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Upload accept={IMPORT_ACCEPT} showUploadList={false} beforeUpload={(f) => {
        void upload(f);
        return false;
      }} disabled={busy}>
      <Button loading={busy} title="支持文本（.txt）、Word（.docx、.doc）、Excel（.xlsx、.xls）和 WPS（.wps、.et）格式的自评报告">
        导入报告文件
      </Button>
    </Upload>
  );
}
