// 组织机构 for the 系统管理员: a bureau's sections and departments, and the bureaus themselves — add,
// rename, move a department to another 归口科室, disable (停用) and re-enable, each unit's 变更记录. The
// server decides (a unit still holding units in use cannot be disabled); this screen shows its answer.
import { Alert, App, Button, Card, Popconfirm, Select, Space, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../api/client';
import { changeOrgUnit, listBureaus, listDepartments, listSections, type Bureau, type Department, type OrgKind, type Section } from '../api/org';
import { OrgHistoryDrawer } from '../components/org/OrgHistoryDrawer';
import { OrgUnitDialog, type OrgDialogState, type OrgUnit } from '../components/org/OrgUnitDialog';
import { useSession } from '../session';

const stateTag = (u: OrgUnit) => (u.disabledAt ? <Tag color="default">已停用</Tag> : <Tag color="green">在用</Tag>);

export default function OrgPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const [bureaus, setBureaus] = useState<Bureau[]>([]);
  const [bureauId, setBureauId] = useState<string | null>(null);
  const [sections, setSections] = useState<Section[]>([]);
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OrgDialogState | null>(null);
  const [history, setHistory] = useState<{ kind: OrgKind; id: string; name: string } | null>(null);
  const admin = user.kind === 'sysadmin';

  const load = useCallback(async () => {
    setError(null);
    try {
      const b = await listBureaus();
      setBureaus(b);
      const id = bureauId && b.some((x) => x.id === bureauId) ? bureauId : (b[0]?.id ?? null);
      setBureauId(id);
      if (id) {
        const [s, d] = await Promise.all([listSections(id), listDepartments(id)]);
        setSections(s);
        setDepartments(d);
      } else setDepartments([]);
    } catch (err) {
      setError((err as ApiError).message);
    }
  }, [bureauId]);
  useEffect(() => void load(), [load]);

  const sectionName = useMemo(() => new Map(sections.map((s) => [s.id, s.name])), [sections]);
  const departmentName = useMemo(() => new Map((departments ?? []).map((d) => [d.id, d.name])), [departments]);

  const toggle = async (kind: OrgKind, u: OrgUnit) => {
    try {
      await changeOrgUnit(kind, u.id, { disabled: !u.disabledAt });
      message.success(u.disabledAt ? `已启用“${u.name}”` : `已停用“${u.name}”`);
      await load();
    } catch (err) {
      message.error((err as ApiError).message);
    }
  };

  const actions = (kind: OrgKind) => ({
    title: '操作',
    key: 'actions',
    width: 190,
    render: (_: unknown, u: OrgUnit) => (
      <Space size={0}>
        {admin && <Button size="small" type="link" onClick={() => setDialog({ kind, unit: u })}>修改</Button>}
        {admin && (
          <Popconfirm title={u.disabledAt ? `重新启用“${u.name}”？` : `停用“${u.name}”？停用后不能再新建报告或归口部门，已有数据保留。`} okText="确定" cancelText="取消" onConfirm={() => toggle(kind, u)}>
            <Button size="small" type="link" danger={!u.disabledAt}>{u.disabledAt ? '启用' : '停用'}</Button>
          </Popconfirm>
        )}
        <Button size="small" type="link" onClick={() => setHistory({ kind, id: u.id, name: u.name })}>变更记录</Button>
      </Space>
    ),
  });

  const departmentColumns: ColumnsType<Department> = [
    { title: '预算编码', dataIndex: 'budgetCode', width: 120, sorter: (a, b) => a.budgetCode.localeCompare(b.budgetCode) },
    { title: '部门(单位)名称', dataIndex: 'name' },
    { title: '主管部门', dataIndex: 'parentId', width: 160, render: (id: string | null) => (id ? (departmentName.get(id) ?? '—') : '—') },
    {
      title: '归口业务科室', dataIndex: 'sectionId', width: 150, render: (id: string | null) => (id ? (sectionName.get(id) ?? '—') : '—'),
      filters: sections.filter((s) => s.kind === 'counterpart').map((s) => ({ value: s.id, text: s.name })), onFilter: (v, d) => d.sectionId === v,
    },
    { title: '状态', key: 'state', width: 90, render: (_, d) => stateTag(d), filters: [{ value: 'on', text: '在用' }, { value: 'off', text: '已停用' }], onFilter: (v, d) => (v === 'off') === !!d.disabledAt },
    actions('departments'),
  ];
  const sectionColumns: ColumnsType<Section> = [
    { title: '科室名称', dataIndex: 'name' },
    { title: '类型', dataIndex: 'kindLabel', width: 140 },
    { title: '归口部门数', key: 'count', width: 110, align: 'right', render: (_, s) => (departments ?? []).filter((d) => d.sectionId === s.id && !d.disabledAt).length },
    { title: '状态', key: 'state', width: 90, render: (_, s) => stateTag(s) },
    actions('sections'),
  ];
  const bureauColumns: ColumnsType<Bureau> = [
    { title: '财政局名称', dataIndex: 'name' },
    { title: '行政区划', dataIndex: 'region', width: 160 },
    { title: '状态', key: 'state', width: 90, render: (_, b) => stateTag(b) },
    actions('bureaus'),
  ];
  const add = (kind: OrgKind, label: string) => admin && <Button type="primary" size="small" onClick={() => setDialog({ kind })}>{label}</Button>;

  return (
    <Card
      title="组织机构"
      extra={
        <Space>
          <span>财政局：</span>
          <Select
            style={{ minWidth: 220 }}
            aria-label="财政局"
            value={bureauId ?? undefined}
            onChange={setBureauId}
            options={bureaus.map((b) => ({ value: b.id, label: b.disabledAt ? `${b.name}（已停用）` : b.name }))}
          />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Tabs
        items={[
          {
            key: 'departments', label: '部门(单位)', children: (
              <>
                <div className="jx-toolbar">{add('departments', '新增部门(单位)')}</div>
                <Table<Department> rowKey="id" size="small" loading={departments === null} dataSource={departments ?? []} columns={departmentColumns} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="org-departments" />
              </>
            ),
          },
          {
            key: 'sections', label: '科室', children: (
              <>
                <div className="jx-toolbar">{add('sections', '新增科室')}</div>
                <Table<Section> rowKey="id" size="small" dataSource={sections} columns={sectionColumns} pagination={false} data-testid="org-sections" />
              </>
            ),
          },
          {
            key: 'bureaus', label: '财政局', children: (
              <>
                <div className="jx-toolbar">{add('bureaus', '新增财政局')}</div>
                <Table<Bureau> rowKey="id" size="small" dataSource={bureaus} columns={bureauColumns} pagination={false} data-testid="org-bureaus" />
              </>
            ),
          },
        ]}
      />
      <OrgUnitDialog
        state={dialog}
        bureauId={bureauId}
        sections={sections}
        departments={departments ?? []}
        onCancel={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          void load();
        }}
      />
      <OrgHistoryDrawer unit={history} onClose={() => setHistory(null)} />
    </Card>
  );
}
