// /library — 指标库: the bureau's 共性指标 (maintained by 绩效管理科) and the department's own 部门指标, as the
// 101号 tree and a searchable table with each entry's use; add, change, retire and restore where this user
// maintains them. Loaded on demand (App.tsx lazy), so the editor's bundle does not carry it.
import { Alert, App, Button, Card, Empty, Input, Segmented, Select, Space, Switch, Table, Tag, Tree } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { LIBRARY_SCOPE_LABEL, LIBRARY_STATUS_LABEL, type LibraryEntry, type LibraryFieldsInput, type LibraryScope } from '../../../src/core/library/model';
import { suggestedTargetText } from '../../../src/core/library/quote';
import { libraryTree } from '../../../src/core/library/tree';
import { validityText } from '../../../src/core/library/validity';
import type { ApiError } from '../api/client';
import { addLibraryEntry, listLibrary, setLibraryStatus, updateLibraryEntry, type LibraryList } from '../api/library';
import { listReports } from '../api/reports';
import type { User } from '../api/types';
import { LibraryEntryForm } from '../components/library/LibraryEntryForm';
import { has } from '../lib/user';
import { useSession } from '../session';

/** Who maintains an entry (the server decides again): 共性指标 the 绩效管理科, 部门指标 the department's 填报人 or 负责人. */
function maintains(user: User, scope: LibraryScope, departmentId: string | null): boolean {
  if (scope === 'common') return has(user, 'perf_admin');
  return departmentId != null && departmentId === user.departmentId && (has(user, 'preparer') || has(user, 'head'));
}

type ScopeFilter = 'all' | LibraryScope;

