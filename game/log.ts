/**
 * The replayable log: scenario (embedded, with its content hash), seed, every turn's inputs
 * (orders, injects, overrides) and the state hash after each turn. Replaying recomputes the game
 * and names the first turn whose hash differs.
 */
import { z } from 'zod';
import { SIDES, ScenarioSchema, InjectInputSchema, type Scenario } from './content/scenario-schema';
import { createGame, MAX_SEED, scenarioHash } from './create';
import type { GameEvent } from './events';
import { hashValue } from './hash';
import { resolveTurn } from './resolve';
import { MAX_NOTE_CHARS, type GameState, type TurnInput } from './types';

export const LOG_FORMAT = 'cordillera-log';
export const LOG_VERSION = 1;

export interface LogEntry {
  turn: number;
  input: TurnInput;
  /** `hashState` after this turn. */
  hash: string;
}

export interface GameLog {
  format: typeof LOG_FORMAT;
  version: typeof LOG_VERSION;
  scenarioId: string;
  scenarioHash: string;
  scenario: Scenario;
  seed: number;
  turns: number;
  entries: LogEntry[];
  finalHash: string;
}

export function hashState(state: GameState): string {
  return hashValue(state);
}

export function newLog(state: GameState): GameLog {
  return {
    format: LOG_FORMAT, version: LOG_VERSION, scenarioId: state.scenarioId, scenarioHash: state.scenarioHash,
    scenario: state.scenario, seed: state.seed, turns: state.turnsTotal, entries: [], finalHash: hashState(state),
  };
}

/** A new log with one more turn (logs are values too: the caller keeps the old one for undo). */
export function appendTurn(log: GameLog, input: TurnInput, after: GameState): GameLog {
  const hash = hashState(after);
  return { ...log, entries: [...log.entries, { turn: after.turn, input, hash }], finalHash: hash };
}

const TurnInputShape = z.object({
  orders: z.array(z.object({ side: z.enum(SIDES), orders: z.array(z.unknown()), note: z.string().max(MAX_NOTE_CHARS).optional() })),
  injects: z.array(InjectInputSchema).optional(),
  overrides: z.array(z.object({ target: z.string(), region: z.string().optional(), value: z.number(), reason: z.string() })).optional(),
});

export const GameLogSchema = z.strictObject({
  format: z.literal(LOG_FORMAT),
  version: z.number().int(),
  scenarioId: z.string().min(1),
  scenarioHash: z.string().regex(/^[0-9a-f]{16}$/),
  scenario: z.unknown(),
  seed: z.number().int().min(0).max(MAX_SEED),
  turns: z.number().int().min(1).max(200),
  entries: z.array(z.strictObject({ turn: z.number().int().min(1), input: TurnInputShape, hash: z.string().regex(/^[0-9a-f]{16}$/) })).max(200),
  finalHash: z.string().regex(/^[0-9a-f]{16}$/),
});

export type ReplayResult =
  | { ok: true; state: GameState; states: GameState[]; events: GameEvent[][] }
  | { ok: false; code: string; message: string; turn?: number; state?: GameState };

/** Check a parsed log's shape and version and its scenario's integrity. */
export function checkLog(data: unknown): { ok: true; log: GameLog } | { ok: false; code: string; message: string } {
  if (data && typeof data === 'object' && (data as { format?: unknown }).format === LOG_FORMAT) {
    const v = (data as { version?: unknown }).version;
    if (typeof v === 'number' && v > LOG_VERSION)
      return { ok: false, code: 'log.futureVersion', message: `log version ${v} is newer than this Cordillera understands (${LOG_VERSION})` };
  }
  const parsed = GameLogSchema.safeParse(data);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return { ok: false, code: 'log.malformed', message: `${i.path.join('.') || '(file)'}: ${i.message}` };
  }
  if (parsed.data.entries.length > parsed.data.turns)
    return { ok: false, code: 'log.malformed', message: `the log has ${parsed.data.entries.length} turns but the game has only ${parsed.data.turns}` };
  const misnumbered = parsed.data.entries.findIndex((e, i) => e.turn !== i + 1);
  if (misnumbered >= 0)
    return { ok: false, code: 'log.malformed', message: `entries[${misnumbered}] is numbered turn ${parsed.data.entries[misnumbered]!.turn}, expected ${misnumbered + 1}` };
  const sc = ScenarioSchema.safeParse(parsed.data.scenario);
  if (!sc.success) return { ok: false, code: 'log.badScenario', message: `scenario.${sc.error.issues[0]!.path.join('.')}: ${sc.error.issues[0]!.message}` };
  if (scenarioHash(sc.data) !== parsed.data.scenarioHash)
    return { ok: false, code: 'log.scenarioMismatch', message: 'the scenario in the log does not match its recorded hash (edited or from another version)' };
  return { ok: true, log: { ...parsed.data, scenario: sc.data } as GameLog };
}

/** Recompute a game from its log; stops at the first turn whose state hash differs. */
export function replay(log: GameLog, opts: { keepStates?: boolean } = {}): ReplayResult {
  let state = createGame(log.scenario, log.seed, { turns: log.turns });
  const states: GameState[] = opts.keepStates ? [state] : [];
  const events: GameEvent[][] = [];
  for (const entry of log.entries) {
    const r = resolveTurn(state, entry.input);
    if (!r.ok) return { ok: false, code: 'replay.invalidTurn', message: `turn ${entry.turn}: ${r.errors[0]!.message}`, turn: entry.turn, state };
    state = r.state;
    if (opts.keepStates) states.push(state);
    events.push(r.events);
    if (hashState(state) !== entry.hash)
      return { ok: false, code: 'replay.diverged', message: `turn ${entry.turn} diverges from the log`, turn: entry.turn, state };
  }
  if (hashState(state) !== log.finalHash) return { ok: false, code: 'replay.finalMismatch', message: 'the final state differs from the log', state };
  return { ok: true, state, states, events };
}
