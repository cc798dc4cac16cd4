/**
 * The save format: what a file holds (the log and the seats, nothing derived), the migration of
 * version 1 files, and the refusals a user may meet — each a translated message naming what is
 * wrong: a newer version, a replay log opened as a save, a hand-edited turn, an edited scenario, a
 * game played with another version of a built-in scenario, an unknown scenario.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appReducer, initialState, type Action } from '../../renderer/app-state/reducer';
import { defaultSettings } from '../../renderer/app-state/settings';
import {
  SAVE_VERSION,
  migrateV1,
  parseReplay,
  parseSave,
  readJson,
  saveText,
  scanJson,
  toSaveFile,
} from '../../renderer/app-state/save-file';
import { IN_PROGRESS_KEY, autosaveDue, autosaveId, inProgressFor, readInProgress } from '../../renderer/app-state/autosave';
import { newGameId } from '../../renderer/app-state/session';
import type { AppState, Setup } from '../../renderer/app-state/types';
import { CATALOGUES, translate } from '../../renderer/i18n';
import {
  BUILTIN_SCENARIOS,
  SIDES,
  appendTurn,
  bot,
  createGame,
  hashState,
  newLog,
  resolveTurn,
  scenarioHash,
  type GameLog,
  type Scenario,
} from '../../game';

const run = (s: AppState, ...actions: Action[]) => actions.reduce(appReducer, s);
const meta = { app: '0.1.0' };

function playedState(turns: number, seed = 42): AppState {
  const setup: Setup = {
    scenarioId: 'interdiction-2016',
    seed,
    turns: 8,
    seats: {
      state: { kind: 'computer', difficulty: 'normal' },
      clans: { kind: 'computer', difficulty: 'easy' },
      insurgents: { kind: 'computer', difficulty: 'hard' },
    },
  };
  let s = run(initialState(defaultSettings('en')), { type: 'game/new', setup, gameId: 'fmt' });
  for (let i = 0; i < turns; i++) s = run(s, { type: 'turn/continue' });
  return s;
}

/** A game played with the bots on any scenario, as a log (the command line's way). */
function botLog(scenario: Scenario, turns: number, seed = 5): GameLog {
  let state = createGame(scenario, seed, { turns: 6 });
  let log = newLog(state);
  for (let i = 0; i < turns; i++) {
    const input = { orders: SIDES.map((side) => bot(state, side, 'normal').orders) };
    const r = resolveTurn(state, input);
    if (!r.ok) throw new Error(r.errors[0]!.message);
    state = r.state;
    log = appendTurn(log, input, state);
  }
  return log;
}

const seats = {
  state: { kind: 'computer', difficulty: 'normal' },
  clans: { kind: 'computer', difficulty: 'normal' },
  insurgents: { kind: 'computer', difficulty: 'normal' },
} as const;
const saveOf = (log: GameLog) => JSON.stringify({ format: 'cordillera-save', version: 2, app: '0.1.0', setup: { seats }, log });
const en = (r: { key: string; values?: Parameters<typeof translate>[2] }) => translate('en', r.key, r.values);

describe('what a save holds', () => {
  it('is the log and the seats: no state, snapshots or events are stored', () => {
    const s = playedState(2);
    const file = toSaveFile(s.session!, { ...meta, savedAt: '2026-03-01T10:00:00.000Z', selectedRegion: 'PE-AYA' });
    expect(Object.keys(file).sort()).toEqual(['app', 'format', 'log', 'savedAt', 'setup', 'ui', 'version']);
    expect(file).toMatchObject({ format: 'cordillera-save', version: SAVE_VERSION, app: '0.1.0', ui: { selectedRegion: 'PE-AYA' } });
    expect(file.setup).toEqual({ seats: s.session!.setup.seats });
    expect(file.log).toBe(s.session!.log);
    expect(file.log.finalHash).toBe(hashState(s.session!.game));
  });

  it('keeps the language the game was set up in', () => {
    const s = run(initialState(defaultSettings('en')), { type: 'game/new', setup: { ...playedState(0).session!.setup, language: 'es' } });
    const r = parseSave(saveText(s.session!, meta));
    expect(r.ok && r.loaded.setup.language).toBe('es');
  });
});

