/**
 * The one chart renderer, for the app's charts panel and the after-action report: line charts,
 * stacked areas or bars, small multiples and sparklines, as SVG text. Strings, not components, so
 * the report is one self-contained document with no scripts (it prints well and passes a strict
 * Content Security Policy) and the command line draws the same charts with no DOM; the app puts
 * the same text into the page (`renderer/charts/`). Colours come from the caller (the Okabe–Ito
 * set); lines also differ by dash pattern, so colour is never the only cue. Every chart carries a
 * `<title>` and a `<desc>` for screen readers.
 *
 * `theme: 'print'` (the report) styles the chart inside its SVG, light on white; `'screen'` (the
 * app) leaves colours to the page's stylesheet (`.chart-screen`). `scale` draws the chart at
 * `width / scale` units and shows it `width` pixels wide, so every text and gap grows with it (the
 * app passes its root font size, so charts follow zoom and presentation mode).
 */
import { niceTicks } from './series';

export interface ChartSeries {
  id: string;
  label: string;
  colour: string;
  /** SVG dash array for lines ("6 4"); areas and bars ignore it. */
  dash?: string;
  values: readonly number[];
}

/** A vertical rule at an x index, labelled (e.g. the number of an inject in the report's table). */
export interface ChartMarker {
  index: number;
  label: string;
}

export interface ChartFrame {
  /** Accessible title (also shown by browsers as a tooltip). */
  title: string;
  /** Accessible description (a sentence saying what the chart shows). */
  desc?: string;
  xLabels: readonly string[];
  /** The y axis's unit, shown above it ("ha", "US$/kg"). */
  unit: string;
  format: (n: number) => string;
  width?: number;
  height?: number;
  /** A fixed y range (e.g. [0, 100] for indices); otherwise from the data, from zero. */
  yRange?: [number, number];
  markers?: readonly ChartMarker[];
  /** Where the chart is shown: styled inside the SVG for print, by the page on screen. */
  theme?: 'print' | 'screen';
  /** Pixels per chart unit (1 in the report). */
  scale?: number;
}

const FONT = 11;
/** Text width estimate in the chart's units (no DOM to measure with). */
const textWidth = (s: string, size = FONT) => s.length * size * 0.56;

/** Text for SVG and HTML: the five characters that matter escaped. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const r1 = (x: number) => Math.round(x * 10) / 10;

interface Plot {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  lo: number;
  hi: number;
  ticks: number[];
  n: number;
  /** x of index i: points at the centres of n equal slots, so bars and lines line up. */
  x(i: number): number;
  y(v: number): number;
  slot: number;
}

function domain(values: readonly number[], fixed?: [number, number]): { lo: number; hi: number; ticks: number[] } {
  if (fixed) {
    const ticks = niceTicks(fixed[0], fixed[1], 4).filter((v) => v >= fixed[0] - 1e-9 && v <= fixed[1] + 1e-9);
    return { lo: fixed[0], hi: fixed[1], ticks };
  }
  const finite = values.filter(Number.isFinite);
  const lo0 = Math.min(0, ...finite);
  const hi0 = finite.length ? Math.max(...finite) : 1;
  const ticks = niceTicks(lo0, hi0 > lo0 ? hi0 : lo0 + 1, 4);
  return { lo: ticks[0] ?? 0, hi: ticks[ticks.length - 1] ?? 1, ticks };
}

function legendRows(items: readonly { label: string }[], width: number, left: number): { x: number; row: number }[] {
  const out: { x: number; row: number }[] = [];
  let x = left;
  let row = 0;
  for (const it of items) {
    const w = 26 + textWidth(it.label) + 16;
    if (x + w > width && x > left) {
      row++;
      x = left;
    }
    out.push({ x, row });
    x += w;
  }
  return out;
}

