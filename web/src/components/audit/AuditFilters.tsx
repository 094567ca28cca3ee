// The audit log's filter bar: time range (with 今天 / 昨天 / 近 7 天), user, event, object, outcome. Applied
// on 查询; an object picked from a row ("只看此对象") shows as a closable tag.
import { Button, DatePicker, Input, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { AUDIT_EVENT_LABEL, AUDIT_OBJECT_LABEL } from '../../../../src/core/audit/events';
import type { AuditFilter } from '../../api/types';

const EVENT_OPTIONS = Object.entries(AUDIT_EVENT_LABEL)
  .map(([value, label]) => ({ value, label: `${label}（${value}）` }))
  .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
const OBJECT_OPTIONS = Object.entries(AUDIT_OBJECT_LABEL).map(([value, label]) => ({ value, label }));
const OUTCOME_OPTIONS = [
  { value: 'success', label: '成功' },
  { value: 'failure', label: '失败' },
];

const PRESETS = [
  { label: '今天', value: (): [Dayjs, Dayjs] => [dayjs().startOf('day'), dayjs().endOf('day')] },
  { label: '昨天', value: (): [Dayjs, Dayjs] => [dayjs().subtract(1, 'day').startOf('day'), dayjs().subtract(1, 'day').endOf('day')] },
  { label: '近 7 天', value: (): [Dayjs, Dayjs] => [dayjs().subtract(6, 'day').startOf('day'), dayjs().endOf('day')] },
].map((p) => ({ label: p.label, value: p.value() }));

export interface AuditFiltersProps {
  value: AuditFilter;
  /** a name for the object filter, when it came from a row */
  objectLabel?: string | null;
  onChange(filter: AuditFilter): void;
}

export function AuditFilters({ value, objectLabel, onChange }: AuditFiltersProps) {
  const [draft, setDraft] = useState<AuditFilter>(value);
  useEffect(() => setDraft(value), [value]);
  const set = (patch: Partial<AuditFilter>) => setDraft((d) => ({ ...d, ...patch }));
  const range: [Dayjs, Dayjs] | null = draft.from && draft.to ? [dayjs(draft.from), dayjs(draft.to)] : null;

  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
      <DatePicker.RangePicker
        aria-label="时间范围"
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        presets={PRESETS}
        value={range}
        onChange={(r) => set({ from: r?.[0]?.toISOString(), to: r?.[1]?.toISOString() })}
      />
      <Input aria-label="用户名" placeholder="用户名" allowClear style={{ width: 140 }} value={draft.actor ?? ''} onChange={(e) => set({ actor: e.target.value || undefined })} />
      <Select
        aria-label="事件"
        placeholder="事件"
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ width: 240 }}
        options={EVENT_OPTIONS}
        value={draft.event}
        onChange={(event) => set({ event })}
      />
      <Select aria-label="对象类型" placeholder="对象类型" allowClear style={{ width: 130 }} options={OBJECT_OPTIONS} value={draft.objectType} onChange={(objectType) => set({ objectType })} />
      {draft.objectId && objectLabel ? (
        <Tag closable onClose={() => set({ objectId: undefined })} data-testid="audit-object-tag">
          对象：{objectLabel}
        </Tag>
      ) : (
        <Input aria-label="对象编号" placeholder="对象编号" allowClear style={{ width: 180 }} value={draft.objectId ?? ''} onChange={(e) => set({ objectId: e.target.value.trim() || undefined })} />
      )}
      {draft.chain && (
        <Tag closable onClose={() => set({ chain: undefined, chainSeqTo: undefined })} data-testid="audit-chain-tag">
          链 {draft.chain}
          {draft.chainSeqTo ? `，第 ${draft.chainSeqTo} 条及以前` : ''}
        </Tag>
      )}
      <Select aria-label="结果" placeholder="结果" allowClear style={{ width: 96 }} options={OUTCOME_OPTIONS} value={draft.outcome} onChange={(outcome) => set({ outcome })} />
      <Button type="primary" onClick={() => onChange(draft)}>
        查询
      </Button>
      <Button onClick={() => onChange({})}>重置</Button>
    </Space>
  );
}