describe('version 1 files', () => {
  /** A save exactly as Cordillera 0.1 wrote it. */
  function v1Text(s: AppState): string {
    const sess = s.session!;
    return JSON.stringify({
      format: 'cordillera-save',
      version: 1,
      setup: { scenarioId: sess.setup.scenarioId, seats: sess.setup.seats, seed: sess.setup.seed, turns: sess.setup.turns },
      state: sess.game,
      hash: hashState(sess.game),
      inputs: sess.log.entries.map((e) => e.input),
      events: sess.events,
      last: sess.last,
      snapshots: sess.states.map((g) => ({ ...g, history: [] })),
      log: sess.log,
    });
  }

  it('are migrated: the log and the seats are kept, everything else is recomputed', () => {
    const s = playedState(3);
    const r = parseSave(v1Text(s));
    if (!r.ok) throw new Error(r.key);
    expect(r.loaded.migratedFrom).toBe(1);
    expect(r.loaded.log).toEqual(s.session!.log);
    expect(r.loaded.states.map(hashState)).toEqual(s.session!.states.map(hashState));
    expect(r.loaded.setup.seats).toEqual(s.session!.setup.seats);
  });

  it('migrate through a function that keeps only what matters', () => {
    const m = migrateV1({
      format: 'cordillera-save',
      version: 1,
      setup: { seats: { a: 1 } },
      state: { huge: true },
      log: { format: 'cordillera-log' },
    });
    expect(m).toEqual({
      ok: true,
      file: { format: 'cordillera-save', version: 3, app: '0.1.0', setup: { seats: { a: 1 } }, log: { format: 'cordillera-log' } },
    });
    expect(migrateV1({ format: 'cordillera-save', version: 1, setup: {} })).toEqual({
      ok: false,
      key: 'error.save.migrateFailed',
      values: { version: 1, reason: '@error.save.reason.noLog' },
    });
  });

  it('loaded in the app are never overwritten by Save: it asks for a name', () => {
    const s = playedState(1);
    const r = parseSave(v1Text(s));
    if (!r.ok) throw new Error(r.key);
    const loaded = run(initialState(defaultSettings('en')), {
      type: 'game/loaded',
      loaded: r.loaded,
      gameId: 'x',
      file: { handle: null, name: null },
    });
    expect(loaded.session!.saveHandle).toBeNull();
  });

  it('with a damaged state but a good log still open (the state was never trusted)', () => {
    const s = playedState(2);
    const text = v1Text(s).replace('"format":"cordillera-state"', '"format":"nonsense"');
    expect(parseSave(text).ok).toBe(true);
  });
});