/** The frame: legend, grid, y ticks and unit, x labels, markers. Returns the plot and the SVG parts. */
function frame(
  f: ChartFrame,
  allValues: readonly number[],
  legend: readonly { label: string; colour: string; dash?: string; swatch: 'line' | 'box' }[],
): { plot: Plot; head: string; back: string; front: string; width: number; height: number } {
  const width = f.width ?? 640;
  const n = Math.max(1, f.xLabels.length);
  const { lo, hi, ticks } = domain(allValues, f.yRange);
  const tickText = ticks.map(f.format);
  const left = Math.max(36, ...tickText.map((s) => textWidth(s) + 12), textWidth(f.unit, 10) + 10);
  const rows = legend.length ? legendRows(legend, width - 8, left) : [];
  const legendH = legend.length ? (Math.max(...rows.map((r) => r.row)) + 1) * 17 + 4 : 0;
  const height = (f.height ?? 250) + legendH;
  const top = legendH + 18;
  const plot: Plot = {
    x0: left,
    x1: width - 10,
    y0: height - 26,
    y1: top,
    lo,
    hi,
    ticks,
    n,
    slot: (width - 10 - left) / n,
    x(i) {
      return this.x0 + this.slot * (i + 0.5);
    },
    y(v) {
      return this.y0 - ((v - lo) / (hi - lo || 1)) * (this.y0 - this.y1);
    },
  };
  let head = '';
  legend.forEach((l, i) => {
    const { x, row } = rows[i]!;
    const y = 10 + row * 17;
    head +=
      l.swatch === 'line'
        ? `<line x1="${r1(x)}" y1="${y}" x2="${r1(x + 20)}" y2="${y}" stroke="${l.colour}" stroke-width="3"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''}/>`
        : `<rect x="${r1(x)}" y="${y - 5}" width="20" height="10" fill="${l.colour}"/>`;
    head += `<text x="${r1(x + 26)}" y="${y + 4}" class="lg">${esc(l.label)}</text>`;
  });
  let back = `<text x="${r1(left - 6)}" y="${r1(top - 8)}" text-anchor="end" class="un">${esc(f.unit)}</text>`;
  ticks.forEach((v, i) => {
    const y = r1(plot.y(v));
    back += `<line x1="${r1(plot.x0)}" y1="${y}" x2="${r1(plot.x1)}" y2="${y}" class="${v === 0 ? 'zr' : 'gr'}"/>`;
    back += `<text x="${r1(plot.x0 - 6)}" y="${r1(y + 4)}" text-anchor="end" class="tk">${esc(tickText[i]!)}</text>`;
  });
  const widest = Math.max(0, ...f.xLabels.map((l) => textWidth(l, 10)));
  const step = Math.max(1, Math.ceil(n / Math.max(2, Math.floor((plot.x1 - plot.x0) / (widest + 14)))));
  // Every step-th label, and the last one too when it does not run into the one before it; the
  // labels at the ends are kept inside the chart.
  const labelX = (i: number) => {
    const half = textWidth(f.xLabels[i] ?? '', 10) / 2;
    return Math.min(Math.max(plot.x(i), half + 2), width - half - 2);
  };
  const shown: number[] = [];
  for (let i = 0; i < n; i += step) shown.push(i);
  const lastShown = shown[shown.length - 1] ?? 0;
  const room = (textWidth(f.xLabels[lastShown] ?? '', 10) + textWidth(f.xLabels[n - 1] ?? '', 10)) / 2 + 8;
  if (lastShown !== n - 1 && labelX(n - 1) - labelX(lastShown) >= room) shown.push(n - 1);
  for (const i of shown)
    back += `<text x="${r1(labelX(i))}" y="${r1(plot.y0 + 16)}" text-anchor="middle" class="tk">${esc(f.xLabels[i] ?? '')}</text>`;
  let front = '';
  for (const m of f.markers ?? []) {
    if (m.index < 0 || m.index >= n) continue;
    const x = r1(plot.x(m.index));
    front += `<line x1="${x}" y1="${r1(plot.y0)}" x2="${x}" y2="${r1(plot.y1 - 2)}" class="mk"/>`;
    front += `<circle cx="${x}" cy="${r1(plot.y1 - 2)}" r="7" class="mkc"/><text x="${x}" y="${r1(plot.y1 + 1.5)}" text-anchor="middle" class="mkt">${esc(m.label)}</text>`;
  }
  return { plot, head, back, front, width, height };
}

const PRINT_STYLE =
  '<style>.lg{font-size:11px;fill:#1f2933}.tk{font-size:10px;fill:#52606d}.un{font-size:10px;fill:#52606d;font-style:italic}' +
  '.gr{stroke:#e4e7eb;stroke-width:1}.zr{stroke:#9aa5b1;stroke-width:1}.mk{stroke:#7b8794;stroke-width:1;stroke-dasharray:2 3}' +
  '.mkc{fill:#fff;stroke:#7b8794;stroke-width:1}.mkt{font-size:9px;font-weight:700;fill:#3e4c59}.pt{font-size:10px;font-weight:700}</style>';

function svg(f: Pick<ChartFrame, 'title' | 'desc' | 'theme' | 'scale'>, width: number, height: number, body: string): string {
  const s = f.scale ?? 1;
  const screen = f.theme === 'screen';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${r1(width)} ${r1(height)}" width="${r1(width * s)}" height="${r1(height * s)}" role="img" class="chart${screen ? ' chart-screen' : ''}">` +
    `<title>${esc(f.title)}</title>${f.desc ? `<desc>${esc(f.desc)}</desc>` : ''}${screen ? '' : PRINT_STYLE}${body}</svg>`
  );
}

