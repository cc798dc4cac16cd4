/**
 * The replayable log: scenario (embedded, with its content hash), seed, every turn's inputs
 * (orders, injects, overrides) and the state hash after each turn. Replaying recomputes the game
 * and names the first turn whose hash differs.
 */
import { z } from 'zod';
import { MselActionSchema, MselEntrySchema } from './content/inject-schema';
import { SIDES, ScenarioSchema, InjectInputSchema, type Scenario } from './content/scenario-schema';
import { createGame, MAX_SEED, scenarioHash } from './create';
import type { GameEvent } from './events';
import { LEVERS } from './ai/plans';
import { hashValue } from './hash';
import { resolveTurn } from './resolve';
import { DIFFICULTIES, MAX_NOTE_CHARS, type Author, type Difficulty, type GameState, type TurnInput } from './types';
import { LOG_FORMAT, LOG_VERSION, MODEL_VERSION } from './versions';

export { LOG_FORMAT, LOG_VERSION, MODEL_VERSION };

export interface LogEntry {
  turn: number;
  input: TurnInput;
  /** `hashState` after this turn. */
  hash: string;
}

export interface GameLog {
  format: typeof LOG_FORMAT;
  version: typeof LOG_VERSION;
  /** The rules the game was played with (`MODEL_VERSION`). */
  model: number;
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
    format: LOG_FORMAT,
    version: LOG_VERSION,
    model: MODEL_VERSION,
    scenarioId: state.scenarioId,
    scenarioHash: state.scenarioHash,
    scenario: state.scenario,
    seed: state.seed,
    turns: state.turnsTotal,
    entries: [],
    finalHash: hashState(state),
  };
}

/** A new log with one more turn (logs are values too: the caller keeps the old one for undo). */
export function appendTurn(log: GameLog, input: TurnInput, after: GameState): GameLog {
  const hash = hashState(after);
  return { ...log, entries: [...log.entries, { turn: after.turn, input, hash }], finalHash: hash };
}

// --- Who decided a side's orders, and why (optional: logs written before it existed have none) ---

/** Each lever's possible values, over the sides (a plan names only these). */
const LEVER_VALUES = new Map<string, (string | number)[]>();
for (const side of SIDES) for (const l of LEVERS[side]) LEVER_VALUES.set(l.id, [...(LEVER_VALUES.get(l.id) ?? []), ...l.values]);

const Key = z
  .string()
  .regex(/^ai\.[\w.-]+$/)
  .max(100);
const Name = z
  .string()
  .regex(/^[\w-]+$/)
  .max(60);
/**
 * A figure as decisions record it: rounded to the hundredth at most, and at most a billion in size
 * (an edited log with a figure no decision could have written is refused, not shown).
 */
const Figure = z
  .number()
  .finite()
  .refine((x) => Math.abs(x) <= 1e9 && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6, 'a figure rounded to the hundredth, at most 1e9');
