// @vitest-environment jsdom
// A returned report shows the reviewer's reason beside the cells it names.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyReport } from '../../../../src/core/model/report';
import { EditorHarness } from '../../test/harness';
import { setupDom } from '../../test/setup-dom';
import { FinanceTable } from '../sections/FinanceTable';
import { FieldsSection } from '../sections/FieldsSection';
import { section } from '../../../../src/core/forms/index';
import { defaultForm } from '../../../../src/core/templates/index';

beforeAll(setupDom);
afterEach(cleanup);

describe('return notes', { timeout: 60_000 }, () => {
  it('marks the named cells and writes the reason under the table and beside fields', () => {
    const r = emptyReport();
    r.finance.threePublic = [
      { institution: '局机关及二级机构汇总', kind: 'summary', total: null, reception: null, vehicleOps: null, vehiclePurchase: null, overseas: null },
      { institution: '局机关', kind: 'main', total: null, reception: null, vehicleOps: null, vehiclePurchase: null, overseas: null },
    ];
    const ret = { reason: '公务用车运维费未填写', paths: ['finance.threePublic[1].vehicleOps', 'overview.phone'], role: 'reviewer', version: 3, createdAt: '2026-11-27T04:00:00Z' };
    render(
      <EditorHarness initial={r} activeReturn={ret}>
        {(rep) => (
          <>
            <FieldsSection section={section(defaultForm(), 'overview')} report={rep} />
            <FinanceTable table="threePublic" rows={rep.finance.threePublic} />
          </>
        )}
      </EditorHarness>,
    );
    const cell = document.querySelector('.jx-field[data-path="finance.threePublic[1].vehicleOps"]')!;
    expect(cell.className).toContain('jx-returned');
    expect(cell.querySelector('.jx-return-badge')).not.toBeNull();
    expect(screen.getByText('局机关 · 公务用车运维费')).toBeTruthy();
    expect(screen.getAllByText(/退回意见：公务用车运维费未填写/)).toHaveLength(2); // under the table and beside 联络电话
    expect(document.querySelector('.jx-field[data-path="overview.phone"] .jx-return-note')).not.toBeNull();
  });
});
