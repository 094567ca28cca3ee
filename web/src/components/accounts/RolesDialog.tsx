// 设置角色 (安全管理员): business roles and where the account belongs — a department for department roles,
// a 归口业务科室 for a reviewer. The server checks the fit (and the separation of duties) and says why not.
import { App, Checkbox, Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ROLE_LABEL, ROLES, type Role } from '../../../../src/core/workflow/index';
import type { ApiError } from '../../api/client';
import type { Department, Section } from '../../api/org';
import { setAccountRoles, type Account } from '../../api/users';

interface Values {
  roles: Role[];
  departmentId: string | null;
  sectionId: string | null;
}

export function RolesDialog({ account, departments, sections, onDone, onCancel }: {
  account: Account | null;
  departments: Department[];
  sections: Section[];
  onDone: (a: Account) => void;
  onCancel: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (account) form.setFieldsValue({ roles: account.roles, departmentId: account.departmentId, sectionId: account.sectionId });
  }, [account, form]);

  const submit = async () => {
    if (!account) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      const saved = await setAccountRoles(account.id, { roles: v.roles ?? [], departmentId: v.departmentId ?? null, sectionId: v.sectionId ?? null });
      message.success(`已更新“${account.displayName}”的角色`);
      onDone(saved);
    } catch (err) {
      message.error((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={!!account} title={account ? `设置角色：${account.displayName}（${account.username}）` : ''} okText="保存" confirmLoading={busy} onOk={submit} onCancel={onCancel} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" data-testid="roles-form">
        <Form.Item name="roles" label="业务角色">
          <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))} />
        </Form.Item>
        <Form.Item name="departmentId" label="所属部门(单位)（填报人、评价组、负责人须指定）">
          <Select allowClear showSearch optionFilterProp="label" placeholder="（无）" options={departments.map((d) => ({ value: d.id, label: `${d.budgetCode} ${d.name}${d.disabledAt ? '（已停用）' : ''}` }))} />
        </Form.Item>
        <Form.Item name="sectionId" label="所属科室（归口业务科室审核人、绩效管理科须指定）">
          <Select allowClear placeholder="（无）" options={sections.map((s) => ({ value: s.id, label: `${s.name}（${s.kindLabel}）` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
