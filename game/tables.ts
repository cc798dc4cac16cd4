/**
 * Per-turn tables for Excel, R and Python: the national series (one row per turn, from
 * `state.history`), the regional series (one row per turn and region, from each turn's state), the
 * events and the decisions of a game, and the Monte Carlo batch table, plus the CSV text they are
 * written as. Pure functions on engine values with no DOM or Node, so the command line and the app
 * (desktop and web) build the same files.
 *
 * CSV conventions: UTF-8, a header row, `\n` line ends (and one after the last row), fields
 * quoted only when they contain a comma, a quote or a line break (quotes doubled), numbers with
 * at most 4 decimals and never in exponent notation, empty for a value that is not a number, and
 * text that would start a spreadsheet formula prefixed with `'` (see `csvField`).
 * `{ bom: true }` starts the text with a UTF-8 byte-order mark, which Excel needs to read accented
 * names (Junín, Apurímac) right; R and Python read either.
 */
import { SIDES, type Side } from './content/scenario-schema';
import { totalCocaHa } from './derive';
import type { GameEvent } from './events';
import type { GameLog } from './log';
import type { Order } from './orders';
import { chanceThreshold, sensitivity, type ParamDraw, type Sensitivity } from './sampling';
import type { GameState, SideOrders, TurnRecord } from './types';

export type Cell = string | number;
export interface Table {
  columns: readonly string[];
  rows: Cell[][];
}

/** A number as CSV text: rounded to 4 decimals, trailing zeros dropped, no exponent, no `-0`. */
export function csvNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  const abs = Math.abs(x);
  // toFixed switches to exponent notation at 1e21; integers that large are written digit by digit.
  let s = abs >= 1e21 ? BigInt(Math.round(x)).toString() : x.toFixed(4);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** Text a spreadsheet would read as a formula (or a command) rather than as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: numbers formatted, text quoted where it must be. Text that begins like a formula
 * (`=`, `+`, `-`, `@`, tab or carriage return: players' notes reach decisions.csv, which opens in
 * Excel) is neutralised with a leading apostrophe, which spreadsheets show as text. Only text cells
 * are neutralised: a number is a `number` cell by its type, never text, so a negative number
 * (`-3.5`) is written as a number and stays one.
 */
export function csvField(v: Cell): string {
  if (typeof v === 'number') return csvNumber(v);
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark (for Excel). */
  bom?: boolean;
}

/** The UTF-8 byte-order mark, as text. */
export const BOM = '\uFEFF';

export function toCsv(table: Table, opts: CsvOptions = {}): string {
  let out = (opts.bom ? BOM : '') + table.columns.map(csvField).join(',') + '\n';
  for (const row of table.rows) {
    if (row.length !== table.columns.length) throw new Error(`a CSV row has ${row.length} fields for ${table.columns.length} columns`);
    out += row.map(csvField).join(',') + '\n';
  }
  return out;
}

/** The national series. The first 27 columns are a fixed contract; later ones may be added. */
export const NATIONAL_COLUMNS = [
  'turn',
  'year',
  'quarter',
  'coca_ha',
  'leaf_t',
  'eradicated_ha',
  'cocaine_potential_t',
  'seized_t',
  'exported_t',
  'export_air_t',
  'export_sea_t',
  'export_land_t',
  'narco_flights',
  'flights_interdicted',
  'mistaken_shootdowns',
  'leaf_price_usd_kg',
  'pbc_price_usd_kg',
  'cocaine_export_price_usd_kg',
  'clan_revenue_musd',
  'insurgent_revenue_musd',
  'state_spend_musd',
  'us_support',
  'legitimacy',
  'insurgent_fighters',
  'security_forces_killed',
  'insurgents_killed',
  'civilians_killed',
  // Appended (not part of the fixed prefix): river exports, stocks, domestic use, scores.
  'export_river_t',
  'stock_t',
  'consumed_t',
  'score_state',
  'score_clans',
  'score_insurgents',
  // Deterrence of narco-flights and the world market (docs/model.md §4.6–4.7).
  'aircraft_shot_down',
  'aircraft_forced_down',
  'air_fear',
  'world_price_index',
  'foreign_output_t',
  'foreign_coca_ha',
] as const;

