// Providers around the app: antd locale and theme. antd's App (message/modal context) wraps the screens
// after login (components/layout/Shell.tsx): the login page uses none of it.
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { App } from './App';
import { theme } from './theme';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      {children}
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <Providers>
      <App />
    </Providers>
  );
}