/** A tick label kept short: thousands as `k`, millions as `M` (for narrow charts on screen). */
export function compactNumber(n: number, format: (n: number) => string): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${format(n / 1e6)}M`;
  if (a >= 1e4) return `${format(n / 1e3)}k`;
  return format(n);
}

/** A tiny trend line for a table cell, in the text's colour; decorative (the number beside it carries the meaning). */
export function sparklineSvg(values: readonly number[], w = 72, h = 18): string {
  const head = `<svg xmlns="http://www.w3.org/2000/svg" class="spark" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" aria-hidden="true" focusable="false">`;
  const vals = values.filter(Number.isFinite);
  if (vals.length < 2) return `${head}</svg>`;
  const lo = Math.min(...vals);
  const span = Math.max(...vals) - lo || 1;
  const pts = values
    .map((v, i) =>
      Number.isFinite(v)
        ? `${((i / (values.length - 1)) * (w - 4) + 2).toFixed(1)},${(h - 2 - ((v - lo) / span) * (h - 4)).toFixed(1)}`
        : null,
    )
    .filter(Boolean)
    .join(' ');
  return `${head}<polyline points="${pts}" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/></svg>`;
}

/** Path segments through the finite values (a gap where a value is missing). */
function linePath(plot: Plot, values: readonly number[]): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${r1(plot.x(i))} ${r1(plot.y(v))}`;
    pen = true;
  });
  return d;
}

function lines(plot: Plot, series: readonly ChartSeries[]): string {
  let out = '';
  const dots = plot.n <= 32;
  for (const s of series) {
    const d = linePath(plot, s.values);
    if (d)
      out += `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2.4" stroke-linejoin="round" stroke-linecap="round"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`;
    if (dots || s.values.length === 1) {
      s.values.forEach((v, i) => {
        if (Number.isFinite(v))
          out += `<circle cx="${r1(plot.x(i))}" cy="${r1(plot.y(v))}" r="2.6" fill="${s.colour}" stroke="#fff" stroke-width="0.8"/>`;
      });
    }
  }
  return out;
}

/** Several series over time on one axis. */
export function lineChartSvg(f: ChartFrame & { series: readonly ChartSeries[] }): string {
  const all = f.series.flatMap((s) => [...s.values]);
  const fr = frame(
    f,
    all,
    f.series.map((s) => ({ label: s.label, colour: s.colour, ...(s.dash ? { dash: s.dash } : {}), swatch: 'line' as const })),
  );
  return svg(f, fr.width, fr.height, fr.head + fr.back + lines(fr.plot, f.series) + fr.front);
}

/**
 * Series stacked on each other (their sum is the top line): as areas over time, or as bars (also
 * used for areas with a single turn). `lines` are drawn on top, unstacked (e.g. seizures).
 */
export function stackedChartSvg(
  f: ChartFrame & { series: readonly ChartSeries[]; lines?: readonly ChartSeries[]; mode: 'area' | 'bars' },
): string {
  const n = f.xLabels.length;
  const tops: number[][] = [];
  const acc = new Array<number>(n).fill(0);
  for (const s of f.series) {
    tops.push(
      acc.map((a, i) => {
        const v = s.values[i];
        return a + (v !== undefined && Number.isFinite(v) && v > 0 ? v : 0);
      }),
    );
    acc.splice(0, n, ...tops[tops.length - 1]!);
  }
  const over = f.lines ?? [];
  const legend = [
    ...f.series.map((s) => ({ label: s.label, colour: s.colour, swatch: 'box' as const })),
    ...over.map((s) => ({ label: s.label, colour: s.colour, ...(s.dash ? { dash: s.dash } : {}), swatch: 'line' as const })),
  ];
  const fr = frame(f, [...acc, ...over.flatMap((s) => [...s.values])], legend);
  const p = fr.plot;
  let body = '';
  const bars = f.mode === 'bars' || n === 1;
  tops.forEach((top, k) => {
    const base = k === 0 ? new Array<number>(n).fill(0) : tops[k - 1]!;
    const colour = f.series[k]!.colour;
    if (bars) {
      const w = Math.min(p.slot * 0.72, 48);
      for (let i = 0; i < n; i++) {
        const h = p.y(base[i]!) - p.y(top[i]!);
        if (h > 0.05)
          body += `<rect x="${r1(p.x(i) - w / 2)}" y="${r1(p.y(top[i]!))}" width="${r1(w)}" height="${r1(h)}" fill="${colour}" stroke="#fff" stroke-width="0.6"/>`;
      }
    } else {
      const upper = top.map((v, i) => `${r1(p.x(i))} ${r1(p.y(v))}`);
      const lower = base.map((v, i) => `${r1(p.x(i))} ${r1(p.y(v))}`).reverse();
      body += `<path d="M${upper.join('L')}L${lower.join('L')}Z" fill="${colour}" fill-opacity="0.88" stroke="#fff" stroke-width="0.8"/>`;
    }
  });
  return svg(f, fr.width, fr.height, fr.head + fr.back + body + lines(p, over) + fr.front);
}

