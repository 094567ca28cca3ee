// 历史版本: every saved version with who and what — a person's autosaves folded into one line per editing
// session (core/workflow/editing-sessions.ts), each still there to open — a field-level diff between any
// two, and 恢复 of an old version as a new one (unsaved edits saved first, so the restore is based on the
// version the user sees).
import { Alert, App, Button, Drawer, Empty, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Report } from '../../../../src/core/model/report';
import { ACTION_LABEL, STATUS_LABEL, type ReportStatus } from '../../../../src/core/workflow/index';
import type { ApiError } from '../../api/client';
import { diffVersions, listVersions, restoreVersion } from '../../api/reports';
import type { DiffChange, VersionItem, VersionLine } from '../../api/types';
import { normalizePath } from '../../lib/paths';
import { describePath } from '../../lib/path-label';
import { formatValue } from '../merge/format-value';

/** A version's cause: the workflow's own action labels, plus the two ways a version starts. */
export const VERSION_ACTION: Record<string, string> = { create: '新建', import: '导入', issue: '任务下达', save: '保存', restore: '恢复旧版本', ...ACTION_LABEL };

function when(iso?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return Number.isNaN(d.getTime()) ? iso : `${d.getMonth() + 1}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

interface Restore {
  /** saves unsaved edits; the version to restore on top of, or null when they could not be saved */
  flush: () => Promise<{ version: number } | null>;
  onDone: () => void;
}

export function HistoryDrawer({ open, id, report, onClose, restore }: { open: boolean; id: string; report: Report; onClose: () => void; restore?: Restore }) {
  const { message } = App.useApp();
  const [versions, setVersions] = useState<VersionItem[] | null>(null);
  const [lines, setLines] = useState<VersionLine[] | null>(null);
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  const [changes, setChanges] = useState<DiffChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    setChanges(null);
    listVersions(id)
      .then((lines) => {
        // the server folds each editing session's autosaves under its newest save; every version can be compared
        setLines([...lines].sort((x, y) => y.version - x.version));
        const sorted = lines.flatMap((l) => [l, ...(l.autosaves ?? [])]).sort((x, y) => y.version - x.version);
        setVersions(sorted);
        if (sorted.length >= 2) {
          setB(sorted[0]!.version);
          setA(sorted[1]!.version);
        }
      })
      .catch((e: ApiError) => setError(e.message));
  }, [open, id]);

  const compare = async () => {
    if (a == null || b == null) return;
    setBusy(true);
    setError(null);
    try {
      setChanges((await diffVersions(id, a, b)).changes.map((c) => ({ ...c, path: normalizePath(c.path) })));
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };

  const restoreTo = async (version: number) => {
    if (!restore) return;
    setBusy(true);
    try {
      const saved = await restore.flush();
      if (!saved) throw new Error('未保存的修改还没有保存成功，请稍后再恢复');
      const r = await restoreVersion(id, version, saved.version);
      message.success(r.changed ? `已将第 ${version} 版的内容恢复为第 ${r.version} 版（${r.changed} 处不同）` : `第 ${version} 版与当前内容相同，无需恢复`);
      onClose();
      restore.onDone();
    } catch (e) {
      const err = e as ApiError;
      message.error({ content: err.status === 412 ? '报告刚被他人修改，请刷新后再恢复' : `恢复失败：${err.message}`, duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  const latest = versions?.[0]?.version;
  const sessions = (lines ?? []).map((l) => ({ head: l, folded: l.autosaves ?? [] }));
  const foldedUnder = new Map(sessions.map((x) => [x.head.version, x.folded]));
  const restoreColumn = restore
    ? [{
      title: '', key: 'restore', width: 90,
      render: (_: unknown, v: VersionItem) => v.version === latest ? null : (
        <Popconfirm title={`把第 ${v.version} 版的内容恢复为新的一版？`} description="当前内容仍保留在历史中，可再次恢复。" okText="恢复" cancelText="取消" onConfirm={() => restoreTo(v.version)}>
          <Button size="small" type="link" disabled={busy} data-testid={`restore-${v.version}`}>恢复此版</Button>
        </Popconfirm>
      ),
    }]
    : [];
  const columns = (nested: boolean) => [
    { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
    {
      title: '操作', dataIndex: 'action', width: 170,
      render: (x: string, v: VersionItem) => {
        const n = nested ? 0 : (foldedUnder.get(v.version)?.length ?? 0);
        return (
          <span>
            {VERSION_ACTION[x] ?? x}
            {n > 0 && <span className="jx-version-folded" data-testid={`folded-${v.version}`}>（本次编辑另含 {n} 次自动保存）</span>}
          </span>
        );
      },
    },
    { title: '状态', dataIndex: 'status', width: 110, render: (s: string) => <Tag>{STATUS_LABEL[s as ReportStatus] ?? s}</Tag> },
    { title: '操作人', dataIndex: 'user_name', render: (n: string | null) => n ?? '—' },
    { title: '时间', dataIndex: 'created_at', width: 110, render: when },
    ...restoreColumn,
  ];

  const opts = (versions ?? []).map((v) => ({ value: v.version, label: `第 ${v.version} 版 · ${VERSION_ACTION[v.action] ?? v.action}` }));
  return (
    <Drawer open={open} onClose={onClose} title="历史版本" size={880} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<VersionItem>
        size="small"
        rowKey="version"
        loading={versions === null && !error}
        dataSource={sessions.map((x) => x.head)}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        columns={columns(false)}
        expandable={{
          rowExpandable: (v) => (foldedUnder.get(v.version)?.length ?? 0) > 0,
          expandedRowRender: (v) => (
            <Table<VersionItem> size="small" rowKey="version" showHeader={false} pagination={false} dataSource={foldedUnder.get(v.version) ?? []} columns={columns(true)} />
          ),
        }}
      />
      <Space style={{ margin: '12px 0' }} wrap>
        <span>比较</span>
        <Select style={{ width: 230 }} value={a ?? undefined} onChange={setA} options={opts} aria-label="较早版本" placeholder="选择版本" />
        <span>与</span>
        <Select style={{ width: 230 }} value={b ?? undefined} onChange={setB} options={opts} aria-label="较新版本" placeholder="选择版本" />
        <Button type="primary" onClick={compare} loading={busy} disabled={a == null || b == null || a === b}>
          查看差异
        </Button>
      </Space>
      {changes &&
        (changes.length === 0 ? (
          <Empty description="两个版本内容相同（仅状态不同）" />
        ) : (
          <Table<DiffChange>
            size="small"
            rowKey={(c) => c.path}
            dataSource={changes}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: '位置', dataIndex: 'path', width: 280, render: (p: string) => describePath(report, p) },
              { title: `第 ${a} 版`, dataIndex: 'before', render: (v: unknown) => <span className="jx-diff-old">{formatValue(v)}</span> },
              { title: `第 ${b} 版`, dataIndex: 'after', render: (v: unknown) => <span className="jx-diff-new">{formatValue(v)}</span> },
            ]}
          />
        ))}
    </Drawer>
  );
}
