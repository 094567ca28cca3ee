// 已保存 / 有未保存的修改 / 保存中 / 保存失败，重试 / 有冲突: what autosave is doing, always visible.
import { Button, Tooltip } from 'antd';
import type { SaveStatus as Status } from '../../hooks/useAutosave';

const time = (d: Date | null) => (d ? `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}` : '');

export function SaveStatus({ status, error, lastSavedAt, onRetry, onResolve, readOnly }: {
  status: Status;
  error: string | null;
  lastSavedAt: Date | null;
  onRetry: () => void;
  onResolve: () => void;
  readOnly: boolean;
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
