/**
 * The after-action report: one self-contained HTML document (inline CSS, inline SVG charts, no
 * scripts, no external resources) for the debrief. It prints to PDF well (A4, page breaks, running
 * footers) and reads the same in the app, the web build and from the command line, in English or
 * Spanish. Every visible word comes from the catalogues through `t`.
 *
 * Contents: the scenario and settings; the summary and final assessment (scores, outcomes against
 * the start, totals); turning points (the largest changes and their causes); charts; a timeline of
 * turns; injects and overrides with the facilitator's reasons; each side's decisions and rationale
 * turn by turn; and an appendix with the log's hashes, so the report can be traced to its log.
 */
import {
  SIDES,
  regionName,
  totalCocaHa,
  type Decision,
  type GameEvent,
  type GameLog,
  type GameState,
  type Order,
  type Side,
  type SideOrders,
  type TurnRecord,
} from '../game';
import { formatNumber, type Lang, type TFunction } from '../i18n/catalogue';
import { incidents, displacements } from './turn-report';
import { AAR_CSS } from './aar-style';
import { OKABE_ITO, SIDE_COLOURS } from './series';
import { describeEvent, describeSeat, orderParts, parseSeatNote, seatOfGame } from './describe';
import { authorName, decisionLines } from './decision';
import { esc, lineChartSvg, smallMultiplesSvg, stackedChartSvg, type ChartMarker, type ChartSeries } from './charts';
import { findTurningPoints, type MetricUnit, type TurningPoint } from './turning-points';

export interface AarInput {
  log: GameLog;
  /** `states[0]` is the start, `states[i]` the state after turn i (`replay(log, { keepStates: true })`). */
  states: readonly GameState[];
  /** `events[i]` are turn i+1's events. */
  events: readonly (readonly GameEvent[])[];
  lang: Lang;
  t: TFunction;
  /** For number formatting (`LOCALE[lang]`). */
  locale: string;
  appVersion: string;
  /** Who the report is for (a seminar, a group); shown on the cover when given. */
  generatedFor?: string;
  /** The game's branches and rewinds (the facilitator's console), when it has more than one line of play. */
  branches?: AarBranches;
}

/** A line of play kept in the save: where it left its parent, how far it went, whether this report follows it. */
export interface AarBranch {
  name: string;
  /** The parent branch's name (null: the original line of play). */
  parent: string | null;
  /** The last quarter it shares with its parent (0: the start). */
  forkTurn: number;
  played: number;
  current: boolean;
}

export interface AarBranches {
  list: AarBranch[];
  /** Each rewind, in order: from which branch and quarter back to which quarter, into which branch. */
  rewinds: { from: string; fromTurn: number; toTurn: number; branch: string }[];
}

/** The report's sections, in order: their anchors and heading keys. */
export const AAR_SECTIONS = [
  { id: 'summary', key: 'report.section.summary' },
  { id: 'turning-points', key: 'report.section.turningPoints' },
  { id: 'charts', key: 'report.section.charts' },
  { id: 'timeline', key: 'report.section.timeline' },
  { id: 'injects', key: 'report.section.injects' },
  { id: 'decisions', key: 'report.section.decisions' },
  { id: 'appendix', key: 'report.section.appendix' },
] as const;

/** Everything the sections share: translation, number formats, the series. */
interface Ctx {
  t: TFunction;
  lang: Lang;
  locale: string;
  log: GameLog;
  states: readonly GameState[];
  events: readonly (readonly GameEvent[])[];
  history: readonly TurnRecord[];
  start: GameState;
  last: GameState;
  /** The facilitator's and the scenario's injects and the overrides, numbered as in the table. */
  inputs: FacilitatorItem[];
}

interface FacilitatorItem {
  n: number;
  turn: number;
  kind: 'scripted' | 'facilitator' | 'override' | 'note';
  what: string;
  where: string;
  details: string;
}

const h = (s: string) => esc(s);

/** Numbers as the catalogue formats them (grouped, sensible decimals). */
const num = (c: Ctx, n: number, digits?: number) =>
  digits === undefined ? formatNumber(c.lang, n) : formatNumber(c.lang, n, { maximumFractionDigits: digits, minimumFractionDigits: 0 });

const MINUS = '\u2212';

function signed(c: Ctx, n: number, digits?: number): string {
  const body = num(c, Math.abs(n), digits);
  if (body === num(c, 0, digits)) return body;
  return `${n < 0 ? MINUS : '+'}${body}`;
}

function pctChange(c: Ctx, from: number, to: number): string {
  if (!(Math.abs(from) > 1e-9)) return '';
  const p = (100 * (to - from)) / Math.abs(from);
  return c.t('report.pct', { n: signed(c, p, Math.abs(p) < 10 ? 1 : 0) });
}

/** A change with an arrow (▲ up, ▼ down): neutral, since good news for one side is bad for another. */
function changeText(c: Ctx, from: number, to: number, digits?: number): string {
  const d = to - from;
  const arrow = Math.abs(d) < 1e-9 ? '' : d > 0 ? '▲ ' : '▼ ';
  const pct = pctChange(c, from, to);
  return `<span class="chg">${h(arrow + signed(c, d, digits))}${pct ? ` (${h(pct)})` : ''}</span>`;
}

const when = (c: Ctx, turn: number): string => {
  const r = c.history[turn - 1];
  return r ? c.t('app.time.quarter', { q: r.quarter, year: String(r.year) }) : '';
};

