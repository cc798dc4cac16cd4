/**
 * A line chart in plain SVG, drawn at the container's pixel size so its text follows the app's
 * root font size (zoom and presentation mode). Each line has a colour and a dash pattern; the
 * legend is HTML under the chart; the SVG is labelled with the latest values for screen readers.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { niceTicks } from '../../report/series';

export interface ChartLine {
  id: string;
  label: string;
  colour: string;
  dash?: string;
  values: number[];
}

export interface LineChartProps {
  title: string;
  /** Formats an axis/tooltip number (already localised). */
  format: (n: number) => string;
  /** Short unit shown above the y axis. */
  unitLabel: string;
  xLabels: string[];
  lines: ChartLine[];
  /** Fixed size (for static export); otherwise the chart fills its container's width. */
  width?: number;
  height?: number;
  /** Root font size in px, for static export. */
  fontPx?: number;
  /** Accessible summary (e.g. the latest values). */
  summary: string;
}

function rootFontPx(): number {
  if (typeof window === 'undefined') return 16;
  const v = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(v) && v > 0 ? v : 16;
}

export function compactNumber(n: number, format: (n: number) => string): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${format(n / 1e6)}M`;
  if (a >= 1e4) return `${format(n / 1e3)}k`;
  return format(n);
}

export function LineChart(props: LineChartProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ w: number; font: number }>({ w: props.width ?? 320, font: props.fontPx ?? 16 });

  useLayoutEffect(() => {
    if (props.width) return;
    const el = ref.current;
    if (!el) return;
    const update = () => setSize({ w: Math.max(160, Math.floor(el.clientWidth)), font: rootFontPx() });
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [props.width]);

  const font = size.font * 0.8;
  const w = size.w;
  const h = props.height ?? Math.round(Math.max(140, Math.min(260, w * 0.55)));
  const n = props.xLabels.length;
  const all = props.lines.flatMap((l) => l.values).filter(Number.isFinite);
  const lo = Math.min(0, ...(all.length ? all : [0]));
  const hi = Math.max(...(all.length ? all : [1]));
  const ticks = niceTicks(lo, hi, 4);
  const y0 = ticks[0] ?? 0;
  const y1 = ticks[ticks.length - 1] ?? 1;
  const tickLabels = ticks.map((v) => compactNumber(v, props.format));
  const left = Math.ceil(Math.max(...tickLabels.map((s) => s.length)) * font * 0.62 + font * 0.8);
  const top = Math.ceil(font * 1.6);
  const right = Math.ceil(font * 0.8);
  const bottom = Math.ceil(font * 2);
  const pw = Math.max(10, w - left - right);
  const ph = Math.max(10, h - top - bottom);
  const x = (i: number) => left + (n <= 1 ? pw / 2 : (i / (n - 1)) * pw);
  const y = (v: number) => top + ph - ((v - y0) / (y1 - y0 || 1)) * ph;
  const xTickEvery = Math.max(1, Math.ceil((n * font * 5.2) / pw));

  return (
    <figure className="chart" ref={ref}>
      <figcaption className="chart-title">{props.title}</figcaption>
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${props.title}. ${props.summary}`} className="chart-svg">
        <text x={4} y={font} className="chart-unit" fontSize={font}>{props.unitLabel}</text>
        {ticks.map((v, i) => (
          <g key={`y${i}`}>
            <line x1={left} x2={left + pw} y1={y(v)} y2={y(v)} className={v === 0 ? 'chart-zero' : 'chart-grid'} />
            <text x={left - font * 0.4} y={y(v) + font * 0.35} textAnchor="end" className="chart-tick" fontSize={font}>{tickLabels[i]}</text>
          </g>
        ))}
        {props.xLabels.map((label, i) => (i % xTickEvery === 0 || i === n - 1) && (i === n - 1 || n - 1 - i >= xTickEvery) ? (
          <text key={`x${i}`} x={x(i)} y={h - font * 0.5} textAnchor={n <= 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle'} className="chart-tick" fontSize={font}>{label}</text>
        ) : null)}
        {props.lines.map((l) => {
          const pts = l.values.map((v, i) => (Number.isFinite(v) ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : null)).filter(Boolean);
          const lastI = l.values.length - 1;
          const last = l.values[lastI];
          return (
            <g key={l.id}>
              {pts.length > 1 ? <polyline points={pts.join(' ')} fill="none" stroke={l.colour} strokeWidth={Math.max(2, font / 5)} strokeDasharray={l.dash} strokeLinejoin="round" strokeLinecap="round" /> : null}
              {last !== undefined && Number.isFinite(last) ? (
                <circle cx={x(lastI)} cy={y(last)} r={Math.max(3, font / 3.5)} fill={l.colour}>
                  <title>{`${l.label}: ${props.format(last)}`}</title>
                </circle>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend">
        {props.lines.map((l) => (
          <li key={l.id}>
            <svg width="28" height="10" aria-hidden="true" focusable="false">
              <line x1="1" x2="27" y1="5" y2="5" stroke={l.colour} strokeWidth="3" strokeDasharray={l.dash} />
            </svg>
            {l.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
