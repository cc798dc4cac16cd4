/**
 * The replay viewer's model: opening a log or a save, the cursor (first, back, forward, last,
 * jump, auto-play), the keys, whose eyes it is seen through — and that every frame is exactly what
 * the game screen showed when the turn was played, for every side and for the facilitator.
 */
import { describe, expect, it } from 'vitest';
import { appReducer, initialState, type Action } from '../../renderer/app-state/reducer';
import { defaultSettings } from '../../renderer/app-state/settings';
import { parseReplay, saveText } from '../../renderer/app-state/save-file';
import {
  DEFAULT_SPEED,
  REPLAY_SPEEDS,
  VIEWERS,
  first,
  last,
  lastTurn,
  openReplay,
  replayFrame,
  replayKey,
  seek,
  setSpeed,
  setViewer,
  step,
  tick,
  togglePlay,
  type ReplaySession,
} from '../../renderer/app-state/replay';
import { loadReplayText } from '../../renderer/app-state/files';
import { logText } from '../../renderer/app-state/exports';
import type { AppState, Setup, TurnOutcome } from '../../renderer/app-state/types';
import { viewFor, type GameState, type Viewer } from '../../game';

const run = (s: AppState, ...actions: Action[]) => actions.reduce(appReducer, s);

interface Seen {
  turn: number;
  views: Record<Viewer, GameState>;
  outcome: TurnOutcome | null;
  eventsSoFar: number;
}

/** Play a game as the app does and keep what the screen showed after each turn. */
function playAndWatch(humans: ('state' | 'clans' | 'insurgents')[], turns: number): { s: AppState; seen: Seen[] } {
  const setup: Setup = {
    scenarioId: 'interdiction-2016',
    seed: 77,
    turns: turns + 2,
    seats: {
      state: { kind: humans.includes('state') ? 'human' : 'computer', difficulty: 'hard' },
      clans: { kind: humans.includes('clans') ? 'human' : 'computer', difficulty: 'easy' },
      insurgents: { kind: humans.includes('insurgents') ? 'human' : 'computer', difficulty: 'normal' },
    },
  };
  let s = run(initialState(defaultSettings('en')), { type: 'game/new', setup, gameId: 'rp' });
  const seen: Seen[] = [];
  const watch = () => {
    const g = s.session!.game;
    seen.push({
      turn: g.turn,
      views: Object.fromEntries(VIEWERS.map((v) => [v, viewFor(g, v)])) as Record<Viewer, GameState>,
      outcome: s.session!.last,
      eventsSoFar: s.session!.events.length,
    });
  };
  watch();
  for (let i = 0; i < turns; i++) {
    if (i > 0 || humans.length === 0) s = run(s, { type: 'turn/continue' });
    while (s.phase.kind === 'curtain' || s.phase.kind === 'planning')
      s = run(s, s.phase.kind === 'curtain' ? { type: 'curtain/reveal' } : { type: 'plan/commit' });
    watch();
  }
  return { s, seen };
}

const fromLog = (s: AppState): ReplaySession => {
  const r = parseReplay(logText({ log: s.session!.log }));
  if (!r.ok) throw new Error(r.key);
  return openReplay(r.loaded, 'log.json');
};

describe('the replay cursor', () => {
  const { s } = playAndWatch([], 4);
  const r0 = fromLog(s);

  it('opens on the last turn, paused, as the facilitator', () => {
    expect(r0).toMatchObject({ turn: 4, playing: false, viewer: 'facilitator', speedMs: DEFAULT_SPEED, seats: null, name: 'log.json' });
    expect(lastTurn(r0)).toBe(4);
  });

  it('steps, jumps and stops at the ends', () => {
    expect(first(r0).turn).toBe(0);
    expect(step(first(r0), -1).turn).toBe(0);
    expect(step(r0, 1).turn).toBe(4);
    expect(step(r0, -1).turn).toBe(3);
    expect(seek(r0, 2).turn).toBe(2);
    expect(seek(r0, 99).turn).toBe(4);
    expect(seek(r0, -5).turn).toBe(0);
    expect(seek(r0, Number.NaN).turn).toBe(4);
    expect(last(seek(r0, 1)).turn).toBe(4);
  });

  it('auto-plays to the end and pauses there; play at the end starts again from the start', () => {
    let r = togglePlay(r0);
    expect(r).toMatchObject({ playing: true, turn: 0 });
    const turns: number[] = [];
    while (r.playing) {
      r = tick(r);
      turns.push(r.turn);
    }
    expect(turns).toEqual([1, 2, 3, 4]);
    expect(tick(r)).toBe(r);
    r = togglePlay(seek(r, 2));
    expect(r).toMatchObject({ playing: true, turn: 2 });
    expect(togglePlay(r).playing).toBe(false);
    // Moving by hand pauses.
    expect(step(r, 1)).toMatchObject({ turn: 3, playing: false });
  });

  it('changes speed and viewer only to known values', () => {
    expect(setSpeed(r0, REPLAY_SPEEDS[0]!).speedMs).toBe(REPLAY_SPEEDS[0]);
    expect(setSpeed(r0, 1).speedMs).toBe(DEFAULT_SPEED);
    expect(setViewer(r0, 'clans').viewer).toBe('clans');
    expect(setViewer(r0, 'nobody' as Viewer).viewer).toBe('facilitator');
  });

  it('maps the keys', () => {
    expect(replayKey('ArrowLeft')).toEqual({ type: 'step', by: -1 });
    expect(replayKey('ArrowRight')).toEqual({ type: 'step', by: 1 });
    expect(replayKey('Home')).toEqual({ type: 'first' });
    expect(replayKey('End')).toEqual({ type: 'last' });
    expect(replayKey(' ')).toEqual({ type: 'toggle' });
    expect(replayKey('x')).toBeNull();
  });

  it('runs in the reducer: open, move, leave', () => {
    let a = run(s, { type: 'replay/open', replay: r0 });
    expect(a.phase).toEqual({ kind: 'replay' });
    expect(a.session).toBeNull();
    a = run(a, { type: 'replay/first' }, { type: 'replay/step', by: 2 }, { type: 'replay/viewer', viewer: 'insurgents' });
    expect(a.replay).toMatchObject({ turn: 2, viewer: 'insurgents' });
    a = run(a, { type: 'replay/toggle' }, { type: 'replay/tick' });
    expect(a.replay).toMatchObject({ turn: 3, playing: true });
    a = run(a, { type: 'replay/last' }, { type: 'replay/seek', turn: 1 });
    expect(a.replay).toMatchObject({ turn: 1, playing: false });
    // Planning actions do nothing in the viewer.
    expect(run(a, { type: 'plan/commit' }, { type: 'turn/continue' }, { type: 'turn/undo' })).toEqual(a);
    a = run(a, { type: 'app/home' });
    expect(a).toMatchObject({ phase: { kind: 'idle' }, replay: null, session: null });
  });
});