const shortWhen = (r: Pick<TurnRecord, 'year' | 'quarter'>, t: TFunction) =>
  t('app.time.quarterShort', { q: r.quarter, year: String(r.year) });

type Unit = MetricUnit | 'musd' | 'count';

/** Decimals shown for a unit: whole hectares and people, tonnes to 0.1, prices by size. */
function digitsFor(unit: Unit, n: number): number {
  switch (unit) {
    case 't':
    case 'musd':
    case 'index':
      return 1;
    case 'usdPerKg':
      return Math.abs(n) < 10 ? 2 : 0;
    default:
      return 0;
  }
}

/** A number with its unit ("51,873 ha", "US$ 2.99/kg"), with the unit's decimals. */
function unitText(c: Ctx, unit: Unit, n: number): string {
  return c.t(`app.unit.${unit}`, { n: num(c, n, digitsFor(unit, n)) });
}

const sideName = (c: Ctx, side: Side) => c.t(`app.side.${side}`);

function chip(side: Side): string {
  return `<span class="chip ${side}" aria-hidden="true"></span>`;
}

/** A table; `cols` gives each column's class (`n` for numbers, right-aligned). */
function table(head: string[], rows: string[][], opts: { caption?: string; cols?: string[]; cls?: string } = {}): string {
  const cls = (i: number) => (opts.cols?.[i] ? ` class="${opts.cols[i]}"` : '');
  return (
    `<table${opts.cls ? ` class="${opts.cls}"` : ''}>${opts.caption ? `<caption>${h(opts.caption)}</caption>` : ''}` +
    `<thead><tr>${head.map((x, i) => `<th scope="col"${cls(i)}>${x}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((x, i) => `<td${cls(i)}>${x}</td>`).join('')}</tr>`).join('')}</tbody></table>`
  );
}

// --- Cover ---

function turnsOf(c: Ctx, side: Side): (SideOrders | undefined)[] {
  return c.log.entries.map((e) => e.input.orders.find((o) => o.side === side));
}

function cover(c: Ctx, appVersion: string, generatedFor?: string): string {
  const { t, log, history } = c;
  const sc = log.scenario;
  const played = log.entries.length;
  const first = c.start;
  const period = history.length
    ? t('report.cover.period', { from: t('app.time.quarter', { q: first.quarter, year: String(first.year) }), to: when(c, history.length) })
    : t('app.time.quarter', { q: first.quarter, year: String(first.year) });
  const status = c.last.status === 'ended' ? t('report.cover.ended') : t('report.cover.unfinished');
  const scripted = c.inputs.filter((i) => i.kind === 'scripted').length;
  const injects = c.inputs.filter((i) => i.kind === 'facilitator').length;
  const overrides = c.inputs.filter((i) => i.kind === 'override').length;
  const seats = SIDES.map(
    (s) => `${chip(s)}<strong>${h(sideName(c, s))}</strong> — ${h(describeSeat(t, seatOfGame(turnsOf(c, s)), s))}`,
  ).join('<br>');
  const rows: [string, string][] = [
    [t('report.cover.scenario'), `${h(sc.title[c.lang])} <span class="note mono">(${h(sc.id)})</span>`],
    [t('report.cover.periodLabel'), h(period)],
    [t('report.cover.turns'), h(t('report.cover.turnsValue', { played, total: log.turns, status }))],
    [t('report.cover.seed'), `<span class="mono">${h(String(log.seed))}</span>`],
    [t('report.cover.sides'), seats],
    [t('report.cover.inputs'), h(t('report.cover.inputsValue', { scripted, injects, overrides }))],
  ];
  if (generatedFor) rows.push([t('report.cover.for'), h(generatedFor)]);
  rows.push([t('report.cover.generated'), h(t('report.cover.generatedValue', { version: appVersion }))]);
  const toc = AAR_SECTIONS.map((s) => `<li><a href="#${s.id}">${h(t(s.key))}</a></li>`).join('');
  return `<header class="cover">
<div class="kicker">${h(t('report.kicker'))}</div>
<h1>${h(sc.title[c.lang])}</h1>
<p class="subtitle">${h(t('report.subtitle'))}</p>
<p class="lede">${h(sc.description[c.lang])}</p>
<dl class="meta">${rows.map(([k, v]) => `<dt>${h(k)}</dt><dd>${v}</dd>`).join('')}</dl>
<nav class="toc" aria-label="${h(t('report.contents'))}"><ol>${toc}</ol></nav>
</header>`;
}

// --- Summary and assessment ---

function startValues(s: GameState) {
  return {
    cocaHa: s.regions.reduce((a, r) => a + totalCocaHa(r), 0),
    fighters: s.regions.reduce((a, r) => a + r.insurgentFighters, 0),
    legitimacy: s.national.legitimacy * 100,
    usSupport: s.national.usSupport,
  };
}

function heading(c: Ctx, index: number): string {
  const s = AAR_SECTIONS[index]!;
  return `<h2 id="${s.id}"${index === 0 ? ' class="first"' : ''}><span class="num">${index + 1}</span>${h(c.t(s.key))}</h2>`;
}

