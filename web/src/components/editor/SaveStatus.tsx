// 已保存 / 有未保存的修改 / 保存中 / 保存失败，重试 / 有冲突: what autosave is doing, always visible.
import { Button, Popconfirm, Tooltip } from 'antd';
import type { SaveStatus as Status } from '../../hooks/useAutosave';

const time = (d: Date | null) => (d ? `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}` : '');

export function SaveStatus({ status, error, lastSavedAt, onRetry, onResolve, readOnly, onConfirmClear }: {
  status: Status;
  error: string | null;
  lastSavedAt: Date | null;
  onRetry: () => void;
  onResolve: () => void;
  readOnly: boolean;
  /** the server refused a save that empties most of the report until the user confirms it */
  onConfirmClear?: () => void;
}) {
  if (readOnly && status === 'saved') return <span className="jx-save jx-save-ro" data-testid="save-status">只读</span>;
  switch (status) {
    case 'saved':
      return (
        <span className="jx-save jx-save-ok" data-testid="save-status" data-state="saved">
          ✓ 已保存{lastSavedAt ? `（${time(lastSavedAt)}）` : ''}
        </span>
      );
    case 'pending':
      return <span className="jx-save jx-save-pending" data-testid="save-status" data-state="pending">有未保存的修改…</span>;
    case 'saving':
      return <span className="jx-save jx-save-pending" data-testid="save-status" data-state="saving">保存中…</span>;
    case 'conflict':
      return (
        <span className="jx-save jx-save-error" data-testid="save-status" data-state="conflict">
          他人已修改此报告
          <Button size="small" type="link" onClick={onResolve}>
            对比并合并
          </Button>
        </span>
      );
    default:
      if (onConfirmClear)
        return (
          <span className="jx-save jx-save-error" data-testid="save-status" data-state="confirm" role="alert">
            未保存：将清空大部分内容
            <Popconfirm title={error ?? '确认清空报告的大部分内容？'} okText="确认清空并保存" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={onConfirmClear}>
              <Button size="small" type="link" danger>
                确认清空
              </Button>
            </Popconfirm>
          </span>
        );
      return (
        <Tooltip title={error ?? undefined}>
          <span className="jx-save jx-save-error" data-testid="save-status" data-state="error" role="alert">
            保存失败
            <Button size="small" type="link" onClick={onRetry}>
              重试
            </Button>
          </span>
        </Tooltip>
      );
  }
}
