/**
 * The model's mechanisms one at a time (docs/model.md §4): deterrence of narco-flights, buyers and
 * pilots leaving the air route, the world market and the balloon abroad, where new coca goes, the
 * succession of insurgent leaders, and alternative development. Each test builds a situation from
 * the shipped scenario, changes one thing, and compares with a control from the same seed.
 */
import { describe, expect, it } from 'vitest';
import { createGame, type GameState, type Scenario } from '../../game';
import { staticCtx } from '../../game/context';
import { outlook } from '../../game/phases/displacement';
import { pilotWillingness } from '../../game/phases/trafficking';
import { SCENARIO, clone, eventsOf, noOrders, only, play, region, regionIndex, sum } from './helpers';

/** The shipped scenario with some parameters changed. */
const withParams = (params: Partial<Scenario['params']>): Scenario => ({ ...clone(SCENARIO), params: { ...SCENARIO.params, ...params } });

describe('deterrence of narco-flights', () => {
  // No mistaken shootdown here: it would switch the rules off (tested in phases.test.ts).
  const safe = withParams({ mistakenShootdownRisk: 0 });
  const sctx = staticCtx(safe);
  /** Radar over every airstrip, trained pilots, the law, and the given rules. */
  function programme(seed: number, roe: GameState['national']['roe']): GameState {
    const s = createGame(safe, seed);
    s.regions.forEach((r, i) => {
      if (sctx.defs[i]!.airstrips > 0) r.radarCoverage = 1;
    });
    s.national.interdictionLaw = 'passed';
    s.national.pilotReadiness = 1;
    s.national.roe = roe;
    return s;
  }
  const flights = (states: GameState[], from: number, to: number) => sum(states.slice(from, to).map((s) => s.history.at(-1)!.narcoFlights));

  it('pilots refuse more as the perceived risk rises, and all fly when there is none', () => {
    const ctx = staticCtx(SCENARIO);
    const p = SCENARIO.params;
    expect(pilotWillingness(0, ctx as never)).toBe(1);
    expect(pilotWillingness(p.pilotRefusalRisk, ctx as never)).toBeCloseTo(0.5, 10);
    let last = 1;
    for (const risk of [0.05, 0.1, 0.2, 0.4, 0.8]) {
      const w = pilotWillingness(risk, ctx as never);
      expect(w).toBeLessThan(last);
      last = w;
    }
  });

  it.each([1, 2, 3])('seed %i: a shoot-down programme grounds most flights within four quarters, with few engagements', (seed) => {
    const cut = play(programme(seed, 'shoot-down'), 8, () => noOrders);
    const off = programme(seed, 'off');
    const ctl = play(off, 8, () => noOrders);
    // Fear is learned from what happens, starting from none.
    expect(cut.states[0]!.national.airFear).toBeGreaterThan(0);
    expect(ctl.states.at(-1)!.national.airFear).toBe(0);
    // By the second year flights are down by more than half against no programme …
    const flown = flights(cut.states, 4, 8);
    const control = flights(ctl.states, 4, 8);
    expect(flown).toBeLessThan(0.5 * control);
    // … and the aircraft actually shot down are a small fraction of the flights deterred:
    // a few shootdowns deter many flights.
    const shot = sum(cut.states.map((s) => s.history.at(-1)!.aircraftShotDown));
    expect(shot).toBeGreaterThan(0);
    expect(shot * 20).toBeLessThan(control - flown);
    // Pilots refuse loads while they are afraid; what they refuse waits at the hub.
    expect(cut.events.flat().some((e) => e.type === 'flightsRefused')).toBe(true);
  });

  it('the perceived risk fades when the shootdowns stop, and flights come back', () => {
    let s = programme(4, 'shoot-down');
    s = play(s, 4, () => noOrders).states.at(-1)!;
    const afraid = s.national.airFear;
    expect(afraid).toBeGreaterThan(0.3);
    // The Air Force stands down: no more incidents.
    const after = play(s, 8, (x) => (x.turn === s.turn ? only('state', [{ kind: 'roe', value: 'off' }]) : noOrders));
    const fear = after.states.map((x) => x.national.airFear);
    for (let t = 1; t < fear.length; t++) expect(fear[t]!).toBeLessThan(fear[t - 1]!);
    expect(fear.at(-1)!).toBeLessThan(afraid / 2);
    expect(after.states.at(-1)!.history.at(-1)!.narcoFlights).toBeGreaterThan(s.history.at(-1)!.narcoFlights);
  });

  it('forced landings deter less than shootdowns', () => {
    const shoot = play(programme(5, 'shoot-down'), 6, () => noOrders);
    const force = play(programme(5, 'force-down'), 6, () => noOrders);
    expect(flights(force.states, 2, 6)).toBeGreaterThan(flights(shoot.states, 2, 6));
  });

  it('buyers leave the air route and the leaf price falls where the air route was the outlet', () => {
    const cut = play(programme(6, 'shoot-down'), 6, () => noOrders);
    const ctl = play(programme(6, 'off'), 6, () => noOrders);
    const aya = regionIndex(cut.states[0]!, 'PE-AYA');
    const air = sctx.exits.findIndex((e) => e.mode === 'air');
    const last = cut.states.at(-1)!;
    const control = ctl.states.at(-1)!;
    expect(last.regions[aya]!.routeShares[air]!).toBeLessThan(0.5 * control.regions[aya]!.routeShares[air]!);
    expect(last.regions[aya]!.leafPriceUsdPerKg).toBeLessThan(0.9 * control.regions[aya]!.leafPriceUsdPerKg);
  });

  it('base that waits for a pilot loses value: the more it loses, the lower the leaf price where pilots refuse, and the less waits', () => {
    // Pilots and buyers already afraid (as after the first shootdowns), the same seed: one quarter
    // differs only in what the base that cannot fly is worth, and two quarters in what is left waiting.
    const run = (waitingLossShare: number, turns: number) => {
      const sc = withParams({ mistakenShootdownRisk: 0, waitingLossShare });
      const s = createGame(sc, 7);
      const ctx = staticCtx(sc);
      s.regions.forEach((r, i) => {
        if (ctx.defs[i]!.airstrips > 0) r.radarCoverage = 1;
      });
      Object.assign(s.national, { interdictionLaw: 'passed', pilotReadiness: 1, roe: 'shoot-down', airFear: 0.9 });
      return play(s, turns, () => noOrders).states.at(-1)!;
    };
    const aya = regionIndex(run(0, 1), 'PE-AYA');
    expect(run(0.5, 1).regions[aya]!.originValueUsdPerKg).toBeLessThan(run(0, 1).regions[aya]!.originValueUsdPerKg);
    expect(run(0.5, 1).regions[aya]!.leafPriceUsdPerKg).toBeLessThan(run(0, 1).regions[aya]!.leafPriceUsdPerKg);
    expect(sum(run(0.5, 2).regions.map((r) => r.stockT))).toBeLessThan(sum(run(0, 2).regions.map((r) => r.stockT)));
  });
});

