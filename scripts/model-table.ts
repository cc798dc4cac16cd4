/**
 * The generated tables of docs/model.md:
 * - between `<!-- model-table:start/end -->`, "model vs public figure": the baseline scenario with
 *   every seat on its status-quo policy, seeds 1–20, against the public figures in
 *   shared/data/peru-baseline.md for the first simulated year (turns 1–4 = 2016) and, where a 2017
 *   figure exists, the second (turns 5–8). Mean and 10–90% range across seeds.
 * - between `<!-- param-table:start/end -->`, every parameter of the baseline scenario with its
 *   value, where it enters the model and its source (`paramSources`), so the document cannot
 *   drift from the data.
 *
 *   npx tsx scripts/model-table.ts           rewrite both tables
 *   npx tsx scripts/model-table.ts --check   exit 1 if either table in the file is out of date
 *
 * Deterministic: the same engine and scenario give the same tables, byte for byte.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findScenario,
  MAP,
  mean,
  POLICIES,
  quantile,
  scenarioHash,
  totalCocaHa,
  type GameState,
  type Params,
  type Scenario,
} from '../game/index';
import { DEFAULT_SEAT, playGame, type Seat } from '../cli/play';

const MARKERS = {
  model: ['<!-- model-table:start -->', '<!-- model-table:end -->'],
  years: ['<!-- years-table:start -->', '<!-- years-table:end -->'],
  policies: ['<!-- policy-table:start -->', '<!-- policy-table:end -->'],
  params: ['<!-- param-table:start -->', '<!-- param-table:end -->'],
  airbridge: ['<!-- airbridge-table:start -->', '<!-- airbridge-table:end -->'],
} as const;
const SEEDS = Array.from({ length: 20 }, (_x, i) => i + 1);
const YEARS = 5;
const POLICY_YEARS = 3;
const DOC = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'model.md');

interface Row {
  label: string;
  /** One value per seed. */
  values: number[];
  /** Public figure as text, and the range it stands for (for the deviation column). */
  publicText: string;
  publicRange: [number, number] | null;
  format: (x: number) => string;
  note: string;
}

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const dec = (d: number) => (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const scenarioOf = (): Scenario => {
  const scenario = findScenario('interdiction-2016');
  if (!scenario) throw new Error('the baseline scenario interdiction-2016 is missing');
  return scenario;
};
const VRAEM = new Float64Array(MAP.regions.length);
for (const m of MAP.zones.find((z) => z.id === 'vraem')?.members ?? [])
  VRAEM[MAP.regions.findIndex((r) => r.id === m.region)] = m.cocaShare;
const REGION = new Map(MAP.regions.map((r, i) => [r.id, i]));

/** Every seed's game under a State policy (the other sides on their status-quo policies): the state after each turn. */
function games(scenario: Scenario, statePolicy: string, turns: number): GameState[][] {
  const seat: Seat = { kind: 'policy', name: statePolicy };
  return SEEDS.map((seed) => {
    const states: GameState[] = [];
    playGame({ scenario, seed, turns, seats: { state: seat, clans: DEFAULT_SEAT, insurgents: DEFAULT_SEAT } }, (s) => states.push(s));
    return states;
  });
}

const rec = (s: GameState) => s.history[s.history.length - 1]!;
/** Year `y` (0 = the first simulated year): the flow `f` summed over its four quarters. */
const yearSum = (run: GameState[], y: number, f: (s: GameState) => number) => run.slice(4 * y, 4 * y + 4).reduce((a, s) => a + f(s), 0);
const yearEnd = (run: GameState[], y: number) => run[4 * y + 3]!;
/** Leaf-weighted farm-gate price over a year, optionally over the VRAEM only. */
function leafPrice(run: GameState[], y: number, vraemOnly = false): number {
  let w = 0;
  let v = 0;
  for (const s of run.slice(4 * y, 4 * y + 4)) {
    s.regions.forEach((r, i) => {
      const k = (vraemOnly ? VRAEM[i]! : 1) * r.flow.leafT;
      w += k;
      v += k * r.leafPriceUsdPerKg;
    });
  }
  return w > 0 ? v / w : 0;
}
const vraemHa = (s: GameState) => s.regions.reduce((a, r, i) => a + VRAEM[i]! * totalCocaHa(r), 0);
const share = (s: GameState, id: string) => totalCocaHa(s.regions[REGION.get(id)!]!) / rec(s).cocaHa;

function collect(runs: GameState[][]): Row[] {
  const per = new Map<string, number[]>();
  const put = (k: string, v: number) => per.set(k, [...(per.get(k) ?? []), v]);
  for (const states of runs) {
    const h = states.map(rec);
    const y1 = h.slice(0, 4);
    const sum = (rs: typeof h, f: (r: (typeof h)[number]) => number) => rs.reduce((a, r) => a + f(r), 0);
    let vLeaf = 0;
    let leaf = 0;
    for (const s of states.slice(0, 4)) {
      s.regions.forEach((r, i) => {
        vLeaf += VRAEM[i]! * r.flow.leafT;
        leaf += r.flow.leafT;
      });
    }
    const leafT = sum(y1, (r) => r.leafT);
    const exported = sum(y1, (r) => r.exportedT);
    put('leafT', leafT);
    put('yield', leafT / mean(y1.map((r) => r.cocaHa)));
    put('vraemLeaf', vLeaf / leaf);
    put('vraemHa', vraemHa(states[3]!) / h[3]!.cocaHa);
    put('pbcPrice', mean(y1.map((r) => r.pbcPriceUsdPerKg)));
    put('exportPrice', sum(y1, (r) => r.cocaineExportPriceUsdPerKg * r.exportedT) / exported);
    put('flightsPerDay', sum(y1, (r) => r.narcoFlights) / 366);
    put(
      'seized',
      sum(y1, (r) => r.seizedT),
    );
    put('seizedShare', sum(y1, (r) => r.seizedT) / sum(y1, (r) => r.cocainePotentialT));
  }
  const v = (k: string) => per.get(k)!;
  return [
    {
      label: 'Leaf output, 2016 (t)',
      values: v('leafT'),
      publicText: '105,960',
      publicRange: [105_960, 105_960],
      format: int,
      note: 'UNODC/DEVIDA 2016, sun-dried leaf incl. ~10,900 t for licit use',
    },
    {
      label: 'National leaf yield (t/ha/yr)',
      values: v('yield'),
      publicText: '2.39–2.42',
      publicRange: [2.39, 2.42],
      format: dec(2),
      note: 'UNODC 2015–2016 surveys; model: leaf ÷ mean area incl. young plantings',
    },
    {
      label: 'VRAEM share of leaf',
      values: v('vraemLeaf'),
      publicText: '~67–69%',
      publicRange: [0.67, 0.69],
      format: pct,
      note: 'zone cocaShare × department leaf (see limitation 1)',
    },
    {
      label: 'VRAEM share of area, end of 2016',
      values: v('vraemHa'),
      publicText: '~46%',
      publicRange: [0.44, 0.48],
      format: pct,
      note: 'VRAEM ~20,350 ha of 43,900 (UNODC: +11% in 2016 on 18,333 ha)',
    },
    {
      label: 'PBC price in the zone (US$/kg)',
      values: v('pbcPrice'),
      publicText: '847',
      publicRange: [800, 900],
      format: int,
      note: 'UNODC 2016 fact sheet (2015: 745)',
    },
    {
      label: 'Cocaine price at the exits (US$/kg)',
      values: v('exportPrice'),
      publicText: '1,500–2,000 (Bolivia) / ~4,000 (Lima)',
      publicRange: null,
      format: int,
      note: 'export-weighted',
    },
    {
      label: 'Narco-flights per day, 2016',
      values: v('flightsPerDay'),
      publicText: '~4 (2015); 6–10 (seed)',
      publicRange: [4, 10],
      format: dec(1),
      note: 'DEVIDA: 4 a day to Dec 2015, ~150–350 kg each',
    },
    {
      label: 'Seizures, 2016 (t)',
      values: v('seized'),
      publicText: '~28 (PBC 14 + HCl 14)',
      publicRange: [28, 28],
      format: int,
      note: 'UNODC 2016 fact sheet; model incl. lab raids and air',
    },
    {
      label: 'Seizures ÷ potential production',
      values: v('seizedShare'),
      publicText: '~5–10%',
      publicRange: [0.05, 0.1],
      format: pct,
      note: 'DIRANDRO: 7–10% of national production',
    },
  ];
}

/** How far the mean is from the public figure's range, in percent of the range's nearer end. */
function deviation(x: number, range: [number, number] | null): string {
  if (!range) return '–';
  const [lo, hi] = range;
  if (x >= lo && x <= hi) return 'within';
  const ref = x < lo ? lo : hi;
  const d = ((x - ref) / ref) * 100;
  return `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(0)}%`;
}

function renderTable(runs: GameState[][], hash: string): string {
  const rows = collect(runs);
  const lines = [
    `Baseline \`interdiction-2016\` (scenario hash \`${hash}\`), every seat \`policy:status-quo\`, seeds ${SEEDS[0]}–${SEEDS[SEEDS.length - 1]};` +
      ' 2016 = turns 1–4. Generated by `npm run model-table`; do not edit by hand.',
    '',
    '| Quantity | Model mean | Model 10–90% | Public figure | Mean vs public | Note |',
    '|---|---:|---:|---|---:|---|',
  ];
  for (const r of rows) {
    const m = mean(r.values);
    lines.push(
      `| ${r.label} | ${r.format(m)} | ${r.format(quantile(r.values, 0.1))}–${r.format(quantile(r.values, 0.9))} | ${r.publicText} | ${deviation(m, r.publicRange)} | ${r.note} |`,
    );
  }
  return lines.join('\n');
}

/** A quantity followed year by year: one value per seed and year, and the record where there is one. */
interface YearRow {
  label: string;
  value: (run: GameState[], y: number) => number;
  format: (x: number) => string;
  /** Per year (2016 …): the public figure as text, and whether the parameters were fitted to it. */
  record: readonly ({ text: string; use: 'fit' | 'check' | 'compare' } | null)[];
}

const fit = (text: string) => ({ text, use: 'fit' as const });
const check = (text: string) => ({ text, use: 'check' as const });
const compare = (text: string) => ({ text, use: 'compare' as const });

/** Public figures 2016–2020 (docs/model.md §8 gives the sources). */
const YEAR_ROWS: YearRow[] = [
  {
    label: 'Coca area, end of year (ha)',
    value: (run, y) => rec(yearEnd(run, y)).cocaHa,
    format: int,
    record: [fit('43,900'), fit('49,900'), check('54,134'), check('54,655'), check('61,777 (COVID)')],
  },
  ...(['PE-CUS', 'PE-AYA', 'PE-PUN', 'PE-JUN', 'PE-LOR'] as const).map((id): YearRow => ({
    label: `${MAP.regions[REGION.get(id)!]!.name}: share of the area`,
    value: (run, y) => share(yearEnd(run, y), id),
    format: pct,
    record: (
      {
        'PE-CUS': [null, fit('34.6%'), check('30.0%'), check('28.6%'), check('22.2%')],
        'PE-AYA': [null, fit('25.9%'), check('26.4%'), check('28.9%'), check('28.8%')],
        'PE-PUN': [compare('10.4%'), fit('13.0%'), check('13.3%'), check('13.0%'), check('14.1%')],
        'PE-JUN': [null, fit('7.2%'), check('7.3%'), check('8.1%'), check('7.9%')],
        'PE-LOR': [null, fit('6.8%'), check('9.4%'), check('9.2%'), check('10.2%')],
      } as const
    )[id],
  })),
  {
    label: 'VRAEM: share of the area',
    value: (run, y) => vraemHa(yearEnd(run, y)) / rec(yearEnd(run, y)).cocaHa,
    format: pct,
    record: [compare('~46%'), compare('~43%'), check('44.5%'), check('47.6%'), check('45.3%')],
  },
  {
    label: 'Farm-gate leaf price (US$/kg)',
    value: (run, y) => leafPrice(run, y),
    format: dec(2),
    record: [compare('3.1 (weighted 2.2)'), null, null, null, compare('3.7 (Jan), 2.0 (Apr, COVID)')],
  },
  {
    label: 'VRAEM leaf price (US$/kg)',
    value: (run, y) => leafPrice(run, y, true),
    format: dec(2),
    record: [compare('~2.3 (early 2016)'), null, null, null, compare('3.3 (Jan), 1.2 (Apr)')],
  },
  {
    label: 'Narco-flights in the year',
    value: (run, y) => yearSum(run, y, (s) => rec(s).narcoFlights),
    format: int,
    record: [compare('~1,000–1,500'), null, null, null, null],
  },
  {
    label: 'Exports by air',
    value: (run, y) => yearSum(run, y, (s) => rec(s).exportAirT) / yearSum(run, y, (s) => rec(s).exportedT),
    format: pct,
    record: [fit('~56% (2014–16)'), null, null, null, null],
  },
  {
    label: 'Exports by sea',
    value: (run, y) => yearSum(run, y, (s) => rec(s).exportSeaT) / yearSum(run, y, (s) => rec(s).exportedT),
    format: pct,
    record: [fit('~38% (2014–16)'), null, null, null, null],
  },
  {
    label: 'Exports by land and river',
    value: (run, y) => yearSum(run, y, (s) => rec(s).exportLandT + rec(s).exportRiverT) / yearSum(run, y, (s) => rec(s).exportedT),
    format: pct,
    record: [fit('~6% (2014–16)'), null, null, null, null],
  },
  {
    label: 'Eradication in the year (ha)',
    value: (run, y) => yearSum(run, y, (s) => rec(s).eradicatedHa),
    format: int,
    record: [compare('30,151'), compare('22,885'), compare('≥14,000 (Jan–Jun)'), compare('25,526'), compare('6,273 (COVID)')],
  },
  {
    label: 'Insurgent fighters, end of year',
    value: (run, y) => rec(yearEnd(run, y)).insurgentFighters,
    format: int,
    record: [compare('~80 core (2014)'), null, null, compare('columns of ≥100 seen'), compare('123 armed of 417 (2021–22)')],
  },
  {
    label: 'Security forces killed in the year',
    value: (run, y) => yearSum(run, y, (s) => rec(s).securityForcesKilled),
    format: dec(1),
    record: [compare('≥7'), null, compare('≥6'), compare('≥3'), compare('≥4')],
  },
  {
    label: 'Colombia: coca area, end of year (ha)',
    value: (run, y) => yearEnd(run, y).world.producers.find((x) => x.id === 'colombia')?.cocaHa ?? 0,
    format: int,
    record: [compare('146,000 (start)'), check('171,000'), check('169,000'), check('154,000'), check('143,000')],
  },
  {
    label: 'Colombia: potential cocaine (t)',
    value: (run, y) => 4 * (yearEnd(run, y).world.producers.find((x) => x.id === 'colombia')?.outputT ?? 0),
    format: int,
    record: [compare('1,053'), check('1,058'), check('1,120'), check('1,137'), check('1,228')],
  },
];

function renderYears(
  runs: GameState[][],
  hash: string,
  opts: { id: string; seat: string; rows: readonly YearRow[]; years: number } = {
    id: 'interdiction-2016',
    seat: 'policy:status-quo',
    rows: YEAR_ROWS,
    years: YEARS,
  },
): string {
  const years = Array.from({ length: opts.years }, (_x, y) => rec(runs[0]![4 * y + 3]!).year);
  const lines = [
    `Scenario \`${opts.id}\` (scenario hash \`${hash}\`), the State on \`${opts.seat}\`, the clans and insurgents on \`policy:status-quo\`, seeds ${SEEDS[0]}–${SEEDS[SEEDS.length - 1]}.` +
      " Each cell: the model's mean and, under it, its 10–90% range across seeds; then the record, marked **fit** (the parameters were fitted to it)," +
      ' *check* (not fitted: the test of the model) or plain (a comparison, where the figure or the basis differs). Generated by `npm run model-table`; do not edit by hand.',
    '',
    `| Quantity | ${years.join(' | ')} |`,
    `|---|${years.map(() => '---:').join('|')}|`,
  ];
  for (const row of opts.rows) {
    const cells = years.map((_year, y) => {
      const values = runs.map((run) => row.value(run, y));
      const r = row.record[y];
      const record = !r ? '' : r.use === 'fit' ? ` · **${r.text}** fit` : r.use === 'check' ? ` · *${r.text}* check` : ` · ${r.text}`;
      return `${row.format(mean(values))} (${row.format(quantile(values, 0.1))}–${row.format(quantile(values, 0.9))})${record}`;
    });
    lines.push(`| ${row.label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

const colombiaHa = (run: GameState[], y: number) => yearEnd(run, y).world.producers.find((x) => x.id === 'colombia')?.cocaHa ?? 0;
/** airbridge-1995 against the record of 1995–2000 (research notes; sources in the scenario and docs/model.md §8b). */
const AIRBRIDGE_ROWS: YearRow[] = [
  {
    label: 'Coca area, end of year (ha)',
    value: (run, y) => rec(yearEnd(run, y)).cocaHa,
    format: int,
    record: [compare('115,300 (start of year)'), check('94,400'), check('68,800'), check('51,000'), check('38,700'), check('34,100')],
  },
  {
    label: 'Farm-gate leaf price (US$/kg)',
    value: (run, y) => leafPrice(run, y),
    format: dec(2),
    record: [
      check('~3 before May, −60% by Aug, trough ~0.4'),
      null,
      null,
      compare('recovering from mid-1998'),
      check('~2/3 of the 1995 high'),
      compare('low to May, ~doubled by Dec'),
    ],
  },
  {
    label: 'Narco-flights in the year',
    value: (run, y) => yearSum(run, y, (s) => rec(s).narcoFlights),
    format: int,
    record: [check('80–90% of potential flights deterred (IDA)'), null, null, null, null, null],
  },
  {
    label: 'Aircraft shot down',
    value: (run, y) => yearSum(run, y, (s) => rec(s).aircraftShotDown),
    format: dec(1),
    record: [check('7'), check('1'), check('5'), check('0'), check('0'), check('1')],
  },
  {
    label: 'Aircraft forced down or shot down',
    value: (run, y) => yearSum(run, y, (s) => rec(s).flightsInterdicted),
    format: dec(1),
    record: [compare('38 in 1995–2001 (15 shot down, 23 forced)'), null, null, null, null, null],
  },
  {
    label: 'Civilian aircraft shot down by mistake',
    value: (run, y) => yearSum(run, y, (s) => rec(s).mistakenShootdowns),
    format: dec(2),
    record: [check('0'), check('0'), check('0'), check('0'), check('0'), check('0 (1 on 20 Apr 2001)')],
  },
  {
    label: 'Exports by air',
    value: (run, y) => yearSum(run, y, (s) => rec(s).exportAirT) / yearSum(run, y, (s) => rec(s).exportedT),
    format: pct,
    record: [fit('~90% (1994, the start)'), null, null, null, null, compare('a minority by 2001 (>70% by sea)')],
  },
  {
    label: 'Potential cocaine (t)',
    value: (run, y) => yearSum(run, y, (s) => rec(s).cocainePotentialT),
    format: int,
    record: [compare('460 (US)'), null, null, compare('240 (US)'), compare('~175 (DEA)'), null],
  },
  {
    label: 'Insurgent fighters, end of year',
    value: (run, y) => rec(yearEnd(run, y)).insurgentFighters,
    format: int,
    record: [null, null, null, null, compare('three columns of 50–80 seen'), null],
  },
  {
    label: 'Colombia: coca area, end of year (ha)',
    value: colombiaHa,
    format: int,
    record: [
      compare('~51,000 (start)'),
      check('~69,100'),
      check('~76,100'),
      compare('~101,800 (unverified)'),
      compare('~122,500 (unverified)'),
      check('~135,300'),
    ],
  },
];

/** The mechanism behind each policy's difference from the status quo, in one line. */
const POLICY_MECHANISM: Record<string, string> = {
  'status-quo': 'the reference: eradication where CORAH worked, Law 30339 with force-down rules and one radar, nothing else new',
  'air-interdiction':
    "radars and trained pilots under shoot-down rules: a few shootdowns teach pilots and buyers a lethal risk, most refuse to fly, product crowds onto dearer ground routes, so the VRAEM's value per kilo and its leaf price fall and its coca stops growing; flights move to hubs outside radar cover; every engagement risks a mistaken shootdown",
  'eradication-surge':
    'eradication wherever police can escort it: most fields are replanted (the treadmill) and some move to the frontier, so the area falls little; less Peruvian supply raises world prices and Colombia plants more (the balloon abroad)',
  'vraem-offensive':
    "army and leadership targeting in the VRAEM: clashes and strikes cut the fighters and their leaders and sustained presence becomes the new normal; coca barely moves, because farmers' incomes do not change",
  airbridge:
    'the 1995 programme run as it was, from the first day (shoot-down rules before the crews are ready, radars kept at half cover): a quicker, rougher version of air interdiction, with more engagements at low readiness and so more mistakes',
  'development-first':
    'development where coca grows, eradication only where it has arrived: licit income rises on the farms programmes reach where the State is present (Cusco, Puno), not in the VRAEM, where part of the money is captured by the clans',
};

function renderPolicies(scenario: Scenario, hash: string): string {
  const y = POLICY_YEARS - 1;
  const names = Object.keys(POLICIES.state);
  const results = names.map((name) => ({ name, runs: games(scenario, name, 4 * POLICY_YEARS) }));
  const cols: { label: string; value: (run: GameState[]) => number; format: (x: number) => string }[] = [
    { label: 'VRAEM leaf price (US$/kg)', value: (run) => leafPrice(run, y, true), format: dec(2) },
    { label: 'Flights in year 3', value: (run) => yearSum(run, y, (s) => rec(s).narcoFlights), format: int },
    { label: 'Aircraft shot down (3 years)', value: (run) => run.reduce((a, s) => a + rec(s).aircraftShotDown, 0), format: dec(1) },
    {
      label: 'Games with a mistaken shootdown',
      value: (run) => (run.at(-1)!.national.totals.mistakenShootdowns > 0 ? 1 : 0),
      format: (x) => `${Math.round(100 * x)}%`,
    },
    { label: 'Area in the VRAEM (ha)', value: (run) => vraemHa(run.at(-1)!), format: int },
    { label: 'Area outside the VRAEM (ha)', value: (run) => rec(run.at(-1)!).cocaHa - vraemHa(run.at(-1)!), format: int },
    { label: 'Fighters', value: (run) => rec(run.at(-1)!).insurgentFighters, format: int },
    {
      label: "Colombia's output in year 3 (t)",
      value: (run) => yearSum(run, y, (s) => s.world.producers.find((x) => x.id === 'colombia')?.outputT ?? 0),
      format: int,
    },
  ];
  const base = results.find((r) => r.name === 'status-quo')!;
  const lines = [
    `Baseline \`interdiction-2016\` (scenario hash \`${hash}\`) after ${POLICY_YEARS} years (end of ${rec(base.runs[0]!.at(-1)!).year}), each State policy against the status quo,` +
      ` the clans and the insurgents on their status-quo policies, seeds ${SEEDS[0]}–${SEEDS[SEEDS.length - 1]}; means, and the difference from the status quo.` +
      ' Generated by `npm run model-table`; do not edit by hand.',
    '',
    `| State policy | ${cols.map((c) => c.label).join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
  ];
  for (const r of results) {
    const cells = cols.map((c) => {
      const m = mean(r.runs.map(c.value));
      const b = mean(base.runs.map(c.value));
      const diff = r === base || !(Math.abs(b) > 1e-9) ? '' : ` (${m >= b ? '+' : '−'}${Math.abs((100 * (m - b)) / b).toFixed(0)}%)`;
      return `${c.format(m)}${diff}`;
    });
    lines.push(`| \`${r.name}\` | ${cells.join(' | ')} |`);
  }
  lines.push('', 'The mechanism behind each difference:', '');
  for (const r of results)
    lines.push(`- \`${r.name}\`: ${POLICY_MECHANISM[r.name] ?? '(no line yet: add one to POLICY_MECHANISM in scripts/model-table.ts)'}.`);
  return lines.join('\n');
}

/** Where each parameter enters the model: the phase (§ in docs/model.md) and its role. */
const PARAM_USE: Record<keyof Params, string> = {
  leafKgPerCocaineKgRef: 'production: leaf per kg at the reference alkaloid content',
  refAlkaloidPct: 'production: the alkaloid content leafKgPerCocaineKgRef refers to',
  pbcKgPerCocaineKg: 'trafficking (flight mass), scoring (PBC price)',
  leafValueShare: "markets: farmers' share of the zone value; start: first leaf price",
  shipShare: 'trafficking: share of stock shipped a quarter; start: reference exports',
  labRaidRate: 'eradication: labs found per quarter at full reach',
  harvestNoise: 'production: relative spread of the harvest',
  labCapacityTPerQuarter: 'production: output per lab; displacement: labs needed',
  labCostMusd: 'deployments (build, relocate ×0.5), displacement (auto-build)',
  precursorEffect: 'production, markets: lab output lost at full precursor control',
  domesticConsumptionShare: 'production: share consumed in Peru; start: reference exports',
  plantLagTurns: 'displacement/production: quarters from planting to first harvest',
  plantCostUsdPerHa: 'deployments: cost of a financed hectare',
  altIncomeUsdPerHaYear: 'displacement: licit income per ha',
  leafCostUsdPerKg: "displacement: the grower's cost of a kilo of leaf, netted from coca income",
  licitIncomeRemoteShare: 'displacement: licit income without road access, against the mean access',
  cultivationGrowthRate: "displacement: farmers' own expansion rate",
  profitHalfSaturation: 'displacement: profit excess at which expansion runs at half its top rate',
  cultivationAbandonRate: 'displacement: abandonment rate of unprofitable coca',
  colonizeShare: "displacement: share of growers' expansion opening ground next door",
  replantShare: 'displacement: eradicated ha replanted on the spot',
  displaceShare: 'displacement: eradicated ha re-established elsewhere',
  displaceNeighborShare: 'displacement: share of displaced planting going next door',
  networkFloor: 'displacement: attractiveness of new ground without a clan network',
  outletlessFactor: 'displacement: attractiveness of new ground without an outlet',
  priceSmoothing: 'markets: speed of exit and leaf prices',
  developmentHaPerMusd: 'displacement: farms a US$1 M development stock reaches',
  developmentIncomeMultiple: "displacement: licit income on reached farms, × the region's",
  developmentPresenceFloor: 'displacement, deployments: presence below which programmes reach nobody',
  developmentPresenceFull: 'displacement, deployments: presence at which programmes reach fully',
  developmentCaptureShare: 'deployments: development money captured by the clans where the State is absent',
  eradicationCostUsdPerHa: 'deployments: cost of an ordered hectare',
  eradicationHaPerPolicePerQuarter: 'eradication: capacity per police officer',
  eradicationMaxHaPerQuarter: 'eradication: national cap (all teams)',
  transportCostUsdPerKgPerHop: 'markets (netback), trafficking (transport charged to the clans)',
  interceptPerHop: 'trafficking: ground interception per region crossed',
  riverInterceptPerMusd: 'trafficking: river and river-exit interception per US$ M',
  portInterceptPerMusd: 'trafficking: port inspection per US$ M',
  interceptCap: 'trafficking: ceiling on any interception chance',
  flightPayloadT: 'trafficking: tonnes of product per flight',
  radarCostMusd: 'deployments: US$ M for full coverage of a region',
  radarLagTurns: 'deployments: quarters before a radar works',
  lawLagTurns: 'deployments: quarters from proposing to passing the law',
  pilotTrainingPerMusd: 'deployments: readiness gained per US$ M',
  pilotReadinessDecay: 'deployments: readiness lost per quarter',
  airInterceptForceDown: 'trafficking: interception level under force-down',
  airInterceptShootDown: 'trafficking: interception level under shoot-down',
  airInterceptTrack: 'trafficking: interception level when only tracking',
  shootDownLethalShare: 'trafficking: engaged aircraft shot down under shoot-down rules',
  forceDownSuccess: 'trafficking: engaged aircraft forced to land under force-down rules',
  mistakenShootdownRisk: 'trafficking: risk per engagement at zero readiness',
  readinessSafety: 'trafficking: share of the mistake risk full readiness removes',
  forceDownMistakeShare: 'trafficking: mistake risk of a force-down engagement, against a shoot-down one',
  airHubMaxHops: 'trafficking: regions a load may cross to reach an airstrip hub',
  airFearPerIncident: 'trafficking: perceived risk learned per aircraft shot down',
  forcedDownWeight: "trafficking: a forced landing's weight against a shootdown (learning and threat)",
  airFearDecayPerMonth: 'trafficking: perceived risk forgotten a month',
  pilotRefusalRisk: 'trafficking, markets: perceived risk at which half the pilots refuse',
  pilotRefusalSteepness: 'trafficking, markets: how sharply refusals rise',
  airRiskPremium: 'trafficking, markets: extra cost of a flight at full perceived risk',
  waitingLossShare: 'trafficking: refused loads returned to stock; markets: the value of a kg sent to an airstrip',
  routeSensitivity: 'markets: how fast route shares chase netback',
  routeCongestion: "markets, trafficking: transport cost elasticity to a mode's volume",
  worldDemandGrowthPerYear: 'markets: growth of world demand a year',
  worldDemandElasticity: 'markets: elasticity of the quantity bought at the exits to the price',
  exitPriceTransmission: "markets: exit prices' response to the world price index",
  boliviaPriceUnfinished: "markets: Bolivian price for unfinished PBC, × the exit's",
  boliviaPriceFinishedExtra: "markets: what finishing adds in Bolivia, × the exit's",
  worldPriceIndexMin: 'markets: floor of the world price index',
  worldPriceIndexMax: 'markets: ceiling of the world price index',
  foreignSupplyResponse: 'markets: Colombian and Bolivian area response to expected prices',
  foreignExpectationSpeed: "markets: speed of growers' price expectations abroad",
  foreignMaxChangePerQuarter: 'markets: cap on the area change abroad a quarter',
  clashRate: 'security: army–insurgent clashes',
  ambushRate: 'security: casualties per fighter in an ambush',
  attackRate: 'security: casualties per fighter in an attack',
  civilianShare: 'security: civilian deaths per combatant death',
  leadershipIntelPerMusd: 'deployments: intelligence per US$ M of leadership targeting',
  leaderStrikeChance: 'security: chance of a strike at full intelligence',
  leaderStrikeKillShare: 'security: share of leaders struck who are killed',
  strikeIntelRetention: 'security: intelligence left after a strike',
  leaderLossCohesion: 'security, injects: insurgent cohesion lost with a leader',
  leaderLossCohesionFloor: 'security, injects: the floor of that loss',
  leaderSuccessionChance: 'politics: chance a quarter a strong group raises a successor',
  leaderSuccessionFighters: 'politics: fighters in the region for a sure succession chance',
  leaderlessCohesion: 'politics: cohesion ceiling with no leader active',
  legitimacyDrift: 'politics: reversion of legitimacy to its base',
  presenceAnchoring: 'politics: share of sustained presence that becomes the new base',
  corruptionPerMusd: 'deployments: corruption per US$ M of bribes',
  recruitPerMusd: 'politics: recruits per US$ M',
  baselineRecruitment: 'politics: recruits without spending',
  propagandaPerMusd: 'deployments: front support per US$ M',
  insurgentUpkeepUsdPerFighter: "revenue: insurgents' cost per fighter",
  clanOverheadShare: 'revenue: share of clan profit not kept as cash',
  usSupportMusdPerQuarter: 'scoring/start: State budget from US support',
  miningUsdPerMusd: 'revenue: mining return per US$ M',
  postureExposureHide: 'security: exposure to army operations when the insurgents hide (balanced = 1)',
  postureExposureOffensive: 'security: exposure to army operations when the insurgents go on the offensive (balanced = 1)',
  clashArmyScale: 'security: troops that make one unit of the square-root army term in clashes',
  clashSecurityRatio: 'security: security forces killed per insurgent expected killed in a clash',
  patrolHalfForces: 'security: forces at which half the ambush opportunity is reached (patrol density)',
  ambushInsurgentRatio: 'security: insurgents killed per security death expected in an ambush (before intelligence)',
  ambushCivilianFactor: "security: ambushes' civilian deaths against clashes' (× civilianShare)",
  presenceLossPerSecurityDeath: 'security: state presence lost per security death in an ambush',
  defenceHalfForces: 'security: forces at which an installation is half defended',
  attackLossFactor: "security: attackers' losses per attack casualty rate at full defence",
  attackPresenceLoss: 'security: state presence lost in an attack on an undefended installation',
  attackLegitimacyLoss: 'security: legitimacy lost in an attack on an installation',
  protectionFullFighters: 'security: fighters in a region for the insurgents to demand their full protection tax',
  protectionForcedShare: 'security: share of unpaid protection the insurgents take by force',
  protectionClanPresenceLoss: 'security: clan presence lost where protection is taken by force',
  eradicationCorruptionDrag: "eradication: share of the police's eradication capacity lost at full corruption",
  eradicationShortfall: 'eradication: most that teams fall short of the plan (uniform: weather, terrain, resistance)',
  eradicationRiskMemory:
    "eradication: share of last quarter's perceived eradication risk kept when eradication goes on (the rest is this quarter's share eradicated)",
  eradicationRiskRetention: 'eradication: share of the perceived eradication risk kept a quarter without eradication',
  eradicationLegitimacyCost: "eradication: legitimacy lost when a region's whole coca is eradicated without development (in proportion)",
  eradicationReliefHalfMusd: 'eradication: development stock (US$ M) that halves the legitimacy cost of eradication',
  raidPoliceHalf: 'eradication: police at which lab raids reach half their potential',
  labRaidReachFactor: 'eradication: multiple of labRaidRate found a quarter at full reach',
  raidStockSeizedShare: "eradication: share of a destroyed lab's part of the stock that is seized",
  labCohesionFloor: "production, deployments, revenue: share of the labs' output left when the clans' cohesion is at zero",
  developmentRetention: 'production, deployments, revenue: share of the development stock kept a quarter (programmes wear off)',
  intelRetention: 'production, deployments, revenue: share of intelligence kept a quarter without new leadership targeting',
  usTrackingBase: 'production, deployments, revenue: air tracking and intelligence sharing without US support (and while it is suspended)',
  usTrackingSupportScale:
    'production, deployments, revenue: uS support points that add one unit to the tracking factor (0.5 + 100/200 = 1 at full support)',
  precursorRetention: 'production, deployments, revenue: share of precursor control kept a quarter',
  precursorControlPerMusd: 'production, deployments, revenue: precursor control gained per US$ M a quarter',
  frontRetention: "production, deployments, revenue: share of the political front's support kept a quarter",
  miningPresencePenalty: 'production, deployments, revenue: share of mining returns lost at full State presence',
  miningClanPresencePerMusd: 'production, deployments, revenue: clan presence gained per US$ M invested in mining',
  armyForceWeight:
    'trafficking, markets: weight of a soldier against a police officer in interception, presence and the forces the State holds',
  interceptForcesGain: 'trafficking, markets: multiple of interceptPerHop reached with very many forces (it is 1 at interceptForcesHalf)',
  interceptForcesHalf: 'trafficking, markets: forces (police + weighted army) at which ground interception is interceptPerHop',
  interceptPresenceFloor: 'trafficking, markets: ground interception where State presence is zero (added to presence)',
  guardsHalfMusd: 'trafficking, markets: protection money (US$ M) that halves the ground interception risk (guards and look-outs)',
  exitBaseIntercept: 'trafficking, markets: chance a load is stopped at a port or border with no extra control',
  riverBorderWeight: 'trafficking, markets: weight of river control at a land or river border exit',
  airReadinessFloor: 'trafficking, markets: share of the engagement chance with untrained pilots',
  airCorruptionDrag: 'trafficking, markets: share of air interception lost to corruption at full corruption',
  seizureNoise: 'trafficking, markets: relative spread of ground and sea seizures around their expectation (uniform)',
  routeCongestionMin: 'trafficking, markets: floor of the congestion factor (a route far below its usual volume)',
  routeCongestionMax: 'trafficking, markets: ceiling of the congestion factor',
  routeInertia: "trafficking, markets: share of last quarter's route shares kept (the rest moves to this quarter's target)",
  originValueFloorUsdPerKg: 'trafficking, markets: least a kg of product is worth in a region',
  leafSaturationFloor:
    'trafficking, markets: least share of leaf buyers pay full price for where labs are far too few (before the square root)',
  referenceRoadAccess: 'displacement, politics: road access at which licit crops earn the reference licit income',
  displaceTopRegions: 'displacement, politics: how many of the most attractive regions nationally receive displaced coca',
  labBuildTrigger: 'displacement, politics: leaf needing this many times the labs there before the clans build more on their own',
  labBuildShare: 'displacement, politics: share of the missing labs the clans build a quarter',
  labIdleTrigger: 'displacement, politics: labs beyond this multiple of what the leaf needs are idle',
  labDismantleShare: 'displacement, politics: share of idle labs dismantled a quarter',
  clanPresenceCocaHa: 'displacement, politics: coca (ha) that alone would make the clans fully present',
  clanPresenceLabs: 'displacement, politics: labs that alone would make the clans fully present',
  clanPresenceStockT: 'displacement, politics: product (t) that alone would make the clans fully present',
  clanPresenceSpeed: 'displacement, politics: share of the gap to its target clan presence closes a quarter',
  presenceForcesHalf: 'displacement, politics: forces at which their effect on State presence is half its most',
  presenceForcesWeight: 'displacement, politics: most presence that forces above their starting level add',
  presenceDevelopmentWeight: 'displacement, politics: most presence that development programmes add',
  developmentEffectHalfMusd:
    'displacement, politics: development stock (US$ M) at which its effect on presence and legitimacy is half its most',
  presenceSpeed: 'displacement, politics: share of the gap to its target presence closes a quarter',
  legitimacyDevelopmentWeight: 'displacement, politics: legitimacy gained a quarter from development at its most',
  legitimacyPresenceWeight: 'displacement, politics: legitimacy gained a quarter per unit of presence above its base',
  legitimacyPerCivilianDeath: 'displacement, politics: legitimacy lost per civilian killed in the region',
  legitimacyCorruptionWeight: 'displacement, politics: legitimacy lost a quarter per unit of corruption above its base',
  legitimacyFrontWeight:
    "displacement, politics: legitimacy lost a quarter, among the poor, per unit of the political front's support above its threshold",
  frontThreshold: 'displacement, politics: political front support below which it costs the State no legitimacy',
  corruptionReversion: 'displacement, politics: share of the gap to its base corruption closes a quarter',
  recruitNeighbourFighters: 'displacement, politics: fighters next door for a region to be recruited in without fighters of its own',
  recruitNeighbourShare: 'displacement, politics: baseline recruitment next door, against where fighters are',
  recruitGroupScale: 'displacement, politics: fighters at which recruitment per head halves (large groups recruit less per head)',
  desertionShare: 'displacement, politics: share of fighters who desert a quarter when the insurgents have no cash',
  insurgentCohesionRecovery: 'displacement, politics: insurgent cohesion recovered (or lost toward its ceiling) a quarter',
  clanCohesionRecovery: 'displacement, politics: clan cohesion recovered a quarter',
  usTargetSeek: 'displacement, politics: uS support the State moves toward when it seeks US cooperation',
  usTargetMaintain: 'displacement, politics: uS support under the "maintain" stance',
  usTargetDistance: 'displacement, politics: uS support when the State distances itself',
  usSupportSpeed: 'displacement, politics: share of the gap to its target US support closes a quarter',
  startZoneValueUsdPerKg: 'start, scoring, control: value of a kg of product in the production zones before the first market clears',
  startStockQuarters: "start, scoring, control: product waiting in the pipeline at the start, in quarters of each region's output",
  startFinishShare: 'start, scoring, control: share of the product finished to cocaine HCl at the start (the rest leaves as PBC)',
  startInsurgentTaxPct: "start, scoring, control: the insurgents' protection tax at the start, % of the value produced where they operate",
  refClanRevenueUsdPerKg: "start, scoring, control: revenue per kg exported that the clans' score measures against",
  refInsurgentRevenueMusd: "start, scoring, control: revenue a quarter (US$ M) that the insurgents' score measures against",
  scoreStateLegitimacy: "start, scoring, control: weight of legitimacy in the State's score",
  scoreStateCoca: "start, scoring, control: weight of less coca in the State's score",
  scoreStateFighters: "start, scoring, control: weight of fewer fighters in the State's score",
  scoreStateUsSupport: "start, scoring, control: weight of US support in the State's score",
  scoreStateDeaths: "start, scoring, control: weight of fewer deaths in the State's score",
  scoreCocaScale: "start, scoring, control: coca, as a multiple of the start, at which the State's coca aim scores nothing",
  scoreFightersScale:
    "start, scoring, control: fighters, as a multiple of the start, at which the State's aim scores nothing and the insurgents' is met",
  scoreDeathsScale: "start, scoring, control: deaths in a quarter at which the State's deaths aim scores nothing",
  scoreClansRevenue: "start, scoring, control: weight of revenue in the clans' score (the rest is exports)",
  scoreClansScale: "start, scoring, control: revenue and exports, as a multiple of the reference, at which the clans' aims are met",
  scoreInsurgentFighters: "start, scoring, control: weight of fighters in the insurgents' score",
  scoreInsurgentFront: "start, scoring, control: weight of the political front in the insurgents' score",
  scoreInsurgentRevenue: "start, scoring, control: weight of protection revenue in the insurgents' score",
  scoreInsurgentRevenueScale:
    "start, scoring, control: protection revenue, as a multiple of the reference, at which the insurgents' aim is met",
  controlInsurgentFighters: 'start, scoring, control: fighters a region needs for the insurgents to control it (with low State presence)',
  controlInsurgentPresence: 'start, scoring, control: state presence below which fighters can control a region',
  controlClanPresence: 'start, scoring, control: clan presence above which the clans control a region (with low State presence)',
  controlClanStatePresence: 'start, scoring, control: state presence below which the clans can control a region',
  controlStatePresence: 'start, scoring, control: state presence at which the State controls a region (with few fighters)',
  controlStateMaxFighters: 'start, scoring, control: fewest fighters that keep a present State from controlling a region',
  labRelocateCostShare: "deployments: cost of moving a lab to a neighbouring region, as a share of a new lab's",
};

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function renderParams(): string {
  const scenario = scenarioOf();
  const lines = [
    `Values from \`assets/scenarios/interdiction-2016.json\` (scenario hash \`${scenarioHash(scenario)}\`); sources from its \`paramSources\`.` +
      ' Generated by `npm run model-table`; do not edit by hand.',
    '',
    '| Parameter | Value | Range sampled | Enters | Source |',
    '|---|---:|---|---|---|',
  ];
  for (const [key, value] of Object.entries(scenario.params)) {
    const use = (PARAM_USE as Record<string, string>)[key];
    if (!use) process.stderr.write(`model-table: parameter ${key} has no entry in PARAM_USE; add where it enters the model\n`);
    const range = scenario.paramRanges[key];
    const sampled = range ? `${range.low}–${range.high}: ${esc(range.reason)}` : 'not sampled';
    lines.push(`| \`${key}\` | ${value} | ${sampled} | ${esc(use ?? '?')} | ${esc(scenario.paramSources[key] ?? '(no source)')} |`);
  }
  return lines.join('\n');
}

function splice(doc: string, [start, end]: readonly [string, string], body: string): string {
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${DOC} has no ${start} … ${end} markers`);
  return `${doc.slice(0, a + start.length)}\n${body}\n${doc.slice(b)}`;
}

function main(): number {
  const check = process.argv.includes('--check');
  const unknown = process.argv.slice(2).filter((a) => a !== '--check');
  if (unknown.length) {
    process.stderr.write(`model-table: unknown argument ${unknown[0]} (usage: model-table [--check])\n`);
    return 2;
  }
  const doc = readFileSync(DOC, 'utf8');
  let next: string;
  try {
    const scenario = scenarioOf();
    const hash = scenarioHash(scenario);
    const runs = games(scenario, 'status-quo', 4 * YEARS);
    next = splice(doc, MARKERS.model, renderTable(runs, hash));
    next = splice(next, MARKERS.years, renderYears(runs, hash));
    next = splice(next, MARKERS.policies, renderPolicies(scenario, hash));
    next = splice(next, MARKERS.params, renderParams());
    const ab = findScenario('airbridge-1995');
    if (!ab) throw new Error('the scenario airbridge-1995 is missing');
    const abYears = 6;
    const abRuns = games(ab, 'airbridge', 4 * abYears);
    // The counterfactual for the deterrence row: the same seeds with no shoot-down programme.
    const noProgramme = games({ ...ab, national: { ...ab.national, roe: 'off', interdictionLaw: 'none' } }, 'status-quo', 4 * abYears);
    const flightsWithout: YearRow = {
      label: 'Narco-flights with no programme (rules of engagement off, no law; the State on `status-quo`)',
      value: (run, y) => yearSum(noProgramme[abRuns.indexOf(run)]!, y, (s) => rec(s).narcoFlights),
      format: int,
      record: [compare('~1.5–14 a day before 1995 (estimates)'), null, null, null, null, null],
    };
    const rows = [...AIRBRIDGE_ROWS.slice(0, 3), flightsWithout, ...AIRBRIDGE_ROWS.slice(3)];
    next = splice(
      next,
      MARKERS.airbridge,
      renderYears(abRuns, scenarioHash(ab), { id: ab.id, seat: 'policy:airbridge', rows, years: abYears }),
    );
  } catch (e) {
    process.stderr.write(`model-table: ${(e as Error).message}\n`);
    return 2;
  }
  if (check) {
    if (next !== doc) {
      process.stderr.write('model-table: the generated tables in docs/model.md are out of date; run npx tsx scripts/model-table.ts\n');
      return 1;
    }
    process.stdout.write('model-table: docs/model.md is up to date\n');
    return 0;
  }
  const tmp = `${DOC}.tmp-${process.pid}`;
  writeFileSync(tmp, next, 'utf8');
  renameSync(tmp, DOC);
  process.stdout.write(`model-table: ${next === doc ? 'unchanged' : 'updated'} ${DOC}\n`);
  return 0;
}

process.exitCode = main();
