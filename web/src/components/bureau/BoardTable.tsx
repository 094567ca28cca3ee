// 进度: the roster board — every department's state, the deadline it is measured against and the days
// to or past it (逾期 in red), last activity, open errors and waivers, open 整改 items, sample and copy
// flags; filter by state and section, search by name or 预算编码, sort any column, export XLSX; a link
// into each report the bureau may open; 延期 per department (绩效管理科). A 项目支出 task has a line per
// project table, with its 项目名称, and one for a department without any.
import { Button, DatePicker, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { boardLinesText, ROSTER_STATES, ROSTER_STATE_LABEL, type RosterState } from '../../../../src/core/bureau/roster';
import { boardXlsxUrl, type Board, type BoardItem } from '../../api/bureau';
import { formatTime } from '../../lib/time';
import { BOARD_COLUMNS, boardShort } from '../../../../src/core/bureau/board-columns';
import { navigate } from '../../router';
import { ReasonDialog } from './ReasonDialog';
import { STATE_COLOR } from './state-color';


const num = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);

interface Props {
  board: Board;
  canExtend: boolean;
  onExtend: (departmentId: string, due: string | null, reason: string) => Promise<void>;
}

export function BoardTable({ board, canExtend, onExtend }: Props) {
  const [states, setStates] = useState<RosterState[]>([]);
  const [section, setSection] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [lateOnly, setLateOnly] = useState(false);
  const [extending, setExtending] = useState<BoardItem | null>(null);
  const [due, setDue] = useState<Dayjs | null>(null);
  const project = board.task.kind === 'project';
  const sections = useMemo(() => [...new Map(board.items.filter((i) => i.sectionId).map((i) => [i.sectionId!, i.sectionName ?? ''])).entries()], [board]);
  const count = (list: Board['summary']['byState'], s: RosterState) => list.find((x) => x.state === s)?.count ?? 0;
  // a project task counts tables and departments: 已报送 3 份 · 2 个部门
  const stateCount = (s: RosterState) => (project ? `${count(board.summary.byState, s)} 行 · ${count(board.summary.byDepartment, s)} 个部门` : count(board.summary.byState, s));
  const shown = board.items.filter(
    (i) => (!states.length || states.includes(i.state)) && (!section || i.sectionId === section) && (!lateOnly || i.late) && (!search.trim() || i.departmentName.includes(search.trim()) || i.budgetCode.includes(search.trim()) || !!i.projectName?.includes(search.trim())),
  );
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select mode="multiple" allowClear placeholder="全部状态" style={{ minWidth: 220 }} value={states} onChange={setStates} aria-label="按状态筛选"
          options={ROSTER_STATES.map((s) => ({ value: s, label: `${ROSTER_STATE_LABEL[s]}（${stateCount(s)}）` }))} />
        {sections.length > 1 && <Select allowClear placeholder="全部归口科室" style={{ width: 160 }} value={section} onChange={setSection} aria-label="按归口科室筛选" options={sections.map(([value, label]) => ({ value, label }))} />}
        <Input.Search allowClear placeholder={project ? '部门、预算编码或项目名称' : '部门名称或预算编码'} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 220 }} aria-label="搜索部门" />
        <Button type={lateOnly ? 'primary' : 'default'} danger={lateOnly} onClick={() => setLateOnly((x) => !x)}>只看逾期（{board.summary.late}）</Button>
        <Button href={boardXlsxUrl(board.task.id)} download>导出 Excel</Button>
        <Typography.Text type="secondary">
          显示 {boardLinesText(board.task.kind, board.summary, shown.length)} · 更新于 {formatTime(board.generatedAt)}
        </Typography.Text>
      </Space>
      <Table<BoardItem>
        rowKey={(r) => r.reportId ?? r.departmentId}
        size="small"
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="board"
        scroll={{ x: 1200 }}
        onRow={(r) => ({ 'data-department': r.departmentName, 'data-project': r.projectName ?? undefined } as never)}
        columns={[
          { title: boardShort('budgetCode'), dataIndex: 'budgetCode', width: 90, sorter: (a, b) => a.budgetCode.localeCompare(b.budgetCode) },
          {
            title: boardShort('departmentName'), dataIndex: 'departmentName', sorter: (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
            render: (n: string, r) => (r.canOpen && r.reportId ? <a href={`/reports/${r.reportId}`} onClick={(e) => (e.preventDefault(), navigate(`/reports/${encodeURIComponent(r.reportId!)}`))}>{n}</a> : <Tooltip title={r.reportId ? '报告尚未报送财政，暂不能查看' : '尚无报告'}>{n}</Tooltip>),
          },
          ...(project
            ? [{
              title: boardShort('projectName'), dataIndex: 'projectName', width: 200, sorter: (a: BoardItem, b: BoardItem) => (a.projectName ?? '').localeCompare(b.projectName ?? '', 'zh-CN'),
              render: (n: string | null, r: BoardItem) => (r.reportId ? n || <Typography.Text type="secondary">未填写项目名称</Typography.Text> : <Typography.Text type="secondary">尚无项目自评表</Typography.Text>),
            }]
            : []),
          { title: boardShort('sectionName'), dataIndex: 'sectionName', width: 100 },
          { title: boardShort('state'), dataIndex: 'state', width: 100, sorter: (a, b) => ROSTER_STATES.indexOf(a.state) - ROSTER_STATES.indexOf(b.state), render: (s: RosterState, r) => <Tag color={STATE_COLOR[s]} data-state={s}>{r.stateLabel}</Tag> },
          { title: boardShort('due'), dataIndex: 'due', width: 100, render: (d: string | null, r) => (d ? <span>{d}{r.extendedDue && <Tag color="cyan" style={{ marginLeft: 4 }}>延期</Tag>}</span> : '—') },
          {
            title: boardShort('daysLeft'), dataIndex: 'daysLeft', width: 100, sorter: (a, b) => num(a.daysLeft, b.daysLeft), defaultSortOrder: 'ascend',
            render: (_: number | null, r) => <Typography.Text type={r.late ? 'danger' : r.daysLeft != null && r.daysLeft <= 7 ? 'warning' : undefined} strong={r.late} data-late={r.late || undefined}>{r.daysLeftText}</Typography.Text>,
          },
          { title: boardShort('lastActivity'), dataIndex: 'lastActivity', width: 140, sorter: (a, b) => (a.lastActivity ?? '').localeCompare(b.lastActivity ?? ''), render: (t: string | null) => formatTime(t) || '—' },
          { title: boardShort('selfScore'), dataIndex: 'selfScore', width: 64, align: 'right', sorter: (a, b) => num(a.selfScore, b.selfScore), render: (s: number | null) => s ?? '—' },
          { title: boardShort('reviewScore'), dataIndex: 'reviewScore', width: 64, align: 'right', sorter: (a, b) => num(a.reviewScore, b.reviewScore), render: (s: number | null) => s ?? '—' },
          { title: boardShort('errors'), dataIndex: 'errors', width: 60, align: 'right', sorter: (a, b) => num(a.errors, b.errors), render: (n: number | null) => (n == null ? '—' : n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
          { title: boardShort('waivers'), dataIndex: 'waivers', width: 60, align: 'right', sorter: (a, b) => num(a.waivers, b.waivers), render: (n: number | null) => n ?? '—' },
          { title: boardShort('openRectifications'), dataIndex: 'openRectifications', width: 60, align: 'right', sorter: (a, b) => a.openRectifications - b.openRectifications, render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : 0) },
          {
            title: boardShort('flags'), width: 150,
            render: (_, r) => (
              <Space size={2} wrap>
                {r.sampled && <Tag color="purple">抽查</Tag>}
                {r.wrongDepartment && <Tag color="red">封面非本单位</Tag>}
                {r.copyFlags > 0 && <Tag color="volcano">雷同 {r.copyFlags}</Tag>}
              </Space>
            ),
          },
          ...(canExtend
            ? [{ title: '操作', width: 70, render: (_: unknown, r: BoardItem) => (r.stage === 'department' ? <Button size="small" type="link" onClick={() => (setExtending(r), setDue(r.extendedDue ? dayjs(r.extendedDue) : null))}>延期</Button> : null) }]
            : []),
        ]}
      />
      <ReasonDialog
        open={!!extending}
        title={`延期：${extending?.departmentName ?? ''}`}
        okText="确认延期"
        label={BOARD_COLUMNS.extensionReason.label}
        note={`任务报送截止日为 ${board.task.deadlines.selfEvalDue}。延期只改变该部门的截止日，并写入审计日志。`}
        onCancel={() => setExtending(null)}
        onSubmit={async (reason) => {
          await onExtend(extending!.departmentId, due ? due.format('YYYY-MM-DD') : null, reason);
          setExtending(null);
        }}
      >
        <DatePicker value={due} onChange={setDue} aria-label="延期至" style={{ marginBottom: 12 }} placeholder="延期至（留空为取消延期）" disabledDate={(d) => !d.isAfter(dayjs(board.task.deadlines.selfEvalDue))} />
      </ReasonDialog>
    </>
  );
}