function summary(c: Ctx, points: TurningPoint[]): string {
  const { t, history } = c;
  let out = heading(c, 0);
  const last = history[history.length - 1];
  const first = history[0];
  if (!last || !first) return `${out}<p>${h(t('report.none.turns'))}</p>`;
  const gains = SIDES.map((s) => last.scores[s] - first.scores[s]);
  const bestGain = Math.max(...gains);
  out += `<div class="cards">${SIDES.map(
    (s, i) =>
      `<div class="card ${s}"><div class="side"><span>${h(sideName(c, s))}</span></div>` +
      `<div class="score n">${h(num(c, last.scores[s], 1))}</div>` +
      `<div class="sub">${h(t('report.summary.scoreSub', { first: num(c, first.scores[s], 1), change: signed(c, gains[i]!, 1) }))}</div></div>`,
  ).join('')}</div>`;
  const sv = startValues(c.start);
  const sum = (f: (r: TurnRecord) => number) => history.reduce((a, r) => a + f(r), 0);
  const items: string[] = [];
  // Scores measure each side's own aims on its own scale: no "winner" unless the scenario sets victory conditions (it sets none).
  items.push(t('help.aar.scores'));
  if (history.length > 1) {
    const improved = SIDES.filter((_s, i) => gains[i] === bestGain);
    if (improved.length === 1 && bestGain > 0)
      items.push(t('report.summary.improved', { side: `@app.side.${improved[0]!}`, change: signed(c, bestGain, 1) }));
    else if (bestGain <= 0) items.push(t('report.summary.noneImproved'));
  }
  items.push(
    t('report.summary.coca', { from: num(c, sv.cocaHa, 0), to: num(c, last.cocaHa, 0), change: pctChange(c, sv.cocaHa, last.cocaHa) }),
  );
  items.push(
    t('report.summary.exports', {
      first: num(c, first.exportedT, 1),
      last: num(c, last.exportedT, 1),
      total: num(
        c,
        sum((r) => r.exportedT),
        0,
      ),
      seized: num(
        c,
        sum((r) => r.seizedT),
        0,
      ),
    }),
  );
  items.push(
    t('report.summary.killed', {
      security: num(
        c,
        sum((r) => r.securityForcesKilled),
      ),
      insurgents: num(
        c,
        sum((r) => r.insurgentsKilled),
      ),
      civilians: num(
        c,
        sum((r) => r.civiliansKilled),
      ),
    }),
  );
  items.push(
    t('report.summary.politics', {
      legFrom: num(c, sv.legitimacy, 0),
      legTo: num(c, last.legitimacy, 0),
      usFrom: num(c, sv.usSupport, 0),
      usTo: num(c, last.usSupport, 0),
    }),
  );
  items.push(t('report.summary.fighters', { from: num(c, sv.fighters, 0), to: num(c, last.insurgentFighters, 0) }));
  const shootdowns = sum((r) => r.mistakenShootdowns);
  if (shootdowns > 0) items.push(t('report.summary.shootdowns', { n: shootdowns }));
  const biggest = [...points].sort((a, b) => b.significance - a.significance)[0];
  if (biggest)
    items.push(
      t('report.summary.turningPoint', {
        metric: `@report.metric.${biggest.metric}`,
        turn: biggest.turn,
        when: when(c, biggest.turn),
        from: unitText(c, biggest.unit, biggest.from),
        to: unitText(c, biggest.unit, biggest.to),
      }),
    );
  out += `<h3>${h(t('report.summary.assessment'))}</h3><ul class="assessment">${items.map((x) => `<li>${h(x)}</li>`).join('')}</ul>`;

  const row = (label: string, unit: Unit, from: number, to: number) => [
    h(label),
    h(unitText(c, unit, from)),
    h(unitText(c, unit, to)),
    changeText(c, from, to, digitsFor(unit, Math.max(Math.abs(from), Math.abs(to)))),
  ];
  const killed = (r: TurnRecord) => r.securityForcesKilled + r.insurgentsKilled + r.civiliansKilled;
  const stocks = [
    row(t('report.metric.cocaHa'), 'ha', sv.cocaHa, last.cocaHa),
    row(t('report.metric.fighters'), 'people', sv.fighters, last.insurgentFighters),
    row(t('report.metric.legitimacy'), 'index', sv.legitimacy, last.legitimacy),
    row(t('report.metric.usSupport'), 'index', sv.usSupport, last.usSupport),
  ];
  const flows = [
    row(t('report.metric.exportedT'), 't', first.exportedT, last.exportedT),
    row(t('report.metric.seizedT'), 't', first.seizedT, last.seizedT),
    row(t('report.metric.leafPrice'), 'usdPerKg', first.leafPriceUsdPerKg, last.leafPriceUsdPerKg),
    row(t('report.metric.pbcPrice'), 'usdPerKg', first.pbcPriceUsdPerKg, last.pbcPriceUsdPerKg),
    row(t('report.metric.exportPrice'), 'usdPerKg', first.cocaineExportPriceUsdPerKg, last.cocaineExportPriceUsdPerKg),
    row(t('report.metric.clanRevenue'), 'musd', first.clanRevenueMusd, last.clanRevenueMusd),
    row(t('report.metric.killed'), 'people', killed(first), killed(last)),
  ];
  const num4 = ['', 'n', 'n', 'n'];
  out += `<h3>${h(t('report.summary.outcomes'))}</h3>`;
  out += table([h(t('report.col.measure')), h(t('report.col.start')), h(t('report.col.end')), h(t('report.col.change'))], stocks, {
    cols: num4,
    caption: t('report.summary.stocks'),
  });
  out += table(
    [
      h(t('report.col.measure')),
      h(t('report.col.firstQuarter', { when: shortWhen(first, t) })),
      h(t('report.col.lastQuarter', { when: shortWhen(last, t) })),
      h(t('report.col.change')),
    ],
    flows,
    { cols: num4, caption: t('report.summary.flows') },
  );
  const totals: [string, string][] = [
    [
      t('report.total.exported'),
      unitText(
        c,
        't',
        sum((r) => r.exportedT),
      ),
    ],
    [
      t('report.total.seized'),
      unitText(
        c,
        't',
        sum((r) => r.seizedT),
      ),
    ],
    [
      t('report.total.eradicated'),
      unitText(
        c,
        'ha',
        sum((r) => r.eradicatedHa),
      ),
    ],
    [
      t('report.total.flights'),
      t('report.total.flightsValue', { interdicted: sum((r) => r.flightsInterdicted), flights: sum((r) => r.narcoFlights) }),
    ],
    [t('report.total.shootdowns'), num(c, shootdowns)],
    [
      t('report.total.killed'),
      t('report.total.killedValue', {
        security: sum((r) => r.securityForcesKilled),
        insurgents: sum((r) => r.insurgentsKilled),
        civilians: sum((r) => r.civiliansKilled),
      }),
    ],
    [
      t('report.total.clanRevenue'),
      unitText(
        c,
        'musd',
        sum((r) => r.clanRevenueMusd),
      ),
    ],
    [
      t('report.total.insurgentRevenue'),
      unitText(
        c,
        'musd',
        sum((r) => r.insurgentRevenueMusd),
      ),
    ],
    [
      t('report.total.stateSpend'),
      unitText(
        c,
        'musd',
        sum((r) => r.stateSpendMusd),
      ),
    ],
  ];
  out += table(
    [h(t('report.col.total')), h(t('report.col.value'))],
    totals.map(([k, v]) => [h(k), h(v)]),
    { cols: ['', 'n'], cls: 'compact', caption: t('report.summary.totals', { n: history.length }) },
  );
  out += `<p class="note">${h(t('report.summary.scoresNote'))}</p>`;
  return out;
}

