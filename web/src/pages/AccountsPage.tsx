// 账户管理 for the 三员 who manage accounts: the 系统管理员 adds business accounts and disables or
// re-enables them; the 安全管理员 grants and revokes roles, resets passwords and lifts lockouts. Each button is
// shown to the one the API lets do it, and the API still decides: its Chinese refusal is shown as is.
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ROLE_LABEL, ROLES } from '../../../src/core/workflow/index';
import type { ApiError } from '../api/client';
import { listBureaus, listDepartments, listSections, type Department, type Section } from '../api/org';
import { listAccounts, setAccountDisabled, unlockAccount, type Account } from '../api/users';
import { ResetPasswordDialog } from '../components/accounts/ResetPasswordDialog';
import { NewAccountDialog } from '../components/accounts/NewAccountDialog';
import { RolesDialog } from '../components/accounts/RolesDialog';
import { useSession } from '../session';

const KIND_LABEL: Record<Account['kind'], string> = { business: '业务账户', sysadmin: '系统管理员', secadmin: '安全管理员', auditor: '审计管理员' };

/** 正常 / 已停用, and 已锁定 with until when (repeated wrong passwords). */
function AccountState({ account: a }: { account: Account }) {
  const until = a.lockedUntil ? new Date(a.lockedUntil) : null;
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    <Space size={4} wrap>
      {a.disabled ? <Tag>已停用</Tag> : !until && <Tag color="green">正常</Tag>}
      {until && (
        <Tag color="red" title="连续输错密码被锁定；到时自动解除，或由安全管理员解除">
          已锁定至 {`${p(until.getMonth() + 1)}-${p(until.getDate())} ${p(until.getHours())}:${p(until.getMinutes())}`}
        </Tag>
      )}
    </Space>
  );
}

export default function AccountsPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [sections, setSections] = useState<Section[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [roles, setRoles] = useState<Account | null>(null);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<Account | null>(null);
  const sys = user.kind === 'sysadmin';
  const sec = user.kind === 'secadmin';

  const load = useCallback(async () => {
    setError(null);
    try {
      const [a, b, s] = await Promise.all([listAccounts(), listBureaus(), listSections()]);
      setAccounts(a);
      setSections(s);
      setDepartments((await Promise.all(b.map((x) => listDepartments(x.id)))).flat());
    } catch (err) {
      setError((err as ApiError).message);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const unitName = useMemo(() => {
    const d = new Map(departments.map((x) => [x.id, x.name]));
    const s = new Map(sections.map((x) => [x.id, x.name]));
    return (a: Account) => (a.departmentId ? d.get(a.departmentId) : a.sectionId ? s.get(a.sectionId) : null) ?? '—';
  }, [departments, sections]);

  const toggle = async (a: Account) => {
    try {
      await setAccountDisabled(a.id, !a.disabled);
      message.success(a.disabled ? `已启用“${a.username}”（同时解除锁定）` : `已停用“${a.username}”，其会话已全部结束`);
      await load();
    } catch (err) {
      message.error((err as ApiError).message);
    }
  };

  const unlock = async (a: Account) => {
    try {
      await unlockAccount(a.id);
      message.success(`已解除“${a.username}”的锁定，可以重新登录`);
      await load();
    } catch (err) {
      message.error((err as ApiError).message);
    }
  };

  const q = search.trim().toLowerCase();
  const shown = (accounts ?? []).filter((a) => !q || a.username.toLowerCase().includes(q) || a.displayName.toLowerCase().includes(q) || unitName(a).includes(search.trim()));
  const columns: ColumnsType<Account> = [
    { title: '用户名', dataIndex: 'username', width: 130, sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: '姓名', dataIndex: 'displayName', width: 110 },
    { title: '类型', dataIndex: 'kind', width: 110, render: (k: Account['kind']) => KIND_LABEL[k], filters: Object.entries(KIND_LABEL).map(([value, text]) => ({ value, text })), onFilter: (v, a) => a.kind === v },
    {
      title: '角色', dataIndex: 'roles', render: (_, a) => (a.kind !== 'business' ? '—' : a.roles.length ? a.roles.map((r) => <Tag key={r}>{ROLE_LABEL[r]}</Tag>) : <Tag color="orange">未分配角色</Tag>),
      filters: ROLES.map((r) => ({ value: r, text: ROLE_LABEL[r] })), onFilter: (v, a) => a.roles.includes(v as never),
    },
    { title: '所属单位', key: 'unit', width: 160, render: (_, a) => unitName(a) },
    {
      title: '状态', dataIndex: 'disabled', width: 130, render: (_, a) => <AccountState account={a} />,
      filters: [{ value: 'on', text: '正常' }, { value: 'off', text: '已停用' }, { value: 'locked', text: '已锁定' }],
      onFilter: (v, a) => (v === 'locked' ? !!a.lockedUntil : (v === 'off') === a.disabled),
    },
    {
      title: '操作', key: 'actions', width: 240, render: (_, a) => (
        <Space size={0} wrap>
          {sec && a.kind === 'business' && <Button size="small" type="link" onClick={() => setRoles(a)}>设置角色</Button>}
          {sec && a.kind === 'business' && <Button size="small" type="link" onClick={() => setResetting(a)}>重置密码</Button>}
          {sec && a.lockedUntil && (
            <Popconfirm title={`解除“${a.username}”的登录锁定？`} okText="解除" cancelText="取消" onConfirm={() => unlock(a)}>
              <Button size="small" type="link">解除锁定</Button>
            </Popconfirm>
          )}
          {sys && a.id !== user.id && (a.kind === 'business' || a.kind === 'sysadmin') && (
            <Popconfirm title={a.disabled ? `启用“${a.username}”并解除锁定？` : `停用“${a.username}”？其全部会话将立即结束。`} okText="确定" cancelText="取消" onConfirm={() => toggle(a)}>
              <Button size="small" type="link" danger={!a.disabled}>{a.disabled ? '启用' : '停用'}</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title="账户管理" extra={sys && <Button type="primary" onClick={() => setAdding(true)}>新增账户</Button>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <div className="jx-toolbar">
        <Input.Search allowClear placeholder="按用户名、姓名或单位查找" aria-label="查找账户" style={{ maxWidth: 320 }} value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <Table<Account> rowKey="id" size="small" loading={accounts === null && !error} dataSource={shown} columns={columns} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="accounts" />
      <RolesDialog
        account={roles}
        departments={departments}
        sections={sections}
        onCancel={() => setRoles(null)}
        onDone={() => {
          setRoles(null);
          void load();
        }}
      />
      <ResetPasswordDialog
        account={resetting}
        onCancel={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          void load();
        }}
      />
      <NewAccountDialog
        open={adding}
        departments={departments}
        onCancel={() => setAdding(false)}
        onDone={() => {
          setAdding(false);
          void load();
        }}
      />
    </Card>
  );
}
