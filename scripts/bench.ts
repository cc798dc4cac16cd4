/**
 * `npm run bench`: engine performance, printed as ONE JSON object on stdout (progress on stderr).
 * Only durations are reported (no dates or clock readings), so runs can be compared in CI.
 *
 * - resolve_turn_median_ms: `resolveTurn` on the baseline scenario with every seat playing the
 *   status-quo policy, median over ≥ 200 turn resolutions (10 seeds × 20 turns, 3 rounds); the
 *   states and orders are prepared before timing.
 * - inplace_turn_median_ms / immer_vs_inplace_ratio: the same turns through
 *   `resolveTurnInPlace` on a plain deep copy of the state (copied outside the timing; the scenario
 *   is shared, as the engine's static context is cached per scenario object). `resolveTurn` also
 *   validates the turn's input, which the in-place path does not: `validate_turn_median_ms` shows
 *   that part, and `phase_inplace_median_ms` where the time goes.
 * - scale_10x/70x_per_region_ratio: synthetic maps of 10× and 70× the regions (the 26 regions
 *   tiled into copies with new ids, linked into one connected graph, exits in copy 0, registered
 *   with `registerMap`); median time per region over the baseline's median time per region, the
 *   two timed in alternating blocks and over windows of equal length (see `scaleRun`).
 *   `*_cpu_ratio` is the same with process CPU time (less sensitive to other processes).
 * - bot_games_per_s / bot_turn_median_ms: all-bot 20-turn games at normal difficulty on one core,
 *   over at least 20 games and 10 s; a bot turn is the three bots choosing their orders.
 *   `view_for_median_ms` is the part of a bot's time spent copying the state for its view.
 *
 * - ai_hard_decision_median_ms / ai_hard_decision_p95_ms: one hard decision (`bot(state, side,
 *   'hard')`: the search with its default budget, on the side's view) over real mid-game states:
 *   all-normal games of 6 seeds, after turns 3, 7, 11 and 15, each side (72 decisions, after a
 *   warm-up of 4); per side in `ai_hard_decision_by_side_ms`. Goals: median ≤ 250, p95 ≤ 1000.
 *   `ai_frame_p95_ms` (the board while a hard side thinks) comes from scripts/bench-board.ts.
 *
 * Metadata: Node and V8 versions, CPU, and the 1-minute load average (a busy machine inflates
 * wall-clock times; the ratios are the figures to compare).
 */
import { arch, cpus, loadavg, platform } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  bot,
  checkMap,
  checkScenario,
  createGame,
  findScenario,
  MAP,
  POLICIES,
  PHASES,
  registerMap,
  resolveTurn,
  resolveTurnInPlace,
  SIDES,
  viewFor,
  validateTurnInput,
  type GameState,
  type MapContent,
  type RegionDef,
  type Scenario,
  type TurnInput,
  type ZoneDef,
} from '../game/index';
// Internals, for the per-phase profile: the engine's own turn context.
import { contextFor } from '../game/resolve';
// The board's figures (web build in Chromium), after the engine's: see scripts/bench-board.ts.
import { benchBoard } from './bench-board';

const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
const median = (xs: number[]): number => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};
const r3 = (x: number) => Math.round(x * 1000) / 1000;

interface Sample {
  state: GameState;
  input: TurnInput;
}

/** Play status-quo games and keep each turn's state and input, to be timed later. */
function prepareTurns(scenario: Scenario, seeds: number[], turns: number): Sample[] {
  const out: Sample[] = [];
  for (const seed of seeds) {
    let state = createGame(scenario, seed, { turns });
    while (state.status === 'playing') {
      const input: TurnInput = { orders: SIDES.map((side) => POLICIES[side]['status-quo']!(state).orders) };
      out.push({ state, input });
      const r = resolveTurn(state, input);
      if (!r.ok) throw new Error(`turn ${state.turn + 1} of seed ${seed} refused: ${r.errors[0]!.message}`);
      state = r.state;
    }
  }
  return out;
}

/** A plain, unfrozen deep copy of a state that still shares the scenario object. */
function plainCopy(state: GameState): GameState {
  const copy = structuredClone({ ...state, scenario: null }) as unknown as GameState;
  copy.scenario = state.scenario;
  return copy;
}

