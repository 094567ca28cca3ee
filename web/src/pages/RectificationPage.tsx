// One 整改通知: each item's problem, requirement and due date; the department answers with what it did
// and uploads evidence (PDF, images, Word, Excel: checked by the server's upload layer); the bureau
// accepts (销号) or reopens with a note.
import { Alert, App, Button, Card, Descriptions, Input, Space, Spin, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../api/client';
import { answerItem, evidenceUrl, getNotice, reviewItem, uploadEvidence, type NoticeView } from '../api/bureau';
import { ITEM_COLOR } from '../components/bureau/NoticeList';
import { ReasonDialog } from '../components/bureau/ReasonDialog';
import { formatTime } from '../lib/time';
import { has } from '../lib/user';
import { navigate } from '../router';
import { useSession } from '../session';

type Item = NoticeView['items'][number];

function ItemCard({ notice, item, onChanged }: { notice: NoticeView; item: Item; onChanged: () => void }) {
  const { user } = useSession();
  const { message } = App.useApp();
  const [answer, setAnswer] = useState(item.answer);
  const [reopen, setReopen] = useState(false);
  const answers = notice.side === 'department' && (has(user, 'preparer') || has(user, 'head')) && item.status !== 'accepted';
  const reviews = notice.side === 'finance';
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      onChanged();
    } catch (e) {
      message.error((e as ApiError).message);
    }
  };
  return (
    <Card size="small" className="jx-rect-item" data-item={item.seq} title={<span>第{item.seq}项 <Tag color={ITEM_COLOR[item.status]}>{item.statusLabel}</Tag></span>} style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={1} items={[
        { key: 'p', label: '问题', children: item.problem },
        { key: 'r', label: '整改要求', children: item.requirement },
        { key: 'd', label: '整改期限', children: item.dueDate ?? '—' },
        { key: 'u', label: '责任单位', children: item.responsible },
      ]} />
      {item.reviewNote && <Alert type={item.status === 'reopened' ? 'error' : 'success'} showIcon title={`财政意见：${item.reviewNote}`} style={{ margin: '8px 0' }} />}
      <Typography.Text strong>整改情况</Typography.Text>
      {answers ? (
        <>
          <Input.TextArea value={answer} onChange={(e) => setAnswer(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} aria-label={`第${item.seq}项整改情况`} placeholder="写明采取的措施及成效" />
          <Space style={{ marginTop: 8 }}>
            <Button type="primary" disabled={!answer.trim() || answer === item.answer} onClick={() => void act(() => answerItem(notice.id, item.id, answer), '已反馈整改情况')}>提交反馈</Button>
            <Upload
              showUploadList={false}
              customRequest={({ file, onSuccess, onError }) => {
                uploadEvidence(notice.id, item.id, file as File)
                  .then((r) => (onSuccess?.(r), message.success(`已上传 ${r.fileName}`), onChanged()))
                  .catch((e: ApiError) => (onError?.(e), message.error(e.message)));
              }}
            >
              <Button>上传佐证材料</Button>
            </Upload>
          </Space>
        </>
      ) : (
        <Typography.Paragraph>{item.answer || <Typography.Text type="secondary">（尚未反馈）</Typography.Text>}{item.answeredAt && <Typography.Text type="secondary">（{formatTime(item.answeredAt)}）</Typography.Text>}</Typography.Paragraph>
      )}
      {item.evidence.length > 0 && (
        <div className="jx-evidence">
          佐证材料：
          {item.evidence.map((f) => (
            <a key={f.id} href={evidenceUrl(notice.id, f.id)} download style={{ marginRight: 12 }}>{f.fileName}（{Math.ceil(f.size / 1024)} KB）</a>
          ))}
        </div>
      )}
      {reviews && item.status === 'answered' && (
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" onClick={() => void act(() => reviewItem(notice.id, item.id, 'accept'), '已销号')}>销号</Button>
          <Button danger onClick={() => setReopen(true)}>退回重改</Button>
        </Space>
      )}
      <ReasonDialog open={reopen} title={`退回重改：第${item.seq}项`} okText="退回重改" danger onCancel={() => setReopen(false)}
        onSubmit={async (note) => (await act(() => reviewItem(notice.id, item.id, 'reopen', note), '已退回重改'), setReopen(false))} />
    </Card>
  );
}

export default function RectificationPage({ id }: { id: string }) {
  const [notice, setNotice] = useState<NoticeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    getNotice(id).then(setNotice).catch((e: ApiError) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);
  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={() => navigate('/rectifications')}>返回</Button>} />;
  if (!notice) return <div className="jx-center-page"><Spin size="large" /></div>;
  return (
    <div className="jx-rectification">
      <Card
        size="small"
        title={<span><a className="jx-back" onClick={() => navigate('/rectifications')}>‹ 整改通知</a> {notice.title} {notice.status === 'closed' ? <Tag color="green">已办结</Tag> : <Tag color="orange">整改中</Tag>}</span>}
        style={{ marginBottom: 12 }}
      >
        <Descriptions size="small" column={4} items={[
          { key: 'd', label: '部门', children: notice.departmentName },
          { key: 'y', label: '问题所属年度', children: `${notice.year}年度` },
          { key: 'b', label: '依据', children: notice.basisLabel },
          { key: 't', label: '下达时间', children: formatTime(notice.issuedAt) },
        ]} />
        {notice.reportId && notice.side === 'finance' && <Button type="link" onClick={() => navigate(`/reports/${encodeURIComponent(notice.reportId!)}`)} style={{ paddingLeft: 0 }}>查看所依据的报告</Button>}
      </Card>
      {notice.items.map((i) => <ItemCard key={`${i.id}:${i.version}`} notice={notice} item={i} onChanged={load} />)}
    </div>
  );
}
