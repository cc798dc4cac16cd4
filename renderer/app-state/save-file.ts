/**
 * Saved games. A save is the engine's replayable log plus who sat where:
 *
 *   { format: 'cordillera-save', version: 3, app, savedAt?, setup: { seats, language? }, log, ui?, branches? }
 *
 * Version 3 adds the facilitator's branches (`branches`: every line of play, each with its own log,
 * the current one's being `log`); a version 2 file is a game with one branch and opens as it is.
 *
 * Nothing in a file is trusted. Loading reads the JSON (size and nesting checked before parsing),
 * checks the format and version (an older version is migrated, a newer one refused), checks the
 * log (`checkLog`: shape, the embedded scenario and its content hash), then replays every turn and
 * compares each state hash with the one recorded: the states, events and turn reports of the
 * session are all recomputed, never read. Every refusal is a message key (`error.save.*`) with
 * values naming what is wrong, translated by the UI; the parser never throws.
 */
import { z } from 'zod';
import { LANGS, type Lang, type Values } from '../i18n';
import {
  LOG_FORMAT,
  REGION_IDS,
  SIDES,
  checkLog,
  findScenario,
  replay,
  scenarioHash,
  type GameEvent,
  type GameLog,
  type GameState,
  type LogProblem,
  type Side,
} from './engine';
import { DIFFICULTIES, type Seat, type Session, type Setup } from './types';
import { canonicalJson } from './engine';
import type { Branch, RewindRecord } from '../console/fac-types';

export const SAVE_FORMAT = 'cordillera-save';
export const SAVE_VERSION = 3;
/** The most branches a save may hold. */
export const MAX_BRANCHES = 100;
/** The largest file read at all (the platforms refuse bigger ones too). */
export const MAX_SAVE_CHARS = 50 * 1024 * 1024;
/** Saves nest about ten levels deep; anything past this is not a save (and never reaches JSON.parse). */
export const MAX_DEPTH = 64;

export interface SaveSetup {
  seats: Record<Side, Seat>;
  /** The language the game was set up in (information: loading does not switch the interface). */
  language?: Lang;
}

export interface SaveFile {
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  /** The Cordillera version that wrote the file. */
  app: string;
  /** When it was written (display only: it never reaches the engine). */
  savedAt?: string;
  setup: SaveSetup;
  /** The engine's log: scenario (with its content hash), seed, every turn's input and state hash. */
  log: GameLog;
  /** Small conveniences for the interface. */
  ui?: { selectedRegion?: string | null };
  /** The facilitator's branches (version 3): the current one's log is `log` (here null). */
  branches?: SavedBranches;
}

export interface SavedBranches {
  current: string;
  list: (Omit<Branch, 'log'> & { log: GameLog | null })[];
  rewinds: RewindRecord[];
}

/** A game read from a file or an autosave, every part of it recomputed from the log. */
export interface LoadedGame {
  setup: Setup;
  log: GameLog;
  /** The state after each turn, index 0 the start (from `replay(log, { keepStates: true })`). */
  states: GameState[];
  turnEvents: GameEvent[][];
  selectedRegion: string | null;
  savedAt: string | null;
  app: string | null;
  /** The file's version when it was older than this one (it was migrated). */
  migratedFrom: number | null;
  /** Every branch, each replayed and checked (null: a game with one line of play). */
  branches?: { list: Branch[]; current: string; rewinds: RewindRecord[] } | null;
}

export interface LoadFailure {
  ok: false;
  /** An i18n key, `error.save.*`. */
  key: string;
  values?: Values;
}

export type LoadResult = { ok: true; loaded: LoadedGame } | LoadFailure;

export interface SaveMeta {
  app: string;
  savedAt?: string;
  selectedRegion?: string | null;
}

