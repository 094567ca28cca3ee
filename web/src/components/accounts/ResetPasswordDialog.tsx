// 重置密码 (安全管理员): a temporary password for a user who lost theirs or is locked out. The user must
// change it at the next login; it lapses unused after 72 hours; their sessions end and a lockout clears.
// The server checks the password rules and answers in Chinese; that answer is shown under the field.
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { resetAccountPassword, type Account } from '../../api/users';

export function ResetPasswordDialog({ account, onDone, onCancel }: { account: Account | null; onDone: () => void; onCancel: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!account) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      await resetAccountPassword(account.id, v.password);
      message.success(`已重置“${account.username}”的密码${account.lockedUntil ? '并解除锁定' : ''}：请把临时密码当面或电话告知本人，下次登录须修改`);
      form.resetFields();
      onDone();
    } catch (err) {
      form.setFields([{ name: 'password', errors: [(err as ApiError).message] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={account !== null} title={account ? `重置密码：${account.displayName}（${account.username}）` : ''} okText="重置" confirmLoading={busy} onOk={submit} onCancel={onCancel} destroyOnHidden>
      <p>设置一个临时密码：对方下次登录时须先修改，72 小时内未使用即失效；其现有会话将全部结束{account?.lockedUntil ? '，账户锁定同时解除' : ''}。</p>
      <Form form={form} name="reset-password" layout="vertical" data-testid="reset-password-form">
        <Form.Item name="password" label="临时密码" rules={[{ required: true, message: '请输入临时密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
