/**
 * The app's reducer with computer sides decided off the UI thread and the advisor, over the real
 * engine (the worker's part, `bot(state, side, 'hard')`, is called here as the worker calls it):
 * decisions arriving for the state they were asked about are used, stale or illegal ones are not,
 * a turn waits for the sides still thinking, and a team that saw the computer's advice has it
 * recorded in the log (as given, edited or only seen), which validates and replays.
 */
import { describe, expect, it } from 'vitest';
import { appReducer, initialState, type Action } from '../../renderer/app-state/reducer';
import { defaultSettings } from '../../renderer/app-state/settings';
import { optionKey } from '../../renderer/app-state/drafts';
import type { AppState, Setup } from '../../renderer/app-state/types';
import { bot, checkLog, legalOrders, replay, type GameLog, type Side } from '../../game';
import { GameLogSchema } from '../../game/log';

const setup = (): Setup => ({
  scenarioId: 'interdiction-2016',
  seed: 21,
  turns: 3,
  seats: {
    state: { kind: 'human', difficulty: 'normal' },
    clans: { kind: 'computer', difficulty: 'hard' },
    insurgents: { kind: 'computer', difficulty: 'hard' },
  },
});

const run = (s: AppState, ...actions: Action[]) => actions.reduce(appReducer, s);
const start = () => run(initialState(defaultSettings('en')), { type: 'game/new', setup: setup() });
const HARD: Side[] = ['clans', 'insurgents'];

describe('computer sides decided in the worker', () => {
  it('the reducer uses the orders decided for this state, and the turn waits for sides still thinking', () => {
    let s = start();
    const game = s.session!.game;
    s = run(s, { type: 'ai/start', game, sides: HARD });
    expect(s.session!.thinking).toEqual(HARD);
    const clans = bot(game, 'clans', 'hard').orders;
    s = run(s, { type: 'ai/decided', game, side: 'clans', orders: clans });
    expect(s.session!.thinking).toEqual(['insurgents']);
    // The team commits while the insurgents still think: the turn waits.
    s = run(s, { type: 'plan/commit' });
    expect(s.phase).toEqual({ kind: 'review' });
    expect(s.session!.awaiting).toBe(true);
    expect(s.session!.game).toBe(game);
    expect(run(s, { type: 'turn/continue' })).toEqual(s);
    const insurgents = bot(game, 'insurgents', 'hard').orders;
    s = run(s, { type: 'ai/decided', game, side: 'insurgents', orders: insurgents });
    expect(s.session!.game.turn).toBe(1);
    expect(s.session!.awaiting).toBe(false);
    const entry = s.session!.log.entries[0]!;
    expect(entry.input.orders.find((o) => o.side === 'clans')).toEqual(clans);
    expect(entry.input.orders.find((o) => o.side === 'insurgents')).toEqual(insurgents);
    expect(s.session!.last!.authors.clans).toEqual(clans.author);
    expect(replay(s.session!.log).ok).toBe(true);
  });

  it('a decision for another state, or orders the engine refuses, is not used: the side decides at resolution', () => {
    let s = start();
    const game = s.session!.game;
    s = run(s, { type: 'ai/start', game, sides: HARD });
    // Orders for a state that is no longer the game's (as after an undo) are ignored.
    const other = { ...game };
    const before = s;
    s = run(s, { type: 'ai/decided', game: other, side: 'clans', orders: bot(game, 'clans', 'hard').orders });
    expect(s).toBe(before);
    // Illegal orders from the worker end the thinking but are not used.
    const bad = {
      side: 'clans' as const,
      orders: [{ kind: 'buildLabs', region: 'PE-NOPE', amount: 5 }] as never,
      author: bot(game, 'clans', 'hard').orders.author!,
    };
    s = run(s, { type: 'ai/decided', game, side: 'clans', orders: bad });
    expect(s.session!.thinking).toEqual(['insurgents']);
    expect(s.session!.decided?.clans).toBeUndefined();
    s = run(s, { type: 'ai/failed', game, side: 'insurgents' });
    s = run(s, { type: 'plan/commit' });
    expect(s.session!.game.turn).toBe(1);
    // Decided at resolution on this thread, the same as the worker would have.
    expect(s.session!.log.entries[0]!.input.orders.find((o) => o.side === 'clans')).toEqual(bot(game, 'clans', 'hard').orders);
  });
});