const Figures = z.record(z.string().regex(/^\w+$/).max(40), Figure).refine((r) => Object.keys(r).length <= 20, 'at most 20 figures');
const ReasonSchema = z.strictObject({
  key: Key,
  // Names in reasons are ids of regions and exits (`PE-AYA`, `sea-callao`).
  values: z
    .record(
      z.string().regex(/^\w+$/).max(40),
      z.union([
        z
          .string()
          .regex(/^[a-zA-Z]+(-[a-zA-Z0-9]+)+$/)
          .max(100),
        Figure,
      ]),
    )
    .refine((r) => Object.keys(r).length <= 12, 'at most 12 values'),
});
const PlanSchema = z.strictObject({
  base: Name,
  levers: z
    .record(Name, z.union([Name, Figure]))
    .refine((r) => Object.keys(r).length <= 20, 'at most 20 levers')
    .refine((r) => Object.entries(r).every(([id, v]) => LEVER_VALUES.get(id)?.includes(v)), 'a lever and value the computer knows'),
});
const ExpectedSchema = z.strictObject({ score: Figure, measures: Figures });
const count = z.number().int().min(0).max(1e7);
/** A computer's decision (`Decision` in types.ts): validated field by field, unknown fields refused. */
export const DecisionSchema = z.strictObject({
  plan: PlanSchema,
  reasons: z.array(ReasonSchema).max(60),
  drivers: z.array(ReasonSchema).max(20),
  expected: ExpectedSchema.optional(),
  alternatives: z
    .array(z.strictObject({ plan: PlanSchema, expected: ExpectedSchema }))
    .max(10)
    .optional(),
  now: Figures.optional(),
  search: z.strictObject({ budget: count, evaluations: count, candidates: count, samples: count, horizon: count }).optional(),
});
const DifficultySchema = z.enum(DIFFICULTIES as [Difficulty, ...Difficulty[]]);
/** Who decided a side's orders: people (with the advice they applied), a bot at a level, a named policy. */
export const AuthorSchema: z.ZodType<Author> = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('human'),
    advice: z
      .strictObject({ difficulty: DifficultySchema, applied: z.enum(['as-given', 'edited', 'seen']), decision: DecisionSchema })
      .optional(),
  }),
  z.strictObject({ kind: z.literal('bot'), difficulty: DifficultySchema, decision: DecisionSchema }),
  z.strictObject({ kind: z.literal('policy'), policy: Name, decision: DecisionSchema }),
]);

const TurnInputShape = z.object({
  orders: z.array(
    z.object({
      side: z.enum(SIDES),
      orders: z.array(z.unknown()),
      note: z.string().max(MAX_NOTE_CHARS).optional(),
      author: AuthorSchema.optional(),
    }),
  ),
  injects: z.array(InjectInputSchema).optional(),
  msel: z.array(MselActionSchema).optional(),
  overrides: z.array(z.object({ target: z.string(), region: z.string().optional(), value: z.number(), reason: z.string() })).optional(),
  schedule: z.array(MselEntrySchema).optional(),
  notes: z.array(z.object({ turn: z.number().int(), phase: z.enum(['planning', 'review']), text: z.string() })).optional(),
});

export const GameLogSchema = z.strictObject({
  format: z.literal(LOG_FORMAT),
  version: z.number().int(),
  model: z.number().int().min(1).optional(),
  scenarioId: z.string().min(1),
  scenarioHash: z.string().regex(/^[0-9a-f]{16}$/),
  scenario: z.unknown(),
  seed: z.number().int().min(0).max(MAX_SEED),
  turns: z.number().int().min(1).max(200),
  entries: z
    .array(z.strictObject({ turn: z.number().int().min(1), input: TurnInputShape, hash: z.string().regex(/^[0-9a-f]{16}$/) }))
    .max(200),
  finalHash: z.string().regex(/^[0-9a-f]{16}$/),
});

export type ReplayResult =
  | { ok: true; state: GameState; states: GameState[]; events: GameEvent[][] }
  | { ok: false; code: string; message: string; turn?: number; state?: GameState };

/**
 * Why a log was refused: a code, and the values that say what exactly (read by programs; the
 * sentence for people is built from them, e.g. `error.save.*` in the app's catalogues). `message`
 * is the same in English, for the command line and developers.
 */
export type LogProblem = { ok: false; message: string } &
  /** Written by a newer Cordillera. */
  (
    | { code: 'log.futureVersion'; values: { version: number; max: number } }
    /** Played under other rules (`model`; 1 for logs written before the model had a version). */
    | { code: 'log.otherModel'; values: { model: number; current: number } }
    /** Not a log's shape: `path` is where (`entries.2.hash`; '' for the whole file), `issue` what zod said. */
    | { code: 'log.malformed'; values: { path: string; issue: string } }
    /** More turns played than the game has. */
    | { code: 'log.tooLong'; values: { entries: number; turns: number } }
    /** `entries[index]` is numbered `found`, not `expected`. */
    | { code: 'log.misnumbered'; values: { index: number; found: number; expected: number } }
    /** The embedded scenario is not a valid scenario: `path` is where (`scenario.params.x`). */
    | { code: 'log.badScenario'; values: { path: string; issue: string } }
    /** The embedded scenario does not match its recorded hash (edited, or from another version). */
    | { code: 'log.scenarioMismatch'; values: Record<string, never> }
  );

