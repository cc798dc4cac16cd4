/**
 * The turn report's "why" (issue 10), on real games: the coca breakdown adds up to the change and
 * its eradicated part is the hectares the engine's events report; violence counts the incidents;
 * the programmes' status names what interdiction waits on.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, createGame, resolveTurn, viewFor, type GameState, type TurnInput } from '../../game';
import { cocaWhy, priceWhy, programmesStatus, violenceWhy } from '../../report/why';

const SCENARIO = BUILTIN_SCENARIOS[0]!;
const total = (s: GameState) => s.regions.reduce((a, r) => a + r.cocaHa + r.immatureHa.reduce((b, x) => b + x, 0), 0);

function step(s: GameState, input: TurnInput) {
  const r = resolveTurn(s, input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe('why the figures changed', () => {
  it("the coca breakdown adds up to the change, and its eradication is the events' hectares", () => {
    const s0 = createGame(SCENARIO, 7);
    const r = step(s0, {
      orders: [
        {
          side: 'state',
          orders: [
            { kind: 'eradicate', region: 'PE-HUC', amount: 500 },
            { kind: 'eradicate', region: 'PE-AYA', amount: 9000 },
          ],
        },
      ],
    });
    const why = cocaWhy(r.state, total(s0));
    const sum = why.parts.reduce((a, p) => a + p.value, 0);
    expect(Math.abs(why.before + sum - why.after)).toBeLessThan(1);
    const eradicated = r.events.reduce((a, e) => a + (e.type === 'cocaEradicated' ? e.ha : 0), 0);
    expect(eradicated).toBeGreaterThan(0);
    expect(why.parts.find((p) => p.id === 'eradicated')!.value).toBeCloseTo(-eradicated, 6);
    expect(why.topEradicated[0]!.region).toMatch(/^PE-(HUC|AYA)$/);
  });

  it('violence counts each incident with its dead; prices name their drivers from the second turn', () => {
    let s = createGame(SCENARIO, 11);
    let events: ReturnType<typeof step>['events'] = [];
    for (let i = 0; i < 2; i++) ({ state: s, events } = step(s, { orders: [] }));
    const v = violenceWhy(events);
    const incidents = events.filter(
      (e) => e.type === 'clashOccurred' || e.type === 'ambushSprung' || e.type === 'installationAttacked',
    ).length;
    expect(v.parts.reduce((a, p) => a + p.count, 0)).toBe(incidents);
    const price = priceWhy(s.history)!;
    expect(price.leaf.before).toBe(s.history[0]!.leafPriceUsdPerKg);
    expect(price.drivers.map((d) => d.id)).toEqual(['exportPrice', 'worldIndex', 'seizedShare', 'pbcPrice']);
    expect(price.drivers.every((d) => d.before !== null)).toBe(true);
  });

  it('says what interdiction waits on: a pending law, radar on order', () => {
    const noLaw = { ...SCENARIO, national: { ...SCENARIO.national, interdictionLaw: 'none' as const, roe: 'off' as const } };
    const s0 = createGame(noLaw, 3);
    const { state } = step(s0, {
      orders: [{ side: 'state', orders: [{ kind: 'interdictionLaw' }, { kind: 'radar', region: 'PE-AYA', amount: 5 }] }],
    });
    const st = programmesStatus(state);
    expect(st.law).toBe('pending');
    expect(st.waits.map((w) => w.key)).toContain('lawPending');
    expect(st.waits.find((w) => w.key === 'radarPending')?.values.region).toBe('PE-AYA');
  });
});

describe('what the running programmes cost', () => {
  it("lists the State's programmes that run until changed, with their cost a quarter, and a side's view hides what it cannot see", () => {
    const s0 = createGame(SCENARIO, 5);
    const { state } = step(s0, {
      orders: [
        {
          side: 'state',
          orders: [
            { kind: 'riverControl', region: 'PE-LOR', amount: 2 },
            { kind: 'development', region: 'PE-AYA', amount: 4 },
            { kind: 'pilots', amount: 3 },
          ],
        },
      ],
    });
    const st = programmesStatus(state);
    const find = (kind: string) => st.running.find((k) => k.kind === kind);
    expect(find('riverControl')).toEqual({ kind: 'riverControl', region: 'PE-LOR', upkeepMusd: 2 });
    expect(find('development')).toEqual({ kind: 'development', region: 'PE-AYA', upkeepMusd: 4 });
    expect(find('pilots')?.upkeepMusd).toBe(3);
    expect(st.runningMusd).toBeCloseTo(
      st.running.reduce((a, k) => a + k.upkeepMusd, 0),
      9,
    );
    expect(st.running.map((k) => k.upkeepMusd)).toEqual([...st.running.map((k) => k.upkeepMusd)].sort((a, b) => b - a));
    // The clans do not see what the State spends on training pilots.
    expect(programmesStatus(viewFor(state, 'clans')).running.some((k) => k.kind === 'pilots')).toBe(false);
  });
});
