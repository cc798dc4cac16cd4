/**
 * The hard level (a search over the engine, game/ai/search.ts) on real mid-game states:
 *
 * - fair by construction: two states that differ only in what a side cannot see (the other
 *   sides' cash and budgets, the dice to come, true figures behind the intelligence estimates,
 *   the State's radar pipeline and intelligence for the others) give that side the same decision;
 * - deterministic: the same state, seed and options give the same decision, through a JSON round
 *   trip too; the bot never touches the game's state or its random stream, so a replay needs only
 *   the recorded orders;
 * - its budget honoured: it never simulates more turns than its budget, and stops when asked,
 *   returning the best plan it has fully evaluated (anytime).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SIDES,
  appendTurn,
  bot,
  botSteps,
  botRng,
  createGame,
  newLog,
  replay,
  searchPlan,
  validateOrders,
  viewFor,
  type GameState,
  type PlanSpec,
  type Side,
} from '../../game';
import { SCENARIO, clone, play } from './helpers';

/** Mid-game states of all-normal games (after 5 and 9 turns), where every side has history to read. */
let MID: GameState[] = [];
beforeAll(() => {
  MID = [1, 7].map((seed, k) => play(createGame(SCENARIO, seed, { turns: 20 }), k === 0 ? 5 : 9).states.at(-1)!);
});

const viewJson = (s: GameState, side: Side) => JSON.stringify({ ...viewFor(s, side), scenario: null });

/**
 * Try `change` on `s` (a plain copy) and keep it only if `side`'s view is unchanged; returns
 * whether it was kept.
 */
function hiddenChange(s: GameState, side: Side, change: () => () => void): boolean {
  const before = viewJson(s, side);
  const undo = change();
  if (viewJson(s, side) === before) return true;
  undo();
  return false;
}

/**
 * A copy of `a` changed only where `side` cannot see, with how many hidden things were changed.
 * Every change is checked against the side's view (it must be identical), so the test cannot
 * pass by changing something the side sees, and fails if nothing hidden could be changed.
 */
function hiddenTwin(a: GameState, side: Side): { b: GameState; changed: string[] } {
  const b = clone(a);
  const changed: string[] = [];
  const n = b.national;
  const keep = (what: string, change: () => () => void) => {
    if (hiddenChange(b, side, change)) changed.push(what);
  };
  // The dice to come.
  keep('rng', () => {
    const old = b.rng;
    b.rng = old.map((x, i) => (i === 0 ? (x + 0x9e3779b9) >>> 0 : x)) as typeof old;
    return () => (b.rng = old);
  });
  // The other sides' cash (within the rounding the view shows) and budgets.
  if (side !== 'clans') {
    keep('clanCash', () => {
      const old = n.clanCashMusd;
      const step = 50;
      n.clanCashMusd = Math.round(old / step) * step + (old % step < step / 2 ? 20 : -20);
      return () => (n.clanCashMusd = old);
    });
  }
  if (side !== 'insurgents') {
    keep('insurgentCash', () => {
      const old = n.insurgentCashMusd;
      n.insurgentCashMusd = Math.round(old / 5) * 5 + (old % 5 < 2.5 ? 2 : -2);
      return () => (n.insurgentCashMusd = old);
    });
  }
  for (const other of SIDES.filter((s) => s !== side && s !== 'state')) {
    keep(`${other}Budget`, () => {
      const old = b.budgets[other].moneyMusd;
      b.budgets[other].moneyMusd = old * 1.7 + 3;
      return () => (b.budgets[other].moneyMusd = old);
    });
  }
  if (side !== 'state') {
    keep('stateMoney', () => {
      const old = b.budgets.state.moneyMusd;
      b.budgets.state.moneyMusd = old + 11;
      return () => (b.budgets.state.moneyMusd = old);
    });
    keep('pilotReadiness', () => {
      const old = n.pilotReadiness;
      const shown = Math.round(old / 0.25) * 0.25;
      n.pilotReadiness = Math.min(1, Math.max(0, shown + (old > shown ? -0.1 : 0.1)));
      return () => (n.pilotReadiness = old);
    });
    b.regions.forEach((r, i) => {
      keep(`intel[${i}]`, () => {
        const old = r.intel;
        r.intel = Math.min(1, old + 0.3);
        return () => (r.intel = old);
      });
    });
  }
  // True figures behind estimates: a different true value that gives the same estimate.
  const estimated: (keyof GameState['regions'][number])[] =
    side === 'state' ? ['labs', 'insurgentFighters', 'stockT'] : side === 'clans' ? ['insurgentFighters'] : [];
  b.regions.forEach((r, i) => {
    for (const field of estimated) {
      const old = r[field] as number;
      for (const d of [1, -1, 2, -2, 3, -3]) {
        if (old + d < 0) continue;
        const ok = hiddenChange(b, side, () => {
          (r as unknown as Record<string, number>)[field] = old + d;
          return () => ((r as unknown as Record<string, number>)[field] = old);
        });
        if (ok) {
          changed.push(`${field}[${i}]`);
          break;
        }
      }
    }
  });
  return { b, changed };
}

