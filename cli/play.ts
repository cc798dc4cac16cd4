/**
 * Playing a whole game headless: who sits in each seat (a bot at a difficulty, or a named
 * policy), the facilitator's scripted injects and overrides, and the replayable log. Pure (engine
 * imports only), so the app's batch runs and the command line share it.
 */
import {
  appendTurn,
  bot,
  createGame,
  DIFFICULTIES,
  newLog,
  ORDER_SPECS,
  OVERRIDE_TARGETS,
  POLICIES,
  policyOrders,
  resolveTurn,
  SIDES,
  validateOrders,
  type BotDecision,
  type Difficulty,
  type GameEvent,
  type GameLog,
  type GameState,
  type InjectInput,
  type Order,
  type Override,
  type Scenario,
  type SearchOptions,
  type Side,
  type SideOrders,
  type TurnInput,
} from '../game/index';

export type Seat = { kind: 'bot'; difficulty: Difficulty } | { kind: 'policy'; name: string };

export const DEFAULT_SEAT: Seat = { kind: 'policy', name: 'status-quo' };

export const seatLabel = (seat: Seat): string => (seat.kind === 'bot' ? `bot:${seat.difficulty}` : `policy:${seat.name}`);

/** The seat specs a side accepts, for help and error messages. */
export function seatChoices(side: Side): string[] {
  return ['bot', ...DIFFICULTIES.map((d) => `bot:${d}`), ...Object.keys(POLICIES[side]).map((p) => `policy:${p}`)];
}

/** `bot`, `bot:easy|normal|hard` or `policy:<name>` (a policy of that side; the bare name will do). */
export function parseSeat(side: Side, text: string): { ok: true; seat: Seat } | { ok: false; message: string } {
  if (Object.prototype.hasOwnProperty.call(POLICIES[side], text)) return { ok: true, seat: { kind: 'policy', name: text } };
  const [kind, name, ...rest] = text.split(':');
  if (kind === 'bot' && rest.length === 0) {
    const difficulty = (name ?? 'normal') as Difficulty;
    if (DIFFICULTIES.includes(difficulty)) return { ok: true, seat: { kind: 'bot', difficulty } };
    return { ok: false, message: `unknown bot difficulty "${name}" (choose ${DIFFICULTIES.join(', ')})` };
  }
  if (kind === 'policy' && name !== undefined && rest.length === 0) {
    if (Object.prototype.hasOwnProperty.call(POLICIES[side], name)) return { ok: true, seat: { kind: 'policy', name } };
    return { ok: false, message: `unknown ${side} policy "${name}" (choose ${Object.keys(POLICIES[side]).join(', ')})` };
  }
  return { ok: false, message: `"${text}" is not a seat (choose ${seatChoices(side).join(', ')})` };
}

/** Orders a seat gave that the engine refused, and what was dropped so the turn can go on. */
export interface Repair {
  side: Side;
  seat: string;
  turn: number;
  errors: string[];
  dropped: number;
}

/** Which orders a pool-level error (no order index) is about. */
const POOL_KINDS: Record<string, (o: Order) => boolean> = {
  army: (o) => o.kind === 'deployArmy',
  police: (o) => o.kind === 'deployPolice',
  fighters: (o) => o.kind === 'ambush' || o.kind === 'attack',
  money: (o) => ORDER_SPECS[o.kind].pool === 'money',
};

/**
 * A policy's or bot's orders are planned to be legal, but a planning bug must not stop a batch of
 * hundreds of games: orders the engine refuses are dropped (each refused order, or for a pool
 * overdrawn the orders drawing on that pool) and the repair is reported, never silent.
 */
export function repairOrders(state: GameState, so: SideOrders): { orders: SideOrders; errors: string[]; dropped: number } {
  let orders = so.orders;
  const messages: string[] = [];
  for (let guard = 0; guard < 5; guard++) {
    const errors = validateOrders(state, { ...so, orders });
    if (!errors.length) break;
    messages.push(...errors.map((e) => `${e.path}: ${e.message}`));
    const bad = new Set<number>();
    const pools = new Set<string>();
    for (const e of errors) {
      const m = /\]\[(\d+)\]/.exec(e.path);
      if (m) bad.add(Number(m[1]));
      else if (e.code === 'order.overBudget' && typeof e.values?.pool === 'string') pools.add(e.values.pool);
      else pools.add('fighters');
    }
    const before = orders.length;
    orders = orders.filter((o, i) => !bad.has(i) && ![...pools].some((p) => (POOL_KINDS[p] ?? (() => true))(o)));
    if (orders.length === before) orders = [];
  }
  return { orders: { ...so, orders }, errors: messages, dropped: so.orders.length - orders.length };
}

/** What a seat decides on `state` (before any repair): a bot at its level, or a named policy. */
export function seatDecision(state: GameState, side: Side, seat: Seat, search: SearchOptions = {}): BotDecision {
  return seat.kind === 'bot' ? bot(state, side, seat.difficulty, search) : policyOrders(state, side, seat.name);
}

/**
 * The seat's orders made safe to resolve: orders the engine refuses are dropped and reported
 * (`onRepair`); the `author` (who decided, and why, as data) stays with them for the log.
 */
export function settle(state: GameState, side: Side, seat: Seat, decided: BotDecision, onRepair?: (r: Repair) => void): SideOrders {
  const fixed = repairOrders(state, { side, orders: decided.orders.orders });
  if (fixed.errors.length) onRepair?.({ side, seat: seatLabel(seat), turn: state.turn + 1, errors: fixed.errors, dropped: fixed.dropped });
  const out: SideOrders = { side, orders: fixed.orders.orders };
  if (decided.orders.author) out.author = decided.orders.author;
  return out;
}

