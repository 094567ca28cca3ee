// What an imported draft came from and what the importer could not place, plus a plain warning when
// the cover names another department than the one the report belongs to (a file of another unit).
import { Alert, Button, Collapse } from 'antd';
import type { ReportView } from '../../api/types';

interface ImportMeta {
  fileName?: string;
  format?: string;
  truncated?: boolean;
  unmapped?: Array<{ text: string }>;
  diagnostics?: Array<{ severity: string; message: string; path?: string }>;
}

const FORMAT: Record<string, string> = { text: '文本', docx: 'Word', xlsx: 'Excel' };

export function ImportNotice({ view, coverDepartment, onJump }: { view: ReportView; coverDepartment: string; onJump: (path: string) => void }) {
  const meta = (view.import ?? null) as ImportMeta | null;
  const owner = view.departmentName ?? '';
  const mismatch = owner && coverDepartment.trim() && coverDepartment.trim() !== owner;
  const editable = view.editScope === '*' && view.status === 'draft';
  if (!mismatch && !(meta && editable)) return null;
  const unmapped = meta?.unmapped ?? [];
  const diagnostics = meta?.diagnostics ?? [];
  return (
    <>
      {mismatch && (
        <Alert
          type="warning"
          showIcon
          className="jx-banner"
          title={`封面的部门（单位）名称为“${coverDepartment}”，而这份报告属于“${owner}”。如果导入的是其他单位的文件，请核对后修改封面及各部分内容。`}
          action={
            <Button size="small" onClick={() => onJump('cover.departmentName')}>
              查看封面
            </Button>
          }
        />
      )}
      {meta && editable && (
        <Alert
          type="info"
          showIcon
          closable
          className="jx-banner"
          title={`本报告由文件“${meta.fileName ?? '（未知）'}”${meta.format ? `（${FORMAT[meta.format] ?? meta.format}格式）` : ''}导入。${meta.truncated ? '文件似乎不完整，后面的部分可能缺失。' : ''}请逐项核对后再提交。`}
          description={
            unmapped.length + diagnostics.length > 0 && (
              <Collapse
                ghost
                size="small"
                items={[
                  {
                    key: 'details',
                    label: `导入说明：${diagnostics.length} 条提示，${unmapped.length} 段内容未能对应到模板栏目`,
                    children: (
                      <ul className="jx-import-list">
                        {diagnostics.map((d, i) => (
                          <li key={`d${i}`}>
                            {d.path ? <a onClick={() => onJump(d.path!)}>{d.message}</a> : d.message}
                          </li>
                        ))}
                        {unmapped.slice(0, 50).map((u, i) => (
                          <li key={`u${i}`} className="jx-muted">
                            未识别：{u.text.length > 80 ? `${u.text.slice(0, 80)}…` : u.text}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            )
          }
        />
      )}
    </>
  );
}
