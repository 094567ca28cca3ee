// @vitest-environment jsdom
// Signatures show whether they still match the content, and offer only the signatures this role may give now.
import { cleanup, render, screen } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Signature } from '../../api/types';
import { setupDom } from '../../test/setup-dom';
import { SignaturePanel } from './SignaturePanel';

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
          <SignaturePanel signatures={[sig({ id: 'a', valid: false, version: 5 }), sig({ id: 'b', role: 'leader', signerName: '赵评价', valid: true, version: 9, signedAt: '2026-11-27T05:00:00Z' })]} status="dept_review" roles={['head']} onSign={vi.fn()} />
        </App>
      </ConfigProvider>,
    );
    expect(screen.getByText('签名已失效（内容已修改）')).toBeTruthy();
    expect(screen.getByText('签名有效')).toBeTruthy();
    expect(screen.getByRole('button', { name: '以部门(单位)负责人身份签署' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /评价组组长身份签署/ })).toBeNull();
  });
});
