// 修改密码: the current password, then the new one twice. The server's policy (length, classes, not a
// common password …) answers in Chinese; its message is shown as it is.
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { changePassword } from '../../api/account';

export function PasswordChangeForm({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const submit = async (v: { current: string; next: string }) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(v.current, v.next);
      form.resetFields();
      onDone();
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 420 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item label="当前密码" name="current" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label="新密码" name="next" extra="至少 8 位，含大写字母、小写字母、数字、符号中的至少 3 类；不能用常见密码或含用户名。" rules={[{ required: true, message: '请输入新密码' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="再次输入新密码"
        name="again"
        dependencies={['next']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({ validator: (_r, v) => (v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        修改密码
      </Button>
    </Form>
  );
}
