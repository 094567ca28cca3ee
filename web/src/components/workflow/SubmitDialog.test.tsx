// @vitest-environment jsdom
// Submitting with error-level findings, grouped by kind: one reason covers the ticked findings of a group,
// the later roles' items need none; the request carries the waivers; when the server still finds unwaived
// errors (422) the dialog lists those and asks again.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkReport } from '../../../../src/core/check';
import type { Finding } from '../../../../src/core/model/finding';
import { emptyReport, type Report } from '../../../../src/core/model/report';
import type { ReportView, User } from '../../api/types';
import { SessionContext } from '../../session';
import { setupDom } from '../../test/setup-dom';
import { submitGroups } from '../../../../src/core/workflow/submit-groups';
import { SubmitDialog } from './SubmitDialog';
import { WorkflowBar } from './WorkflowBar';

beforeAll(setupDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const f = (code: string, path: string, message: string): Finding => ({ code, rule: 'X', severity: 'error', path, message });

const wrap = (node: React.ReactNode) => (
  <ConfigProvider locale={zhCN}>
    <App>{node}</App>
  </ConfigProvider>
);

describe('SubmitDialog', { timeout: 90_000 }, () => {
  it('groups errors by kind, one reason per group, and leaves the later roles\' items without a waiver', async () => {
    const onSubmit = vi.fn(async () => undefined);
    const errors = [
      f('SIGN.LEADER_UNSIGNED', 'signoffs.leader.signer', '评价组组长缺签名'),
      f('IND.VALUE_NOT_NUMERIC', 'performance.indicators[0].actual', '完成值不是数值'),
      f('IND.VALUE_NOT_NUMERIC', 'performance.indicators[1].actual', '完成值不是数值（二）'),
      f('FIN.SUMMARY_UNSUPPORTED', 'finance.threePublic[1].total', '汇总行无明细'),
    ];
    render(wrap(<SubmitDialog open errors={errors} onSubmit={onSubmit} onCancel={() => undefined} />));
    expect(screen.getByText('还有 3 个错误需要您处理（2 类）。')).toBeTruthy();
    expect(screen.getByTestId('later-findings').textContent).toContain('评价组组长：评价组组长缺签名');
    expect(screen.getAllByTestId('waiver-group')).toHaveLength(2);
    const ok = screen.getByTestId('confirm-submit') as HTMLButtonElement;
    expect(ok.textContent).toContain('还有 3 项未修正也未说明理由');
    expect(ok.disabled).toBe(true);
    // a one-character reason is no reason
    fireEvent.change(screen.getByLabelText('第1组豁免理由'), { target: { value: 'x' } });
    expect(screen.getByText(/豁免理由至少写 4 个字/)).toBeTruthy();
    expect(ok.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('第1组豁免理由'), { target: { value: '该指标为定性描述，次年修订' } });
    expect(ok.textContent).toContain('还有 1 项');
    // the second indicator is one she will fix: untick it, and it blocks until fixed
    fireEvent.click(screen.getByLabelText('无法修正：完成值不是数值（二）'));
    fireEvent.change(screen.getByLabelText('第2组豁免理由'), { target: { value: '原表仅有汇总数，无明细' } });
    expect(ok.textContent).toContain('还有 1 项');
    fireEvent.click(screen.getByLabelText('无法修正：完成值不是数值（二）'));
    expect(ok.textContent).toContain('豁免 3 项并提交');
    // rule codes only on request
    expect(screen.queryByText('IND.VALUE_NOT_NUMERIC')).toBeNull();
    fireEvent.click(screen.getByRole('switch'));
    expect(screen.getByText('IND.VALUE_NOT_NUMERIC')).toBeTruthy();
    fireEvent.click(ok);
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]).toEqual([
      [
        { code: 'IND.VALUE_NOT_NUMERIC', path: 'performance.indicators[0].actual', reason: '该指标为定性描述，次年修订' },
        { code: 'IND.VALUE_NOT_NUMERIC', path: 'performance.indicators[1].actual', reason: '该指标为定性描述，次年修订' },
        { code: 'FIN.SUMMARY_UNSUPPORTED', path: 'finance.threePublic[1].total', reason: '原表仅有汇总数，无明细' },
      ],
    ]);
  });

  it('offers the reasons given at the last submission again', () => {
    const errors = [f('IND.VALUE_NOT_NUMERIC', 'performance.indicators[0].actual', '完成值不是数值')];
    render(wrap(<SubmitDialog open errors={errors} previous={[{ code: 'IND.VALUE_NOT_NUMERIC', path: 'performance.indicators[0].actual', reason: '上次的理由' }]} onSubmit={vi.fn()} onCancel={() => undefined} />));
    expect((screen.getByLabelText('第1组豁免理由') as HTMLTextAreaElement).value).toBe('上次的理由');
  });

  it('submits straight away when only the later roles\' items remain', async () => {
    const onSubmit = vi.fn(async () => undefined);
    render(wrap(<SubmitDialog open errors={[f('SIGN.DEPARTMENT_UNSIGNED', 'signoffs.department.signer', '缺负责人签章')]} onSubmit={onSubmit} onCancel={() => undefined} />));
    const ok = screen.getByTestId('confirm-submit') as HTMLButtonElement;
    expect(ok.disabled).toBe(false);
    expect(screen.getByText(/部门（单位）负责人：缺负责人签章/)).toBeTruthy();
    fireEvent.click(ok);
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith([]));
  });
});