export interface Panel {
  title: string;
  colour: string;
  values: readonly number[];
}

/**
 * Small multiples: one small line chart per panel, in a grid, on one shared scale (to compare
 * sizes, e.g. coca by region) or each on its own (to compare shapes, e.g. prices along the chain).
 * Each panel labels its last value.
 */
export function smallMultiplesSvg(
  f: Omit<ChartFrame, 'markers' | 'height' | 'yRange'> & {
    panels: readonly Panel[];
    columns: number;
    panelHeight?: number;
    sharedScale: boolean;
  },
): string {
  const width = f.width ?? 640;
  const cols = Math.max(1, Math.min(f.columns, f.panels.length));
  const rows = Math.ceil(f.panels.length / cols);
  const gap = 14;
  const pw = (width - gap * (cols - 1)) / cols;
  const ph = f.panelHeight ?? 120;
  const height = rows * ph + (rows - 1) * gap + 2;
  const shared = domain(f.panels.flatMap((p) => [...p.values]));
  const n = Math.max(1, f.xLabels.length);
  let body = '';
  f.panels.forEach((panel, k) => {
    const ox = (k % cols) * (pw + gap);
    const oy = Math.floor(k / cols) * (ph + gap);
    const dm = f.sharedScale ? shared : domain(panel.values);
    const hiText = f.format(dm.hi);
    const left = Math.max(28, textWidth(hiText, 9.5) + 8);
    const x0 = ox + left,
      x1 = ox + pw - Math.max(30, textWidth(f.format(Math.max(...panel.values.filter(Number.isFinite), 0)), 10) + 10),
      y1 = oy + 24,
      y0 = oy + ph - 18;
    const x = (i: number) => (n === 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * i) / (n - 1));
    const y = (v: number) => y0 - ((v - dm.lo) / (dm.hi - dm.lo || 1)) * (y0 - y1);
    body += `<rect x="${r1(ox)}" y="${r1(oy)}" width="${r1(pw)}" height="${ph}" fill="#f8f9fa" stroke="#e4e7eb"/>`;
    body += `<text x="${r1(ox + 8)}" y="${r1(oy + 15)}" class="lg" font-weight="700">${esc(panel.title)}</text>`;
    for (const v of [dm.lo, dm.hi]) {
      body += `<line x1="${r1(x0)}" y1="${r1(y(v))}" x2="${r1(x1)}" y2="${r1(y(v))}" class="${v === 0 ? 'zr' : 'gr'}"/>`;
      body += `<text x="${r1(x0 - 4)}" y="${r1(y(v) + 3.5)}" text-anchor="end" class="tk">${esc(f.format(v))}</text>`;
    }
    body += `<text x="${r1(x0)}" y="${r1(y0 + 13)}" class="tk">${esc(f.xLabels[0] ?? '')}</text>`;
    if (n > 1) body += `<text x="${r1(x1)}" y="${r1(y0 + 13)}" text-anchor="end" class="tk">${esc(f.xLabels[n - 1] ?? '')}</text>`;
    const pts = panel.values.map((v, i) => (Number.isFinite(v) ? `${r1(x(i))} ${r1(y(v))}` : null));
    const finite = pts.filter((q): q is string => q !== null);
    if (finite.length > 1 && finite.length === pts.length) {
      body += `<path d="M${finite.join('L')}L${r1(x(n - 1))} ${r1(y(Math.max(dm.lo, 0)))}L${r1(x(0))} ${r1(y(Math.max(dm.lo, 0)))}Z" fill="${panel.colour}" fill-opacity="0.18"/>`;
    }
    if (finite.length)
      body += `<path d="M${finite.join('L')}" fill="none" stroke="${panel.colour}" stroke-width="2.2" stroke-linejoin="round"/>`;
    const last = panel.values[panel.values.length - 1];
    if (last !== undefined && Number.isFinite(last)) {
      body += `<circle cx="${r1(x(panel.values.length - 1))}" cy="${r1(y(last))}" r="2.8" fill="${panel.colour}"/>`;
      body += `<text x="${r1(x(panel.values.length - 1) + 5)}" y="${r1(y(last) + 3.5)}" class="pt" fill="#1f2933">${esc(f.format(last))}</text>`;
    }
  });
  return svg(f, width, height, body);
}
