/** A tiny trend line for a table cell; decorative (the number beside it carries the meaning). */
import type { ReactNode } from 'react';

export function Sparkline(props: { values: number[]; width?: number; height?: number }): ReactNode {
  const w = props.width ?? 72;
  const h = props.height ?? 18;
  const vals = props.values.filter(Number.isFinite);
  if (vals.length < 2) return <svg className="spark" width={w} height={h} aria-hidden="true" focusable="false" />;
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  const span = hi - lo || 1;
  const pts = props.values
    .map((v, i) => (Number.isFinite(v) ? `${((i / (props.values.length - 1)) * (w - 4) + 2).toFixed(1)},${(h - 2 - ((v - lo) / span) * (h - 4)).toFixed(1)}` : null))
    .filter(Boolean)
    .join(' ');
  return (
    <svg className="spark" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false">
      <polyline points={pts} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
    </svg>
  );
}