function timeTurns(samples: Sample[], rounds: number): { immer: number[]; inplace: number[]; validate: number[] } {
  const immer: number[] = [];
  const inplace: number[] = [];
  const validate: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const { state, input } of samples) {
      const copy = plainCopy(state);
      let t = performance.now();
      const r = resolveTurn(state, input);
      immer.push(performance.now() - t);
      if (!r.ok) throw new Error('a prepared turn was refused');
      t = performance.now();
      resolveTurnInPlace(copy, input);
      inplace.push(performance.now() - t);
      t = performance.now();
      validateTurnInput(state, input);
      validate.push(performance.now() - t);
    }
  }
  return { immer, inplace, validate };
}

/** Each phase's time, in place, on copies of the prepared states (with the engine's own context setup). */
function profilePhases(samples: Sample[]): Record<string, number> {
  const times = new Map<string, number[]>(PHASES.map((p) => [p.name, []]));
  for (const { state, input } of samples) {
    const s = plainCopy(state);
    const ctx = contextFor(s, input, s.rng);
    for (const phase of PHASES) {
      const t = performance.now();
      phase.run(s, ctx);
      times.get(phase.name)!.push(performance.now() - t);
    }
  }
  return Object.fromEntries([...times].map(([k, v]) => [k, Math.round(median(v) * 10000) / 10000]));
}

// --- Synthetic maps: the 26 regions tiled k times ---

/** Three-letter codes not used by the real map, in a fixed order. */
function* codes(taken: Set<string>): Generator<string> {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of A) for (const b of A) for (const c of A) if (!taken.has(`PE-${a}${b}${c}`)) yield `PE-${a}${b}${c}`;
}

/**
 * Copy 0 keeps the real ids (the exits' gateways, the leaders and the policies' named regions stay
 * valid); copies 1…k−1 get new ids. Inside a copy the real adjacency is repeated; copy c is also
 * linked to copy ⌊(c−1)/2⌋ through its Junín and its Lima, so the graph stays connected with a
 * shallow (binary-tree) diameter.
 */
function syntheticMap(k: number): { map: MapContent; idOf: (copy: number, realId: string) => string } {
  const real = MAP.regions;
  const gen = codes(new Set(real.map((r) => r.id)));
  const ids: Map<string, string>[] = [];
  const fresh = (): string => {
    const next = gen.next();
    if (next.done) throw new Error('out of three-letter region codes');
    return next.value;
  };
  for (let c = 0; c < k; c++) ids.push(new Map(real.map((r): [string, string] => [r.id, c === 0 ? r.id : fresh()])));
  const idOf = (c: number, realId: string) => ids[c]!.get(realId)!;
  const regions: RegionDef[] = [];
  const extra = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    extra.set(a, [...(extra.get(a) ?? []), b]);
    extra.set(b, [...(extra.get(b) ?? []), a]);
  };
  for (let c = 1; c < k; c++) {
    const p = Math.floor((c - 1) / 2);
    for (const hub of ['PE-JUN', 'PE-LIM']) link(idOf(c, hub), idOf(p, hub));
  }
  for (let c = 0; c < k; c++) {
    for (const r of real) {
      const id = idOf(c, r.id);
      regions.push({
        ...r,
        id,
        name: c === 0 ? r.name : `${r.name} ${c}`,
        neighbors: [...r.neighbors.map((n) => idOf(c, n)), ...(extra.get(id) ?? [])],
      });
    }
  }
  const zones: ZoneDef[] = MAP.zones.map((z) => ({
    ...z,
    members: Array.from({ length: k }, (_x, c) => z.members.map((m) => ({ ...m, region: idOf(c, m.region) }))).flat(),
  }));
  const map: MapContent = { ...MAP, id: `synthetic-${k}x`, regions, zones, exits: MAP.exits.map((e) => ({ ...e })) };
  return { map, idOf };
}

function syntheticScenario(base: Scenario, k: number, map: MapContent, idOf: (c: number, id: string) => string): Scenario {
  return {
    ...base,
    id: `${base.id}-synthetic-${k}x`,
    map: map.id,
    regions: Array.from({ length: k }, (_x, c) => base.regions.map((r) => ({ ...r, region: idOf(c, r.region) }))).flat(),
    national: { ...base.national, clanCashMusd: base.national.clanCashMusd * k, insurgentCashMusd: base.national.insurgentCashMusd * k },
    budgets: {
      ...base.budgets,
      state: { moneyMusd: base.budgets.state.moneyMusd * k, army: base.budgets.state.army * k, police: base.budgets.state.police * k },
    },
    msel: [...base.msel],
  };
}

interface ScaleResult {
  regions: number;
  resolve_turn_median_ms: number;
  baseline_turn_median_ms: number;
  per_region_ratio: number;
  per_region_cpu_ratio: number;
  samples: number;
}

