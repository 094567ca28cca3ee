// Entry: antd in Simplified Chinese (ConfigProvider zh_CN, dayjs zh-cn), then the app.
import './zod-config';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { createRoot } from 'react-dom/client';
import { Root } from './Root';
import './styles.css';

dayjs.locale('zh-cn');

const el = document.getElementById('root');
if (el) createRoot(el).render(<Root />);