// --- Turning points ---

function turningPoints(c: Ctx, points: TurningPoint[]): string {
  const { t } = c;
  let out = `${heading(c, 1)}<p class="note">${h(t('report.tp.intro'))}</p>`;
  if (points.length === 0) return `${out}<p>${h(t('report.none.turningPoints'))}</p>`;
  out += `<ol class="tp">${points
    .map((p) => {
      const change = changeText(c, p.from, p.to, digitsFor(p.unit, Math.max(Math.abs(p.from), Math.abs(p.to))));
      return (
        `<li><div class="head"><span class="when">${h(t('report.tp.when', { turn: p.turn, when: when(c, p.turn) }))}</span>` +
        `${h(t(`report.metric.${p.metric}`))}: ${h(unitText(c, p.unit, p.from))} → ${h(unitText(c, p.unit, p.to))} ${change}</div>` +
        `<ul>${p.causes.map((cause) => `<li>${h(t(cause.key, cause.values))}</li>`).join('')}</ul></li>`
      );
    })
    .join('')}</ol>`;
  return out;
}

// --- Charts ---

function charts(c: Ctx): string {
  const { t, history, states } = c;
  let out = heading(c, 2);
  if (history.length === 0) return `${out}<p>${h(t('report.none.turns'))}</p>`;
  const xs = history.map((r) => shortWhen(r, t));
  const fmt = (n: number) => formatNumber(c.lang, n);
  let fig = 0;
  const figure = (title: string, svg: string, source?: string) =>
    `<figure><figcaption><span class="fn">${h(t('report.chart.figure', { n: ++fig }))}</span>${h(title)}</figcaption>${svg}${source ? `<div class="src">${h(source)}</div>` : ''}</figure>`;
  const markers: ChartMarker[] = c.inputs.map((i) => ({ index: i.turn - 1, label: String(i.n) }));
  const markerNote = markers.length ? t('report.chart.markers') : undefined;

  // Coca by region: the largest regions (by their peak), stacked, and each on its own.
  const withStart = states.map((s, i) => (i === 0 ? t('report.chart.start') : shortWhen(c.history[i - 1]!, t)));
  const ids = c.start.regions.map((r) => r.id);
  const byRegion = ids.map((id, k) => ({ id, values: states.map((s) => totalCocaHa(s.regions[k]!)) }));
  const ranked = [...byRegion]
    .sort((a, b) => Math.max(...b.values) - Math.max(...a.values) || a.id.localeCompare(b.id))
    .filter((r) => Math.max(...r.values) > 0);
  const palette: string[] = [
    OKABE_ITO.green,
    OKABE_ITO.blue,
    OKABE_ITO.orange,
    OKABE_ITO.purple,
    OKABE_ITO.sky,
    OKABE_ITO.vermillion,
    OKABE_ITO.yellow,
  ];
  const topN = ranked.slice(0, 6);
  const rest = ranked.slice(6);
  const stackSeries: ChartSeries[] = topN.map((r, i) => ({ id: r.id, label: regionName(r.id), colour: palette[i]!, values: r.values }));
  if (rest.length)
    stackSeries.push({
      id: 'other',
      label: t('report.chart.otherRegions', { n: rest.length }),
      colour: OKABE_ITO.grey,
      values: states.map((_s, i) => rest.reduce((a, r) => a + r.values[i]!, 0)),
    });
  out += figure(
    t('report.chart.cocaByRegion'),
    stackedChartSvg({
      title: t('report.chart.cocaByRegion'),
      desc: t('report.chart.cocaByRegionDesc'),
      xLabels: withStart,
      unit: t('app.unitShort.ha'),
      format: fmt,
      series: stackSeries,
      mode: 'area',
      height: 280,
    }),
  );
  out += figure(
    t('report.chart.cocaSmall', { n: Math.min(9, ranked.length) }),
    smallMultiplesSvg({
      title: t('report.chart.cocaSmall', { n: Math.min(9, ranked.length) }),
      desc: t('report.chart.cocaSmallDesc'),
      xLabels: withStart,
      unit: t('app.unitShort.ha'),
      format: fmt,
      panels: ranked.slice(0, 9).map((r) => ({ title: regionName(r.id), colour: OKABE_ITO.green, values: r.values })),
      columns: 3,
      sharedScale: true,
      panelHeight: 110,
    }),
    t('report.chart.sharedScale'),
  );

  // Prices along the chain, each on its own scale.
  out += figure(
    t('report.chart.prices'),
    smallMultiplesSvg({
      title: t('report.chart.prices'),
      desc: t('report.chart.pricesDesc'),
      xLabels: xs,
      unit: t('app.unitShort.usdPerKg'),
      format: fmt,
      columns: 3,
      sharedScale: false,
      panelHeight: 130,
      panels: [
        { title: t('report.chart.leaf'), colour: OKABE_ITO.green, values: history.map((r) => r.leafPriceUsdPerKg) },
        { title: t('report.chart.pbc'), colour: OKABE_ITO.orange, values: history.map((r) => r.pbcPriceUsdPerKg) },
        { title: t('report.chart.export'), colour: OKABE_ITO.vermillion, values: history.map((r) => r.cocaineExportPriceUsdPerKg) },
      ],
    }),
    t('report.chart.pricesNote'),
  );

  out += figure(
    t('report.chart.exports'),
    stackedChartSvg({
      title: t('report.chart.exports'),
      desc: t('report.chart.exportsDesc'),
      xLabels: xs,
      unit: t('app.unitShort.t'),
      format: fmt,
      mode: 'area',
      markers,
      series: [
        { id: 'air', label: t('app.series.exportAirT'), colour: OKABE_ITO.sky, values: history.map((r) => r.exportAirT) },
        { id: 'sea', label: t('app.series.exportSeaT'), colour: OKABE_ITO.blue, values: history.map((r) => r.exportSeaT) },
        { id: 'river', label: t('app.series.exportRiverT'), colour: OKABE_ITO.green, values: history.map((r) => r.exportRiverT) },
        { id: 'land', label: t('app.series.exportLandT'), colour: OKABE_ITO.orange, values: history.map((r) => r.exportLandT) },
      ],
      lines: [
        { id: 'seized', label: t('app.series.seizedT'), colour: OKABE_ITO.vermillion, dash: '5 3', values: history.map((r) => r.seizedT) },
      ],
    }),
    markerNote,
  );

  out += figure(
    t('report.chart.violence'),
    stackedChartSvg({
      title: t('report.chart.violence'),
      desc: t('report.chart.violenceDesc'),
      xLabels: xs,
      unit: t('app.unitShort.people'),
      format: fmt,
      mode: 'bars',
      markers,
      series: [
        {
          id: 'security',
          label: t('app.series.securityForcesKilled'),
          colour: OKABE_ITO.sky,
          values: history.map((r) => r.securityForcesKilled),
        },
        {
          id: 'insurgents',
          label: t('app.series.insurgentsKilled'),
          colour: OKABE_ITO.purple,
          values: history.map((r) => r.insurgentsKilled),
        },
        {
          id: 'civilians',
          label: t('app.series.civiliansKilled'),
          colour: OKABE_ITO.yellow,
          values: history.map((r) => r.civiliansKilled),
        },
      ],
    }),
    markerNote,
  );

  out += figure(
    t('report.chart.legitimacy'),
    lineChartSvg({
      title: t('report.chart.legitimacy'),
      desc: t('report.chart.legitimacyDesc'),
      xLabels: xs,
      unit: t('app.unitShort.index'),
      format: fmt,
      yRange: [0, 100],
      markers,
      series: [
        { id: 'legitimacy', label: t('app.series.legitimacy'), colour: OKABE_ITO.blue, values: history.map((r) => r.legitimacy) },
        {
          id: 'usSupport',
          label: t('app.series.usSupport'),
          colour: OKABE_ITO.orange,
          dash: '7 4',
          values: history.map((r) => r.usSupport),
        },
      ],
    }),
    markerNote,
  );

  out += figure(
    t('report.chart.scores'),
    lineChartSvg({
      title: t('report.chart.scores'),
      desc: t('report.chart.scoresDesc'),
      xLabels: xs,
      unit: t('app.unitShort.index'),
      format: fmt,
      yRange: [0, 100],
      series: [
        { id: 'state', label: sideName(c, 'state'), colour: SIDE_COLOURS.state, values: history.map((r) => r.scores.state) },
        { id: 'clans', label: sideName(c, 'clans'), colour: SIDE_COLOURS.clans, dash: '8 3', values: history.map((r) => r.scores.clans) },
        {
          id: 'insurgents',
          label: sideName(c, 'insurgents'),
          colour: SIDE_COLOURS.insurgents,
          dash: '3 3',
          values: history.map((r) => r.scores.insurgents),
        },
      ],
    }),
  );
  return out;
}

