// Everything around a screen after login — antd's App context (message, modal), dayjs in Chinese for the
// date pickers, the frame with its menu, the error boundary, the wait for the screen's own chunk — in a
// chunk of its own: the login page needs none of it.
import 'dayjs/locale/zh-cn';
import { App as AntApp } from 'antd';
import dayjs from 'dayjs';
import { Suspense, type ReactNode } from 'react';
import { AppLayout } from './AppLayout';
import { Loading } from './Loading';
import { PageErrorBoundary } from './PageErrorBoundary';

dayjs.locale('zh-cn');

export default function Shell({ screen, children }: { screen: string; children: ReactNode }) {
  return (
    <AntApp>
      <AppLayout>
        <PageErrorBoundary key={screen}>
          <Suspense fallback={<Loading />}>{children}</Suspense>
        </PageErrorBoundary>
      </AppLayout>
    </AntApp>
  );
}
