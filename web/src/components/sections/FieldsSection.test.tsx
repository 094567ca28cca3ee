// @vitest-environment jsdom
// The cover's inputs as a new report shows them: the placeholders name the report's own year.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { section } from '../../../../src/core/forms/index';
import { defaultForm } from '../../../../src/core/templates/index';
import { seedReport } from '../../../../test/helpers/seed';
import { EditorHarness } from '../../test/harness';
import { setupDom } from '../../test/setup-dom';
import { FieldsSection } from './FieldsSection';

beforeAll(setupDom);
afterEach(cleanup);

describe('FieldsSection', { timeout: 60_000 }, () => {
  it("names the report's year in the title's placeholder, not the template's example year", () => {
    const r = seedReport();
    r.year = 2025;
    r.cover.title = '';
    render(<EditorHarness initial={r}>{(rep) => <FieldsSection section={section(defaultForm(), 'cover')} report={rep} />}</EditorHarness>);
    const title = screen.getByLabelText('标题') as HTMLInputElement;
    expect(title.placeholder).toBe('如：2025年度部门整体支出绩效评价自评报告');
  });
});
