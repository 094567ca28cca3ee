// The report editor: every section as forms and tables, the live findings and score beside them,
// autosave with conflict merging, and the workflow actions this user may take now.
import { Alert, Anchor, App, Badge, Button, Space, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../../../src/core/model/finding';
import type { Report } from '../../../../src/core/model/report';
import { fileBaseName } from '../../../../src/core/forms/index';
import type { ApiError } from '../../api/client';
import { listSignatures } from '../../api/reports';
import type { ReportView, Signature } from '../../api/types';
import { useAutosave } from '../../hooks/useAutosave';
import { useEditorModel } from '../../hooks/useEditorModel';
import { deepEqual, normalizePath } from '../../lib/paths';
import { describePath } from '../../lib/path-label';
import { readOnlyNote } from '../../lib/status-note';
import { readUnsaved, dropUnsaved, type UnsavedCopy } from '../../lib/unsaved-store';
import { navigate, setNavigationGuard } from '../../router';
import { HistoryDrawer } from '../history/HistoryDrawer';
import { MergeDialog } from '../merge/MergeDialog';
import { FindingsPanel } from '../panels/FindingsPanel';
import { ReviewLog } from '../panels/ReviewLog';
import { ScorePanel } from '../panels/ScorePanel';
import { PreviewDrawer } from '../preview/PreviewDrawer';
import { FieldsSection } from '../sections/FieldsSection';
import { FinanceSection } from '../sections/FinanceSection';
import { NarrativeSection } from '../sections/NarrativeSection';
import { PerformanceSection } from '../sections/PerformanceSection';
import { BudgetGridSection } from '../sections/BudgetGridSection';
import { ProjectFundsSection } from '../sections/ProjectFundsSection';
import { ProjectIndicatorsSection } from '../sections/ProjectIndicatorsSection';
import { ProjectsPanel } from '../panels/ProjectsPanel';
import { ScoreSheetSection } from '../sections/ScoreSheetSection';
import { SignoffSection } from '../sections/SignoffSection';
import { StatusTag } from '../StatusTag';
import { SignaturePanel } from '../workflow/SignaturePanel';
import { SigningContext, useSigning } from '../workflow/signing';
import { WorkflowBar } from '../workflow/WorkflowBar';
import { CarriedNotice, TaskDeadline } from '../bureau/CarriedNotice';
import { PriorIssuesSection } from '../bureau/PriorIssuesSection';
import { ReportActions } from '../bureau/ReportActions';
import { ImportIntoButton } from '../reports/ImportIntoButton';
import { RescorePanel } from '../bureau/RescorePanel';
import { ReturnThread } from '../bureau/ReturnThread';
import { EditorContext, EditorMarksContext } from './editor-context';
import { ImportNotice } from './ImportNotice';
import { SaveStatus } from './SaveStatus';
import { useSession } from '../../session';
import { sign as signApi } from '../../api/reports';
import type { SignatureRole } from '../../../../src/core/workflow/index';
import { useRemembered } from '../../lib/use-remembered';

const BASICS_HINT = (
  <div className="jx-hint">以下数据不印在报告表格中，但评分表的部分指标需要用到；未填写的指标显示为“数据不足”，不计为零分。金额单位：万元。</div>
);
const PRIOR_TOC = { key: 'prior', href: '#sec-prior', title: '上年问题整改' };

interface Props {
  view: ReportView;
  /** fetch the report again (after a transition or a status change seen in a conflict) */
  reload: () => void;
}

export function ReportEditor({ view, reload }: Props) {
  const { user } = useSession();
  const { message } = App.useApp();
  const scope = view.editScope ?? null;
  const latestReturn = useMemo(() => {
    if (view.status !== 'returned' || !view.returns?.length) return null;
    return [...view.returns].sort((a, b) => b.version - a.version)[0]!;
  }, [view.returns, view.status]);
  const waivers = useMemo(() => view.waivers ?? [], [view.waivers]);
  const expectedPriorIssues = useMemo(() => view.expectedPriorIssues ?? [], [view.expectedPriorIssues]);
  const { report, setReport, live, ctx, marks, mainRef, jumpTo, undo, redo, canUndo, canRedo } = useEditorModel({
    initial: view.report,
    scope,
    activeReturn: latestReturn,
    waivers,
    expectedPriorIssues,
    onMissing: () => message.info('该项不在编辑页面中（例如整份报告层面的问题）'),
    priorYear: view.priorYear,
  });
  // the editor's own undo, over every field (a field's text box alone would undo only its own typing)
  const onUndoKeys = (e: React.KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || scope === null) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) undo();
    else if (key === 'y' || (key === 'z' && e.shiftKey)) redo();
    else return;
    e.preventDefault();
  };
  const autosave = useAutosave({
    id: view.id,
    enabled: scope !== null,
    local: report,
    initialBase: { version: view.version, report: view.report },
    // a content change invalidates signatures: show it as soon as the server has the change
    onSaved: () => {
      if (signaturesRef.current?.some((x) => x.valid)) refreshSignatures();
    },
  });
  const [recent, setRecent] = useState<string[]>([]);
  const [tab, setTab] = useState('findings');
  // folded away at 1280 px for wider tables; remembered on this browser
  const [sideFolded, setSideFolded] = useRemembered('jixiao.sidePanelFolded', false);
  const [mergeOpen, setMergeOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [previewOpen, setPreviewOpen] = useState(false);
  const [signatures, setSignatures] = useState<Signature[] | null>(null);
  const signaturesRef = useRef(signatures);
  signaturesRef.current = signatures;
  const [recovery, setRecovery] = useState<UnsavedCopy | null>(() => {
    const copy = readUnsaved(view.id);
    return copy && !deepEqual(copy.report, view.report) ? copy : null;
  });

  const refreshSignatures = useCallback(() => {
    listSignatures(view.id)
      .then(setSignatures)
      .catch(() => setSignatures((s) => s ?? []));
  }, [view.id]);
  useEffect(refreshSignatures, [refreshSignatures]);

  useEffect(() => {
    if (autosave.conflict) setMergeOpen(true);
  }, [autosave.conflict]);

  // Leaving with unsaved edits asks first (they are also kept in this browser).
  const dirtyRef = useRef(false);
  dirtyRef.current = autosave.status !== 'saved';
  useEffect(() => {
    setNavigationGuard(() => !dirtyRef.current || window.confirm('还有未保存的修改（已暂存在本机）。确定离开吗？'));
    return () => setNavigationGuard(null);
  }, []);

  // stable while typing: the findings panel and the workflow bar re-render with new findings, not per keystroke
  const reportNow = useRef(report);
  reportNow.current = report;
  const describe = useCallback((p: string) => describePath(reportNow.current, p), []);
  const waiverOf = useCallback((f: Finding) => waivers.find((w) => w.code === f.code && w.path === f.path), [waivers]);

  const onFocusCapture = (e: React.FocusEvent) => {
    const p = (e.target as HTMLElement).closest('[data-path]')?.getAttribute('data-path');
    if (p) setRecent((r) => [p, ...r.filter((x) => x !== p)].slice(0, 8));
  };

  const resolveConflict = (next: Report) => {
    const c = autosave.conflict;
    if (!c) return;
    setReport(next);
    autosave.resetBase({ version: c.version, report: c.report });
    setMergeOpen(false);
    if (c.status && c.status !== view.status) reload();
  };

  const restore = () => {
    if (!recovery) return;
    setReport(recovery.report);
    autosave.resetBase({ version: recovery.baseVersion, report: recovery.base });
    setRecovery(null);
    message.info('已恢复本机暂存的修改，正在保存…');
  };

  const onSign = async (role: SignatureRole, opinion: string) => {
    const saved = await autosave.flush();
    if (!saved) {
      message.error('请先保存修改再签署');
      return;
    }
    try {
      await signApi(view.id, role, opinion || undefined);
      message.success('已签署');
      // signing wrote the name and date on the form as a new version: read it back
      reload();
    } catch (err) {
      message.error((err as ApiError).message);
    }
  };

  const signing = useSigning({ signatures, status: view.status, roles: user.roles, me: user.displayName, onSign });

  const form = ctx.form;
  const hasProjects = view.projects != null;
  const toc = useMemo(
    () => [...form.sections.map((s) => ({ key: s.key, href: `#sec-${s.key}`, title: s.short })), ...(hasProjects ? [{ key: 'projects', href: '#sec-projects', title: '项目支出自评' }] : [])],
    [form, hasProjects],
  );
  const title = `${view.year ?? report.year ?? ''}年度 ${view.departmentName || report.cover.departmentName}`;
  const ownDepartment = user.departmentId === view.departmentId && user.roles.some((r) => r === 'preparer' || r === 'head');
  const finance = user.roles.some((r) => r === 'reviewer' || r === 'perf_admin') && view.departmentId !== user.departmentId;
  const showsRescore = finance || (ownDepartment && (view.status === 'accepted' || view.status === 'published'));
  const hasPrior = (report.priorIssues ?? []).length > 0 || expectedPriorIssues.length > 0;
  const errors = live.findings.filter((f) => f.severity === 'error').length;
  const suggestions = useMemo(
    () => [...new Set([...recent, ...live.findings.map((f) => normalizePath(f.path)).filter(Boolean)])].map((p) => ({ path: p, label: describe(p) })),
    [recent, live.findings, describe],
  );

  return (
    <EditorContext.Provider value={ctx}>
      <EditorMarksContext.Provider value={marks}>
      <div className="jx-editor">
        <div className="jx-editor-bar">
          <div className="jx-editor-title">
            <a onClick={() => navigate('/reports')} className="jx-back">
              ‹ 报告列表
            </a>
            <h2>{title}</h2>
            <StatusTag status={view.status} />
            <span className="jx-version" data-testid="version">第 {autosave.base.version} 版</span>
            <SaveStatus status={autosave.status} error={autosave.error} lastSavedAt={autosave.lastSavedAt} onRetry={autosave.retry} onResolve={() => setMergeOpen(true)} readOnly={scope === null} onConfirmClear={autosave.needsConfirmation ? autosave.confirmClear : undefined} />
            <TaskDeadline view={view} />
          </div>
          <Space wrap>
            <ReportActions view={view} report={report} findings={live.findings} ownDepartment={ownDepartment} finance={finance} />
            {ownDepartment && scope === '*' && user.roles.includes('preparer') && <ImportIntoButton id={view.id} flush={autosave.flush} describe={describe} onDone={reload} />}
            {scope !== null && (
              <Space.Compact>
                <Button onClick={undo} disabled={!canUndo} title="撤销（Ctrl+Z）" aria-label="撤销">↶</Button>
                <Button onClick={redo} disabled={!canRedo} title="重做（Ctrl+Y）" aria-label="重做">↷</Button>
              </Space.Compact>
            )}
            <Button onClick={() => setPreviewOpen(true)}>预览</Button>
            <Button onClick={() => setHistoryOpen(true)}>历史版本</Button>
            <WorkflowBar
              view={view}
              report={report}
              setReport={setReport}
              flush={autosave.flush}
              signatures={signatures}
              suggestions={suggestions}
              describe={describe}
              onJump={jumpTo}
              onDone={reload}
            />
          </Space>
        </div>
        {scope !== null && scope !== '*' && (
          <Alert type="info" showIcon className="jx-banner" title={`当前状态下您只能填写：${scope.map((s) => describePath(report, s)).join('、')}。其余内容为只读。`} />
        )}
        {scope === null && (
          <Alert type="info" showIcon className="jx-banner" title={readOnlyNote(view.status, user)} />
        )}
        {latestReturn && (
          <Alert
            type="error"
            showIcon
            className="jx-banner"
            data-testid="return-banner"
            title={`报告已被退回（${latestReturn.role === 'reviewer' ? '财政归口业务科室' : '部门负责人'}）：${latestReturn.reason}`}
            description={
              latestReturn.paths.length > 0 && (
                <span>
                  涉及：
                  {latestReturn.paths.map((p) => (
                    <Button key={p} size="small" type="link" onClick={() => jumpTo(p)}>
                      {describe(p)}
                    </Button>
                  ))}
                </span>
              )
            }
          />
        )}
        <ImportNotice view={view} coverDepartment={report.cover.departmentName} onJump={jumpTo} />
        <CarriedNotice view={view} />
        {(view.revocations ?? []).length > 0 && view.status !== 'published' && (
          <Alert type="warning" showIcon className="jx-banner" title={`公开已撤回（第 ${view.revocations!.at(-1)!.version} 版）：${view.revocations!.at(-1)!.reason}。已公开的版本保留在历史版本中。`} />
        )}
        <ReturnThread view={view} department={ownDepartment} finance={finance} describe={describe} onJump={jumpTo} onChanged={reload} />
        {recovery && (
          <Alert
            type="warning"
            showIcon
            className="jx-banner"
            title={`本机暂存有 ${new Date(recovery.savedAt).toLocaleString('zh-CN')} 尚未保存到服务器的修改（基于第 ${recovery.baseVersion} 版）。`}
            action={
              <Space>
                <Button size="small" type="primary" onClick={restore} disabled={scope === null}>
                  恢复这些修改
                </Button>
                <Button size="small" onClick={() => (dropUnsaved(view.id), setRecovery(null))}>
                  丢弃
                </Button>
              </Space>
            }
          />
        )}
        <div className={sideFolded ? 'jx-editor-body jx-side-folded' : 'jx-editor-body'}>
          <nav className="jx-toc">
            <Anchor targetOffset={80} items={hasPrior ? [...toc, PRIOR_TOC] : toc} />
          </nav>
          <div className="jx-editor-main" ref={mainRef} onFocusCapture={onFocusCapture} onKeyDownCapture={onUndoKeys}>
            <SigningContext.Provider value={signing}>
            {form.sections.map((s) => {
              switch (s.type) {
                case 'cover':
                case 'fields':
                case 'projectGoals':
                  return <FieldsSection key={s.key} section={s} report={report} />;
                case 'basics':
                  return <FieldsSection key={s.key} section={s} report={report} hint={BASICS_HINT} />;
                case 'tables':
                  return <FinanceSection key={s.key} section={s} finance={report.finance} />;
                case 'performance':
                  return <PerformanceSection key={s.key} section={s} performance={report.performance} templateId={report.templateId} templateVersion={report.templateVersion} year={report.year} />;
                case 'people':
                  return (
                    <SignoffSection
                      key={s.key}
                      section={s}
                      evaluators={report.evaluators}
                      signoffs={report.signoffs}
                      preparer={report.preparer}
                      signatures={<SignaturePanel signing={signing} />}
                    />
                  );
                case 'narrative':
                  return <NarrativeSection key={s.key} section={s} narrative={report.narrative} />;
                case 'budgetGrid':
                  return <BudgetGridSection key={s.key} section={s} report={report} />;
                case 'projectFunds':
                  return <ProjectFundsSection key={s.key} section={s} project={report.project} />;
                case 'projectIndicators':
                  return <ProjectIndicatorsSection key={s.key} section={s} report={report} />;
                case 'scoreSheet':
                  return (
                    <ScoreSheetSection
                      key={s.key}
                      section={s}
                      score={live.score}
                      scoreSheet={report.scoreSheet}
                      templateId={report.templateId}
                      templateVersion={report.templateVersion}
                      performance={report.performance}
                    />
                  );
                default:
                  return null;
              }
            })}
            </SigningContext.Provider>
            {signing.dialog}
            {view.projects && <ProjectsPanel projects={view.projects} year={view.year ?? report.year} />}
            {/* 上年问题整改情况 is not a part of the printed form: it comes from last year's 整改通知 */}
            <PriorIssuesSection items={report.priorIssues} expected={expectedPriorIssues} />
          </div>
          {sideFolded ? (
            <aside className="jx-side-rail">
              <Button type="text" aria-label="展开校验发现" title="展开校验发现、评分与审核记录" onClick={() => setSideFolded(false)} data-testid="side-unfold">
                ‹
              </Button>
              <span className="jx-side-rail-label">校验发现</span>
              <Badge count={errors} size="small" showZero={false} />
            </aside>
          ) : (
          <aside className="jx-side">
            <Tabs
              tabBarExtraContent={
                <Button type="text" size="small" aria-label="收起校验发现" title="收起侧栏，让表格更宽" onClick={() => setSideFolded(true)} data-testid="side-fold">
                  ›
                </Button>
              }
              activeKey={tab}
              onChange={setTab}
              size="small"
              items={[
                {
                  key: 'findings',
                  label: (
                    <span>
                      校验发现 <Badge count={errors} size="small" showZero={false} />
                    </span>
                  ),
                  children: (
                    <>
                      {live.failed && <Alert type="warning" showIcon title={`校验暂时无法运行：${live.failed}`} />}
                      <FindingsPanel findings={live.findings} onJump={jumpTo} describe={describe} waiverOf={scope === '*' ? undefined : waiverOf} pending={live.pending} />
                    </>
                  ),
                },
                { key: 'score', label: '评分', children: <ScorePanel score={live.score} onJump={jumpTo} /> },
                { key: 'log', label: '审核记录', children: <ReviewLog view={view} describe={describe} onJump={jumpTo} /> },
                ...(showsRescore ? [{ key: 'rescore', label: '复核', children: <RescorePanel reportId={view.id} /> }] : []),
              ]}
            />
          </aside>
          )}
        </div>
        {autosave.conflict && (
          <MergeDialog
            open={mergeOpen}
            base={autosave.base.report}
            mine={report}
            theirs={autosave.conflict.report}
            theirsVersion={autosave.conflict.version}
            onMerge={resolveConflict}
            onTakeTheirs={() => resolveConflict(autosave.conflict!.report)}
            onClose={() => setMergeOpen(false)}
          />
        )}
        <HistoryDrawer open={historyOpen} id={view.id} report={report} onClose={() => setHistoryOpen(false)} restore={scope !== null ? { flush: autosave.flush, onDone: reload } : undefined} />
        <PreviewDrawer
          open={previewOpen}
          reportId={view.id}
          report={report}
          findings={live.findings}
          score={live.score}
          fileName={fileBaseName(form, report).replace(/\s+/g, '')}
          onClose={() => setPreviewOpen(false)}
        />
      </div>
      </EditorMarksContext.Provider>
    </EditorContext.Provider>
  );
}