export function toSaveFile(session: Pick<Session, 'setup' | 'log'> & Partial<Pick<Session, 'fac'>>, meta: SaveMeta): SaveFile {
  const setup: SaveSetup = { seats: session.setup.seats };
  if (session.setup.language) setup.language = session.setup.language;
  const file: SaveFile = { format: SAVE_FORMAT, version: SAVE_VERSION, app: meta.app, setup, log: session.log };
  if (meta.savedAt) file.savedAt = meta.savedAt;
  if (meta.selectedRegion) file.ui = { selectedRegion: meta.selectedRegion };
  const fac = session.fac;
  if (fac && fac.branches.length > 1) {
    file.branches = {
      current: fac.branchId,
      list: fac.branches.map((b) => ({ ...b, log: b.id === fac.branchId ? null : b.log })),
      rewinds: fac.rewinds,
    };
  }
  return file;
}

export const saveText = (session: Pick<Session, 'setup' | 'log'> & Partial<Pick<Session, 'fac'>>, meta: SaveMeta): string =>
  `${JSON.stringify(toSaveFile(session, meta))}\n`;

export function suggestedSaveName(session: Pick<Session, 'game'>): string {
  return `cordillera-${session.game.scenarioId}-t${session.game.turn}.json`;
}

// -------------------------------------------------------------------------------------------------
// Reading JSON without trusting it
// -------------------------------------------------------------------------------------------------

const fail = (key: string, values?: Values): LoadFailure => (values ? { ok: false, key, values } : { ok: false, key });

/**
 * Scan the text once, outside strings: the deepest nesting, and whether it ends inside a string or
 * with brackets still open (a file cut off). Iterative, so no input can overflow the stack.
 */
export function scanJson(text: string, maxDepth = MAX_DEPTH): { depth: number; tooDeep: boolean; unterminated: boolean } {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > maxDepth) return { depth: deepest, tooDeep: true, unterminated: false };
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  return { depth: deepest, tooDeep: false, unterminated: inString || depth > 0 };
}

