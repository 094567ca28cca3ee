// 保存冲突: someone saved this report after the version my edits are based on. Both versions side by
// side, field by field; where only one side changed a field that side is preselected, where both did
// the user chooses. Nothing is written until the user confirms.
import { Alert, Button, Modal, Radio, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Report } from '../../../../src/core/model/report';
import { applyMerge, mergeRows, type MergeChoice, type MergeRow } from '../../lib/field-diff';
import { describePath } from '../../lib/path-label';
import { formatValue } from './format-value';

interface Props {
  open: boolean;
  base: Report;
  mine: Report;
  theirs: Report;
  theirsVersion: number;
  theirsBy?: string;
  onMerge: (merged: Report) => void;
  onTakeTheirs: () => void;
  onClose: () => void;
}

export function MergeDialog({ open, base, mine, theirs, theirsVersion, theirsBy, onMerge, onTakeTheirs, onClose }: Props) {
  const rows = useMemo(() => mergeRows(base, mine, theirs), [base, mine, theirs]);
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  useEffect(() => {
    setChoices(Object.fromEntries(rows.filter((r) => r.suggested).map((r) => [r.path, r.suggested!])));
  }, [rows]);
  const undecided = rows.filter((r) => !choices[r.path]).length;
  const conflicts = rows.filter((r) => r.conflict).length;
  const all = (c: MergeChoice) => setChoices(Object.fromEntries(rows.map((r) => [r.path, c])));

  const cell = (r: MergeRow, side: MergeChoice) => {
    const v = side === 'mine' ? r.mine : r.theirs;
    const changed = side === 'mine' ? r.mineChanged : r.theirsChanged;
    return (
      <div className={`jx-merge-val${choices[r.path] === side ? ' jx-merge-chosen' : ''}`}>
        <div className="jx-merge-text">{formatValue(v)}</div>
        {changed && <Tag color={side === 'mine' ? 'blue' : 'orange'}>{side === 'mine' ? '我修改了' : '对方修改了'}</Tag>}
      </div>
    );
  };

  return (
    <Modal
      open={open}
      width={1040}
      title={`保存冲突：报告已被${theirsBy ? `“${theirsBy}”` : '他人'}修改（当前为第 ${theirsVersion} 版）`}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>稍后处理</Button>
          <Button danger onClick={onTakeTheirs}>
            放弃我的修改，采用第 {theirsVersion} 版
          </Button>
          <Button type="primary" disabled={undecided > 0} onClick={() => onMerge(applyMerge(theirs, mine, rows, choices))}>
            {undecided > 0 ? `还有 ${undecided} 处待选择` : '按所选合并并保存'}
          </Button>
        </Space>
      }
    >
      <Alert
        type="warning"
        showIcon
        title="您的修改尚未保存。下表逐项列出您的版本与最新版本不同之处，请为每一项选择保留哪一边的内容。"
        description={conflicts > 0 ? `其中 ${conflicts} 处双方都修改过，必须逐项选择。` : '双方修改的是不同的地方，已按“谁修改采用谁”预先选好，确认无误即可合并。'}
        style={{ marginBottom: 12 }}
      />
      <Space style={{ marginBottom: 8 }}>
        <Button size="small" onClick={() => all('mine')}>全部采用我的</Button>
        <Button size="small" onClick={() => all('theirs')}>全部采用对方的</Button>
      </Space>
      <Table<MergeRow>
        size="small"
        rowKey="path"
        pagination={false}
        scroll={{ y: 420 }}
        dataSource={rows}
        rowClassName={(r) => (r.conflict ? 'jx-merge-conflict' : '')}
        columns={[
          {
            title: '位置',
            dataIndex: 'path',
            width: 260,
            render: (p: string, r) => (
              <div>
                <div>{describePath(theirs, p)}</div>
                {r.conflict && <Tag color="red">双方都修改</Tag>}
              </div>
            ),
          },
          { title: '我的版本（未保存）', key: 'mine', render: (_, r) => cell(r, 'mine') },
          { title: `最新版本（第 ${theirsVersion} 版）`, key: 'theirs', render: (_, r) => cell(r, 'theirs') },
          {
            title: '保留',
            key: 'choice',
            width: 170,
            render: (_, r) => (
              <Radio.Group
                size="small"
                value={choices[r.path]}
                onChange={(e) => setChoices((c) => ({ ...c, [r.path]: e.target.value as MergeChoice }))}
                aria-label={`保留：${describePath(theirs, r.path)}`}
              >
                <Radio value="mine">我的</Radio>
                <Radio value="theirs">对方的</Radio>
              </Radio.Group>
            ),
          },
        ]}
      />
    </Modal>
  );
}
