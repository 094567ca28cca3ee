// Adding or changing a bureau, section or department: one form, its fields by kind. On change only the
// fields that differ are sent (the server records each as a 变更记录).
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/client';
import { addOrgUnit, changeOrgUnit, type Bureau, type Department, type OrgKind, type Section } from '../../api/org';

export type OrgUnit = Bureau | Section | Department;

export interface OrgDialogState {
  kind: OrgKind;
  /** absent: a new unit */
  unit?: OrgUnit;
}

interface Values {
  name: string;
  region?: string;
  budgetCode?: string;
  kind?: Section['kind'];
  sectionId?: string | null;
  parentId?: string | null;
}

const TITLE: Record<OrgKind, string> = { bureaus: '财政局', sections: '科室', departments: '部门(单位)' };

export function OrgUnitDialog({ state, bureauId, sections, departments, onDone, onCancel }: {
  state: OrgDialogState | null;
  bureauId: string | null;
  sections: Section[];
  departments: Department[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const unit = state?.unit;
  useEffect(() => {
    if (!state) return;
    form.resetFields();
    if (unit) form.setFieldsValue({ name: unit.name, region: (unit as Bureau).region, sectionId: (unit as Department).sectionId ?? null });
  }, [state, unit, form]);

  const submit = async () => {
    if (!state) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      if (unit) {
        const change: Record<string, unknown> = {};
        if (v.name !== unit.name) change.name = v.name;
        if (state.kind === 'bureaus' && (v.region ?? '') !== (unit as Bureau).region) change.region = v.region ?? '';
        if (state.kind === 'departments' && (v.sectionId ?? null) !== (unit as Department).sectionId) change.sectionId = v.sectionId ?? null;
        await changeOrgUnit(state.kind, unit.id, change);
        message.success(Object.keys(change).length ? '已保存修改' : '没有需要保存的修改');
      } else {
        await addOrgUnit(state.kind, state.kind === 'bureaus' ? v : { ...v, bureauId });
        message.success(`已新增${TITLE[state.kind]}`);
      }
      onDone();
    } catch (err) {
      message.error((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };

  const counterparts = sections.filter((s) => s.kind === 'counterpart' && (!s.disabledAt || s.id === (unit as Department | undefined)?.sectionId));
  return (
    <Modal
      open={!!state}
      title={state ? `${unit ? '修改' : '新增'}${TITLE[state.kind]}` : ''}
      okText={unit ? '保存' : '新增'}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="org-unit-form">
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 100, message: '名称不能超过 100 个字' }]}>
          <Input />
        </Form.Item>
        {state?.kind === 'bureaus' && (
          <Form.Item name="region" label="行政区划">
            <Input maxLength={50} />
          </Form.Item>
        )}
        {state?.kind === 'sections' && !unit && (
          <Form.Item name="kind" label="科室类型" initialValue="counterpart">
            <Select options={[{ value: 'counterpart', label: '归口业务科室' }, { value: 'performance', label: '绩效管理科' }]} />
          </Form.Item>
        )}
        {state?.kind === 'departments' && !unit && (
          <Form.Item name="budgetCode" label="预算编码" rules={[{ required: true, pattern: /^[0-9A-Za-z]{3,32}$/, message: '预算编码须为 3–32 位数字或字母' }]}>
            <Input />
          </Form.Item>
        )}
        {state?.kind === 'departments' && (
          <Form.Item name="sectionId" label="归口业务科室">
            <Select allowClear placeholder="（不设）" options={counterparts.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        {state?.kind === 'departments' && !unit && (
          <Form.Item name="parentId" label="主管部门">
            <Select allowClear showSearch optionFilterProp="label" placeholder="（无）" options={departments.filter((d) => !d.disabledAt).map((d) => ({ value: d.id, label: `${d.budgetCode} ${d.name}` }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