describe('the world market', () => {
  it('demand grows at the scenario rate, and faster demand means higher world prices', () => {
    const s = createGame(SCENARIO, 1);
    const r = play(s, 4, () => noOrders);
    const growth = r.states.at(-1)!.world.demandT / s.world.demandT;
    expect(growth).toBeCloseTo(1 + SCENARIO.params.worldDemandGrowthPerYear, 6);
    const flat = play(createGame(withParams({ worldDemandGrowthPerYear: 0 }), 1), 4, () => noOrders);
    expect(r.states.at(-1)!.world.priceIndex).toBeGreaterThan(flat.states.at(-1)!.world.priceIndex);
  });

  /** Peru's coca wiped out at the start (an override), then no orders: the world must do without it. */
  function cutPeru(scenario: Scenario, turns: number): GameState[] {
    const s = createGame(scenario, 2);
    const overrides = s.regions
      .filter((r) => r.cocaHa > 0)
      .map((r) => ({ target: 'region.cocaHa' as const, region: r.id, value: 0, reason: 'test: no Peruvian coca' }));
    return play(s, turns, (x) => (x.turn === 0 ? { orders: [], overrides } : noOrders)).states;
  }

  it('when Peru supplies less, world prices rise and Colombia and Bolivia plant more (the balloon abroad)', () => {
    const cut = cutPeru(SCENARIO, 12);
    const ctl = play(createGame(SCENARIO, 2), 12, () => noOrders).states;
    expect(cut.at(-1)!.world.priceIndex).toBeGreaterThan(ctl.at(-1)!.world.priceIndex);
    cut.at(-1)!.world.producers.forEach((x, k) => {
      expect(x.cocaHa, x.id).toBeGreaterThan(ctl.at(-1)!.world.producers[k]!.cocaHa);
    });
    expect(cut.at(-1)!.history.at(-1)!.foreignOutputT).toBeGreaterThan(ctl.at(-1)!.history.at(-1)!.foreignOutputT);
  });

  it('the price rises less when other producers can fill the gap', () => {
    const rigid = cutPeru(withParams({ foreignSupplyResponse: 0 }), 12);
    const flexible = cutPeru(withParams({ foreignSupplyResponse: 0.3 }), 12);
    expect(flexible.at(-1)!.world.priceIndex).toBeLessThan(rigid.at(-1)!.world.priceIndex);
  });
});

