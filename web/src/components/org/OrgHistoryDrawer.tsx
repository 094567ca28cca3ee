// 变更记录 of one organisation unit: who renamed, moved or disabled it, and when.
import { Alert, Drawer, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/client';
import { orgHistory, type OrgHistoryEntry, type OrgKind } from '../../api/org';
import { formatTime } from '../../lib/time';

export function OrgHistoryDrawer({ unit, onClose }: { unit: { kind: OrgKind; id: string; name: string } | null; onClose: () => void }) {
  const [items, setItems] = useState<OrgHistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setItems(null);
    setError(null);
    if (unit) orgHistory(unit.kind, unit.id).then(setItems, (err: ApiError) => setError(err.message));
  }, [unit]);
  return (
    <Drawer open={!!unit} onClose={onClose} title={unit ? `变更记录：${unit.name}` : ''} size={640} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<OrgHistoryEntry>
        size="small"
        rowKey={(r, i) => `${r.at}-${r.field}-${i}`}
        loading={items === null && !error}
        dataSource={items ?? []}
        pagination={false}
        locale={{ emptyText: '没有变更记录' }}
        data-testid="org-history"
        columns={[
          { title: '时间', dataIndex: 'at', width: 150, render: formatTime },
          { title: '操作人', dataIndex: 'actor', width: 130 },
          { title: '项目', dataIndex: 'fieldLabel', width: 80 },
          { title: '变更', key: 'change', render: (_, r) => `${r.before || '（空）'} → ${r.after || '（空）'}` },
        ]}
      />
    </Drawer>
  );
}
