// @vitest-environment jsdom
// Signatures show whether they still match the content, and offer only the signatures this role may give now;
// the 签字栏 of the form opens the same sign dialog as the panel.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Signature } from '../../api/types';
import { setupDom } from '../../test/setup-dom';
import type { ReportStatus, Role, SignatureRole } from '../../../../src/core/workflow/index';
import { SignaturePanel } from './SignaturePanel';
import { SignHere, SigningContext, useSigning } from './signing';

function Harness(p: { signatures: Signature[]; status: ReportStatus; roles: Role[]; onSign: (r: SignatureRole, o: string) => Promise<void>; block?: SignatureRole }) {
  const signing = useSigning({ ...p, me: '李部长' });
  return (
    <SigningContext.Provider value={signing}>
      <SignaturePanel signing={signing} />
      {p.block && <SignHere role={p.block} label="部门（单位）负责人" />}
      {signing.dialog}
    </SigningContext.Provider>
  );
}

beforeAll(setupDom);
afterEach(cleanup);

const sig = (over: Partial<Signature>): Signature => ({
  id: 's1',
  role: 'head',
  userId: 'u',
  signerName: '李部长',
  opinion: '同意报送',
  version: 5,
  reportHash: 'x',
  signedAt: '2026-11-27T04:00:00Z',
  code: 'ABCD-EF01-2345',
  valid: true,
  ...over,
});

describe('SignaturePanel', { timeout: 60_000 }, () => {
  it('marks a signature the content no longer matches as 签名已失效（内容已修改）', () => {
    render(
      <ConfigProvider locale={zhCN}>
        <App>
          <Harness signatures={[sig({ id: 'a', valid: false, version: 5 }), sig({ id: 'b', role: 'leader', signerName: '赵评价', valid: true, version: 9, signedAt: '2026-11-27T05:00:00Z' })]} status="dept_review" roles={['head']} onSign={vi.fn()} />
        </App>
      </ConfigProvider>,
    );
    expect(screen.getByText('签名已失效（内容已修改）')).toBeTruthy();
    expect(screen.getByText('签名有效')).toBeTruthy();
    expect(screen.getByRole('button', { name: '以部门（单位）负责人身份签署' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /评价组组长身份签署/ })).toBeNull();
  });

  it('signs from the block of the form through the same dialog, and marks a void signature there', async () => {
    const onSign = vi.fn(async () => undefined);
    render(
      <ConfigProvider locale={zhCN}>
        <App>
          <Harness signatures={[sig({ valid: false })]} status="dept_review" roles={['head']} onSign={onSign} block="head" />
        </App>
      </ConfigProvider>,
    );
    expect(screen.getByText('签名已失效（内容已修改），需重新签署')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '在部门（单位）负责人栏签署' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('以部门（单位）负责人身份签署');
    fireEvent.change(screen.getByLabelText('签署意见'), { target: { value: '同意报送' } });
    fireEvent.click(screen.getByText(/^签\s?署$/).closest('button')!);
    await waitFor(() => expect(onSign).toHaveBeenCalledWith('head', '同意报送'));
  });

  it('offers no sign button in the block to someone who may not sign it', () => {
    render(
      <ConfigProvider locale={zhCN}>
        <App>
          <Harness signatures={[]} status="draft" roles={['preparer']} onSign={vi.fn()} block="head" />
        </App>
      </ConfigProvider>,
    );
    expect(screen.queryByRole('button', { name: '在部门（单位）负责人栏签署' })).toBeNull();
    expect(screen.getByText('由部门（单位）负责人本人签署')).toBeTruthy();
  });
});