describe('refusals say what is wrong', () => {
  it('the examples of the issue, in English and Spanish', () => {
    const noFormat = parseSave('{"version":2}');
    expect(noFormat.ok).toBe(false);
    if (noFormat.ok) return;
    expect(en(noFormat)).toBe('This file is not a Cordillera save: it has no format field.');
    const future = parseSave('{"format":"cordillera-save","version":4,"log":{}}');
    if (future.ok) throw new Error('accepted');
    expect(en(future)).toBe('Saved by a newer Cordillera (version 4); this one reads up to 3. Update Cordillera to open it.');
    expect(translate('es', future.key, future.values)).toBe(
      'Guardada por un Cordillera más reciente (versión 4); este lee hasta la 3. Actualice Cordillera para abrirla.',
    );

    // A hand-edited turn: the clans' share finished in Peru, changed in turn 4.
    const s = playedState(5);
    const file = JSON.parse(saveText(s.session!, meta)) as { log: GameLog };
    const clans = file.log.entries[3]!.input.orders.find((o) => o.side === 'clans')!;
    const share = clans.orders.find((o) => o.kind === 'finishShare') as { value: number } | undefined;
    if (share) share.value = Math.min(1, share.value + 0.05);
    else clans.orders.push({ kind: 'finishShare', value: 0.5 } as never);
    const edited = parseSave(JSON.stringify(file));
    if (edited.ok) throw new Error('accepted');
    expect(edited).toEqual({ ok: false, key: 'error.save.tampered', values: { turn: 4 } });
    expect(en(edited)).toBe('The file was changed after saving: turn 4 does not match.');
  });

  it("a changed hash, a cut-off file, a replay log, another program's file", () => {
    const s = playedState(3);
    const file = JSON.parse(saveText(s.session!, meta)) as { log: GameLog };
    file.log.entries[1]!.hash = '0123456789abcdef';
    expect(parseSave(JSON.stringify(file))).toEqual({ ok: false, key: 'error.save.tampered', values: { turn: 2 } });
    file.log.entries[1]!.hash = s.session!.log.entries[1]!.hash;
    file.log.finalHash = '0123456789abcdef';
    expect(parseSave(JSON.stringify(file))).toEqual({ ok: false, key: 'error.save.tamperedFinal' });
    const text = saveText(s.session!, meta);
    expect(parseSave(text.slice(0, text.length / 2))).toEqual({ ok: false, key: 'error.save.truncated' });
    expect(parseSave(JSON.stringify(s.session!.log))).toEqual({ ok: false, key: 'error.save.isLog' });
    expect(parseSave('{"format":"something-else","version":1}')).toEqual({
      ok: false,
      key: 'error.save.wrongFormat',
      values: { format: 'something-else' },
    });
    expect(parseSave('')).toEqual({ ok: false, key: 'error.save.empty' });
    expect(parseSave('\uFEFF' + text).ok).toBe(true);
  });

  it('an edited scenario, another version of a built-in scenario, an unknown scenario', () => {
    const base = BUILTIN_SCENARIOS[0]!;
    const log = botLog(base, 2);

    const edited = JSON.parse(saveOf(log)) as { log: GameLog };
    (edited.log.scenario.description as { en: string }).en = 'edited by hand';
    expect(parseSave(JSON.stringify(edited))).toEqual({ ok: false, key: 'error.save.scenarioEdited' });

    // A consistent game with another version of the same scenario: refused as a save, shown as a replay.
    const variant: Scenario = { ...structuredClone(base), description: { en: 'a variant', es: 'una variante' } };
    const vlog = botLog(variant, 2);
    const differs = parseSave(saveOf(vlog));
    expect(differs).toEqual({
      ok: false,
      key: 'error.save.scenarioDiffers',
      values: { id: base.id, saved: scenarioHash(variant).slice(0, 8), here: scenarioHash(base).slice(0, 8) },
    });
    const asReplay = parseReplay(JSON.stringify(vlog));
    expect(asReplay.ok && asReplay.loaded.scenarioDiffers).toBe(true);

    // A scenario this app does not have, carried whole in the file: fine.
    const custom: Scenario = { ...structuredClone(base), id: 'my-variant' };
    const clog = botLog(custom, 1);
    const ok = parseSave(saveOf(clog));
    expect(ok.ok && ok.loaded.setup.scenarioId).toBe('my-variant');
    // …but not without a valid copy of it.
    const broken = JSON.parse(saveOf(clog)) as { log: { scenario: { regions?: unknown } } };
    broken.log.scenario.regions = 'none';
    expect(parseSave(JSON.stringify(broken))).toEqual({ ok: false, key: 'error.save.scenarioUnknown', values: { id: 'my-variant' } });
  });

  it('every message key the loader can give exists in English and Spanish with the same placeholders', () => {
    const src = readFileSync(join(import.meta.dirname, '../../renderer/app-state/save-file.ts'), 'utf8');
    const keys = [...new Set([...src.matchAll(/'@?(error\.(?:save|replay)\.[\w.]+)'/g)].map((m) => m[1]!))];
    expect(keys.length).toBeGreaterThan(25);
    for (const k of keys) {
      expect(CATALOGUES.en[k], k).toBeTruthy();
      expect(CATALOGUES.es[k], k).toBeTruthy();
    }
  });
});

