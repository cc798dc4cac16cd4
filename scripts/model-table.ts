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
import { findScenario, MAP, mean, quantile, scenarioHash, type GameState, type Params } from '../game/index';
import { DEFAULT_SEAT, playGame } from '../cli/play';

const MARKERS = {
  model: ['<!-- model-table:start -->', '<!-- model-table:end -->'],
  params: ['<!-- param-table:start -->', '<!-- param-table:end -->'],
} as const;
const SEEDS = Array.from({ length: 20 }, (_x, i) => i + 1);
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

function collect(): { rows: Row[]; hash: string } {
  const scenario = findScenario('interdiction-2016');
  if (!scenario) throw new Error('the baseline scenario interdiction-2016 is missing');
  const vraem = new Float64Array(MAP.regions.length);
  for (const m of MAP.zones.find((z) => z.id === 'vraem')?.members ?? []) vraem[MAP.regions.findIndex((r) => r.id === m.region)] = m.cocaShare;
  const per = new Map<string, number[]>();
  const put = (k: string, v: number) => per.set(k, [...(per.get(k) ?? []), v]);
  for (const seed of SEEDS) {
    const states: GameState[] = [];
    const { state } = playGame(
      { scenario, seed, turns: 8, seats: { state: DEFAULT_SEAT, clans: DEFAULT_SEAT, insurgents: DEFAULT_SEAT } },
      (s) => states.push(s),
    );
    const h = state.history;
    const y1 = h.slice(0, 4);
    const y2 = h.slice(4, 8);
    const sum = (rs: typeof h, f: (r: (typeof h)[number]) => number) => rs.reduce((a, r) => a + f(r), 0);
    let vLeaf = 0;
    let leaf = 0;
    let vHa = 0;
    let ha = 0;
    for (const s of states.slice(0, 4)) {
      s.regions.forEach((r, i) => {
        vLeaf += vraem[i]! * r.flow.leafT;
        leaf += r.flow.leafT;
      });
    }
    states[3]!.regions.forEach((r, i) => {
      const total = r.cocaHa + r.immatureHa.reduce((a, x) => a + x, 0);
      vHa += vraem[i]! * total;
      ha += total;
    });
    const leafT = sum(y1, (r) => r.leafT);
    const exported = sum(y1, (r) => r.exportedT);
    put('ha2016', h[3]!.cocaHa);
    put('ha2017', h[7]!.cocaHa);
    put('leafT', leafT);
    put('yield', leafT / mean(y1.map((r) => r.cocaHa)));
    put('vraemLeaf', vLeaf / leaf);
    put('vraemHa', vHa / ha);
    put('leafPrice', sum(y1, (r) => r.leafPriceUsdPerKg * r.leafT) / leafT);
    put('pbcPrice', mean(y1.map((r) => r.pbcPriceUsdPerKg)));
    put('exportPrice', sum(y1, (r) => r.cocaineExportPriceUsdPerKg * r.exportedT) / exported);
    put('flightsPerDay', sum(y1, (r) => r.narcoFlights) / 366);
    put('air', sum(y1, (r) => r.exportAirT) / exported);
    put('sea', sum(y1, (r) => r.exportSeaT) / exported);
    put('land', sum(y1, (r) => r.exportLandT + r.exportRiverT) / exported);
    put('erad2016', sum(y1, (r) => r.eradicatedHa));
    put('erad2017', sum(y2, (r) => r.eradicatedHa));
    put('fighters', h[3]!.insurgentFighters);
    put('secKilled', sum(y1, (r) => r.securityForcesKilled));
    put('seizedShare', sum(y1, (r) => r.seizedT) / sum(y1, (r) => r.cocainePotentialT));
  }
  const v = (k: string) => per.get(k)!;
  const rows: Row[] = [
    { label: 'Coca area, end of 2016 (ha)', values: v('ha2016'), publicText: '43,900', publicRange: [43_900, 43_900], format: int, note: 'UNODC/DEVIDA; incl. immature plantings' },
    { label: 'Coca area, end of 2017 (ha)', values: v('ha2017'), publicText: '49,900', publicRange: [49_900, 49_900], format: int, note: 'years 1–2 (turns 1–8)' },
    { label: 'Leaf output, 2016 (t)', values: v('leafT'), publicText: '~106,000', publicRange: [106_000, 106_000], format: int, note: 'sun-dried leaf' },
    { label: 'National leaf yield (t/ha/yr)', values: v('yield'), publicText: '2.3–2.4', publicRange: [2.3, 2.4], format: dec(2), note: '2013–2015 surveys; leaf ÷ mean area' },
    { label: 'VRAEM share of leaf', values: v('vraemLeaf'), publicText: '~67–69%', publicRange: [0.67, 0.69], format: pct, note: 'zone cocaShare × department leaf (see limitation 1)' },
    { label: 'VRAEM share of area', values: v('vraemHa'), publicText: '~40–45%', publicRange: [0.4, 0.45], format: pct, note: 'same method, end of 2016' },
    { label: 'Farm-gate leaf price (US$/kg)', values: v('leafPrice'), publicText: '3.9–4.3', publicRange: [3.9, 4.3], format: dec(2), note: 'leaf-weighted; 3.9 in 2015, 4.3 in 2013–14' },
    { label: 'PBC price in the zone (US$/kg)', values: v('pbcPrice'), publicText: '~800', publicRange: [800, 800], format: int, note: '2015–2017' },
    { label: 'Cocaine price at the exits (US$/kg)', values: v('exportPrice'), publicText: '1,500–2,000 (Bolivia) / ~4,000 (Lima)', publicRange: null, format: int, note: 'export-weighted; blend by the air/sea/land split ≈ 2,600' },
    { label: 'Narco-flights per day', values: v('flightsPerDay'), publicText: '4–10', publicRange: [4, 10], format: dec(1), note: 'seed 6–10; other reports 4–5' },
    { label: 'Exports by air', values: v('air'), publicText: '~56%', publicRange: [0.56, 0.56], format: pct, note: 'share of tonnes exported, 2016' },
    { label: 'Exports by sea', values: v('sea'), publicText: '~38%', publicRange: [0.38, 0.38], format: pct, note: '' },
    { label: 'Exports by land (incl. river)', values: v('land'), publicText: '~6%', publicRange: [0.06, 0.06], format: pct, note: '' },
    { label: 'Eradication, 2016 (ha)', values: v('erad2016'), publicText: '30,151', publicRange: [30_151, 30_151], format: int, note: 'manual; none in the VRAEM' },
    { label: 'Eradication, 2017 (ha)', values: v('erad2017'), publicText: '22,885', publicRange: [22_885, 22_885], format: int, note: 'turns 5–8' },
    { label: 'Insurgent fighters, end of 2016', values: v('fighters'), publicText: '~80 core (300–500 members)', publicRange: [80, 80], format: int, note: '2014 figure (seed)' },
    { label: 'Security forces killed, 2016', values: v('secKilled'), publicText: '15–20 a year', publicRange: [15, 20], format: dec(1), note: 'VRAEM 2008–2012 average' },
    { label: 'Seizures ÷ potential production', values: v('seizedShare'), publicText: '~5–10%', publicRange: [0.05, 0.1], format: pct, note: 'DEVIDA/UNODC reporting, as cited for interceptPerHop' },
  ];
  return { rows, hash: scenarioHash(scenario) };
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

function renderTable(): string {
  const { rows, hash } = collect();
  const lines = [
    `Baseline \`interdiction-2016\` (scenario hash \`${hash}\`), every seat \`policy:status-quo\`, seeds ${SEEDS[0]}–${SEEDS[SEEDS.length - 1]};`
      + ' 2016 = turns 1–4, 2017 = turns 5–8. Generated by `npx tsx scripts/model-table.ts`; do not edit by hand.',
    '',
    '| Quantity | Model mean | Model 10–90% | Public figure | Mean vs public | Note |',
    '|---|---:|---:|---|---:|---|',
  ];
  for (const r of rows) {
    const m = mean(r.values);
    lines.push(`| ${r.label} | ${r.format(m)} | ${r.format(quantile(r.values, 0.1))}–${r.format(quantile(r.values, 0.9))} | ${r.publicText} | ${deviation(m, r.publicRange)} | ${r.note} |`);
  }
  return lines.join('\n');
}

/** Where each parameter enters the model: the phase (§ in docs/model.md) and its role. */
const PARAM_USE: Record<keyof Params, string> = {
  leafKgPerCocaineKgRef: 'production: leaf per kg at the reference alkaloid content',
  refAlkaloidPct: 'production: the alkaloid content leafKgPerCocaineKgRef refers to',
  pbcKgPerCocaineKg: 'trafficking (flight mass), scoring (PBC price)',
  leafValueShare: 'markets: farmers\' share of the zone value; start: first leaf price',
  shipShare: 'trafficking: share of stock shipped a quarter; start: reference exports',
  labRaidRate: 'eradication: labs found per quarter at full reach',
  labCapacityTPerQuarter: 'production: output per lab; displacement: labs needed',
  labCostMusd: 'deployments (build, relocate ×0.5), displacement (auto-build)',
  precursorEffect: 'production, markets: lab output lost at full precursor control',
  domesticConsumptionShare: 'production: share consumed in Peru; start: reference exports',
  plantLagTurns: 'displacement/production: quarters from planting to first harvest',
  plantCostUsdPerHa: 'deployments: cost of a financed hectare',
  altIncomeUsdPerHaYear: 'displacement: licit income per ha',
  developmentIncomeUsdPerMusd: 'displacement: licit income added per US$ M of development stock',
  cultivationGrowthRate: 'displacement: farmers\' own expansion rate',
  cultivationAbandonRate: 'displacement: abandonment rate of unprofitable coca',
  replantShare: 'displacement: eradicated ha replanted on the spot',
  displaceShare: 'displacement: eradicated ha re-established elsewhere',
  displaceNeighborShare: 'displacement: share of displaced planting going next door',
  priceSmoothing: 'markets: speed of exit and leaf prices',
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
  mistakenShootdownRisk: 'trafficking: risk per engagement at zero readiness',
  routeSensitivity: 'markets: how fast route shares chase netback',
  exportPriceFlex: 'markets: export price elasticity to scarcity',
  clashRate: 'security: army–insurgent clashes',
  ambushRate: 'security: casualties per fighter in an ambush',
  attackRate: 'security: casualties per fighter in an attack',
  civilianShare: 'security: civilian deaths per combatant death',
  leadershipIntelPerMusd: 'deployments: intelligence per US$ M of leadership targeting',
  leaderStrikeChance: 'security: chance of a strike at full intelligence',
  legitimacyDrift: 'politics: reversion of legitimacy to its base',
  corruptionPerMusd: 'deployments: corruption per US$ M of bribes',
  recruitPerMusd: 'politics: recruits per US$ M',
  baselineRecruitment: 'politics: recruits without spending',
  propagandaPerMusd: 'deployments: front support per US$ M',
  insurgentUpkeepUsdPerFighter: 'revenue: insurgents\' cost per fighter',
  clanOverheadShare: 'revenue: share of clan profit not kept as cash',
  usSupportMusdPerQuarter: 'scoring/start: State budget from US support',
  miningUsdPerMusd: 'revenue: mining return per US$ M',
};

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function renderParams(): string {
  const scenario = findScenario('interdiction-2016')!;
  const lines = [
    `Values from \`assets/scenarios/interdiction-2016.json\` (scenario hash \`${scenarioHash(scenario)}\`); sources from its \`paramSources\`.`
      + ' Generated by `npx tsx scripts/model-table.ts`; do not edit by hand.',
    '',
    '| Parameter | Value | Enters | Source |',
    '|---|---:|---|---|',
  ];
  for (const [key, value] of Object.entries(scenario.params)) {
    const use = (PARAM_USE as Record<string, string>)[key];
    if (!use) process.stderr.write(`model-table: parameter ${key} has no entry in PARAM_USE; add where it enters the model\n`);
    lines.push(`| \`${key}\` | ${value} | ${esc(use ?? '?')} | ${esc(scenario.paramSources[key] ?? '(no source)')} |`);
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
    next = splice(splice(doc, MARKERS.model, renderTable()), MARKERS.params, renderParams());
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