/** One row per resolved turn. Flows are the turn's totals; stocks are end-of-turn values. */
export function nationalTable(history: readonly TurnRecord[]): Table {
  return {
    columns: NATIONAL_COLUMNS,
    rows: history.map((h) => [
      h.turn,
      h.year,
      h.quarter,
      h.cocaHa,
      h.leafT,
      h.eradicatedHa,
      h.cocainePotentialT,
      h.seizedT,
      h.exportedT,
      h.exportAirT,
      h.exportSeaT,
      h.exportLandT,
      h.narcoFlights,
      h.flightsInterdicted,
      h.mistakenShootdowns,
      h.leafPriceUsdPerKg,
      h.pbcPriceUsdPerKg,
      h.cocaineExportPriceUsdPerKg,
      h.clanRevenueMusd,
      h.insurgentRevenueMusd,
      h.stateSpendMusd,
      h.usSupport,
      h.legitimacy,
      h.insurgentFighters,
      h.securityForcesKilled,
      h.insurgentsKilled,
      h.civiliansKilled,
      h.exportRiverT,
      h.stockT,
      h.consumedT,
      h.scores.state,
      h.scores.clans,
      h.scores.insurgents,
      h.aircraftShotDown,
      h.aircraftForcedDown,
      h.airFear,
      h.worldPriceIndex,
      h.foreignOutputT,
      h.foreignCocaHa,
    ]),
  };
}

export const REGION_COLUMNS = [
  'turn',
  'region',
  'coca_ha',
  'leaf_t',
  'yield_t_ha',
  'eradicated_ha',
  'leaf_price_usd_kg',
  'labs',
  'state_forces',
  'insurgent_fighters',
  'clan_presence',
  'violence_events',
  'control',
  'narco_flights',
  'refused_t',
  'planted_ha',
  'replanted_ha',
  'colonized_in_ha',
  'displaced_in_ha',
  'abandoned_ha',
  'waiting_lost_t',
] as const;

/**
 * The rows of one resolved turn: `state` is the state right after turn `state.turn` was resolved
 * (its `flow` holds that turn's flows). `coca_ha` counts immature plantings; `yield_t_ha` is the
 * quarter's leaf annualised per hectare (0 where there is no coca).
 */
export function regionRows(state: GameState): Cell[][] {
  return state.regions.map((r) => {
    const ha = totalCocaHa(r);
    return [
      state.turn,
      r.id,
      ha,
      r.flow.leafT,
      ha > 0 ? (r.flow.leafT * 4) / ha : 0,
      r.flow.eradicatedHa,
      r.leafPriceUsdPerKg,
      r.labs,
      r.army + r.police,
      r.insurgentFighters,
      r.clanPresence,
      r.flow.violenceEvents,
      r.control,
      r.flow.flights,
      r.flow.refusedT,
      r.flow.plantedHa,
      r.flow.replantedHa,
      r.flow.colonizedInHa,
      r.flow.displacedInHa,
      r.flow.abandonedHa,
      r.flow.waitingLostT,
    ];
  });
}

/** The regional series from the states after each turn (turn 0, the start, is skipped). */
export function regionsTable(states: readonly GameState[]): Table {
  return { columns: REGION_COLUMNS, rows: states.filter((s) => s.turn > 0).flatMap(regionRows) };
}

/** national.csv: `nationalTable` as CSV text. */
export function nationalCsv(history: readonly TurnRecord[], opts: CsvOptions = {}): string {
  return toCsv(nationalTable(history), opts);
}

/** regions.csv: `regionsTable` as CSV text (`states[0]`, the start, may be included: it is skipped). */
export function regionsCsv(states: readonly GameState[], opts: CsvOptions = {}): string {
  return toCsv(regionsTable(states), opts);
}

// --- Events ---

export const EVENT_COLUMNS = ['turn', 'type', 'region', 'side', 'to', 'numbers', 'text'] as const;

/** The side an event names itself (`revenueCollected`); callers may attribute the others. */
const ownSide = (e: GameEvent): Side | null => ('side' in e ? e.side : null);

/**
 * The numeric fields of an event as `key=value;…`, in the event's own field order (the turn
 * excluded): `ha=1200;financedHa=150`. Values are written as in the rest of the CSV.
 */
export function eventNumbers(e: GameEvent): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(e)) if (k !== 'turn' && typeof v === 'number') parts.push(`${k}=${csvNumber(v)}`);
  return parts.join(';');
}