describe('reading JSON safely', () => {
  it('measures nesting outside strings, and spots a file cut off', () => {
    expect(scanJson('{"a":[1,[2]],"b":"[[[["}')).toEqual({ depth: 3, tooDeep: false, unterminated: false });
    expect(scanJson('{"a":"x\\"[')).toMatchObject({ unterminated: true });
    expect(scanJson('[[[[', 3)).toMatchObject({ tooDeep: true });
    expect(readJson(`{"a":${'1'.repeat(10)}}`)).toEqual({ ok: true, value: { a: 1111111111 } });
    expect(readJson(42)).toEqual({ ok: false, key: 'error.save.notText' });
  });
});

describe('autosaves and the in-progress record', () => {
  it('names slots the platforms accept, one per game and turn', () => {
    const s = playedState(2).session!;
    expect(autosaveId(s)).toBe('autosave-fmt-t2');
    expect(autosaveId({ ...s, gameId: 'Ünïcode & spaces!' })).toMatch(/^autosave-[a-z0-9]+-t2$/);
    const ids = new Set(Array.from({ length: 50 }, () => newGameId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{6}$/);
  });

  it('is due after a turn is resolved or undone, not when a game starts, opens or ends', () => {
    const s0 = playedState(0);
    const s1 = run(s0, { type: 'turn/continue' });
    expect(autosaveDue(s0.session, s1.session)).toBe(true);
    expect(autosaveDue(s1.session, s1.session)).toBe(false);
    const s2 = run(s1, { type: 'turn/continue' });
    expect(autosaveDue(s2.session, run(s2, { type: 'turn/undo' }).session)).toBe(true);
    expect(autosaveDue(s0.session, run(s0, { type: 'turn/undo' }).session)).toBe(false);
    expect(autosaveDue(null, s1.session)).toBe(false);
    expect(autosaveDue(s1.session, null)).toBe(false);
    const other = run(initialState(defaultSettings('en')), { type: 'game/new', setup: s1.session!.setup, gameId: 'other' });
    expect(autosaveDue(s1.session, other.session)).toBe(false);
    const r = parseSave(saveText(s2.session!, meta));
    if (!r.ok) throw new Error(r.key);
    expect(
      autosaveDue(
        s2.session,
        run(s2, { type: 'game/loaded', loaded: r.loaded, gameId: 'opened', file: { handle: null, name: null } }).session,
      ),
    ).toBe(false);
  });

  it('records the latest autosave while the game runs, and nothing once it has ended', () => {
    const s = playedState(2).session!;
    expect(inProgressFor(s, 'autosave-fmt-t2')).toEqual({ autosaveId: 'autosave-fmt-t2', scenarioId: 'interdiction-2016', turn: 2 });
    expect(inProgressFor({ game: { ...s.game, status: 'ended' } }, 'x')).toBeNull();
  });

  it('reads the record back from settings without trusting it', () => {
    const good = { autosaveId: 'autosave-abc-t3', scenarioId: 'interdiction-2016', turn: 3 };
    expect(readInProgress({ [IN_PROGRESS_KEY]: good })).toEqual(good);
    for (const bad of [
      null,
      'x',
      [],
      { ...good, autosaveId: '../etc' },
      { ...good, turn: -1 },
      { ...good, turn: 1.5 },
      { ...good, scenarioId: 5 },
    ]) {
      expect(readInProgress({ [IN_PROGRESS_KEY]: bad })).toBeNull();
    }
    expect(readInProgress({})).toBeNull();
  });
});