describe('every frame is what the game screen showed', () => {
  for (const humans of [[], ['state'], ['clans', 'insurgents']] as const) {
    it(`humans: [${humans.join(', ')}]`, () => {
      const { s, seen } = playAndWatch([...humans], 4);
      const fromSave = (() => {
        const r = parseReplay(saveText(s.session!, { app: '0.1.0' }));
        if (!r.ok) throw new Error(r.key);
        return openReplay(r.loaded, 'save.json');
      })();
      for (const replay of [fromLog(s), fromSave]) {
        for (const was of seen) {
          for (const viewer of VIEWERS) {
            const f = replayFrame(setViewer(seek(replay, was.turn), viewer));
            expect(f.view, `turn ${was.turn} as ${viewer}`).toEqual(was.views[viewer]);
            expect(f.outcome, `turn ${was.turn}`).toEqual(was.outcome);
            expect(f.eventsSoFar).toHaveLength(was.eventsSoFar);
            expect(f.events).toEqual(was.outcome?.events ?? []);
            expect(f.snapshots).toHaveLength(was.turn + 1);
          }
        }
        // The seats: known from a save; recognised from the orders in a bare log.
        const f = replayFrame(replay);
        for (const side of ['state', 'clans', 'insurgents'] as const) {
          expect(f.setup.seats[side].kind).toBe(s.session!.setup.seats[side].kind);
          if (f.setup.seats[side].kind === 'computer') expect(f.setup.seats[side].difficulty).toBe(s.session!.setup.seats[side].difficulty);
        }
      }
    });
  }
});

describe('opening logs in the viewer', () => {
  const { s } = playAndWatch([], 2);

  it('opens a log and a save; refuses anything else with a translated message', () => {
    const log = loadReplayText(logText({ log: s.session!.log }), 'log.json');
    expect(log.kind).toBe('opened');
    const save = loadReplayText(saveText(s.session!, { app: '0.1.0' }), 'save.json');
    expect(save.kind === 'opened' && save.actions[0]?.type === 'replay/open' && save.actions[0].replay.seats).toEqual(
      s.session!.setup.seats,
    );
    const bad = loadReplayText('{"format":"something"}', 'x.json');
    expect(bad).toEqual({
      kind: 'failed',
      toast: {
        kind: 'error',
        key: 'app.error.openFailed',
        values: { name: 'x.json' },
        details: [{ key: 'error.replay.wrongFormat', values: { format: 'something' } }],
      },
    });
    const tampered = JSON.parse(logText({ log: s.session!.log })) as { entries: { hash: string }[] };
    tampered.entries[1]!.hash = 'ffffffffffffffff';
    expect(loadReplayText(JSON.stringify(tampered), 't.json')).toMatchObject({
      kind: 'failed',
      toast: { details: [{ key: 'error.save.tampered', values: { turn: 2 } }] },
    });
  });
});

describe("the log says who gave the orders, as the command line's logs do", () => {
  it("a computer seat's orders carry their author (the bot, its level and its decision as data), shown again on replay", () => {
    const { s } = playAndWatch(['state'], 2);
    for (const entry of s.session!.log.entries) {
      const byside = Object.fromEntries(entry.input.orders.map((o) => [o.side, o]));
      expect(byside.state!.note).toBeUndefined();
      expect(byside.state!.author).toBeUndefined();
      for (const [side, level] of [
        ['clans', 'easy'],
        ['insurgents', 'normal'],
      ] as const) {
        const author = byside[side]!.author;
        expect(author).toMatchObject({ kind: 'bot', difficulty: level });
        expect(byside[side]!.note).toBeUndefined();
        const shown = replayFrame(seek(fromLog(s), entry.turn)).outcome!.authors[side];
        expect(shown).toEqual(author);
      }
    }
  });
});
