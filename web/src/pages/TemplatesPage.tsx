// 评分表模板 for the bureau's 绩效管理科: every template the bureau can use (installed with the server, and
// its own uploads, each version), a template file checked and previewed before it is stored (its problems
// by line), stored as a new version, and activated for the bureau's new reports.
import { Alert, App, Button, Card, Descriptions, Space, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../api/client';
import { activateTemplate, checkTemplate, listTemplates, type TemplateCheck, type TemplateSummary, uploadTemplate } from '../api/templates';
import { has } from '../lib/user';
import { useSession } from '../session';

const SOURCE: Record<TemplateSummary['source'], string> = { builtin: '内置', file: '服务器目录', upload: '本局上传' };
const KIND: Record<TemplateSummary['kind'], string> = { overall: '部门整体', project: '项目支出' };
const years = (y: TemplateSummary['years']) => (y[0] || y[1] ? `${y[0] ?? '…'}–${y[1] ?? '…'}年` : '不限年度');

function Preview({ check }: { check: TemplateCheck }) {
  if (!check.valid)
    return (
      <Alert
        type="error"
        showIcon
        title={`模板有 ${check.problems.length} 处问题，不能保存`}
        description={
          <ul className="jx-template-problems" data-testid="template-problems">
            {check.problems.map((p, i) => (
              <li key={i}>
                第 {p.line} 行第 {p.column} 列{p.path ? `（${p.path}）` : ''}：{p.message}
              </li>
            ))}
          </ul>
        }
      />
    );
  const p = check.preview!;
  const weight = p.items.reduce((s, i) => s + (i.weight ?? 0), 0);
  return (
    <div data-testid="template-preview">
      {check.conflict && <Alert type="warning" showIcon title={check.conflict} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" bordered column={2} items={[
        { key: 'id', label: '编号与版本', children: `${p.id} 第${p.version}版` },
        { key: 'name', label: '名称', children: p.name },
        { key: 'kind', label: '类型', children: `${KIND[p.kind]}（${p.region}，${years(p.years)}）` },
        { key: 'grades', label: '等次', children: p.gradeBands.map((b) => `${b.label}≥${b.min}`).join('，') },
        { key: 'sections', label: '报告栏目', span: 2, children: p.sections.join('；') },
        { key: 'tables', label: '表格', span: 2, children: p.tables.join('；') || '（无）' },
        { key: 'desc', label: '说明', span: 2, children: p.description || '（无）' },
      ]} />
      <Table
        size="small"
        style={{ marginTop: 12 }}
        rowKey="id"
        pagination={false}
        dataSource={p.items}
        columns={[
          { title: '评分项', key: 'path', render: (_, i) => i.path.join(' › ') },
          { title: '分值', dataIndex: 'weight', width: 70 },
          { title: '计分方式', dataIndex: 'rule', width: 130, render: (r: string | null, i) => (i.status === 'unknown' ? <Tag>待确认</Tag> : r) },
          { title: '评分标准', dataIndex: 'criteria', ellipsis: true },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            <Table.Summary.Cell index={1}>{weight}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={2} />
          </Table.Summary.Row>
        )}
      />
    </div>
  );
}

export function TemplatesPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const admin = has(user, 'perf_admin');
  const [items, setItems] = useState<TemplateSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [check, setCheck] = useState<TemplateCheck | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    listTemplates()
      .then((x) => (setItems(x), setError(null)))
      .catch((e: ApiError) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const pick = async (f: File) => {
    const text = await f.text();
    setFile({ name: f.name, text });
    setCheck(null);
    try {
      setCheck(await checkTemplate(text));
    } catch (e) {
      message.error((e as ApiError).message);
    }
    return false;
  };

  const save = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await uploadTemplate(file.text);
      message.success(r.created ? `已保存：${r.template.id} 第${r.template.version}版` : '同一文件已保存过');
      setFile(null);
      setCheck(null);
      load();
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };

  const activate = async (t: TemplateSummary) => {
    try {
      await activateTemplate(t.id, t.version);
      message.success(`本局此后新建的${KIND[t.kind]}报告使用：${t.name} 第${t.version}版`);
      load();
    } catch (e) {
      message.error((e as ApiError).message);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="评分表模板">
        <Typography.Paragraph type="secondary">
          模板规定报告的栏目、表格和评分表。已建的报告始终按其创建时的模板版本校验和计分；启用新版本只影响此后新建的报告。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} />}
        <Table
          size="small"
          rowKey={(t) => `${t.id}@${t.version}`}
          loading={items === null && !error}
          dataSource={items ?? []}
          pagination={false}
          columns={[
            { title: '编号', dataIndex: 'id', width: 160 },
            { title: '版本', dataIndex: 'version', width: 60 },
            { title: '名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'kind', width: 90, render: (k: TemplateSummary['kind']) => KIND[k] },
            { title: '来源', dataIndex: 'source', width: 100, render: (s: TemplateSummary['source']) => SOURCE[s] },
            { title: '评分项', key: 'items', width: 110, render: (_, t) => (t.unknownItems ? `${t.items}（待确认 ${t.unknownItems}）` : t.items) },
            {
              title: '状态',
              key: 'active',
              width: 150,
              render: (_, t) =>
                t.active ? (
                  <Tag color="green">本局启用中</Tag>
                ) : admin ? (
                  <Button size="small" onClick={() => void activate(t)} aria-label={`启用 ${t.id} 第${t.version}版`}>
                    启用
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {admin && (
        <Card title="上传模板" extra={<Upload accept=".json,application/json" showUploadList={false} beforeUpload={pick}><Button>选择模板文件（.json）</Button></Upload>}>
          {!file && <Typography.Paragraph type="secondary">选择模板文件后先检查：逐行列出问题，或预览模板的栏目、表格和评分项；确认无误后保存为本局模板的一个新版本。也可用命令行 <code>jixiao templates check 文件</code> 检查。</Typography.Paragraph>}
          {file && <Typography.Paragraph>文件：{file.name}</Typography.Paragraph>}
          {check && <Preview check={check} />}
          {check?.valid && !check.conflict && (
            <Button type="primary" loading={busy} style={{ marginTop: 12 }} onClick={() => void save()}>
              保存为新版本
            </Button>
          )}
        </Card>
      )}
    </Space>
  );
}