describe('where new coca goes', () => {
  const sctx = staticCtx(SCENARIO);
  const base = createGame(SCENARIO, 1);
  const ucaIndex = regionIndex(base, 'PE-UCA');
  const att = (edit: (s: GameState) => void, defEdit?: (d: (typeof sctx.defs)[number]) => void) => {
    const s = clone(base);
    edit(s);
    if (!defEdit) return outlook(s.regions[ucaIndex]!, sctx, ucaIndex).attractiveness;
    const def = clone(sctx.defs[ucaIndex]!);
    defEdit(def);
    const c = { ...sctx, defs: sctx.defs.map((d, i) => (i === ucaIndex ? def : d)) };
    return outlook(s.regions[ucaIndex]!, c, ucaIndex).attractiveness;
  };
  const now = att(() => {});

  it('goes where the State is absent, the clans have networks, roads do not reach and there is an outlet', () => {
    expect(now).toBeGreaterThan(0);
    expect(att((s) => (s.regions[ucaIndex]!.statePresence = 0.8))).toBeLessThan(now);
    expect(att((s) => (s.regions[ucaIndex]!.clanPresence = 0.9))).toBeGreaterThan(now);
    expect(
      att(
        () => {},
        (d) => (d.roadAccess = 0.9),
      ),
    ).toBeLessThan(now);
    expect(
      att(
        () => {},
        (d) => Object.assign(d, { airstrips: 0, navigableRiver: false, borders: [] }),
      ),
    ).toBeLessThan(now);
    // Not where coca does not pay, nor where there is no land left.
    expect(att((s) => (s.regions[ucaIndex]!.leafPriceUsdPerKg = 0.1))).toBe(0);
    expect(att((s) => (s.regions[ucaIndex]!.cocaHa = sctx.defs[ucaIndex]!.maxCocaHa))).toBe(0);
  });

  it('growers open ground in neighbouring departments, where it is most attractive', () => {
    const r = play(createGame(SCENARIO, 3), 4, () => noOrders);
    const s = r.states.at(-1)!;
    const inn = sum(s.regions.map((x) => x.flow.colonizedInHa));
    expect(inn).toBeGreaterThan(0);
    // Every hectare colonised came from a neighbour's growers.
    expect(inn).toBeCloseTo(sum(s.regions.map((x) => x.flow.colonizedOutHa)), 6);
  });

  it('the status-quo clans finance new ground where the engine finds it most attractive', async () => {
    const { POLICIES } = await import('../../game');
    const s = createGame(SCENARIO, 1);
    const plants = POLICIES.clans['status-quo']!(s).orders.orders.filter((o) => o.kind === 'plant');
    expect(plants.length).toBeGreaterThan(0);
    const ranked = s.regions.map((x, i) => ({ id: x.id, a: outlook(x, sctx, i).attractiveness })).sort((a, b) => b.a - a.a);
    for (const o of plants) expect(ranked.slice(0, 3).map((x) => x.id)).toContain((o as { region: string }).region);
  });
});

describe('insurgent leaders', () => {
  it('a lost leader is replaced in time where the group is strong, and cohesion stays capped until then', () => {
    let found = 0;
    for (const seed of [1, 2, 3, 4]) {
      const s = createGame(SCENARIO, seed);
      region(s, 'PE-AYA').insurgentFighters = 120;
      const r = play(s, 16, (x) =>
        x.turn === 0
          ? {
              orders: [],
              injects: [
                { id: 'leader-killed', region: 'PE-AYA' },
                { id: 'leader-killed', region: 'PE-JUN' },
              ],
            }
          : noOrders,
      );
      const killed = eventsOf(r.events[0]!, 'leaderKilled');
      expect(killed.length).toBe(2);
      const succession = r.events.findIndex((ev) => ev.some((e) => e.type === 'leaderSucceeded'));
      // Before any successor, no leader is active and cohesion stays under the leaderless ceiling.
      const until = succession < 0 ? r.states.length : succession;
      for (let t = 0; t < until; t++)
        expect(r.states[t]!.national.insurgentCohesion).toBeLessThanOrEqual(SCENARIO.params.leaderlessCohesion + 1e-9);
      if (succession >= 0) {
        found++;
        const heir = r.states[succession]!.national.leaders.find((l) => l.successorOf !== null)!;
        expect(heir.status).toBe('active');
        expect(['jose', 'raul']).toContain(heir.successorOf);
      }
    }
    expect(found, 'a strong group raises a successor within four years in most games').toBeGreaterThanOrEqual(3);
  });

  it('a group with no fighters where its leader fell raises no successor', () => {
    const s = createGame(SCENARIO, 1);
    for (const r of s.regions) r.insurgentFighters = 0;
    s.budgets.insurgents.fighters = 0;
    const r = play(s, 12, (x) => (x.turn === 0 ? { orders: [], injects: [{ id: 'leader-killed', region: 'PE-AYA' }] } : noOrders));
    expect(r.events.flat().some((e) => e.type === 'leaderSucceeded')).toBe(false);
  });
});