// --- Timeline ---

function tags(c: Ctx, turn: number): string[] {
  const { t } = c;
  const ev = c.events[turn - 1] ?? [];
  const out: string[] = [];
  for (const i of c.inputs.filter((x) => x.turn === turn)) out.push(`${i.n}. ${i.what}`);
  const radar: string[] = [];
  for (const e of ev) {
    if (e.type === 'civilianAircraftShotDown') out.push(t('report.tag.shootdown', { region: regionName(e.region) }));
    else if (e.type === 'interdictionLawPassed') out.push(t('report.tag.lawPassed'));
    else if (e.type === 'interdictionLawProposed') out.push(t('report.tag.lawProposed'));
    else if (e.type === 'leaderKilled' || e.type === 'leaderCaptured')
      out.push(
        t(e.type === 'leaderKilled' ? 'report.tag.leaderKilled' : 'report.tag.leaderCaptured', {
          name: e.name,
          region: regionName(e.region),
        }),
      );
    else if (e.type === 'clanBossArrested') out.push(t('report.tag.clanBoss', { region: regionName(e.region) }));
    else if (e.type === 'controlChanged') out.push(t('report.tag.control', { region: regionName(e.region), to: `@app.control.${e.to}` }));
    else if (e.type === 'radarOnline') radar.push(regionName(e.region));
    else if (e.type === 'usSupportChanged' && e.cause !== 'drift' && Math.round(e.from) !== Math.round(e.to))
      out.push(t('report.tag.usSupport', { from: Math.round(e.from), to: Math.round(e.to) }));
  }
  if (radar.length) out.push(t('report.tag.radar', { regions: radar.join(', ') }));
  return out;
}

