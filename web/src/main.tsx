// Entry: antd in Simplified Chinese (ConfigProvider zh_CN), then the app. Only what the login page
// needs loads here; dayjs's locale and antd's App context come with the frame after login (Shell).
import './zod-config';
import { createRoot } from 'react-dom/client';
import { Root } from './Root';
import './styles.css';

const el = document.getElementById('root');
if (el) createRoot(el).render(<Root />);
