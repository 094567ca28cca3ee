// Adding or changing a library entry: the fields of core's LibraryFields, checked with the same schema (and
// Chinese messages) the server checks with, before anything is sent.
import { Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { LibraryFields, type LibraryEntry, type LibraryFieldsInput, type LibraryScope } from '../../../../src/core/library/model';
import { NATURE_OPTIONS, type Nature } from '../../../../src/core/forms/indicator-values';
import { LEVEL1_OPTIONS, LEVEL2_OPTIONS } from '../../lib/indicator-values';

interface Props {
  open: boolean;
  scope: LibraryScope;
  /** the entry to change; null adds one */
  entry: LibraryEntry | null;
  departments: ReadonlyArray<{ id: string; name: string }>;
  onSave: (fields: LibraryFieldsInput) => Promise<void>;
  onClose: () => void;
}

type Values = Omit<LibraryFieldsInput, 'kind' | 'operator'> & { nature: Nature | null };

const toValues = (e: LibraryEntry | null): Values => ({
  level1: e?.level1 ?? '产出目标', level2: e?.level2 ?? '数量指标', name: e?.name ?? '', category: e?.category ?? '',
  nature: e ? (e.kind === '定性' ? '定性' : e.operator) : '≥', unit: e?.unit ?? '', suggestedTarget: e?.suggestedTarget ?? '',
  scoringRule: e?.scoringRule ?? '', explanation: e?.explanation ?? '', validFrom: e?.validFrom ?? null, validTo: e?.validTo ?? null, usableBy: e?.usableBy ?? [],
});

export function LibraryEntryForm({ open, scope, entry, departments, onSave, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) form.setFieldsValue(toValues(entry));
  }, [open, entry, form]);

  const submit = async () => {
    const { nature, ...v } = form.getFieldsValue(true) as Values;
    const fields: LibraryFieldsInput = { ...v, kind: nature === '定性' ? '定性' : '定量', operator: nature === '定性' ? null : nature };
    const parsed = LibraryFields.safeParse(fields);
    form.setFields((Object.keys(toValues(null)) as Array<keyof Values>).map((name) => ({ name, errors: [] })));
    if (!parsed.success) {
      const field = (p: PropertyKey | undefined) => (p === 'operator' || p === 'kind' ? 'nature' : p) as keyof Values;
      form.setFields(parsed.error.issues.map((i) => ({ name: field(i.path[0]), errors: [i.message] })));
      return;
    }
    setBusy(true);
    try {
      await onSave(fields);
    } finally {
      setBusy(false);
    }
  };

  const title = `${entry ? '修改' : '新增'}${scope === 'common' ? '共性指标' : '部门指标'}`;
  const options = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
  return (
    <Drawer open={open} title={title} size={560} onClose={onClose} destroyOnHidden extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={busy} onClick={submit}>保存</Button></Space>}>
      <Form form={form} layout="vertical" initialValues={toValues(entry)}>
        <Space.Compact block>
          <Form.Item name="level1" label="一级指标" style={{ width: '50%' }}><Select options={options(LEVEL1_OPTIONS)} aria-label="一级指标" /></Form.Item>
          <Form.Item name="level2" label="二级指标" style={{ width: '50%' }}><Select options={options(LEVEL2_OPTIONS)} aria-label="二级指标" /></Form.Item>
        </Space.Compact>
        <Form.Item name="name" label="三级指标" required><Input aria-label="三级指标" /></Form.Item>
        <Form.Item name="category" label="指标分类" extra="所属领域，如 通用、党建、教育；引用时可按分类筛选"><Input aria-label="指标分类" /></Form.Item>
        <Space.Compact block>
          <Form.Item name="nature" label="指标性质" style={{ width: '34%' }}><Select options={NATURE_OPTIONS.map((n) => ({ value: n, label: n }))} aria-label="指标性质" /></Form.Item>
          <Form.Item name="suggestedTarget" label="建议指标值" style={{ width: '33%' }}><Input aria-label="建议指标值" /></Form.Item>
          <Form.Item name="unit" label="计量单位" style={{ width: '33%' }}><Input aria-label="计量单位" /></Form.Item>
        </Space.Compact>
        <Form.Item name="scoringRule" label="评（扣）分标准"><Input.TextArea autoSize={{ minRows: 2 }} aria-label="评分标准" /></Form.Item>
        <Form.Item name="explanation" label="指标解释"><Input.TextArea autoSize={{ minRows: 2 }} aria-label="指标解释" /></Form.Item>
        <Space.Compact block>
          <Form.Item name="validFrom" label="有效年度起" style={{ width: '50%' }}><InputNumber min={1990} max={2100} style={{ width: '100%' }} placeholder="不限" aria-label="有效年度起" /></Form.Item>
          <Form.Item name="validTo" label="有效年度止" style={{ width: '50%' }}><InputNumber min={1990} max={2100} style={{ width: '100%' }} placeholder="不限" aria-label="有效年度止" /></Form.Item>
        </Space.Compact>
        <Form.Item name="usableBy" label={scope === 'common' ? '适用部门' : '同时供以下部门使用'} extra={scope === 'common' ? '留空为本局全部部门' : '留空为仅本部门'}>
          <Select mode="multiple" allowClear options={departments.map((d) => ({ value: d.id, label: d.name }))} aria-label="适用部门" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
