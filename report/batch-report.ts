/**
 * The HTML report of a Monte Carlo batch (`cordillera batch`): what was run, the spread of each
 * main outcome per policy, and, when the batch drew the scenario's uncertain parameters, which
 * assumptions move the outcomes most (a tornado chart per outcome and the ranges they were drawn
 * from). One self-contained document with no scripts, styled like the after-action report.
 */
import {
  chanceThreshold,
  mean,
  quantile,
  SENSITIVITY_METRICS,
  SUMMARY_METRICS,
  type BatchOutcome,
  type Scenario,
  type SensitivityRow,
} from '../game/index';
import type { Lang, TFunction } from '../i18n/catalogue';
import { AAR_CSS } from './aar-style';
import { esc } from './charts';
import { OKABE_ITO } from './series';

export interface BatchReportInput {
  scenario: Scenario;
  policies: readonly string[];
  seeds: readonly number[];
  turns: number;
  others: { clans: string; insurgents: string };
  outcomes: readonly BatchOutcome[];
  sensitivity: readonly SensitivityRow[];
  /** The seed of the parameter draw, or null when the batch varied only the dice. */
  paramSeed: number | null;
  t: TFunction;
  lang: Lang;
  locale: string;
  appVersion: string;
}

/** Parameters drawn in each tornado chart. */
const TORNADO_BARS = 10;
const BAR_H = 22;
const LABEL_W = 250;
const PLOT_W = 520;
const VALUE_W = 90;
const PAD = 8;

const h = esc;

function fmt(locale: string, n: number): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return n.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/**
 * A tornado chart: one bar per parameter from the outcome's mean where it drew its bottom third
 * (lighter) to its mean where it drew its top third (darker), around the mean of all runs.
 */
