// The root: the app itself. antd's providers (locale, theme, App context) wrap the screens after login
// (components/layout/Shell.tsx): the login page uses no antd, and does not download it.
import { App } from './App';

export function Root() {
  return <App />;
}