export interface EventsTableOptions {
  /** The side an event concerns (the app's event log attributes every type); default: the event's own `side`. */
  sideOf?: (e: GameEvent) => Side | null;
}

/**
 * events.csv: one row per engine event, turn by turn (`events[i]` are turn i+1's events, as
 * `replay` returns them). `region` and `to` are ids (`to` only where it names a region or a
 * control state; numeric from/to are in `numbers`); `text` is `describe(e)`, the sentence in the
 * reader's language.
 */
export function eventsTable(
  events: readonly (readonly GameEvent[])[],
  describe: (e: GameEvent) => string,
  opts: EventsTableOptions = {},
): Table {
  const sideOf = opts.sideOf ?? ownSide;
  const rows: Cell[][] = [];
  for (const turn of events) {
    for (const e of turn) {
      const region = 'region' in e && typeof e.region === 'string' ? e.region : '';
      const to = 'to' in e && typeof e.to === 'string' ? e.to : '';
      rows.push([e.turn, e.type, region, sideOf(e) ?? '', to, eventNumbers(e), describe(e)]);
    }
  }
  return { columns: EVENT_COLUMNS, rows };
}

export function eventsCsv(
  events: readonly (readonly GameEvent[])[],
  describe: (e: GameEvent) => string,
  opts: CsvOptions & EventsTableOptions = {},
): string {
  return toCsv(eventsTable(events, describe, opts), opts);
}

// --- Decisions ---

export const DECISION_COLUMNS = [
  'turn',
  'side',
  'kind',
  'region',
  'target',
  'amount',
  'value',
  'description',
  'note',
  'author',
  'reasons',
] as const;

/**
 * decisions.csv: each side's orders, turn by turn and side by side (in the fixed side order), one
 * row per order: `region` is where it acts, `target` the exit or the region it moves to, `amount`
 * its amount and `value` a setting's choice; `description` is `describeOrder(o)` in the reader's
 * language; `note` the rationale the players typed (repeated on each of that side's rows, so a
 * filtered table keeps it). A side that gave no orders has one row with an empty `kind`. `author`
 * and `reasons` are who decided and why (`explain(so)`: the computer's decision in words, built
 * by the caller from the decision the log records), repeated on each of the side's rows too.
 */
export function decisionsTable(
  log: Pick<GameLog, 'entries'>,
  describeOrder: (o: Order) => string,
  explain: (so: SideOrders) => [string, string] = () => ['', ''],
): Table {
  const rows: Cell[][] = [];
  for (const entry of log.entries) {
    for (const side of SIDES) {
      const given = entry.input.orders.filter((o) => o.side === side);
      const note = given
        .map((o) => o.note ?? '')
        .filter((n) => n !== '')
        .join('\n');
      const orders = given.flatMap((o) => o.orders);
      const who = given[0] ? explain(given[0]) : ['', ''];
      if (orders.length === 0) rows.push([entry.turn, side, '', '', '', '', '', '', note, ...who]);
      for (const o of orders) {
        const f = o as Partial<Record<'region' | 'to' | 'exit', string>> & { amount?: number; value?: string | number };
        rows.push([
          entry.turn,
          side,
          o.kind,
          f.region ?? '',
          f.exit ?? f.to ?? '',
          f.amount ?? '',
          f.value ?? '',
          describeOrder(o),
          note,
          ...who,
        ]);
      }
    }
  }
  return { columns: DECISION_COLUMNS, rows };
}

export function decisionsCsv(
  log: Pick<GameLog, 'entries'>,
  describeOrder: (o: Order) => string,
  opts: CsvOptions = {},
  explain?: (so: SideOrders) => [string, string],
): string {
  return toCsv(decisionsTable(log, describeOrder, explain), opts);
}

// --- Monte Carlo batches ---

/** One game's outcome in a batch: totals over the game, or the value after the last turn. */
export interface BatchOutcome {
  policy: string;
  seed: number;
  turns: number;
  cocaHaFinal: number;
  exportedTTotal: number;
  seizedTTotal: number;
  mistakenShootdowns: number;
  securityForcesKilledTotal: number;
  civiliansKilledTotal: number;
  insurgentsKilledTotal: number;
  legitimacyFinal: number;
  insurgentFightersFinal: number;
  usSupportFinal: number;
  clanRevenueMusdTotal: number;
  insurgentRevenueMusdTotal: number;
  scoreState: number;
  scoreClans: number;
  scoreInsurgents: number;
  finalHash: string;
  /** The parameters this run drew (`batch --sample-params`), or none. */
  params?: ParamDraw;
}