describe('the advisor', () => {
  const advised = (applied: 'as-given' | 'edited' | 'seen') => {
    let s = start();
    const game = s.session!.game;
    s = run(s, { type: 'advice/ask' });
    expect(s.session!.advice?.state?.status).toBe('thinking');
    const r = bot(game, 'state', 'hard');
    s = run(s, { type: 'advice/ready', game, side: 'state', orders: r.orders.orders, decision: r.decision });
    expect(s.session!.advice?.state?.status).toBe('ready');
    if (applied !== 'seen') {
      s = run(s, { type: 'advice/apply' });
      expect(s.session!.advice?.state?.applied).toBe(true);
      // The draft now gives the advice's orders (those the planning rows can express).
      expect(s.session!.advice!.state!.given!.length).toBeGreaterThan(0);
    }
    if (applied === 'edited') {
      // Half of one regional money order of the advice (less money, so still within the budget).
      const o = s.session!.advice!.state!.given!.find((x) => x.kind === 'development' || x.kind === 'leadership' || x.kind === 'radar')!;
      const opt = legalOrders(game, 'state').find((x) => x.kind === o.kind && 'region' in o && x.region === o.region)!;
      s = run(s, { type: 'plan/set', key: optionKey(opt), value: { amount: ('amount' in o ? o.amount : 0) / 2 } });
    }
    s = run(s, { type: 'plan/commit' });
    expect(s.session!.game.turn).toBe(1);
    return { s, decision: r.decision, given: r.orders.orders };
  };

  it.each(['as-given', 'edited', 'seen'] as const)(
    'advice %s is recorded with the orders, and the log validates and replays',
    (applied) => {
      const { s, decision, given } = advised(applied);
      const log = s.session!.log;
      const mine = log.entries[0]!.input.orders.find((o) => o.side === 'state')!;
      expect(mine.author).toEqual({ kind: 'human', advice: { difficulty: 'hard', applied, decision } });
      const set = (xs: readonly unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
      if (applied === 'as-given') expect(set(mine.orders)).toEqual(set(given));
      if (applied === 'edited') expect(set(mine.orders)).not.toEqual(set(given));
      else if (applied === 'seen') expect(mine.orders).toEqual([]);
      expect(s.session!.last!.authors.state).toEqual(mine.author);
      const json = JSON.parse(JSON.stringify(log)) as GameLog;
      expect(GameLogSchema.safeParse(json).success).toBe(true);
      expect(checkLog(json).ok).toBe(true);
      expect(replay(json).ok).toBe(true);
    },
  );

  it('advice is not recorded while it was still being worked out, nor carried into the next turn', () => {
    let s = start();
    s = run(s, { type: 'advice/ask' }, { type: 'plan/commit' });
    expect(s.session!.log.entries[0]!.input.orders.find((o) => o.side === 'state')!.author).toBeUndefined();
    s = run(s, { type: 'turn/continue' });
    expect(s.session!.advice).toEqual({});
  });

  it('an edited log claiming advice that was never a decision is refused', () => {
    const { s } = advised('seen');
    const json = JSON.parse(JSON.stringify(s.session!.log)) as GameLog;
    const mine = json.entries[0]!.input.orders.find((o) => o.side === 'state')!;
    (mine.author as { advice: { applied: string } }).advice.applied = 'ignored';
    expect(GameLogSchema.safeParse(json).success).toBe(false);
  });
  it('advice the planning panel cannot hold whole (two moves out of one region) is applied in part, and the team is told', () => {
    const insurgentSetup: Setup = {
      ...setup(),
      seats: { ...setup().seats, state: { kind: 'computer', difficulty: 'normal' }, insurgents: { kind: 'human', difficulty: 'normal' } },
    };
    let s = run(initialState(defaultSettings('en')), { type: 'game/new', setup: insurgentSetup });
    const game = s.session!.game;
    const moves = legalOrders(game, 'insurgents').find((o) => o.kind === 'move' && (o.to?.length ?? 0) >= 2)!;
    const [a, b] = moves.to!;
    const r = bot(game, 'insurgents', 'hard');
    const two = [
      ...r.orders.orders.filter((o) => !(o.kind === 'move' && o.region === moves.region)),
      { kind: 'move' as const, region: moves.region!, to: a!, amount: 5 },
      { kind: 'move' as const, region: moves.region!, to: b!, amount: 5 },
    ];
    s = run(s, { type: 'advice/ask' }, { type: 'advice/ready', game, side: 'insurgents', orders: two, decision: r.decision });
    s = run(s, { type: 'advice/apply' });
    const given = s.session!.advice!.insurgents!.given!;
    expect(given.filter((o) => o.kind === 'move' && o.region === moves.region)).toEqual([
      { kind: 'move', region: moves.region, to: a, amount: 5 },
    ]);
    expect(s.toasts.at(-1)).toMatchObject({ kind: 'info', key: 'advisor.left', values: { count: 1 } });
  });

  it("the computer's own plans never give two moves out of one region", () => {
    let s = run(initialState(defaultSettings('en')), { type: 'game/new', setup: setup() });
    for (let turn = 0; turn < 3; turn++) {
      const game = s.session!.game;
      for (const level of ['normal', 'hard'] as const) {
        const from = bot(game, 'insurgents', level)
          .orders.orders.filter((o) => o.kind === 'move')
          .map((o) => ('region' in o ? o.region : ''));
        expect(new Set(from).size).toBe(from.length);
      }
      s = run(s, { type: 'plan/commit' }, { type: 'turn/continue' });
    }
  });
});