/** Parse JSON text within the limits, or say in a message key why not. */
export function readJson(text: unknown): { ok: true; value: unknown } | LoadFailure {
  if (typeof text !== 'string') return fail('error.save.notText');
  // A byte-order mark (Excel and some editors add one) is not part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('error.save.empty');
  if (body.length > MAX_SAVE_CHARS) {
    return fail('error.save.tooLarge', { size: Math.ceil(body.length / (1024 * 1024)), max: MAX_SAVE_CHARS / (1024 * 1024) });
  }
  const scan = scanJson(body);
  if (scan.tooDeep) return fail('error.save.tooDeep', { max: MAX_DEPTH });
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (err) {
    if (scan.unterminated) return fail('error.save.truncated');
    // JSON.parse reports where it stopped only inside its (the JavaScript engine's) message; where
    // that has no position, the refusal says so without one.
    const at = /position (\d+)/.exec(err instanceof Error ? err.message : '')?.[1];
    return at === undefined ? fail('error.save.notJson') : fail('error.save.notJsonAt', { at: Number(at) });
  }
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const short = (x: unknown): string => {
  let s: string;
  try {
    s = typeof x === 'string' ? x : (JSON.stringify(x) ?? String(x));
  } catch {
    s = String(x);
  }
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

const SeatSchema = z.object({
  kind: z.enum(['human', 'computer']),
  difficulty: z.enum(DIFFICULTIES as [Seat['difficulty'], ...Seat['difficulty'][]]),
});
const SeatsSchema = z.object(Object.fromEntries(SIDES.map((side) => [side, SeatSchema])) as Record<Side, typeof SeatSchema>);

/**
 * A save's own fields, in the current version's shape (an older file is migrated to it first).
 * Fields are checked in this order and a refusal names the first wrong one (`error.save.field`
 * with its path). The log is only required here: `checkLog` checks it and the game is replayed.
 * `ui` holds conveniences that are used when valid and otherwise ignored, never a reason to refuse.
 */
const BranchId = z.string().regex(/^b\d{1,4}$/);
const BranchesSchema = z.strictObject({
  current: BranchId,
  list: z
    .array(
      z.strictObject({
        id: BranchId,
        name: z.string().min(1).max(20),
        parent: BranchId.nullable(),
        forkTurn: z.number().int().min(0).max(200),
        log: z.custom<unknown>((x) => x !== undefined, 'the branch log is missing'),
      }),
    )
    .min(1)
    .max(MAX_BRANCHES),
  rewinds: z
    .array(z.strictObject({ from: BranchId, fromTurn: z.number().int().min(0), toTurn: z.number().int().min(0), branch: BranchId }))
    .max(1000),
});

export const SaveFileSchema = z.object({
  format: z.literal(SAVE_FORMAT),
  version: z.union([z.literal(2), z.literal(SAVE_VERSION)]),
  app: z.string().max(100).optional(),
  savedAt: z.string().max(100).optional(),
  setup: z.object({ seats: SeatsSchema, language: z.enum(LANGS).optional() }),
  log: z.custom<unknown>((x) => x !== undefined, 'the log is missing'),
  ui: z
    .object({ selectedRegion: z.string().max(64).nullable().optional() })
    .optional()
    .catch(undefined),
  branches: BranchesSchema.optional(),
});

// -------------------------------------------------------------------------------------------------
// Versions
// -------------------------------------------------------------------------------------------------

/**
 * Version 1 (Cordillera 0.1) stored the state, its hash, the events, the per-turn snapshots and the
 * log side by side. Its log already holds everything that matters; the rest is recomputed, so the
 * migration keeps the log and the seats and drops the copies (which are never trusted anyway).
 */
export function migrateV1(raw: Record<string, unknown>): { ok: true; file: Record<string, unknown> } | LoadFailure {
  if (!isObj(raw.setup)) return fail('error.save.migrateFailed', { version: 1, reason: '@error.save.reason.noSetup' });
  if (raw.log === undefined || raw.log === null)
    return fail('error.save.migrateFailed', { version: 1, reason: '@error.save.reason.noLog' });
  const setup: Record<string, unknown> = { seats: raw.setup.seats };
  const file: Record<string, unknown> = { format: SAVE_FORMAT, version: SAVE_VERSION, app: '0.1.0', setup, log: raw.log };
  return { ok: true, file };
}

/** The save file in the current version's shape (migrated if older), before its log is checked. */
function upgrade(raw: unknown): { ok: true; file: Record<string, unknown>; from: number | null } | LoadFailure {
  if (!isObj(raw)) return fail('error.save.notObject');
  if (!('format' in raw)) return fail('error.save.noFormat');
  if (raw.format === LOG_FORMAT) return fail('error.save.isLog');
  if (raw.format !== SAVE_FORMAT) return fail('error.save.wrongFormat', { format: short(raw.format) });
  const v = raw.version;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) return fail('error.save.badVersion', { version: short(v) });
  if (v > SAVE_VERSION) return fail('error.save.futureVersion', { version: v, max: SAVE_VERSION });
  if (v === 1) {
    const m = migrateV1(raw);
    return m.ok ? { ok: true, file: m.file, from: 1 } : m;
  }
  return { ok: true, file: raw, from: null };
}

// -------------------------------------------------------------------------------------------------
// The log: checked, then replayed
// -------------------------------------------------------------------------------------------------

/** Turn `checkLog`'s refusal (a code and values) into a message key naming what is wrong. */
function logFailure(p: LogProblem, rawLog: unknown): LoadFailure {
  switch (p.code) {
    case 'log.futureVersion':
      return fail('error.save.logFutureVersion', { version: p.values.version, max: p.values.max });
    case 'log.otherModel':
      return fail('error.save.otherModel', { model: p.values.model, current: p.values.current });
    case 'log.scenarioMismatch':
      return fail('error.save.scenarioEdited');
    case 'log.badScenario': {
      const id = isObj(rawLog) && typeof rawLog.scenarioId === 'string' ? rawLog.scenarioId : '';
      if (!findScenario(id)) return fail('error.save.scenarioUnknown', { id: short(id || '?') });
      return fail('error.save.scenarioInvalid', { path: p.values.path });
    }
    case 'log.misnumbered':
      return fail('error.save.logNumbering', { turn: p.values.expected, found: p.values.found });
    case 'log.tooLong':
      return fail('error.save.logTooLong', { entries: p.values.entries, turns: p.values.turns });
    case 'log.malformed': {
      if (isObj(rawLog) && !('format' in rawLog)) return fail('error.save.field', { path: 'log.format' });
      const { path } = p.values;
      const inTurn = /^entries\.(\d+)(?:\.|$)/.exec(path);
      if (inTurn) return fail('error.save.logTurnField', { turn: Number(inTurn[1]) + 1, path: `log.${path}` });
      return fail('error.save.field', { path: path === '' ? 'log' : `log.${path}` });
    }
  }
}

export interface LogCheckOptions {
  /**
   * Refuse a log whose scenario has the id of a built-in scenario but different content (a game
   * made with another version of it). Saves do; the replay viewer shows such logs, using the
   * scenario they carry.
   */
  requireBuiltinMatch: boolean;
}

/** Check and replay a log (already parsed): the states and events, or why not. */
export function loadLog(
  rawLog: unknown,
  opts: LogCheckOptions,
): { ok: true; log: GameLog; states: GameState[]; turnEvents: GameEvent[][] } | LoadFailure {
  if (!isObj(rawLog)) return fail('error.save.field', { path: 'log' });
  const checked = checkLog(rawLog);
  if (!checked.ok) return logFailure(checked, rawLog);
  const log = checked.log;
  if (log.scenario.id !== log.scenarioId) return fail('error.save.field', { path: 'log.scenarioId' });
  const builtin = findScenario(log.scenarioId);
  if (opts.requireBuiltinMatch && builtin && scenarioHash(builtin) !== log.scenarioHash) {
    return fail('error.save.scenarioDiffers', {
      id: log.scenarioId,
      saved: log.scenarioHash.slice(0, 8),
      here: scenarioHash(builtin).slice(0, 8),
    });
  }
  let r: ReturnType<typeof replay>;
  try {
    r = replay(log, { keepStates: true });
  } catch (err) {
    return fail('error.save.replayFailed', { detail: err instanceof Error ? err.message.slice(0, 200) : 'unknown' });
  }
  if (!r.ok) {
    if (r.code === 'replay.invalidTurn') return fail('error.save.invalidTurn', { turn: r.turn ?? 0 });
    if (r.code === 'replay.diverged') return fail('error.save.tampered', { turn: r.turn ?? 0 });
    return fail('error.save.tamperedFinal');
  }
  return { ok: true, log, states: r.states, turnEvents: r.events };
}

// -------------------------------------------------------------------------------------------------
// Saves
// -------------------------------------------------------------------------------------------------

/** Check an already-parsed save file (any version) and recompute its game. */
export function loadSave(raw: unknown): LoadResult {
  const up = upgrade(raw);
  if (!up.ok) return up;
  const parsed = SaveFileSchema.safeParse(up.file);
  if (!parsed.success) return fail('error.save.field', { path: parsed.error.issues[0]!.path.join('.') });
  const f = parsed.data;
  const l = loadLog(f.log, { requireBuiltinMatch: true });
  if (!l.ok) return l;
  const branches = f.branches ? loadBranches(f.branches, l.log) : null;
  if (branches && !branches.ok) return branches;
  const setup: Setup = { scenarioId: l.log.scenarioId, seed: l.log.seed, turns: l.log.turns, seats: f.setup.seats };
  if (f.setup.language) setup.language = f.setup.language;
  // The interface hint is only used if it names a real region; anything else is ignored.
  const sel = f.ui?.selectedRegion;
  return {
    ok: true,
    loaded: {
      setup,
      log: l.log,
      states: l.states,
      turnEvents: l.turnEvents,
      selectedRegion: typeof sel === 'string' && REGION_IDS.includes(sel) ? sel : null,
      savedAt: f.savedAt ?? null,
      app: f.app ?? null,
      migratedFrom: up.from,
      branches: branches ? branches.value : null,
    },
  };
}

/**
 * Every branch of a save, each log checked and replayed like the main one: same game (scenario and
 * seed), a parent that exists, and the turns it shares with its parent identical to the parent's.
 */
function loadBranches(
  saved: z.infer<typeof BranchesSchema>,
  current: GameLog,
): { ok: true; value: { list: Branch[]; current: string; rewinds: RewindRecord[] } } | LoadFailure {
  const ids = new Set(saved.list.map((b) => b.id));
  if (ids.size !== saved.list.length) return fail('console.save.duplicateBranch');
  if (!ids.has(saved.current)) return fail('console.save.noCurrent', { branch: saved.current });
  const list: Branch[] = [];
  for (const b of saved.list) {
    let log: GameLog;
    if (b.id === saved.current) {
      if (b.log !== null) return fail('console.save.branchField', { branch: b.name, path: 'log' });
      log = current;
    } else {
      const l = loadLog(b.log, { requireBuiltinMatch: true });
      if (!l.ok) return fail('console.save.branchLog', { branch: b.name, reason: `@${l.key}`, ...(l.values ?? {}) });
      log = l.log;
    }
    if (log.scenarioHash !== current.scenarioHash || log.seed !== current.seed) return fail('console.save.otherGame', { branch: b.name });
    list.push({ id: b.id, name: b.name, parent: b.parent, forkTurn: b.forkTurn, log });
  }
  for (const b of list) {
    if (b.parent === null) continue;
    const parent = list.find((x) => x.id === b.parent);
    if (!parent) return fail('console.save.noParent', { branch: b.name });
    const shared = b.forkTurn;
    if (
      shared > parent.log.entries.length ||
      shared > b.log.entries.length ||
      canonicalJson(parent.log.entries.slice(0, shared)) !== canonicalJson(b.log.entries.slice(0, shared))
    ) {
      return fail('console.save.forkMismatch', { branch: b.name, parent: parent.name, turn: shared });
    }
  }
  return { ok: true, value: { list, current: saved.current, rewinds: saved.rewinds } };
}

/** Read a save from its text. Never throws: every failure is a message key with values. */
export function parseSave(text: unknown): LoadResult {
  try {
    const json = readJson(text);
    if (!json.ok) return json;
    return loadSave(json.value);
  } catch (err) {
    // Not expected: every path above returns its own message. Still a message, never a crash.
    return fail('error.save.unexpected', { detail: err instanceof Error ? err.message.slice(0, 200) : 'unknown' });
  }
}

/** What the replay viewer opens: a log, or a save (whose seats say who was a computer). */
export interface LoadedReplay {
  log: GameLog;
  states: GameState[];
  turnEvents: GameEvent[][];
  /** From a save; null for a plain log (the viewer then infers the computer sides turn by turn). */
  seats: Record<Side, Seat> | null;
  /** The embedded scenario is not the built-in one of the same id (another version of it). */
  scenarioDiffers: boolean;
}

export function parseReplay(text: unknown): { ok: true; loaded: LoadedReplay } | LoadFailure {
  try {
    const json = readJson(text);
    if (!json.ok) return json;
    const raw = json.value;
    if (isObj(raw) && raw.format === SAVE_FORMAT) {
      const s = loadSave(raw);
      if (!s.ok) return s;
      return {
        ok: true,
        loaded: {
          log: s.loaded.log,
          states: s.loaded.states,
          turnEvents: s.loaded.turnEvents,
          seats: s.loaded.setup.seats,
          scenarioDiffers: false,
        },
      };
    }
    if (!isObj(raw)) return fail('error.save.notObject');
    if (!('format' in raw)) return fail('error.save.noFormat');
    if (raw.format !== LOG_FORMAT) return fail('error.replay.wrongFormat', { format: short(raw.format) });
    const l = loadLog(raw, { requireBuiltinMatch: false });
    if (!l.ok) return l;
    const builtin = findScenario(l.log.scenarioId);
    const differs = Boolean(builtin && scenarioHash(builtin) !== l.log.scenarioHash);
    return { ok: true, loaded: { log: l.log, states: l.states, turnEvents: l.turnEvents, seats: null, scenarioDiffers: differs } };
  } catch (err) {
    return fail('error.save.unexpected', { detail: err instanceof Error ? err.message.slice(0, 200) : 'unknown' });
  }
}
