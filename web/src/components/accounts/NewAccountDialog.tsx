// 新增账户 (系统管理员): a business account with an initial password; its roles are the 安全管理员's to grant.
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import type { Department } from '../../api/org';
import { addAccount, type NewAccount } from '../../api/users';

export function NewAccountDialog({ open, departments, onDone, onCancel }: { open: boolean; departments: Department[]; onDone: () => void; onCancel: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NewAccount>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const a = await addAccount({ ...v, departmentId: v.departmentId ?? null });
      message.success(`已新增账户“${a.username}”，请由安全管理员授予角色`);
      form.resetFields();
      onDone();
    } catch (err) {
      message.error((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title="新增业务账户" okText="新增" confirmLoading={busy} onOk={submit} onCancel={onCancel} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" data-testid="new-account-form">
        <Form.Item name="username" label="用户名" rules={[{ required: true, min: 2, message: '用户名至少 2 位' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label="初始密码（首次登录后须修改）" rules={[{ required: true, message: '请输入初始密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="departmentId" label="所属部门(单位)">
          <Select allowClear showSearch optionFilterProp="label" placeholder="（财政局用户不选）" options={departments.filter((d) => !d.disabledAt).map((d) => ({ value: d.id, label: `${d.budgetCode} ${d.name}` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