/**
 * Resolve the samples once each, timing windows of `chunk` consecutive turns; each window's time
 * per turn goes into `into`. Returns the mean CPU time per turn.
 */
function timeBlock(samples: Sample[], chunk: number, into: number[]): number {
  const cpu0 = process.cpuUsage();
  let done = 0;
  for (let i = 0; i + chunk <= samples.length; i += chunk) {
    const t = performance.now();
    for (let j = i; j < i + chunk; j++) resolveTurn(samples[j]!.state, samples[j]!.input);
    into.push((performance.now() - t) / chunk);
    done += chunk;
  }
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1000 / done;
}

/**
 * Time per region on a k× map over time per region on the baseline. The two are timed in
 * alternating blocks (same machine load, same heap), and over windows of equal length: one k×
 * turn against k consecutive baseline turns, so preemption and garbage collection on a busy
 * machine weigh on both alike (a 0.3 ms turn rarely straddles a scheduler tick; a 30 ms one
 * always does). The median window gives the ratio; the CPU-time ratio is a cross-check.
 */
function scaleRun(base: Scenario, k: number, baseline: Sample[]): ScaleResult {
  const { map, idOf } = syntheticMap(k);
  const m = checkMap(map);
  if (!m.ok)
    throw new Error(
      `synthetic map ${k}× is invalid: ${m.problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}`,
    );
  const checked = checkScenario(syntheticScenario(base, k, map, idOf), map);
  if (!checked.ok)
    throw new Error(
      `synthetic scenario ${k}× is invalid: ${checked.problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}`,
    );
  const scenario = checked.value;
  registerMap(m.value);
  const turns = k >= 50 ? 10 : 20;
  const seeds = k >= 50 ? [1, 2] : [1, 2, 3];
  log(`${k}×: preparing ${seeds.length * turns} turns on ${map.regions.length} regions`);
  const samples = prepareTurns(scenario, seeds, turns);
  if (samples[0]!.state.regions.length !== map.regions.length) throw new Error('the engine did not pick up the synthetic map');
  const rounds = k >= 50 ? 5 : 6;
  const big: number[] = [];
  const small: number[] = [];
  let cpuBig = 0;
  let cpuSmall = 0;
  log(`${k}×: timing ${rounds} rounds, alternating with windows of ${k} baseline turns`);
  for (let round = -1; round < rounds; round++) {
    const b: number[] = [];
    const a: number[] = [];
    const cb = timeBlock(samples, 1, b);
    const ca = timeBlock(baseline, k, a);
    if (round < 0) continue; // warm-up
    big.push(...b);
    small.push(...a);
    cpuBig += cb / rounds;
    cpuSmall += ca / rounds;
  }
  const n = map.regions.length;
  const nb = base.regions.length;
  return {
    regions: n,
    resolve_turn_median_ms: r3(median(big)),
    baseline_turn_median_ms: r3(median(small)),
    per_region_ratio: r3(median(big) / n / (median(small) / nb)),
    per_region_cpu_ratio: r3(cpuBig / n / (cpuSmall / nb)),
    samples: big.length,
  };
}

function botGames(scenario: Scenario): { games: number; seconds: number; turnMs: number[]; sideMs: Record<string, number[]> } {
  const turnMs: number[] = [];
  const sideMs: Record<string, number[]> = { state: [], clans: [], insurgents: [] };
  const start = performance.now();
  let games = 0;
  while (games < 20 || performance.now() - start < 10_000) {
    let state = createGame(scenario, 1000 + games, { turns: 20 });
    while (state.status === 'playing') {
      const t0 = performance.now();
      const orders = SIDES.map((side) => {
        const t = performance.now();
        const o = bot(state, side, 'normal').orders;
        sideMs[side]!.push(performance.now() - t);
        return o;
      });
      turnMs.push(performance.now() - t0);
      const r = resolveTurn(state, { orders });
      if (!r.ok) throw new Error(`bot game ${games}: turn ${state.turn + 1} refused: ${r.errors[0]!.message}`);
      state = r.state;
    }
    games++;
    if (games > 10_000) break;
  }
  return { games, seconds: (performance.now() - start) / 1000, turnMs, sideMs };
}