describe('alternative development', () => {
  const musd = 20;
  /** Development in a region for `turns` quarters, with the State's presence there set. */
  function develop(id: string, presence: number, withMoney: boolean) {
    const s = createGame(SCENARIO, 8);
    const r = region(s, id);
    r.statePresence = presence;
    r.basePresence = presence;
    s.budgets.state.moneyMusd = 100;
    return play(s, 12, () => (withMoney ? only('state', [{ kind: 'development', region: id, amount: musd }]) : noOrders));
  }
  const ha = (s: GameState, id: string) => {
    const r = region(s, id);
    return r.cocaHa + sum(r.immatureHa);
  };

  it('lowers coca where the State is present enough for programmes to reach farmers', () => {
    const dev = develop('PE-PUN', 0.6, true);
    const ctl = develop('PE-PUN', 0.6, false);
    expect(ha(dev.states.at(-1)!, 'PE-PUN')).toBeLessThan(0.9 * ha(ctl.states.at(-1)!, 'PE-PUN'));
  });

  it('reaches nobody where the State is absent, and part of the money ends with the clans', () => {
    const dev = develop('PE-LOR', 0.1, true);
    const ctl = develop('PE-LOR', 0.1, false);
    // Only the presence the programmes themselves slowly build lets a little of them through
    // (~3.5% in three years; Loreto's coca pays little more than its costs, so a little counts).
    expect(ha(dev.states.at(-1)!, 'PE-LOR')).toBeGreaterThanOrEqual(0.95 * ha(ctl.states.at(-1)!, 'PE-LOR'));
    const captured = sum(dev.events.flat().map((e) => (e.type === 'developmentCaptured' ? e.musd : 0)));
    expect(captured).toBeGreaterThan(0);
    expect(captured).toBeLessThanOrEqual(12 * musd * SCENARIO.params.developmentCaptureShare + 1e-6);
  });
});

describe("the growers' costs", () => {
  const s = createGame(SCENARIO, 3);
  const i = regionIndex(s, 'PE-HUC');
  const at = (price: number, cost: number) => {
    const r = clone(s.regions[i]!);
    r.leafPriceUsdPerKg = price;
    r.eradicationRisk = 0;
    return outlook(r, staticCtx(withParams({ leafCostUsdPerKg: cost })), i);
  };

  it('coca income is the leaf price less its cost, per kilo the hectare yields, and never below zero', () => {
    const yieldKg = staticCtx(SCENARIO).defs[i]!.yieldTPerHaYear * 1000;
    expect(at(1.2, 0.5).cocaIncomeUsdPerHa).toBeCloseTo(0.7 * yieldKg, 6);
    expect(at(0.4, 0.5).cocaIncomeUsdPerHa).toBe(0);
    expect(at(0.4, 0.5).ratio).toBe(0);
  });

  it('a leaf price that pays gross but not net of costs turns coca from paying to not paying', () => {
    // The price where gross income equals licit income, and a little above it.
    const breakEvenGross = at(1, 0).licitIncomeUsdPerHa / at(1, 0).cocaIncomeUsdPerHa;
    const price = breakEvenGross * 1.2;
    expect(at(price, 0).ratio).toBeGreaterThan(1);
    expect(at(price, SCENARIO.params.leafCostUsdPerKg).ratio).toBeLessThan(1);
  });

  it('dearer growing leaves less coca after two years, all else the same', () => {
    const coca = (cost: number) => {
      const g = play(createGame(withParams({ leafCostUsdPerKg: cost }), 5), 8, () => noOrders);
      return sum(g.states.at(-1)!.regions.map((r) => r.cocaHa + sum(r.immatureHa)));
    };
    expect(coca(2)).toBeLessThan(0.95 * coca(0));
  });
});