describe('the hard level is fair by construction', () => {
  it.each(SIDES)('%s: states that differ only in what it cannot see give it the same decision', (side) => {
    for (const a of MID) {
      const { b, changed } = hiddenTwin(clone(a), side);
      // The twin really differs, and only where the side cannot see.
      expect(changed.length, `hidden changes for ${side}`).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
      expect(viewJson(b, side)).toBe(viewJson(a, side));
      const da = bot(a, side, 'hard');
      const db = bot(b, side, 'hard');
      expect(da.decision.search!.evaluations).toBeGreaterThan(0);
      expect(db.orders).toEqual(da.orders);
      expect(db.decision).toEqual(da.decision);
    }
  });

  it('the same holds for the rule-based levels', () => {
    for (const side of SIDES) {
      const a = MID[0]!;
      const { b } = hiddenTwin(clone(a), side);
      for (const level of ['easy', 'normal'] as const) expect(bot(b, side, level).orders).toEqual(bot(a, side, level).orders);
    }
  });

  it('the search reads its worlds from the view, and each side sees a different game', () => {
    // A check that the test above can fail: what a side does see changes its decision's inputs.
    const a = MID[0]!;
    const b = clone(a);
    b.national.clanCashMusd += 500;
    expect(viewJson(b, 'clans')).not.toBe(viewJson(a, 'clans'));
    expect(viewJson(b, 'state')).not.toBe(viewJson(a, 'state'));
  });
});

describe('the hard level is deterministic', () => {
  it.each(SIDES)('%s: the same state and options give the same decision, also after a JSON round trip', (side) => {
    const s = MID[1]!;
    const before = JSON.stringify(s);
    const d1 = bot(s, side, 'hard');
    const d2 = bot(s, side, 'hard');
    const d3 = bot(clone(s), side, 'hard');
    expect(d2).toEqual(d1);
    expect(d3).toEqual(d1);
    // The bot wrote nothing into the game: not its state, not its random stream.
    expect(JSON.stringify(s)).toBe(before);
    const small = { budget: 24 };
    expect(bot(s, side, 'hard', small)).toEqual(bot(clone(s), side, 'hard', small));
  });

  it('bots draw from their own stream, which differs by side, level and turn', () => {
    const s = MID[0]!;
    const draws = (side: Side, level: 'easy' | 'normal' | 'hard', st = s) => {
      const r = botRng(st, side, level);
      return [r.float(), r.float(), r.float()];
    };
    expect(draws('state', 'hard')).toEqual(draws('state', 'hard'));
    expect(draws('clans', 'hard')).not.toEqual(draws('state', 'hard'));
    expect(draws('state', 'normal')).not.toEqual(draws('state', 'hard'));
    expect(draws('state', 'hard', MID[1])).not.toEqual(draws('state', 'hard'));
  });

  it('a game with hard sides replays from its orders alone (the bots are not asked again)', () => {
    let s = createGame(SCENARIO, 5, { turns: 6 });
    let log = newLog(s);
    for (let t = 0; t < 2; t++) {
      const input = { orders: SIDES.map((side) => bot(s, side, 'hard', { budget: 30 }).orders) };
      const r = play(s, 1, () => input);
      s = r.states[0]!;
      log = appendTurn(log, input, s);
    }
    const again = replay(log);
    expect(again.ok).toBe(true);
  });
});