function draftWithErrors(): Report {
  const r = emptyReport();
  r.year = 2021;
  r.overview.staffQuota = 3;
  r.overview.actualStaff = 3;
  return r;
}

const user: User = { id: 'u1', username: 'demo-preparer', displayName: '王填报', kind: 'business', roles: ['preparer'], bureauId: 'b', departmentId: 'd', sectionId: null };

describe('WorkflowBar submit', { timeout: 90_000 }, () => {
  it('sends If-Match, an Idempotency-Key and the waivers; a 422 lists what is still blocking', async () => {
    const report = draftWithErrors();
    const errors = checkReport(report).findings.filter((x) => x.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const extra = f('FIN.SUM_ROWS', 'finance.income[0].total', '服务器发现：收入合计与明细不符');
    const calls: Array<{ url: string; init: RequestInit }> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, init });
        if (calls.length === 1) return new Response(JSON.stringify({ findings: [extra], error: { code: 'BLOCKING_FINDINGS', message: '还有 1 个错误未修正' } }), { status: 422 });
        return new Response(JSON.stringify({ id: 'r1', status: 'dept_review', version: 6, action: 'submit' }), { status: 200 });
      }),
    );
    const view: ReportView = { id: 'r1', status: 'draft', version: 5, report, findings: [], score: null, actions: ['submit'], editScope: '*', waivers: [] };
    const onDone = vi.fn();
    render(
      wrap(
        <SessionContext.Provider value={{ user, unit: '党群工作部', signOut: async () => undefined }}>
          <WorkflowBar
            view={view}
            report={report}
            setReport={() => undefined}
            flush={async () => ({ version: 5, report })}
            signatures={[]}
            suggestions={[]}
            describe={(p) => p}
            onJump={() => undefined}
            onDone={onDone}
          />
        </SessionContext.Provider>,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: '提交部门审核' }));
    const dialog = await screen.findByRole('dialog');
    const own = submitGroups(errors).now;
    const codes = [...new Set(own.map((e) => e.code))];
    const reasons = within(dialog).getAllByLabelText(/第\d+组豁免理由/);
    expect(reasons).toHaveLength(codes.length);
    reasons.forEach((el, i) => fireEvent.change(el, { target: { value: `理由之${i + 1}` } }));
    fireEvent.click(within(dialog).getByTestId('confirm-submit'));

    await within(dialog).findByText('服务器检查发现仍有 1 个错误未豁免，请修正或填写理由。');
    const first = calls[0]!;
    expect(first.url).toBe('/api/reports/r1/transitions');
    const headers = first.init.headers as Record<string, string>;
    expect(headers['If-Match']).toBe('"5"');
    expect(headers['Idempotency-Key']).toMatch(/.{8,}/);
    const body = JSON.parse(String(first.init.body));
    expect(body.action).toBe('submit');
    const byGroup = codes.flatMap((code, i) => own.filter((e) => e.code === code).map((e) => ({ code: e.code, path: e.path, reason: `理由之${i + 1}` })));
    expect(body.waivers).toEqual(byGroup);

    expect(within(dialog).getByText('服务器发现：收入合计与明细不符')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('第1组豁免理由'), { target: { value: '口径不同' } });
    fireEvent.click(within(dialog).getByTestId('confirm-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const second = calls[1]!;
    expect(JSON.parse(String(second.init.body)).waivers).toEqual([{ code: 'FIN.SUM_ROWS', path: 'finance.income[0].total', reason: '口径不同' }]);
    // a different request is a different intent for the server: a new key
    expect((second.init.headers as Record<string, string>)['Idempotency-Key']).not.toBe(headers['Idempotency-Key']);
  });
});