function timeline(c: Ctx): string {
  const { t, history } = c;
  let out = heading(c, 3);
  if (history.length === 0) return `${out}<p>${h(t('report.none.turns'))}</p>`;
  const head = [
    t('report.col.turn'),
    t('report.col.coca'),
    t('report.col.exported'),
    t('report.col.seized'),
    t('report.col.leaf'),
    t('report.col.flights'),
    t('report.col.legitimacy'),
    t('report.col.usSupport'),
    t('report.col.fighters'),
    t('report.col.killed'),
    t('report.col.scores'),
    t('report.col.happened'),
  ].map(h);
  const rows = history.map((r) => [
    `<strong>${h(num(c, r.turn))}</strong><br><span class="note">${h(shortWhen(r, t))}</span>`,
    h(num(c, r.cocaHa, 0)),
    h(num(c, r.exportedT, 1)),
    h(num(c, r.seizedT, 1)),
    h(num(c, r.leafPriceUsdPerKg, 2)),
    h(t('report.col.flightsValue', { interdicted: r.flightsInterdicted, flights: r.narcoFlights })),
    h(num(c, r.legitimacy, 0)),
    h(num(c, r.usSupport, 0)),
    h(num(c, r.insurgentFighters, 0)),
    h(num(c, r.securityForcesKilled + r.insurgentsKilled + r.civiliansKilled, 0)),
    SIDES.map((s) => `<span title="${h(sideName(c, s))}">${chip(s)}${h(num(c, r.scores[s], 0))}</span>`).join(' '),
    h(tags(c, r.turn).join(' · ')),
  ]);
  out += `<p class="note">${h(t('report.timeline.intro'))}</p>`;
  out += table(head, rows, { cols: ['', 'n', 'n', 'n', 'n', 'n', 'n', 'n', 'n', 'n', 'sc', 'tags'], cls: 'tl' });
  return `<section class="wide">${out}</section>`;
}

// --- Injects and overrides ---

function facilitatorItems(c: Ctx): FacilitatorItem[] {
  const { t } = c;
  const out: FacilitatorItem[] = [];
  c.events.forEach((ev, i) => {
    const turn = i + 1;
    for (const e of ev) {
      if (e.type === 'injectApplied') {
        // Scheduled or triggered by the MSEL, or fired by the facilitator (the event says which).
        const isScripted = e.reason !== 'facilitator';
        const follow = ev
          .filter(
            (x) =>
              x.type === 'usSupportChanged' && (x.cause === 'inject' || x.cause === 'shootdown') && Math.round(x.from) !== Math.round(x.to),
          )
          .map((x) => describeEvent(t, x));
        const why = t(`events.injectReason.${e.reason}`);
        out.push({
          n: 0,
          turn,
          kind: isScripted ? 'scripted' : 'facilitator',
          what: e.title[c.lang],
          where: e.region ? regionName(e.region) : t('app.national'),
          details: [why, ...follow].join(' · '),
        });
      } else if (e.type === 'facilitatorNoted') {
        out.push({
          n: 0,
          turn,
          kind: 'note',
          what: t(`events.notePhase.${e.phase}`),
          where: '',
          details: t('report.injects.noteDetails', { turn: e.noteTurn, text: e.text }),
        });
      } else if (e.type === 'overrideApplied') {
        out.push({
          n: 0,
          turn,
          kind: 'override',
          what: t(`app.overrideTarget.${e.target}`),
          where: e.region ? regionName(e.region) : t('app.national'),
          details: t('report.injects.overrideDetails', { from: e.from, to: e.to, reason: e.reason }),
        });
      }
    }
  });
  out.forEach((x, i) => {
    x.n = i + 1;
  });
  return out;
}

/** Branch points: every line of play in the save and every rewind (the report follows one branch). */
function branchPoints(c: Ctx, b: AarBranches | undefined): string {
  if (!b || (b.list.length < 2 && b.rewinds.length === 0)) return '';
  const { t } = c;
  const current = b.list.find((x) => x.current);
  let out = `<h3 id="branches">${h(t('console.aar.title'))}</h3>`;
  out += `<p class="note">${h(t('console.aar.intro', { branch: current?.name ?? '?' }))}</p>`;
  out += table(
    [t('console.aar.colBranch'), t('console.aar.colFrom'), t('console.aar.colPlayed'), t('console.aar.colThis')].map(h),
    b.list.map((x) => [
      h(x.name),
      h(x.parent === null ? t('console.branches.root') : t('console.branches.forked', { parent: x.parent, turn: x.forkTurn })),
      h(num(c, x.played)),
      h(x.current ? t('console.aar.thisReport') : ''),
    ]),
  );
  if (b.rewinds.length) {
    out += `<ul>${b.rewinds.map((r) => `<li>${h(t('console.branches.rewindLine', { from: r.from, fromTurn: r.fromTurn, toTurn: r.toTurn, branch: r.branch }))}</li>`).join('')}</ul>`;
  }
  return out;
}

