// The antd theme: a sober government blue, dense enough for tables of figures.
import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#15396e', headerHeight: 56, headerPadding: '0 24px' },
  },
};
