/**
 * Determinism: the same scenario, seed and orders give the same state bit for bit; a state that
 * went through JSON (a save, a log, a worker) continues exactly as the original; and nothing the
 * app calls between turns (bots, views) touches the game's random stream.
 */
import { describe, expect, it } from 'vitest';
import { SIDES, bot, createGame, hashState, legalOrders, resolveTurnInPlace, viewFor, type GameState, type Viewer } from '../../game';
import { SCENARIO, botInput, clone, play, step } from './helpers';

const SEEDS = [1, 42, 2024, 987_654_321];
const TURNS = 8;

describe('determinism', () => {
  it.each(SEEDS)('seed %i: the same bot game twice gives the same hash every turn', (seed) => {
    const a = play(createGame(SCENARIO, seed), TURNS);
    const b = play(createGame(SCENARIO, seed), TURNS);
    expect(b.hashes).toEqual(a.hashes);
    // Hashes are a digest of the whole state: the states themselves agree too.
    expect(JSON.stringify(b.states.at(-1))).toBe(JSON.stringify(a.states.at(-1)));
  });

  it.each(SEEDS)('seed %i: a JSON round trip mid-game continues exactly as the original', (seed) => {
    const first = play(createGame(SCENARIO, seed), 4);
    const mid = first.states.at(-1)!;
    const copy = clone(mid);
    expect(hashState(copy)).toBe(hashState(mid));
    // Bots run on each branch on their own: they must see the same thing and order the same.
    const original = play(mid, 5);
    const restored = play(copy, 5);
    expect(restored.hashes).toEqual(original.hashes);
  });

  it('different seeds diverge', () => {
    const hashes = SEEDS.map((seed) => play(createGame(SCENARIO, seed), 2).hashes.at(-1));
    expect(new Set(hashes).size).toBe(SEEDS.length);
    // The starting states differ only in their seed and random stream.
    const a = createGame(SCENARIO, 1);
    const b = createGame(SCENARIO, 2);
    expect(a.rng).not.toEqual(b.rng);
    expect({ ...clone(a), seed: 0, rng: [] }).toEqual({ ...clone(b), seed: 0, rng: [] });
  });

  it('resolveTurnInPlace (the benchmark baseline) computes exactly what resolveTurn computes', () => {
    let s = createGame(SCENARIO, 42);
    for (let t = 0; t < 4; t++) {
      const input = botInput(s);
      const copy = clone(s);
      const inPlace = resolveTurnInPlace(copy, input);
      const next = step(s, input).state;
      expect(inPlace.ok).toBe(true);
      expect(hashState(copy)).toBe(hashState(next));
      s = next;
    }
  });

  it('createGame is itself deterministic and rejects bad seeds', () => {
    expect(hashState(createGame(SCENARIO, 7))).toBe(hashState(createGame(SCENARIO, 7)));
    expect(() => createGame(SCENARIO, -1)).toThrow(RangeError);
    expect(() => createGame(SCENARIO, 1.5)).toThrow(RangeError);
    expect(() => createGame(SCENARIO, Number.NaN)).toThrow(RangeError);
    expect(() => createGame(SCENARIO, 1, { turns: 0 })).toThrow(RangeError);
  });

  describe('bots and views leave the game alone', () => {
    // A fresh state and one mid-game (frozen by the engine) are both checked.
    const states: [string, GameState][] = [
      ['start', createGame(SCENARIO, 42)],
      ['turn 3', play(createGame(SCENARIO, 42), 3).states.at(-1)!],
    ];

    it.each(states)('%s: bot() does not change the state or consume its randomness, and repeats itself', (_label, state) => {
      const before = JSON.stringify(state);
      const hash = hashState(state);
      const rng = [...state.rng];
      for (const side of SIDES) {
        for (const difficulty of ['easy', 'normal', 'hard'] as const) {
          const a = bot(state, side, difficulty);
          const b = bot(state, side, difficulty);
          expect(b, `${side}/${difficulty}`).toEqual(a);
        }
      }
      expect(state.rng).toEqual(rng);
      expect(hashState(state)).toBe(hash);
      expect(JSON.stringify(state)).toBe(before);
    });

    it.each(states)('%s: viewFor() and legalOrders() do not consume randomness and repeat themselves', (_label, state) => {
      const before = JSON.stringify(state);
      const viewers: Viewer[] = ['state', 'clans', 'insurgents', 'facilitator'];
      for (const viewer of viewers) expect(viewFor(state, viewer), viewer).toEqual(viewFor(state, viewer));
      for (const side of SIDES) expect(legalOrders(state, side)).toEqual(legalOrders(state, side));
      expect(JSON.stringify(state)).toBe(before);
    });

    it('the next turn is the same whether or not bots and views were consulted first', () => {
      const start = play(createGame(SCENARIO, 42), 2).states.at(-1)!;
      const input = botInput(start);
      const plain = step(start, input).state;
      for (const side of SIDES) {
        bot(start, side, 'hard');
        viewFor(start, side);
      }
      expect(hashState(step(start, input).state)).toBe(hashState(plain));
    });

    it('views hide what a side cannot know, and the facilitator sees everything', () => {
      const state = play(createGame(SCENARIO, 42), 2).states.at(-1)!;
      expect(viewFor(state, 'facilitator')).toEqual(state);
      const forClans = viewFor(state, 'clans');
      expect(forClans.budgets.state.moneyMusd).toBe(0);
      expect(forClans.budgets.insurgents.moneyMusd).toBe(0);
      expect(forClans.budgets.clans).toEqual(state.budgets.clans);
      expect(forClans.regions.every((r) => r.intel === 0 && r.radarPipeline.length === 0)).toBe(true);
      const forState = viewFor(state, 'state');
      expect(forState.budgets.clans.moneyMusd).toBe(0);
      expect(forState.budgets.state).toEqual(state.budgets.state);
    });
  });
});