export function batchOutcome(policy: string, seed: number, state: GameState, finalHash: string): BatchOutcome {
  const h = state.history;
  const sum = (f: (r: TurnRecord) => number) => h.reduce((a, r) => a + f(r), 0);
  const last = h[h.length - 1];
  return {
    policy,
    seed,
    turns: h.length,
    cocaHaFinal: last?.cocaHa ?? 0,
    exportedTTotal: sum((r) => r.exportedT),
    seizedTTotal: sum((r) => r.seizedT),
    mistakenShootdowns: sum((r) => r.mistakenShootdowns),
    securityForcesKilledTotal: sum((r) => r.securityForcesKilled),
    civiliansKilledTotal: sum((r) => r.civiliansKilled),
    insurgentsKilledTotal: sum((r) => r.insurgentsKilled),
    legitimacyFinal: last?.legitimacy ?? 0,
    insurgentFightersFinal: last?.insurgentFighters ?? 0,
    usSupportFinal: last?.usSupport ?? 0,
    clanRevenueMusdTotal: sum((r) => r.clanRevenueMusd),
    insurgentRevenueMusdTotal: sum((r) => r.insurgentRevenueMusd),
    scoreState: last?.scores.state ?? 0,
    scoreClans: last?.scores.clans ?? 0,
    scoreInsurgents: last?.scores.insurgents ?? 0,
    finalHash,
  };
}

/** batch.csv: the columns, and which outcome field each one reads. */
const BATCH_FIELDS = [
  ['policy', 'policy'],
  ['seed', 'seed'],
  ['turns', 'turns'],
  ['coca_ha_final', 'cocaHaFinal'],
  ['exported_t_total', 'exportedTTotal'],
  ['seized_t_total', 'seizedTTotal'],
  ['mistaken_shootdowns', 'mistakenShootdowns'],
  ['security_forces_killed_total', 'securityForcesKilledTotal'],
  ['civilians_killed_total', 'civiliansKilledTotal'],
  ['insurgents_killed_total', 'insurgentsKilledTotal'],
  ['legitimacy_final', 'legitimacyFinal'],
  ['insurgent_fighters_final', 'insurgentFightersFinal'],
  ['us_support_final', 'usSupportFinal'],
  ['clan_revenue_musd_total', 'clanRevenueMusdTotal'],
  ['insurgent_revenue_musd_total', 'insurgentRevenueMusdTotal'],
  ['score_state', 'scoreState'],
  ['score_clans', 'scoreClans'],
  ['score_insurgents', 'scoreInsurgents'],
  ['final_hash', 'finalHash'],
] as const satisfies readonly (readonly [string, keyof BatchOutcome])[];

export const BATCH_COLUMNS: readonly string[] = BATCH_FIELDS.map(([c]) => c);

/** One row per game; with sampled parameters, a `param_<name>` column for each after the outcomes. */
export function batchTable(outcomes: readonly BatchOutcome[]): Table {
  const keys = Object.keys(outcomes[0]?.params ?? {}).sort();
  return {
    columns: [...BATCH_COLUMNS, ...keys.map((k) => `param_${k}`)],
    rows: outcomes.map((o) => [...BATCH_FIELDS.map(([, f]) => o[f]), ...keys.map((k) => o.params?.[k] ?? NaN)]),
  };
}

/** The outcomes the sensitivity analysis ranks the parameters on (the main outcomes). */
export const SENSITIVITY_METRICS = [
  ['coca_ha_final', 'cocaHaFinal'],
  ['exported_t_total', 'exportedTTotal'],
  ['insurgent_fighters_final', 'insurgentFightersFinal'],
  ['legitimacy_final', 'legitimacyFinal'],
] as const satisfies readonly (readonly [string, keyof BatchOutcome])[];

export const SENSITIVITY_COLUMNS = [
  'policy',
  'metric',
  'rank',
  'param',
  'rho',
  'beyond_chance',
  'low_third_mean',
  'high_third_mean',
  'swing',
] as const;

export interface SensitivityRow extends Sensitivity {
  policy: string;
  rank: number;
  beyondChance: boolean;
}

/**
 * Per policy and main outcome, every sampled parameter ranked by the strength of its rank
 * correlation with the outcome (|ρ|, largest first). Empty when the runs drew no parameters.
 */
