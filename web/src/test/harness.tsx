// A minimal editor for component tests: the real model hook and context, any sections, and the real
// findings panel wired to the real jump.
import type { ReactNode } from 'react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { PriorYear } from '../../../src/core/library/prior-year';
import type { Report } from '../../../src/core/model/report';
import type { EditScope, ReturnRecord } from '../api/types';
import { EditorContext, EditorMarksContext } from '../components/editor/editor-context';
import { FindingsPanel } from '../components/panels/FindingsPanel';
import { useEditorModel, type EditorModel } from '../hooks/useEditorModel';

interface Props {
  initial: Report;
  scope?: EditScope;
  activeReturn?: ReturnRecord | null;
  /** the sections to render, given the current report */
  children: (report: Report) => ReactNode;
  /** lets a test read the model (the report as edited) */
  onModel?: (m: EditorModel) => void;
  withFindings?: boolean;
  /** last year's report of the department (上年 values, Q15) */
  priorYear?: PriorYear | null;
}

export function EditorHarness({ initial, scope = '*', activeReturn = null, children, onModel, withFindings, priorYear = null }: Props) {
  const model = useEditorModel({ initial, scope, activeReturn, checkDelayMs: 0, priorYear });
  onModel?.(model);
  return (
    <ConfigProvider locale={zhCN}>
      <App>
        <EditorContext.Provider value={model.ctx}>
          <EditorMarksContext.Provider value={model.marks}>
          <div ref={model.mainRef}>{children(model.report)}</div>
          {withFindings && <FindingsPanel findings={model.live.findings} onJump={model.jumpTo} pending={model.live.pending} />}
          </EditorMarksContext.Provider>
        </EditorContext.Provider>
      </App>
    </ConfigProvider>
  );
}

export { zhCN };
