/**
 * The facilitator holds a quarter for review (issue 11): with the console's setting on, the last
 * team's commit does not resolve the quarter; every committed plan can be sent back (the team plans
 * again behind its curtain) or released. Off by default, so solo and hot-seat play are unchanged.
 * The real reducer over the real engine.
 */
import { describe, expect, it } from 'vitest';
import { appReducer, initialState, type Action } from '../../renderer/app-state/reducer';
import { defaultSettings } from '../../renderer/app-state/settings';
import { parseCommand, type ConsoleCommand } from '../../renderer/console/protocol';
import type { AppState, Setup } from '../../renderer/app-state/types';
import { replay } from '../../game';

const setup = (humans: ('state' | 'clans' | 'insurgents')[]): Setup => ({
  scenarioId: 'interdiction-2016',
  seed: 5,
  turns: 4,
  seats: {
    state: { kind: humans.includes('state') ? 'human' : 'computer', difficulty: 'normal' },
    clans: { kind: humans.includes('clans') ? 'human' : 'computer', difficulty: 'easy' },
    insurgents: { kind: humans.includes('insurgents') ? 'human' : 'computer', difficulty: 'easy' },
  },
});

const run = (s: AppState, ...actions: Action[]) => actions.reduce(appReducer, s);
const cmd = (command: ConsoleCommand): Action => ({ type: 'fac/command', command, now: 0 });
const fresh = () => initialState(defaultSettings('en'));
/** Lift the curtain and commit an empty plan, for the side whose turn it is. */
const reveal: Action = { type: 'curtain/reveal' };
const commit: Action = { type: 'plan/commit' };

describe('holding a quarter for the facilitator', () => {
  it('is off by default: the last commit resolves the quarter', () => {
    let s = run(fresh(), { type: 'game/new', setup: setup(['state', 'clans']) });
    s = run(s, reveal, { type: 'plan/note', note: 'state plan' }, commit, reveal, commit);
    expect(s.phase).toEqual({ kind: 'review' });
    expect(s.session!.game.turn).toBe(1);
  });

  it('holds after the last team commits; the last plan can be sent back, then the quarter released', () => {
    let s = run(fresh(), { type: 'game/new', setup: setup(['state', 'clans', 'insurgents']) });
    s = run(s, cmd({ type: 'holdTurn', on: true }));
    expect(s.session!.fac!.holdTurn).toBe(true);
    s = run(s, reveal, commit, reveal, commit, reveal, { type: 'plan/note', note: 'first try' }, commit);
    // Every plan is in, nothing resolved: the quarter waits for the facilitator.
    expect(s.phase).toEqual({ kind: 'held' });
    expect(s.session!.game.turn).toBe(0);
    expect(Object.keys(s.session!.committed).sort()).toEqual(['clans', 'insurgents', 'state']);
    // A team cannot continue or undo its way out of the hold.
    expect(run(s, { type: 'turn/continue' })).toBe(s);

    // The last team's plan goes back with a note: its curtain, then its planning with the note.
    s = run(s, cmd({ type: 'sendBack', side: 'insurgents', note: 'Say why you attack Ayacucho' }));
    expect(s.phase).toEqual({ kind: 'curtain', side: 'insurgents' });
    expect(s.session!.committed.insurgents).toBeUndefined();
    expect(s.session!.fac!.sentBack.insurgents).toBe('Say why you attack Ayacucho');
    s = run(s, reveal, { type: 'plan/note', note: 'second try' }, commit);
    expect(s.phase).toEqual({ kind: 'held' });

    // Released: resolved with every team's last plan, and the log keeps the rationale sent again.
    s = run(s, cmd({ type: 'release' }));
    expect(s.phase).toEqual({ kind: 'review' });
    expect(s.session!.game.turn).toBe(1);
    const entry = s.session!.log.entries[0]!;
    expect(entry.input.orders.find((o) => o.side === 'insurgents')?.note).toBe('second try');
    expect(replay(s.session!.log).ok).toBe(true);

    // The setting stays on for the next quarter; turned off, the next quarter resolves at once.
    s = run(s, { type: 'turn/continue' }, reveal, commit, reveal, commit, reveal, commit);
    expect(s.phase).toEqual({ kind: 'held' });
    s = run(
      s,
      cmd({ type: 'holdTurn', on: false }),
      cmd({ type: 'release' }),
      { type: 'turn/continue' },
      reveal,
      commit,
      reveal,
      commit,
      reveal,
      commit,
    );
    expect(s.phase).toEqual({ kind: 'review' });
    expect(s.session!.game.turn).toBe(3);
  });

  it('refuses a release when nothing is held, and holds nothing in a game of computers only', () => {
    let s = run(fresh(), { type: 'game/new', setup: setup(['state']) });
    const before = s;
    s = run(s, cmd({ type: 'release' }));
    expect(s.phase).toEqual(before.phase);
    expect(s.toasts.at(-1)?.key).toBe('console.error.notHeld');
    s = run(s, cmd({ type: 'holdTurn', on: true }), commit);
    expect(s.phase).toEqual({ kind: 'held' });
    s = run(s, cmd({ type: 'release' }));
    expect(s.session!.game.turn).toBe(1);

    let c = run(fresh(), { type: 'game/new', setup: setup([]) }, cmd({ type: 'holdTurn', on: true }));
    c = run(c, { type: 'turn/continue' });
    expect(c.phase).toEqual({ kind: 'review' });
    expect(c.session!.game.turn).toBe(1);
  });

  it('accepts only well-formed hold and release commands from the channel', () => {
    expect(parseCommand({ type: 'holdTurn', on: true })).toEqual({ type: 'holdTurn', on: true });
    expect(parseCommand({ type: 'holdTurn', on: 'yes' })).toBeNull();
    expect(parseCommand({ type: 'holdTurn' })).toBeNull();
    expect(parseCommand({ type: 'release', extra: 1 })).toEqual({ type: 'release' });
  });
});