export function sensitivityRows(outcomes: readonly BatchOutcome[]): SensitivityRow[] {
  const policies: string[] = [];
  for (const o of outcomes) if (!policies.includes(o.policy)) policies.push(o.policy);
  const rows: SensitivityRow[] = [];
  for (const policy of policies) {
    const mine = outcomes.filter((o) => o.policy === policy && o.params);
    if (mine.length < 2) continue;
    const values = mine.map((o) => Object.fromEntries(SENSITIVITY_METRICS.map(([label, f]) => [label, o[f]])));
    const all = sensitivity(
      mine.map((o) => o.params!),
      values,
      SENSITIVITY_METRICS.map(([label]) => label),
    );
    const threshold = chanceThreshold(mine.length, Object.keys(mine[0]!.params!).length);
    for (const [metric] of SENSITIVITY_METRICS) {
      const ranked = all
        .filter((x) => x.metric === metric)
        .sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho) || (a.param < b.param ? -1 : 1));
      ranked.forEach((x, i) => rows.push({ ...x, policy, rank: i + 1, beyondChance: Math.abs(x.rho) >= threshold }));
    }
  }
  return rows;
}

export function sensitivityTable(rows: readonly SensitivityRow[]): Table {
  return {
    columns: SENSITIVITY_COLUMNS,
    rows: rows.map((r) => [r.policy, r.metric, r.rank, r.param, r.rho, r.beyondChance ? 1 : 0, r.lowMean, r.highMean, r.swing]),
  };
}

/**
 * The q-quantile of the values by linear interpolation between order statistics (R's type 7,
 * numpy's default): q = 0.5 is the median. NaN for no values.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const v = [...values].sort((a, b) => a - b);
  const pos = (v.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo]! + (v[hi]! - v[lo]!) * (pos - lo);
}

export const mean = (values: readonly number[]): number => (values.length ? values.reduce((a, x) => a + x, 0) / values.length : NaN);

/** The outcomes the batch summary reports, in order, with a short label. */
export const SUMMARY_METRICS = [
  ['coca_ha_final', 'cocaHaFinal'],
  ['exported_t_total', 'exportedTTotal'],
  ['seized_t_total', 'seizedTTotal'],
  ['mistaken_shootdowns', 'mistakenShootdowns'],
  ['security_forces_killed_total', 'securityForcesKilledTotal'],
  ['civilians_killed_total', 'civiliansKilledTotal'],
  ['legitimacy_final', 'legitimacyFinal'],
  ['insurgent_fighters_final', 'insurgentFightersFinal'],
  ['score_state', 'scoreState'],
  ['score_clans', 'scoreClans'],
  ['score_insurgents', 'scoreInsurgents'],
] as const satisfies readonly (readonly [string, keyof BatchOutcome])[];

export const SUMMARY_COLUMNS = ['policy', 'metric', 'n', 'mean', 'p10', 'p50', 'p90'] as const;

/** Mean and 10/50/90th percentiles of each main outcome, per policy in the order first seen. */
export function summaryTable(outcomes: readonly BatchOutcome[]): Table {
  const policies: string[] = [];
  for (const o of outcomes) if (!policies.includes(o.policy)) policies.push(o.policy);
  const rows: Cell[][] = [];
  for (const policy of policies) {
    const mine = outcomes.filter((o) => o.policy === policy);
    for (const [label, field] of SUMMARY_METRICS) {
      const xs = mine.map((o) => o[field]);
      rows.push([policy, label, xs.length, mean(xs), quantile(xs, 0.1), quantile(xs, 0.5), quantile(xs, 0.9)]);
    }
  }
  return { columns: SUMMARY_COLUMNS, rows };
}

/** A fixed-width text rendering of a table for a terminal: numbers right-aligned, a column of
 * whole numbers without decimals, any other numeric column with `decimals` throughout. */
export function textTable(columns: readonly string[], rows: readonly Cell[][], decimals = 1): string {
  const numeric = columns.map((_c, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const whole = columns.map((_c, i) => numeric[i] && rows.every((r) => Number.isInteger(r[i])));
  const cells = rows.map((r) =>
    r.map((v, i) => (typeof v === 'number' ? (Number.isFinite(v) ? v.toFixed(whole[i] ? 0 : decimals) : '–') : v)),
  );
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) =>
    r
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
