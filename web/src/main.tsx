// Entry: only what the login page needs loads here; antd, its locale and theme, and dayjs's locale
// come with the frame after login (components/layout/Shell.tsx).
import './zod-config';
import { createRoot } from 'react-dom/client';
import { Root } from './Root';
import './styles.css';

const el = document.getElementById('root');
if (el) createRoot(el).render(<Root />);