/** Hard decisions on mid-game states of all-normal games (see the header). */
function hardDecisions(scenario: Scenario): { all: number[]; bySide: Record<string, number[]> } {
  const states: GameState[] = [];
  for (const seed of [11, 12, 13, 14, 15, 16]) {
    let state = createGame(scenario, seed, { turns: 20 });
    for (let turn = 1; turn <= 15; turn++) {
      const r = resolveTurn(state, { orders: SIDES.map((side) => bot(state, side, 'normal').orders) });
      if (!r.ok) throw new Error(`seed ${seed}: turn ${turn} refused`);
      state = r.state;
      if (turn % 4 === 3) states.push(state);
    }
  }
  for (const side of SIDES) bot(states[0]!, side, 'hard');
  bot(states[1]!, 'state', 'hard');
  const all: number[] = [];
  const bySide: Record<string, number[]> = { state: [], clans: [], insurgents: [] };
  for (const state of states) {
    for (const side of SIDES) {
      const t0 = performance.now();
      bot(state, side, 'hard');
      const ms = performance.now() - t0;
      all.push(ms);
      bySide[side]!.push(ms);
    }
  }
  return { all, bySide };
}

const p95 = (xs: number[]): number => {
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.ceil(0.95 * v.length) - 1)]!;
};

async function main(): Promise<void> {
  const scenario = findScenario('interdiction-2016');
  if (!scenario) throw new Error('baseline scenario missing');
  log('preparing 200 baseline turns (10 seeds × 20 turns)');
  const samples = prepareTurns(scenario, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 20);
  log('warming up');
  timeTurns(samples, 1);
  log('timing resolveTurn and resolveTurnInPlace');
  const t = timeTurns(samples, 3);
  const resolveMed = median(t.immer);
  const inplaceMed = median(t.inplace);
  const validateMed = median(t.validate);
  log('profiling phases');
  profilePhases(samples);
  const phases = profilePhases(samples);
  const load0 = loadavg()[0]!;
  const scale10 = scaleRun(scenario, 10, samples);
  const scale70 = scaleRun(scenario, 70, samples);
  log('all-bot games (normal), at least 20 games and 10 s');
  const b = botGames(scenario);
  log('hard decisions on 24 mid-game states × 3 sides');
  const ai = hardDecisions(scenario);
  const viewTimes: number[] = [];
  for (const { state } of samples) {
    const t0 = performance.now();
    viewFor(state, 'clans');
    viewTimes.push(performance.now() - t0);
  }
  const viewMs = median(viewTimes);
  const ratio = resolveMed / inplaceMed;
  const cpu = cpus();
  const result = {
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()}-${arch()}`,
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    resolve_turn_median_ms: r3(resolveMed),
    resolve_turn_samples: t.immer.length,
    inplace_turn_median_ms: r3(inplaceMed),
    immer_vs_inplace_ratio: r3(ratio),
    validate_turn_median_ms: r3(validateMed),
    immer_vs_inplace_ratio_without_validation: r3((resolveMed - validateMed) / inplaceMed),
    phase_inplace_median_ms: phases,
    scale_10x_per_region_ratio: scale10.per_region_ratio,
    scale_70x_per_region_ratio: scale70.per_region_ratio,
    scale_10x_per_region_cpu_ratio: scale10.per_region_cpu_ratio,
    scale_70x_per_region_cpu_ratio: scale70.per_region_cpu_ratio,
    scale: { x10: scale10, x70: scale70 },
    bot_games_per_s: r3(b.games / b.seconds),
    bot_games: b.games,
    bot_seconds: r3(b.seconds),
    bot_turn_median_ms: r3(median(b.turnMs)),
    bot_decide_median_ms: Object.fromEntries(Object.entries(b.sideMs).map(([k, v]) => [k, r3(median(v))])),
    view_for_median_ms: r3(viewMs),
    ai_hard_decision_median_ms: r3(median(ai.all)),
    ai_hard_decision_p95_ms: r3(p95(ai.all)),
    ai_hard_decision_samples: ai.all.length,
    ai_hard_decision_by_side_ms: Object.fromEntries(
      Object.entries(ai.bySide).map(([k, v]) => [k, { median: r3(median(v)), p95: r3(p95(v)) }]),
    ),
    ai_limits: { ai_hard_decision_median_ms: 250, ai_hard_decision_p95_ms: 1000, ai_frame_p95_ms: 20 },
    load_average_1m: { before_scale: Math.round(load0 * 100) / 100, end: Math.round(loadavg()[0]! * 100) / 100 },
    limits: { immer_vs_inplace_ratio: 1.5, scale_per_region_ratio: 1.3 },
    within_limits: ratio <= 1.5 && scale10.per_region_ratio <= 1.3 && scale70.per_region_ratio <= 1.3,
  };
  const board = await benchBoard();
  process.stdout.write(JSON.stringify({ ...result, ...board }, null, 2) + '\n');
}

void main();
