// A chart: our tree-shaken echarts on a div, resized with its container and disposed on unmount. A
// click on a bar, slice or point is handed to onPick with the item's data (every dashboard figure
// carries the report ids behind it).
// (echarts-for-react 3.0.6 requires tslib without declaring it, so the UI binds echarts directly.)
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { echarts } from './charts';

export interface ChartPick {
  seriesIndex: number;
  dataIndex: number;
  data: unknown;
  name: string;
}

export function Chart({ option, height = 260, label, onPick }: { option: EChartsCoreOption; height?: number; label: string; onPick?: (p: ChartPick) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => pick.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex, data: p.data, name: p.name }));
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => c.resize()) : null;
    ro?.observe(el.current);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={el} role="img" aria-label={label} style={{ height, width: '100%', cursor: onPick ? 'pointer' : undefined }} />;
}
