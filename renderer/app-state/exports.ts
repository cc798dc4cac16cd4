/**
 * What File ▸ Export writes: a replay log (seed, scenario, every turn's input and the resulting
 * state hashes), the national series as CSV (one row a turn, for Excel, R or Python), and a short
 * after-action report as a self-contained HTML page with its charts inline.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LineChart } from '../charts/LineChart';
import { formatNumber, translate, type Lang } from '../i18n';
import { CHARTS } from '../view-model/series';
import { keyFigures, leaders, scoreLines } from '../view-model/turn-report';
import { SIDES, type TurnRecord } from './engine';
import type { Session } from './types';

/** The engine's replayable log: scenario, seed, every turn's input and the state hash after it. */
export function logText(session: Session): string {
  return `${JSON.stringify(session.log, null, 1)}\n`;
}

const csvCell = (v: unknown): string => {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : '')
    : typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The national series, one row a turn; nested `scores` become `score_<side>` columns. */
export function historyCsv(history: readonly TurnRecord[]): string {
  const first = history[0];
  if (!first) return 'turn\n';
  const keys = Object.keys(first).filter((k) => k !== 'scores') as (keyof TurnRecord)[];
  const header = [...keys, ...SIDES.map((s) => `score_${s}`)];
  const rows = history.map((r) => [...keys.map((k) => csvCell(r[k])), ...SIDES.map((s) => csvCell(r.scores[s]))].join(','));
  return `${header.join(',')}\n${rows.join('\n')}\n`;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function reportHtml(session: Session, lang: Lang, appVersion: string): string {
  const t = (k: string, v?: Record<string, string | number>) => translate(lang, k, v);
  const fmt = (n: number) => formatNumber(lang, n);
  const g = session.game;
  const scenario = g.scenario;
  const history = g.history;
  const xLabels = history.map((r) => t('app.time.quarterShort', { year: String(r.year), q: r.quarter }));
  const charts = history.length === 0 ? '' : CHARTS.map((c) => renderToStaticMarkup(createElement(LineChart, {
    title: t(`app.chart.${c.id}`),
    unitLabel: t(`app.unitShort.${c.unit}`),
    format: fmt,
    xLabels,
    width: 520,
    height: 260,
    fontPx: 15,
    summary: '',
    lines: c.lines.map((l) => ({ id: l.id, label: t(`app.series.${l.id}`), colour: l.colour, ...(l.dash ? { dash: l.dash } : {}), values: history.map((r) => l.value(r)) })),
  }))).join('\n');
  const figures = keyFigures(history).map((f) =>
    `<tr><th>${esc(t(`app.series.${f.def.id}`))}</th><td>${esc(t(`app.unit.${f.def.unit}`, { n: f.value }))}</td></tr>`).join('');
  const scores = scoreLines(history).map((s) => `<li><strong>${esc(t(`app.side.${s.side}`))}</strong>: ${esc(fmt(s.value))}</li>`).join('');
  const lead = leaders(history);
  const notes = session.inputs.flatMap((input, i) => input.orders.filter((o) => o.note).map((o) =>
    `<li>${esc(t('app.log.turnN', { n: i + 1 }))} — ${esc(t(`app.side.${o.side}`))}: ${esc(o.note ?? '')}</li>`)).join('');
  const seats = SIDES.map((s) => {
    const seat = session.setup.seats[s];
    return `<li>${esc(t(`app.side.${s}`))}: ${esc(seat.kind === 'human' ? t('app.newGame.human') : `${t('app.newGame.computer')} (${t(`app.difficulty.${seat.difficulty}`)})`)}</li>`;
  }).join('');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t('app.aar.title', { scenario: scenario.title[lang] }))}</title>
<style>
body{font:16px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#111;background:#fff;padding:0 1rem}
h1{font-size:1.8rem}h2{margin-top:2rem;border-bottom:2px solid #333}
table{border-collapse:collapse}th,td{padding:.25rem .75rem;border-bottom:1px solid #ccc;text-align:left}td{text-align:right}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:1rem}
figure{margin:0}figcaption{font-weight:700}.chart-legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.chart-grid{stroke:#ddd}.chart-zero{stroke:#888}.chart-tick,.chart-unit{fill:#333}
</style></head><body>
<h1>${esc(t('app.aar.title', { scenario: scenario.title[lang] }))}</h1>
<p>${esc(t('app.aar.meta', { seed: String(g.seed), turn: g.turn, total: g.turnsTotal, version: appVersion }))}</p>
<ul>${seats}</ul>
<h2>${esc(t('app.report.scores'))}</h2>
<p>${esc(lead.length === 1 ? t('app.end.winner', { side: `@app.side.${lead[0] ?? 'state'}` }) : t('app.end.tie'))}</p>
<ul>${scores}</ul>
<h2>${esc(t('app.report.keyNumbers'))}</h2>
<table>${figures}</table>
<h2>${esc(t('app.aar.charts'))}</h2>
<div class="charts">${charts}</div>
<h2>${esc(t('app.aar.notes'))}</h2>
${notes ? `<ul>${notes}</ul>` : `<p>${esc(t('app.aar.noNotes'))}</p>`}
</body></html>
`;
}