describe('the search honours its budget', () => {
  const run = (side: Side, opts: Parameters<typeof searchPlan>[3]) => {
    const s = MID[0]!;
    const traced: { plan: PlanSpec; world: number; score: number }[] = [];
    const r = searchPlan(viewFor(s, side), side, botRng(s, side, 'hard'), { ...opts, trace: (t) => traced.push(t) });
    return { r, traced };
  };

  it.each(SIDES)('%s: never more simulated turns than the budget, whatever the budget', (side) => {
    for (const budget of [0, 5, 6, 13, 40, 97, 150]) {
      const { r, traced } = run(side, { budget });
      const { samples, horizon, evaluations, candidates } = r.stats;
      // Each trace is one plan played `horizon` quarters in one world: the turns actually simulated.
      expect(traced.length * horizon).toBe(evaluations);
      expect(evaluations).toBeLessThanOrEqual(budget);
      expect(traced.length).toBe(candidates * samples);
      // Anytime: the plan chosen is the best of those fully evaluated (or the normal rules unevaluated).
      if (candidates === 0) {
        expect(budget).toBeLessThan(samples * horizon);
        expect(r.plan).toEqual({ base: 'normal', levers: {} });
      } else {
        const means = new Map<string, number[]>();
        for (const t of traced) means.set(JSON.stringify(t.plan), [...(means.get(JSON.stringify(t.plan)) ?? []), t.score]);
        const best = Math.max(...[...means.values()].map((xs) => xs.reduce((a, x) => a + x, 0) / xs.length));
        const chosen = means.get(JSON.stringify(r.plan))!;
        expect(chosen.reduce((a, x) => a + x, 0) / chosen.length).toBeCloseTo(best, 9);
      }
    }
  });

  it.each(SIDES)('%s: a bigger budget is spent (the search does not stop early on its own)', (side) => {
    const { r } = run(side, { budget: 60 });
    expect(r.stats.evaluations).toBeGreaterThan(60 - r.stats.samples * r.stats.horizon);
  });

  it.each(SIDES)('%s: stops as soon as progress says so, with the plans evaluated until then', (side) => {
    for (const stopAfter of [1, 3]) {
      const calls: number[] = [];
      const { r, traced } = run(side, {
        budget: 150,
        onProgress: (spent, budget) => {
          calls.push(spent);
          expect(budget).toBe(150);
          return calls.length >= stopAfter;
        },
      });
      expect(calls.length).toBe(stopAfter);
      expect(r.stats.candidates).toBe(stopAfter);
      expect(r.stats.evaluations).toBe(stopAfter * r.stats.samples * r.stats.horizon);
      expect(calls).toEqual(calls.map((_x, k) => (k + 1) * r.stats.samples * r.stats.horizon));
      expect(traced.length).toBe(stopAfter * r.stats.samples);
    }
  });
});

describe('the normal level adapts the status quo to what its side sees', () => {
  it('the clans bribe where their loads were seized last quarter, in proportion to the tonnes lost, within their money', () => {
    for (const s of MID) {
      const view = viewFor(s, 'clans');
      const seized = view.regions.filter((r) => r.flow.seizedT > 0).sort((a, b) => b.flow.seizedT - a.flow.seizedT);
      expect(seized.length).toBeGreaterThan(0);
      const orders = bot(s, 'clans', 'normal').orders.orders;
      const bribes = orders.filter((o) => o.kind === 'bribe') as { region: string; amount: number }[];
      expect(bribes.map((o) => o.region)).toEqual(seized.slice(0, 3).map((r) => r.id));
      const [first, second] = bribes;
      const tonnes = (id: string) => view.regions.find((r) => r.id === id)!.flow.seizedT;
      if (second) expect(first!.amount / second.amount).toBeCloseTo(tonnes(first!.region) / tonnes(second.region), 1);
      // The easy level (the status quo, jittered) does not.
      expect(bot(s, 'clans', 'easy').orders.orders.some((o) => o.kind === 'bribe')).toBe(false);
      expect(validateOrders(s, { side: 'clans', orders })).toEqual([]);
    }
  });
});

describe('the search in steps (the app paces it while the board animates)', () => {
  it.each(SIDES)('%s: run step by step, with other work between the steps, it gives exactly the decision of bot()', (side) => {
    const s = MID[0]!;
    const steps = botSteps(s, side, 'hard');
    const spent: number[] = [];
    let n = steps.next();
    while (!n.done) {
      spent.push(n.value);
      // Other work between steps (another side's decision) must not change this one.
      bot(MID[1]!, side, 'normal');
      n = steps.next();
    }
    const whole = bot(s, side, 'hard');
    expect(JSON.stringify(n.value)).toBe(JSON.stringify(whole));
    // One step per plan weighed, each after the turns it spent.
    expect(spent.length).toBeGreaterThanOrEqual(whole.decision.search!.candidates);
    expect(spent.at(-1)).toBe(whole.decision.search!.evaluations);
    expect(spent.every((x, i) => i === 0 || x >= spent[i - 1]!)).toBe(true);
  });
});