export default function LibraryPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const [scope, setScope] = useState<ScopeFilter>('all');
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const [showRetired, setShowRetired] = useState(false);
  const [branch, setBranch] = useState<string | null>(null);
  const [data, setData] = useState<LibraryList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ scope: LibraryScope; entry: LibraryEntry | null } | null>(null);
  const [departments, setDepartments] = useState<Array<{ id: string; name: string }>>([]);

  const load = useCallback(() => {
    listLibrary({ q, category, ...(scope === 'all' ? {} : { scope }), ...(showRetired ? {} : { status: 'active' }), limit: 1000 })
      .then((d) => (setData(d), setError(null)))
      .catch((e: ApiError) => setError(e.message));
  }, [q, category, scope, showRetired]);
  useEffect(() => {
    const t = setTimeout(load, 200);
    return () => clearTimeout(t);
  }, [load]);
  // departments this user knows of (its reports' departments), to name who may use an entry
  useEffect(() => {
    listReports()
      .then((items) => setDepartments([...new Map(items.filter((i) => i.departmentId).map((i) => [i.departmentId!, { id: i.departmentId!, name: i.departmentName }])).values()]))
      .catch(() => undefined);
  }, []);

  const items = useMemo(() => (data?.items ?? []).filter((e) => !branch || branch === e.level1 || branch === `${e.level1}/${e.level2}`), [data, branch]);
  const tree = useMemo(
    () => libraryTree(data?.items ?? []).map((l1) => ({ key: l1.level1, title: `${l1.level1}（${l1.count}）`, children: l1.children.map((l2) => ({ key: `${l1.level1}/${l2.level2}`, title: `${l2.level2}（${l2.entries.length}）` })) })),
    [data],
  );

  const save = async (fields: LibraryFieldsInput) => {
    if (!editing) return;
    try {
      if (editing.entry) await updateLibraryEntry(editing.entry.id, editing.entry.version, fields);
      else await addLibraryEntry(editing.scope, fields);
      message.success('已保存');
      setEditing(null);
      load();
    } catch (e) {
      message.error((e as ApiError).message);
    }
  };
  const toggle = async (e: LibraryEntry) => {
    try {
      await setLibraryStatus(e.id, e.version, e.status === 'active' ? 'retired' : 'active');
      message.success(e.status === 'active' ? '已停用' : '已启用');
      load();
    } catch (err) {
      message.error((err as ApiError).message);
    }
  };

  const canAddCommon = maintains(user, 'common', null);
  const canAddOwn = maintains(user, 'department', user.departmentId);
  return (
    <div>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <h2 style={{ margin: 0 }}>指标库</h2>
        <Space>
          {canAddCommon && <Button type="primary" onClick={() => setEditing({ scope: 'common', entry: null })}>新增共性指标</Button>}
          {canAddOwn && <Button type="primary" onClick={() => setEditing({ scope: 'department', entry: null })}>新增部门指标</Button>}
        </Space>
      </Space>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<ScopeFilter> value={scope} onChange={setScope} options={[{ value: 'all', label: '全部' }, { value: 'common', label: LIBRARY_SCOPE_LABEL.common }, { value: 'department', label: LIBRARY_SCOPE_LABEL.department }]} />
        <Input.Search allowClear placeholder="按指标名称搜索" style={{ width: 280 }} value={q} onChange={(e) => setQ(e.target.value)} aria-label="搜索指标" />
        <Select allowClear placeholder="指标分类" style={{ width: 180 }} value={category} onChange={setCategory} options={(data?.categories ?? []).map((c) => ({ value: c.category, label: `${c.category}（${c.count}）` }))} aria-label="指标分类" />
        <Space size={4}><Switch size="small" checked={showRetired} onChange={setShowRetired} aria-label="显示已停用" />显示已停用</Space>
      </Space>
      {error && <Alert type="error" showIcon title={`指标库加载失败：${error}`} style={{ marginBottom: 12 }} />}
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <Card size="small" title="指标体系" style={{ width: 260, flex: 'none' }}>
          {tree.length ? <Tree treeData={tree} defaultExpandAll selectedKeys={branch ? [branch] : []} onSelect={(keys) => setBranch((keys[0] as string | undefined) ?? null)} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无指标" />}
        </Card>
        <Table<LibraryEntry>
          style={{ flex: 1 }}
          size="small"
          rowKey="id"
          loading={!data && !error}
          dataSource={items}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 项` }}
          locale={{ emptyText: '没有符合条件的指标' }}
          columns={[
            { title: '三级指标', dataIndex: 'name', render: (name: string, e) => (<span>{name}{e.status === 'retired' && <Tag style={{ marginLeft: 6 }}>{LIBRARY_STATUS_LABEL.retired}</Tag>}</span>) },
            { title: '一级 / 二级', render: (_, e) => `${e.level1} / ${e.level2}`, width: 190 },
            { title: '分类', dataIndex: 'category', width: 90 },
            { title: '建议指标值', render: (_, e) => suggestedTargetText(e), width: 110 },
            { title: '评分标准', dataIndex: 'scoringRule', ellipsis: true },
            { title: '有效年度', render: (_, e) => validityText(e), width: 110 },
            { title: '来源', render: (_, e) => (e.scope === 'common' ? LIBRARY_SCOPE_LABEL.common : e.departmentName ?? LIBRARY_SCOPE_LABEL.department), width: 110 },
            { title: '引用', render: (_, e) => `${e.usage.reports} 份报告`, width: 90 },
            {
              title: '操作', width: 120,
              render: (_, e) => maintains(user, e.scope, e.departmentId) && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing({ scope: e.scope, entry: e })}>修改</Button>
                  <Button type="link" size="small" danger={e.status === 'active'} onClick={() => void toggle(e)}>{e.status === 'active' ? '停用' : '启用'}</Button>
                </Space>
              ),
            },
          ]}
        />
      </div>
      <LibraryEntryForm open={editing != null} scope={editing?.scope ?? 'common'} entry={editing?.entry ?? null} departments={departments} onSave={save} onClose={() => setEditing(null)} />
    </div>
  );
}