function injects(c: Ctx, branches?: AarBranches): string {
  const { t } = c;
  let out = `${heading(c, 4)}<p class="note">${h(t('report.injects.intro'))}</p>`;
  if (c.inputs.length === 0) return `${out}<p>${h(t('report.none.injects'))}</p>${branchPoints(c, branches)}`;
  const kind = (k: FacilitatorItem['kind']) =>
    k === 'scripted'
      ? t('report.injects.scripted')
      : k === 'facilitator'
        ? t('report.injects.facilitator')
        : k === 'note'
          ? t('report.injects.note')
          : t('report.injects.override');
  out += table(
    [
      t('report.col.number'),
      t('report.col.turn'),
      t('report.col.kind'),
      t('report.col.what'),
      t('report.col.where'),
      t('report.col.details'),
    ].map(h),
    c.inputs.map((i) => [
      h(String(i.n)),
      h(`${num(c, i.turn)} · ${when(c, i.turn)}`),
      h(kind(i.kind)),
      h(i.what),
      h(i.where),
      h(i.details),
    ]),
    { cols: ['n'] },
  );
  return out + branchPoints(c, branches);
}

// --- Decisions ---

function ordersList(t: TFunction, orders: readonly Order[]): string {
  const groups = new Map<string, { label: string; items: string[] }>();
  for (const o of orders) {
    const p = orderParts(t, o);
    const g = groups.get(o.kind) ?? { label: p.label, items: [] };
    groups.set(o.kind, g);
    g.items.push(p.target && p.amount ? t('report.order.item', { target: p.target, amount: p.amount }) : p.target || p.amount);
  }
  return `<ul class="orders">${[...groups.values()]
    .map((g) => {
      const items = g.items.filter((x) => x !== '');
      return `<li><span class="k">${h(g.label)}</span>${items.length ? `: ${h(items.join(' · '))}` : ''}</li>`;
    })
    .join('')}</ul>`;
}

function rationale(t: TFunction, note: string): string {
  if (!note.trim()) return `<p class="note">${h(t('report.decisions.noNote'))}</p>`;
  const parsed = parseSeatNote(note);
  if (!parsed) return `<blockquote class="rationale">${h(note.trim())}</blockquote>`;
  const reasons = parsed.reasons.map((r) => `<li>${h(t(r.key, r.values))}</li>`).join('');
  return (reasons ? `<ul class="reasons">${reasons}</ul>` : '') + (parsed.extra ? `<p class="note">${h(parsed.extra)}</p>` : '');
}

function happened(c: Ctx, turn: number): string[] {
  const { t } = c;
  const ev = c.events[turn - 1] ?? [];
  const out: string[] = [];
  const notable = new Set([
    'injectApplied',
    'overrideApplied',
    'civilianAircraftShotDown',
    'usSupportChanged',
    'interdictionLawPassed',
    'interdictionLawProposed',
    'controlChanged',
    'radarOnline',
    'leaderKilled',
    'leaderCaptured',
    'clanBossArrested',
  ]);
  for (const e of ev) {
    if (!notable.has(e.type)) continue;
    if (e.type === 'usSupportChanged' && (e.cause === 'drift' || Math.round(e.from) === Math.round(e.to))) continue;
    out.push(describeEvent(t, e));
  }
  for (const line of incidents(ev, regionName)
    .filter((x) => !notable.has(x.type))
    .slice(0, 4))
    out.push(t(line.key, line.values));
  const moved = displacements([...ev])[0];
  if (moved) out.push(t('app.report.moved', { ha: Math.round(moved.ha), from: regionName(moved.from), to: regionName(moved.to) }));
  return out.slice(0, 10);
}

/** A computer's decision (or the advice people applied): the plan, what drove it, what the orders do, the alternatives. */
function decisionBlock(t: TFunction, side: Side, d: Decision): string {
  const l = decisionLines(t, side, d);
  const list = (label: string, items: string[]) =>
    items.length ? `<div class="lbl">${h(label)}</div><ul class="reasons">${items.map((x) => `<li>${h(x)}</li>`).join('')}</ul>` : '';
  return (
    `<p class="plan">${h(l.headline)}</p>` +
    (l.expects ? `<p class="note">${h(l.expects)}</p>` : '') +
    list(t('report.decisions.drivers'), l.drivers) +
    list(t('report.decisions.reasons'), l.reasons) +
    list(t('report.decisions.alternatives'), l.alternatives) +
    (l.search ? `<p class="note">${h(l.search)}</p>` : '')
  );
}

