/**
 * Golden replay: `test/fixtures/golden-8.json` is an 8-turn bot game (seed 42, all sides on the
 * normal bot) recorded by `test/fixtures/make-golden.ts`. Replaying it must reproduce every turn's
 * hash. When the model changes on purpose, regenerate the file with
 * `npx tsx test/fixtures/make-golden.ts` and say so in the commit; a failure without such a change
 * means the engine is no longer deterministic or no longer reads old logs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLog, hashState, replay, resolveTurn, type GameLog } from '../../game';
import { clone } from './helpers';

const raw = JSON.parse(readFileSync(new URL('../fixtures/golden-8.json', import.meta.url), 'utf8')) as unknown;

function goldenLog(): GameLog {
  const checked = checkLog(clone(raw));
  if (!checked.ok) throw new Error(`${checked.code}: ${checked.message}`);
  return checked.log;
}

describe('golden log', () => {
  it('is a valid log of 8 turns, seed 42', () => {
    const log = goldenLog();
    expect(log.seed).toBe(42);
    expect(log.turns).toBe(8);
    expect(log.entries.map((e) => e.turn)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('replays to the recorded hash of every turn and the recorded final hash', () => {
    const log = goldenLog();
    const r = replay(log, { keepStates: true });
    if (!r.ok) throw new Error(`${r.code} at turn ${r.turn}: ${r.message}`);
    expect(hashState(r.state)).toBe(log.finalHash);
    expect(r.states.slice(1).map(hashState)).toEqual(log.entries.map((e) => e.hash));
    expect(r.state.turn).toBe(8);
    expect(r.state.status).toBe('ended');
    expect(r.events).toHaveLength(8);
  });

  it('a finished game refuses another turn', () => {
    const r = replay(goldenLog());
    if (!r.ok) throw new Error(r.message);
    const next = resolveTurn(r.state, { orders: [] });
    expect(next.ok).toBe(false);
    if (!next.ok) expect(next.errors.map((e) => e.code)).toContain('game.ended');
  });

  it('names the first turn that diverges from a tampered log', () => {
    const log = goldenLog();
    const tampered: GameLog = { ...log, entries: log.entries.map((e, i) => (i === 4 ? { ...e, hash: '0000000000000000' } : e)) };
    const r = replay(tampered);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('replay.diverged');
      expect(r.turn).toBe(5);
    }
  });

  it('rejects a log whose embedded scenario was edited', () => {
    const edited = clone(raw) as { scenario: { params: { shipShare: number } } };
    edited.scenario.params.shipShare = 0.5;
    const r = checkLog(edited);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('log.scenarioMismatch');
  });

  it('rejects a log from a future version and a malformed one', () => {
    const future = { ...(clone(raw) as object), version: 99 };
    const r1 = checkLog(future);
    expect(r1.ok ? '' : r1.code).toBe('log.futureVersion');
    const r2 = checkLog({ format: 'cordillera-log' });
    expect(r2.ok ? '' : r2.code).toBe('log.malformed');
  });
});