/** The orders the seat gives this turn, with their author (who decided and why) for the log and the AAR. */
export function decide(state: GameState, side: Side, seat: Seat, onRepair?: (r: Repair) => void, search: SearchOptions = {}): SideOrders {
  return settle(state, side, seat, seatDecision(state, side, seat, search), onRepair);
}

/** A facilitator input scheduled for a turn. */
export interface Scheduled<T> {
  turn: number;
  value: T;
}

export interface GameSetup {
  scenario: Scenario;
  seed: number;
  /** Turns to play (the scenario's by default). */
  turns?: number;
  seats: Record<Side, Seat>;
  injects?: Scheduled<InjectInput>[];
  overrides?: Scheduled<Override>[];
}

/** A turn the engine refused (bad facilitator input, or a seat that gave illegal orders). */
export class TurnRejected extends Error {
  constructor(
    readonly turn: number,
    readonly errors: { path: string; message: string }[],
  ) {
    super(`turn ${turn} was rejected: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
}

/** Problems with scheduled injects and overrides, before anything is played. */
export function checkScheduled(
  scenario: Scenario,
  turns: number,
  injects: Scheduled<InjectInput>[],
  overrides: Scheduled<Override>[],
): string[] {
  const problems: string[] = [];
  const regions = new Set(scenario.regions.map((r) => r.region));
  const ids = scenario.injectLibrary.map((d) => d.id);
  injects.forEach(({ turn, value }, i) => {
    const id = 'id' in value ? value.id : value.custom.id;
    const where = `inject ${i + 1} (${id} on turn ${turn})`;
    if (!Number.isInteger(turn) || turn < 1 || turn > turns) problems.push(`${where}: turn ${turn} is outside 1–${turns}`);
    if ('id' in value && !ids.includes(value.id))
      problems.push(`${where}: the scenario has no inject "${value.id}" (choose ${ids.join(', ')})`);
    if (value.region !== undefined && !regions.has(value.region)) problems.push(`${where}: unknown region "${value.region}"`);
  });
  overrides.forEach(({ turn, value }, i) => {
    const where = `override ${i + 1} (${value.target} on turn ${turn})`;
    if (!Number.isInteger(turn) || turn < 1 || turn > turns) problems.push(`${where}: turn ${turn} is outside 1–${turns}`);
    if (!(OVERRIDE_TARGETS as readonly string[]).includes(value.target))
      problems.push(`${where}: unknown target "${value.target}" (choose ${OVERRIDE_TARGETS.join(', ')})`);
    if (value.target.startsWith('region.') && (value.region === undefined || !regions.has(value.region)))
      problems.push(`${where}: ${value.region === undefined ? 'a regional override needs a region' : `unknown region "${value.region}"`}`);
    if (!Number.isFinite(value.value)) problems.push(`${where}: value must be a finite number, got ${value.value}`);
    if (value.reason.trim().length < 3 || value.reason.length > 2000) problems.push(`${where}: the reason must be 3–2,000 characters`);
  });
  return problems;
}

export interface PlayedGame {
  state: GameState;
  log: GameLog;
}

/** The facilitator's inputs scheduled for `turn`, added to the turn's orders. */
function turnInput(setup: GameSetup, turn: number, orders: SideOrders[]): TurnInput {
  const input: TurnInput = { orders };
  const injects = (setup.injects ?? []).filter((s) => s.turn === turn).map((s) => s.value);
  const overrides = (setup.overrides ?? []).filter((s) => s.turn === turn).map((s) => s.value);
  if (injects.length) input.injects = injects;
  if (overrides.length) input.overrides = overrides;
  return input;
}

/**
 * Play the game to its end: each turn every seat decides on the state before the turn, the
 * facilitator inputs for the turn are added, and the engine resolves it. `onTurn` sees every
 * resolved state (for per-turn tables) without the caller keeping them all.
 */
export function playGame(
  setup: GameSetup,
  onTurn?: (state: GameState, events: GameEvent[]) => void,
  onRepair?: (r: Repair) => void,
): PlayedGame {
  let state = createGame(setup.scenario, setup.seed, setup.turns === undefined ? {} : { turns: setup.turns });
  let log = newLog(state);
  while (state.status === 'playing') {
    const turn = state.turn + 1;
    const orders = SIDES.map((side) => decide(state, side, setup.seats[side], onRepair));
    const input = turnInput(setup, turn, orders);
    const r = resolveTurn(state, input);
    if (!r.ok) throw new TurnRejected(turn, r.errors);
    state = r.state;
    log = appendTurn(log, input, state);
    onTurn?.(state, r.events);
  }
  return { state, log };
}

/**
 * The same game with the seats' decisions made by `decideAsync` (the command line's worker
 * threads: the three sides of a turn decide in parallel). Same orders, same game, same log.
 */
export async function playGameAsync(
  setup: GameSetup,
  decideAsync: (state: GameState, side: Side, seat: Seat) => Promise<BotDecision>,
  onTurn?: (state: GameState, events: GameEvent[]) => void,
  onRepair?: (r: Repair) => void,
): Promise<PlayedGame> {
  let state = createGame(setup.scenario, setup.seed, setup.turns === undefined ? {} : { turns: setup.turns });
  let log = newLog(state);
  while (state.status === 'playing') {
    const turn = state.turn + 1;
    const before = state;
    const decided = await Promise.all(SIDES.map((side) => decideAsync(before, side, setup.seats[side])));
    const orders = SIDES.map((side, i) => settle(before, side, setup.seats[side], decided[i]!, onRepair));
    const input = turnInput(setup, turn, orders);
    const r = resolveTurn(state, input);
    if (!r.ok) throw new TurnRejected(turn, r.errors);
    state = r.state;
    log = appendTurn(log, input, state);
    onTurn?.(state, r.events);
  }
  return { state, log };
}
