// Everything around a screen after login — antd in Simplified Chinese with our theme and its App context
// (message, modal), dayjs in Chinese for the date pickers, the frame with its menu, the error boundary,
// the wait for the screen's own chunk — in a chunk of its own: the login page needs none of it.
import 'dayjs/locale/zh-cn';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { Suspense, type ReactNode } from 'react';
import { theme } from '../../theme';
import { AppLayout } from './AppLayout';
import { Loading } from './Loading';
import { PageErrorBoundary } from './PageErrorBoundary';

dayjs.locale('zh-cn');

/** `bare`: without the menu frame (a step a session owes before anything else: SecuritySetupPage). */
export default function Shell({ screen, bare = false, children }: { screen: string; bare?: boolean; children: ReactNode }) {
  const page = (
    <PageErrorBoundary key={screen}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </PageErrorBoundary>
  );
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{bare ? page : <AppLayout>{page}</AppLayout>}</AntApp>
    </ConfigProvider>
  );
}