/** Check a parsed log's shape and version and its scenario's integrity. */
export function checkLog(data: unknown): { ok: true; log: GameLog } | LogProblem {
  if (data && typeof data === 'object' && (data as { format?: unknown }).format === LOG_FORMAT) {
    const v = (data as { version?: unknown }).version;
    if (typeof v === 'number' && v > LOG_VERSION) {
      return {
        ok: false,
        code: 'log.futureVersion',
        values: { version: v, max: LOG_VERSION },
        message: `log version ${v} is newer than this Cordillera understands (${LOG_VERSION})`,
      };
    }
  }
  // A log that names its version but not its model was made before the model had versions (model 1).
  if (
    data &&
    typeof data === 'object' &&
    (data as { format?: unknown }).format === LOG_FORMAT &&
    typeof (data as { version?: unknown }).version === 'number'
  ) {
    const m = (data as { model?: unknown }).model;
    const model = typeof m === 'number' ? m : 1;
    if (model !== MODEL_VERSION) {
      return {
        ok: false,
        code: 'log.otherModel',
        values: { model, current: MODEL_VERSION },
        message: `the game was played under version ${model} of the model; this Cordillera plays version ${MODEL_VERSION} and cannot replay it exactly (open it with the Cordillera that made it)`,
      };
    }
  }
  const parsed = GameLogSchema.safeParse(data);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const path = i.path.join('.');
    return { ok: false, code: 'log.malformed', values: { path, issue: i.message }, message: `${path || '(file)'}: ${i.message}` };
  }
  const { entries, turns } = parsed.data;
  if (entries.length > turns) {
    return {
      ok: false,
      code: 'log.tooLong',
      values: { entries: entries.length, turns },
      message: `the log has ${entries.length} turns but the game has only ${turns}`,
    };
  }
  const index = entries.findIndex((e, i) => e.turn !== i + 1);
  if (index >= 0) {
    const found = entries[index]!.turn;
    return {
      ok: false,
      code: 'log.misnumbered',
      values: { index, found, expected: index + 1 },
      message: `entries[${index}] is numbered turn ${found}, expected ${index + 1}`,
    };
  }
  const sc = ScenarioSchema.safeParse(parsed.data.scenario);
  if (!sc.success) {
    const i = sc.error.issues[0]!;
    const path = ['scenario', ...i.path].join('.');
    return { ok: false, code: 'log.badScenario', values: { path, issue: i.message }, message: `${path}: ${i.message}` };
  }
  if (scenarioHash(sc.data) !== parsed.data.scenarioHash) {
    return {
      ok: false,
      code: 'log.scenarioMismatch',
      values: {},
      message: 'the scenario in the log does not match its recorded hash (edited or from another version)',
    };
  }
  return { ok: true, log: { ...parsed.data, scenario: sc.data } as GameLog };
}

/** Recompute a game from its log; stops at the first turn whose state hash differs. */
export function replay(log: GameLog, opts: { keepStates?: boolean } = {}): ReplayResult {
  let state = createGame(log.scenario, log.seed, { turns: log.turns });
  const states: GameState[] = opts.keepStates ? [state] : [];
  const events: GameEvent[][] = [];
  for (const entry of log.entries) {
    const r = resolveTurn(state, entry.input);
    if (!r.ok)
      return { ok: false, code: 'replay.invalidTurn', message: `turn ${entry.turn}: ${r.errors[0]!.message}`, turn: entry.turn, state };
    state = r.state;
    if (opts.keepStates) states.push(state);
    events.push(r.events);
    if (hashState(state) !== entry.hash)
      return { ok: false, code: 'replay.diverged', message: `turn ${entry.turn} diverges from the log`, turn: entry.turn, state };
  }
  if (hashState(state) !== log.finalHash)
    return { ok: false, code: 'replay.finalMismatch', message: 'the final state differs from the log', state };
  return { ok: true, state, states, events };
}
