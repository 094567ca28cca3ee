// 从指标库引用: search the library (name words, 指标分类) for what this department may quote into its report
// of this year, pick entries and add them to the indicator table as rows that keep the entry's id.
import { Alert, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { LIBRARY_SCOPE_LABEL, type LibraryEntry } from '../../../../src/core/library/model';
import { quoteIndicator, suggestedTargetText } from '../../../../src/core/library/quote';
import { validityText } from '../../../../src/core/library/validity';
import type { Indicator } from '../../../../src/core/model/report';
import type { ApiError } from '../../api/client';
import { listLibrary, type LibraryList } from '../../api/library';

interface Props {
  open: boolean;
  year: number | null;
  /** library ids already in the table: shown as 已引用 */
  quoted: ReadonlySet<string>;
  onQuote: (rows: Indicator[]) => void;
  onClose: () => void;
}

export function QuoteLibraryDialog({ open, year, quoted, onQuote, onClose }: Props) {
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const [data, setData] = useState<LibraryList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<LibraryEntry[]>([]);

  useEffect(() => {
    if (!open) return;
    const t = setTimeout(() => {
      listLibrary({ q, category, quotable: 'true', ...(year ? { year } : {}), limit: 200 })
        .then((d) => (setData(d), setError(null)))
        .catch((e: ApiError) => setError(e.message));
    }, 200);
    return () => clearTimeout(t);
  }, [open, q, category, year]);

  const categories = useMemo(() => (data?.categories ?? []).map((c) => ({ value: c.category, label: `${c.category}（${c.count}）` })), [data]);
  const close = () => (setPicked([]), onClose());

  return (
    <Modal
      open={open}
      title={`从指标库引用${year ? `（${year}年度可用）` : ''}`}
      width={960}
      okText={picked.length ? `引用所选 ${picked.length} 项` : '引用所选'}
      okButtonProps={{ disabled: picked.length === 0 }}
      cancelText="取消"
      onOk={() => (onQuote(picked.map(quoteIndicator)), close())}
      onCancel={close}
      destroyOnHidden
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search allowClear placeholder="按指标名称搜索，如“满意度”“党建 次数”" style={{ width: 360 }} value={q} onChange={(e) => setQ(e.target.value)} aria-label="搜索指标" />
        <Select allowClear placeholder="指标分类" style={{ width: 200 }} options={categories} value={category} onChange={setCategory} aria-label="指标分类" />
      </Space>
      {error && <Alert type="error" showIcon title={`指标库加载失败：${error}`} />}
      <Table<LibraryEntry>
        size="small"
        rowKey="id"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        rowSelection={{ selectedRowKeys: picked.map((e) => e.id), onChange: (_, rows) => setPicked(rows), getCheckboxProps: (e) => ({ disabled: quoted.has(e.id), 'aria-label': `选择${e.name}` }) }}
        locale={{ emptyText: '没有可引用的指标' }}
        columns={[
          { title: '三级指标', dataIndex: 'name', render: (name: string, e) => (<span>{name} {quoted.has(e.id) && <Tag>已引用</Tag>}</span>) },
          { title: '一级 / 二级', render: (_, e) => `${e.level1} / ${e.level2}`, width: 180 },
          { title: '分类', dataIndex: 'category', width: 90 },
          { title: '建议指标值', render: (_, e) => suggestedTargetText(e), width: 110 },
          { title: '来源', render: (_, e) => (e.scope === 'common' ? LIBRARY_SCOPE_LABEL.common : LIBRARY_SCOPE_LABEL.department), width: 80 },
          { title: '有效年度', render: (_, e) => validityText(e), width: 110 },
          { title: '引用次数', render: (_, e) => e.usage.reports, width: 80, align: 'right' },
        ]}
      />
    </Modal>
  );
}
