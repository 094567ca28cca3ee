// One task: its deadlines and notice, issuing it, and its four working views — 进度 (the roster board),
// 抽查, 整改 and 文本雷同. 绩效管理科 acts; an 归口科室 sees its own departments.
import { Alert, App, Button, Card, Descriptions, Modal, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { daysLeftText } from '../../../src/core/bureau/deadline';
import type { ApiError } from '../api/client';
import { extendDeadline, getBoard, getTask, issueTask, listNotices, remind, type Board, type NoticeView, type RemindResult, type TaskView } from '../api/bureau';
import { BoardTable } from '../components/bureau/BoardTable';
import { CopyPanel } from '../components/bureau/CopyPanel';
import { NoticeForm } from '../components/bureau/NoticeForm';
import { NoticeList } from '../components/bureau/NoticeList';
import { SamplePanel } from '../components/bureau/SamplePanel';
import { BatchExport } from '../components/exports/BatchExport';
import { has } from '../lib/user';
import { navigate } from '../router';
import { useSession } from '../session';
import { TASK_STATUS } from './TasksPage';

export default function TaskPage({ id }: { id: string }) {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const admin = has(user, 'perf_admin');
  const [task, setTask] = useState<TaskView | null>(null);
  const [board, setBoard] = useState<Board | null>(null);
  const [notices, setNotices] = useState<NoticeView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [late, setLate] = useState<RemindResult | null>(null);
  const load = useCallback(() => {
    getTask(id).then(setTask).catch((e: ApiError) => setError(e.message));
    getBoard(id).then(setBoard).catch((e: ApiError) => setError(e.message));
    listNotices({ taskId: id }).then(setNotices).catch(() => setNotices([]));
  }, [id]);
  useEffect(load, [load]);
  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={() => navigate('/tasks')}>返回任务列表</Button>} />;
  if (!task) return <div className="jx-center-page"><Spin size="large" /></div>;

  const issue = async () => {
    setIssuing(true);
    try {
      const r = await issueTask(task.id, task.version);
      message.success(`已下达：${r.departments} 个部门，新建草稿 ${r.created} 份${r.attached ? `，并入已有报告 ${r.attached} 份` : ''}`);
      load();
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setIssuing(false);
    }
  };
  const d = task.deadlines;
  return (
    <div className="jx-task">
      <Card
        title={<span><a onClick={() => navigate('/tasks')} className="jx-back">‹ 任务列表</a> {task.title} <Tag color={TASK_STATUS[task.status].color}>{TASK_STATUS[task.status].label}</Tag></span>}
        extra={
          admin && (task.status === 'draft' ? (
            <Button type="primary" loading={issuing} onClick={() => modal.confirm({ title: '下达任务？', content: task.kind === 'project' ? '将按范围确定部门名单，部门按项目逐个新建或导入项目支出绩效自评表；已有的本年度项目自评表并入任务。' : '将按范围为每个部门生成草稿（从上年报告结转），部门即可开始填报。', okText: '下达', cancelText: '取消', onOk: issue })} data-testid="issue-task">下达任务</Button>
          ) : (
            <>
              <BatchExport taskId={task.id} />{' '}
              <Button onClick={() => remind(task.id).then(setLate).catch((e: ApiError) => message.error(e.message))}>催报</Button>
            </>
          ))
        }
        style={{ marginBottom: 12 }}
      >
        <Descriptions size="small" column={4} items={[
          { key: 't', label: '评分表', children: task.templateName },
          { key: 'a', label: '自评报送截止', children: d.selfEvalDue },
          { key: 'b', label: '财政审核截止', children: d.financeReviewDue },
          { key: 'c', label: '结果公开截止', children: d.publishBy },
        ]} />
        {task.notice && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} style={{ marginTop: 8, marginBottom: 0 }}>{task.notice}</Typography.Paragraph>}
      </Card>
      {task.status === 'draft' ? (
        <Alert type="info" showIcon title="任务尚未下达。下达后各部门才会看到本年度的报告草稿。" />
      ) : !board ? (
        <Spin />
      ) : (
        <Card size="small">
          <Tabs
            items={[
              {
                key: 'board', label: `进度（${task.kind === 'project' ? `${board.summary.reports} 份 / ${board.summary.departments} 个部门` : board.summary.total}）`,
                children: <BoardTable board={board} canExtend={admin} onExtend={async (dept, due, reason) => {
                  try {
                    await extendDeadline(task.id, dept, due, reason);
                    message.success(due ? `已延期至 ${due}` : '已取消延期');
                    load();
                  } catch (e) {
                    message.error((e as ApiError).message);
                  }
                }} />,
              },
              { key: 'sample', label: `抽查（${board.items.filter((i) => i.sampled).length}）`, children: <SamplePanel board={board} canEdit={admin} onChanged={load} /> },
              {
                key: 'notices', label: `整改（${notices?.length ?? 0}）`,
                children: (
                  <>
                    <Button type="primary" onClick={() => setNoticeOpen(true)} style={{ marginBottom: 12 }}>下达整改通知</Button>
                    <NoticeList notices={notices ?? []} loading={notices === null} />
                  </>
                ),
              },
              { key: 'copy', label: `文本雷同（${board.items.filter((i) => i.copyFlags || i.wrongDepartment).length}）`, children: <CopyPanel taskId={task.id} canRun={admin} onChanged={load} /> },
            ]}
          />
        </Card>
      )}
      {board && (
        <NoticeForm open={noticeOpen} departments={[...new Map(board.items.map((i) => [i.departmentId, { id: i.departmentId, name: i.departmentName }])).values()]} taskId={task.id} year={task.year}
          onCancel={() => setNoticeOpen(false)} onIssued={() => (setNoticeOpen(false), message.success('已下达整改通知'), load())} />
      )}
      <Modal open={!!late} title="催报" footer={null} onCancel={() => setLate(null)} width={720}>
        {late && (late.late.length === 0 ? <Typography.Paragraph>没有逾期的部门。</Typography.Paragraph> : (
          <>
            {late.late.map((l) => (
              <Typography.Paragraph key={l.departmentId + l.stage}>
                <Typography.Text type="danger">{daysLeftText(l.daysLeft)}</Typography.Text> {l.text}
                <br /><Typography.Text type="secondary">提醒：{l.recipients.map((r) => `${r.displayName}（${r.role}）`).join('、') || '（无账户）'}</Typography.Text>
              </Typography.Paragraph>
            ))}
            <Alert type="info" showIcon title={late.sender ? `已通过 ${late.sender} 发送 ${late.sent} 条提醒。` : '未配置短信/邮件发送器：提醒已显示在相关人员的待办中。'} />
          </>
        ))}
      </Modal>
    </div>
  );
}
