/**
 * Two branches compared (issue 11), over the real engine and real logs: the map of differences
 * gives every department both branches' figure and their difference at a chosen quarter; the
 * quarter-by-quarter explanation names what one branch had and the other did not (an inject fired
 * by the facilitator, a triggered inject with its reason, a ruling, a team's orders) and when the
 * dice started to differ. Identical branches differ in nothing.
 */
import { describe, expect, it } from 'vitest';
import { appendTurn, createGame, newLog, resolveTurn, type GameLog, type GameState, type TurnInput } from '../../game';
import { REGION_IDS } from '../../renderer/app-state/engine';
import { regionDiffs, regionFigure, replayBranch, turnDifferences } from '../../renderer/console/branch-diff';
import { diffColour } from '../../renderer/console/DiffMap';
import { SCENARIO, botInput } from '../game/helpers';

/** Play `inputs(state, turn)` for `turns` quarters from `start` (a log cut at a fork, or a new game). */
function play(log: GameLog, state: GameState, turns: number, extra: (turn: number) => Partial<TurnInput> = () => ({})): GameLog {
  let s = state;
  let l = log;
  for (let i = 0; i < turns; i++) {
    const input: TurnInput = { ...botInput(s), ...extra(s.turn + 1) };
    const r = resolveTurn(s, input);
    if (!r.ok) throw new Error(r.errors[0]!.message);
    l = appendTurn(l, input, r.state);
    s = r.state;
  }
  return l;
}

const start = createGame(SCENARIO, 21, { turns: 6 });
const base = newLog(start);
const a = play(base, start, 3);
/** A log cut after its first quarter (as a rewind cuts it). */
const cut = (l: GameLog): GameLog => ({ ...l, entries: l.entries.slice(0, 1), finalHash: l.entries[0]!.hash });
// Branch B: the same first quarter, then the facilitator fires an inject and rules on US support.
const first = replayBranch(cut(a));

describe('comparing two branches', () => {
  it('identical branches differ in nothing, and their map is all zeros', () => {
    const ra = replayBranch(a)!;
    const again = replayBranch(play(base, start, 3))!;
    expect(turnDifferences(ra, again)).toEqual([]);
    const map = regionDiffs(ra, again, 3, 'cocaHa')!;
    expect(map.map((d) => d.id)).toEqual([...REGION_IDS]);
    expect(map.every((d) => d.diff === 0)).toBe(true);
  });

  it('names what differs each quarter, and maps the difference per department', () => {
    expect(first).not.toBeNull();
    const fork = first!.states[1]!;
    const forkLog = cut(a);
    const b = play(forkLog, fork, 2, (turn) =>
      turn === 2
        ? {
            injects: [{ id: 'leader-killed' }],
            overrides: [{ target: 'national.usSupport', value: 35, reason: 'Congress cut the budget' }],
          }
        : {},
    );
    const ra = replayBranch(a)!;
    const rb = replayBranch(b)!;
    const diffs = turnDifferences(ra, rb);
    expect(diffs[0]!.turn).toBe(2);
    const parts = diffs[0]!.inputs.map((d) => d.part);
    expect(parts).toContain('injects');
    expect(parts).toContain('overrides');
    const inj = diffs[0]!.inputs.find((d) => d.part === 'injects')!;
    expect(inj.onlyA).toEqual([]);
    expect(inj.onlyB).toEqual([{ id: 'leader-killed' }]);
    const ruling = diffs[0]!.inputs.find((d) => d.part === 'overrides')!;
    expect(ruling.onlyB).toEqual([{ target: 'national.usSupport', value: 35, reason: 'Congress cut the budget' }]);
    // The fired inject is also an event of branch B only, with its reason.
    expect(diffs[0]!.firedOnlyB.map((e) => [e.inject, e.reason])).toContainEqual(['leader-killed', 'facilitator']);
    expect(diffs[0]!.diceDiffer).toBe(false);
    expect(diffs[0]!.outcomeDiffers).toBe(true);
    // Quarter 1 is shared: not listed.
    expect(diffs.some((d) => d.turn === 1)).toBe(false);

    const map = regionDiffs(ra, rb, 3, 'insurgentFighters')!;
    for (const d of map) {
      const ya = ra.states[3]!.regions.find((r) => r.id === d.id)!;
      const yb = rb.states[3]!.regions.find((r) => r.id === d.id)!;
      expect(d).toEqual({
        id: d.id,
        a: regionFigure(ya, 'insurgentFighters'),
        b: regionFigure(yb, 'insurgentFighters'),
        diff: regionFigure(yb, 'insurgentFighters') - regionFigure(ya, 'insurgentFighters'),
      });
    }
    expect(map.some((d) => d.diff !== 0)).toBe(true);
    // Quarter 1 (before the fork's difference) maps as no difference; a quarter not played by both, as nothing.
    expect(regionDiffs(ra, rb, 1, 'cocaHa')!.every((d) => d.diff === 0)).toBe(true);
    expect(regionDiffs(ra, rb, 4, 'cocaHa')).toBeNull();
  });

  it("a team's different orders are listed as what each branch alone had", () => {
    const b = play(base, start, 1, () => ({ orders: botInput(start).orders.map((o) => (o.side === 'state' ? { ...o, orders: [] } : o)) }));
    const diffs = turnDifferences(replayBranch(cut(a))!, replayBranch(b)!);
    const orders = diffs[0]!.inputs.find((d) => d.part === 'orders');
    expect(orders).toMatchObject({ part: 'orders', side: 'state', onlyB: [] });
    expect(orders!.onlyA.length).toBeGreaterThan(0);
  });

  it('colours more in orange, less in blue, none in the neutral grey', () => {
    expect(diffColour(0, 10)).toBe('rgb(42, 61, 80)');
    expect(diffColour(10, 10)).toBe('rgb(245, 138, 31)');
    expect(diffColour(-10, 10)).toBe('rgb(78, 168, 222)');
    expect(diffColour(5, 0)).toBe('rgb(42, 61, 80)');
  });
});
