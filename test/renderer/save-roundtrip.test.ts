/**
 * Saves round-trip: many random games played by the bots (and some with human seats, hot seat,
 * and an undone turn), of random length, are saved, read back through the loader and compared
 * with the game that was saved: the same state hash, the same hash after every turn, and the same
 * derived session (states, events, the last turn's report with the computers' reasons, the log).
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../helpers/prng';
import { appReducer, initialState, type Action } from '../../renderer/app-state/reducer';
import { defaultSettings } from '../../renderer/app-state/settings';
import { parseSave, saveText } from '../../renderer/app-state/save-file';
import { loadSaveText } from '../../renderer/app-state/files';
import type { AppState, Difficulty, Session, Setup } from '../../renderer/app-state/types';
import { hashState, SIDES, type Side } from '../../game';

const rng = mulberry32;

const run = (s: AppState, ...actions: Action[]) => actions.reduce(appReducer, s);
const DIFFS: Difficulty[] = ['easy', 'normal', 'hard'];

interface Game {
  label: string;
  state: AppState;
}

/** Play a game through the app's reducer: the bots choose for computer seats, humans commit no changes. */
function playGame(r: () => number, i: number): Game {
  const humans: Side[] = i % 5 === 3 ? ['state'] : i % 7 === 4 ? ['clans', 'insurgents'] : [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const total = 1 + Math.floor(r() * 8);
  const setup: Setup = {
    scenarioId: 'interdiction-2016',
    seed: Math.floor(r() * 4_000_000_000),
    turns: total + (r() < 0.5 ? 0 : 2),
    seats: Object.fromEntries(
      SIDES.map((s) => [s, { kind: humans.includes(s) ? 'human' : 'computer', difficulty: pick(DIFFS) }]),
    ) as Setup['seats'],
    language: r() < 0.5 ? 'en' : 'es',
  };
  let s = run(initialState(defaultSettings('en')), { type: 'game/new', setup, gameId: `g${i}` });
  const undo = i % 6 === 5;
  while (s.session!.game.turn < total && s.session!.game.status === 'playing') {
    if (s.phase.kind === 'review') s = run(s, { type: 'turn/continue' });
    // Computers only: "continue" plays the turn; humans: reveal and commit each side.
    while (s.phase.kind === 'curtain' || s.phase.kind === 'planning') {
      s = run(s, s.phase.kind === 'curtain' ? { type: 'curtain/reveal' } : { type: 'plan/commit' });
    }
    if (s.phase.kind === 'review' && humans.length === 0 && s.session!.game.turn < total) continue;
  }
  if (undo && s.session!.game.turn > 1) s = run(s, { type: 'turn/undo' });
  return {
    label: `game ${i}: seed ${setup.seed}, ${s.session!.game.turn} turns, humans [${humans.join(', ')}]${undo ? ', undone' : ''}`,
    state: s,
  };
}

function games(n: number): Game[] {
  const r = rng(20160401);
  return Array.from({ length: n }, (_x, i) => playGame(r, i));
}

/** What a session derives from its log: everything but the in-memory planning and the file handle. */
const derived = (s: Session) => ({
  setup: s.setup,
  game: s.game,
  states: s.states,
  turnEvents: s.turnEvents,
  events: s.events,
  last: s.last,
  log: s.log,
});

describe('save → load round trip', () => {
  const played = games(36);

  it('plays games of every length from 1 to 8 turns, with computers, humans and undos', () => {
    const turns = new Set(played.map((g) => g.state.session!.log.entries.length));
    expect(played.length).toBeGreaterThanOrEqual(30);
    expect(turns.size).toBeGreaterThanOrEqual(6);
    expect(played.some((g) => Object.values(g.state.session!.setup.seats).some((x) => x.kind === 'human'))).toBe(true);
    expect(played.some((g) => g.state.session!.game.status === 'ended')).toBe(true);
  });

  for (const [i, g] of played.entries()) {
    it(g.label, () => {
      const orig = g.state.session!;
      const meta = { app: '0.1.0', savedAt: '2026-01-01T00:00:00.000Z', selectedRegion: i % 2 ? 'PE-AYA' : null };
      const text = saveText(orig, meta);
      const r = parseSave(text);
      if (!r.ok) throw new Error(`${r.key} ${JSON.stringify(r.values)}`);
      expect(r.loaded.migratedFrom).toBeNull();
      expect(r.loaded.selectedRegion).toBe(meta.selectedRegion);
      expect(r.loaded.savedAt).toBe(meta.savedAt);

      // Through the app's own path: the actions a file open produces, into a fresh app.
      const o = loadSaveText(text, 'x.json', { handle: 'h', name: 'x.json' }, 'loaded');
      expect(o.kind).toBe('opened');
      if (o.kind !== 'opened') return;
      const s = run(initialState(defaultSettings('en')), ...o.actions);
      const back = s.session!;
      expect(hashState(back.game)).toBe(hashState(orig.game));
      expect(back.states.map(hashState)).toEqual(orig.states.map(hashState));
      expect(back.log.entries.map((e) => e.hash)).toEqual(orig.log.entries.map((e) => e.hash));
      expect(derived(back)).toEqual(derived(orig));
      expect(s.selectedRegion).toBe(meta.selectedRegion);
      expect(s.phase.kind).toBe(orig.game.status === 'ended' ? 'ended' : orig.game.turn === 0 ? s.phase.kind : 'review');
      // Saved again, the file is the same, byte for byte.
      expect(saveText(back, meta)).toBe(text);
    });
  }
});