/** One side's box for one turn: who decided, and why (their note, or the computer's decision), then the orders. */
function sideBox(c: Ctx, side: Side, given: readonly SideOrders[]): string {
  const { t } = c;
  const orders = given.flatMap((o) => o.orders);
  const note = given
    .map((o) => o.note ?? '')
    .filter((n) => n.trim() !== '')
    .join('\n\n');
  const author = given.find((o) => o.author)?.author;
  let why: string;
  if (author && author.kind !== 'human') {
    why = `<div class="seat">${h(authorName(t, side, author))}</div>${decisionBlock(t, side, author.decision)}`;
  } else if (author) {
    why =
      (author.advice ? `<div class="seat">${h(authorName(t, side, author))}</div>` : '') +
      `<div class="lbl">${h(t('report.decisions.rationale'))}</div>${rationale(t, note)}` +
      (author.advice
        ? `<div class="lbl">${h(t(author.advice.applied === 'seen' ? 'advisor.report.seen' : 'report.decisions.advice'))}</div>${decisionBlock(t, side, author.advice.decision)}`
        : '');
  } else {
    // A log written before decisions were recorded: the command line's seats wrote their reasons in the note.
    const seat = seatOfGame([{ note }]);
    why =
      (seat.kind === 'bot' || seat.kind === 'policy' ? `<div class="seat">${h(describeSeat(t, seat, side))}</div>` : '') +
      `<div class="lbl">${h(t('report.decisions.rationale'))}</div>${rationale(t, note)}`;
  }
  return (
    `<div class="sidebox ${side}"><h4>${h(sideName(c, side))}</h4>${why}` +
    `<div class="lbl">${h(t('report.decisions.orders'))}</div>` +
    (orders.length ? ordersList(t, orders) : `<p class="note">${h(t('report.decisions.noOrders'))}</p>`) +
    '</div>'
  );
}

function decisions(c: Ctx): string {
  const { t, log } = c;
  let out = `${heading(c, 5)}<p class="note">${h(t('report.decisions.intro'))}</p>`;
  if (log.entries.length === 0) return `${out}<p>${h(t('report.none.turns'))}</p>`;
  for (const entry of log.entries) {
    const boxes = SIDES.map((side) =>
      sideBox(
        c,
        side,
        entry.input.orders.filter((o) => o.side === side),
      ),
    ).join('');
    const what = happened(c, entry.turn);
    out +=
      `<section class="turn"><h3>${h(t('report.decisions.turn', { turn: entry.turn }))} <span class="when">· ${h(when(c, entry.turn))}</span></h3>` +
      `<div class="sides">${boxes}</div>` +
      (what.length
        ? `<div class="happened"><strong>${h(t('report.decisions.happened'))}</strong><ul>${what.map((x) => `<li>${h(x)}</li>`).join('')}</ul></div>`
        : '') +
      '</section>';
  }
  return out;
}

// --- Appendix ---

function appendix(c: Ctx, appVersion: string): string {
  const { t, log } = c;
  let out = `${heading(c, 6)}<p>${h(t('report.appendix.intro'))}</p>`;
  const rows: [string, string][] = [
    [t('report.appendix.scenarioId'), log.scenarioId],
    [t('report.appendix.scenarioHash'), log.scenarioHash],
    [t('report.appendix.seed'), String(log.seed)],
    [t('report.appendix.format'), `${log.format} v${log.version}`],
    [
      t('report.appendix.turns'),
      t('report.cover.turnsValue', {
        played: log.entries.length,
        total: log.turns,
        status: c.last.status === 'ended' ? t('report.cover.ended') : t('report.cover.unfinished'),
      }),
    ],
    [t('report.appendix.finalHash'), log.finalHash],
    [t('report.appendix.version'), appVersion],
  ];
  out += table(
    [h(t('report.col.item')), h(t('report.col.value'))],
    rows.map(([k, v]) => [h(k), `<span class="mono">${h(v)}</span>`]),
  );
  out += `<p>${h(t('report.appendix.verify'))}</p><p class="mono">npm run cordillera -- replay log.json</p>`;
  if (log.entries.length) {
    out += `<h3>${h(t('report.appendix.turnHashes'))}</h3><div class="hashes mono">${log.entries.map((e) => `<div>${h(t('report.appendix.turnHash', { turn: e.turn }))} ${h(e.hash)}</div>`).join('')}</div>`;
  }
  out += `<h3>${h(t('report.appendix.sources'))}</h3><ul class="note">${log.scenario.sources.map((s) => `<li>${h(s)}</li>`).join('')}</ul>`;
  return out;
}

/** The after-action report as one HTML document. */
export function buildAar(input: AarInput): string {
  const { log, states, events, t, lang, locale } = input;
  const start = states[0];
  const last = states[states.length - 1];
  if (!start || !last) throw new Error('buildAar needs the states of the game (replay(log, { keepStates: true }))');
  const c: Ctx = { t, lang, locale, log, states, events, history: last.history, start, last, inputs: [] };
  c.inputs = facilitatorItems(c);
  const points = findTurningPoints({ log, states, events });
  const title = t('report.docTitle', { scenario: log.scenario.title[lang] });
  const foot = t('report.footer', { scenario: log.scenario.title[lang], seed: String(log.seed), hash: log.finalHash });
  const body = [
    cover(c, input.appVersion, input.generatedFor),
    summary(c, points),
    turningPoints(c, points),
    charts(c),
    timeline(c),
    injects(c, input.branches),
    decisions(c),
    appendix(c, input.appVersion),
  ].join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Cordillera ${h(input.appVersion)}">
<title>${h(title)}</title>
<style>${AAR_CSS.replace('var(--foot)', JSON.stringify(foot).replace(/</g, '\\3c '))}</style>
</head>
<body>
<main class="page">
${body}
<footer>${h(foot)} · ${h(t('report.cover.generatedValue', { version: input.appVersion }))}</footer>
</main>
</body>
</html>
`;
}
