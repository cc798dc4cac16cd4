/**
 * A line chart in the app: the report's chart renderer (`report/charts.ts`) drawn at the
 * container's width and scaled by the root font size, so its text follows zoom and presentation
 * mode. The SVG text is built by that renderer with every string escaped; the page styles it
 * (`.chart-screen` in app.css). Its title and description (the latest values) are for screen readers.
 */
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { compactNumber, lineChartSvg, type ChartSeries } from '../../report/charts';

export type ChartLine = ChartSeries;

export interface LineChartProps {
  title: string;
  /** Formats an axis number (already localised). */
  format: (n: number) => string;
  /** Short unit shown above the y axis. */
  unitLabel: string;
  xLabels: string[];
  lines: ChartLine[];
  /** Accessible summary (e.g. the latest values). */
  summary: string;
}

/** The report's charts are drawn for 11 px text; on screen the text is 0.8 of the root font size. */
const REPORT_FONT_PX = 11;

function rootFontPx(): number {
  const v = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(v) && v > 0 ? v : 16;
}

export function LineChart(props: LineChartProps): ReactNode {
  const ref = useRef<HTMLElement>(null);
  const [size, setSize] = useState<{ w: number; font: number }>({ w: 320, font: 16 });

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setSize({ w: Math.max(160, Math.floor(el.clientWidth)), font: rootFontPx() });
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const { title, format, unitLabel, xLabels, lines, summary } = props;
  const html = useMemo(() => {
    const scale = (size.font * 0.8) / REPORT_FONT_PX;
    const heightPx = Math.round(Math.max(140, Math.min(260, size.w * 0.55)));
    return lineChartSvg({
      title,
      desc: summary,
      xLabels,
      unit: unitLabel,
      series: lines,
      theme: 'screen',
      scale,
      format: (n) => compactNumber(n, format),
      width: size.w / scale,
      height: heightPx / scale,
    });
  }, [size, title, format, unitLabel, xLabels, lines, summary]);

  return (
    <figure className="chart" ref={ref}>
      <figcaption className="chart-title">{title}</figcaption>
      <div className="chart-svg" dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