function tornadoSvg(rows: readonly SensitivityRow[], overall: number, title: string, desc: string, locale: string, t: TFunction): string {
  const lo = Math.min(overall, ...rows.map((r) => Math.min(r.lowMean, r.highMean)));
  const hi = Math.max(overall, ...rows.map((r) => Math.max(r.lowMean, r.highMean)));
  const span = hi - lo || 1;
  const x = (v: number) => LABEL_W + ((v - lo) / span) * PLOT_W;
  const height = rows.length * BAR_H + 2 * PAD + 18;
  const width = LABEL_W + PLOT_W + VALUE_W;
  let out = `<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`;
  out += `<title>${h(title)}</title><desc>${h(desc)}</desc><style>text{font:11px sans-serif;fill:#1f2933}.m{fill:#52606d}</style>`;
  rows.forEach((r, i) => {
    const y = PAD + i * BAR_H;
    const a = x(r.lowMean);
    const b = x(r.highMean);
    const mid = x(overall);
    out += `<text x="${LABEL_W - 6}" y="${y + BAR_H / 2 + 4}" text-anchor="end">${h(r.param)}</text>`;
    // The bottom third's bar (light) and the top third's (dark), each from the overall mean.
    out += `<rect x="${Math.min(a, mid)}" y="${y + 3}" width="${Math.max(1, Math.abs(a - mid))}" height="${BAR_H - 6}" fill="${OKABE_ITO.sky}" opacity="0.55"><title>${h(t('report.batch.lowThird', { value: fmt(locale, r.lowMean) }))}</title></rect>`;
    out += `<rect x="${Math.min(b, mid)}" y="${y + 3}" width="${Math.max(1, Math.abs(b - mid))}" height="${BAR_H - 6}" fill="${OKABE_ITO.blue}"><title>${h(t('report.batch.highThird', { value: fmt(locale, r.highMean) }))}</title></rect>`;
    out += `<text class="m" x="${LABEL_W + PLOT_W + 6}" y="${y + BAR_H / 2 + 4}">ρ ${fmt(locale, r.rho)}${r.beyondChance ? '' : ' *'}</text>`;
  });
  const mid = x(overall);
  const base = PAD + rows.length * BAR_H;
  out += `<line x1="${mid}" y1="${PAD - 2}" x2="${mid}" y2="${base + 2}" stroke="#1f2933" stroke-width="1"/>`;
  out += `<text class="m" x="${x(lo)}" y="${base + 15}">${h(fmt(locale, lo))}</text>`;
  out += `<text class="m" x="${mid}" y="${base + 15}" text-anchor="middle">${h(t('report.batch.allRuns', { value: fmt(locale, overall) }))}</text>`;
  out += `<text class="m" x="${x(hi)}" y="${base + 15}" text-anchor="end">${h(fmt(locale, hi))}</text>`;
  return out + '</svg>';
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table><thead><tr>${head.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The batch report as one HTML document. */
export function buildBatchReport(input: BatchReportInput): string {
  const { scenario, t, lang, locale, outcomes, sensitivity } = input;
  const sampled = input.paramSeed !== null;
  const n = input.seeds.length;
  const title = t('report.batch.title', { scenario: scenario.title[lang] });
  let body = `<section class="cover"><div class="kicker">${h(t('report.batch.kicker'))}</div><h1>${h(title)}</h1>`;
  body += `<p class="lede">${h(t(sampled ? 'report.batch.ledeSampled' : 'report.batch.ledeDice', { runs: n }))}</p>`;
  const meta: [string, string][] = [
    [t('report.batch.meta.scenario'), `${scenario.title[lang]} (${scenario.id})`],
    [t('report.batch.meta.policies'), input.policies.join(', ')],
    [t('report.batch.meta.seeds'), t('report.batch.meta.seedsValue', { n, first: input.seeds[0] ?? 0, last: input.seeds[n - 1] ?? 0 })],
    [t('report.batch.meta.turns'), String(input.turns)],
    [t('report.batch.meta.others'), t('report.batch.meta.othersValue', input.others)],
    [
      t('report.batch.meta.params'),
      sampled
        ? t('report.batch.meta.paramsSampled', { count: Object.keys(scenario.paramRanges).length, seed: input.paramSeed ?? 0 })
        : t('report.batch.meta.paramsFixed'),
    ],
    [t('report.batch.meta.version'), input.appVersion],
  ];
  body += `<dl class="meta">${meta.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl></section>`;

  body += `<h2>${h(t('report.batch.outcomes'))}</h2><p>${h(t('report.batch.outcomesNote'))}</p>`;
  const head = [h(t('report.batch.col.outcome')), ...input.policies.map((p) => h(p))];
  const rows = SUMMARY_METRICS.map(([label, field]) => [
    h(t(`report.batch.metric.${label}`)),
    ...input.policies.map((p) => {
      const xs = outcomes.filter((o) => o.policy === p).map((o) => o[field]);
      return `<span class="n">${h(fmt(locale, mean(xs)))}</span><br><span class="note">${h(t('report.batch.range', { p10: fmt(locale, quantile(xs, 0.1)), p90: fmt(locale, quantile(xs, 0.9)) }))}</span>`;
    }),
  ]);
  body += table(head, rows);

  if (sampled) {
    body += `<h2>${h(t('report.batch.sensitivity'))}</h2>`;
    body += `<p>${h(t('report.batch.sensitivityNote', { runs: n, threshold: fmt(locale, chanceThreshold(n, Object.keys(scenario.paramRanges).length)), count: Object.keys(scenario.paramRanges).length }))}</p>`;
    const shown = new Set<string>();
    for (const policy of input.policies) {
      body += `<h3>${h(t('report.batch.policy', { policy }))}</h3><p class="note">${h(t('report.batch.tornadoCaption'))}</p>`;
      for (const [label, field] of SENSITIVITY_METRICS) {
        const top = sensitivity.filter((r) => r.policy === policy && r.metric === label && r.rank <= TORNADO_BARS);
        if (!top.length) continue;
        top.forEach((r) => shown.add(r.param));
        const overall = mean(outcomes.filter((o) => o.policy === policy).map((o) => o[field]));
        const metric = t(`report.batch.metric.${label}`);
        body += `<figure><h4>${h(metric)}</h4>${tornadoSvg(top, overall, t('report.batch.tornadoTitle', { metric, policy }), t('report.batch.tornadoDesc', { metric }), locale, t)}</figure>`;
      }
    }
    body += `<h2>${h(t('report.batch.ranges'))}</h2><p>${h(t('report.batch.rangesNote'))}</p>`;
    const ranged = [...shown].sort().map((k) => {
      const r = scenario.paramRanges[k]!;
      const v = (scenario.params as Record<string, number>)[k] ?? NaN;
      return [`<span class="mono">${h(k)}</span>`, h(fmt(locale, v)), h(`${fmt(locale, r.low)} – ${fmt(locale, r.high)}`), h(r.reason)];
    });
    body += table(
      [h(t('report.batch.col.param')), h(t('report.batch.col.value')), h(t('report.batch.col.range')), h(t('report.batch.col.reason'))],
      ranged,
    );
  }
  const foot = t('report.batch.footer', { scenario: scenario.title[lang], version: input.appVersion });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${AAR_CSS.replace('var(--foot)', JSON.stringify(foot).replace(/</g, '\\3c '))}</style>
</head>
<body>
<main class="page">
${body}
<footer>${h(foot)}</footer>
</main>
</body>
</html>
`;
}
