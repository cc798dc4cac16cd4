/**
 * Phase behaviour on hand-built states: take `createGame`'s state, set the fields a situation needs,
 * resolve, and compare with a control run from the same seed. These pin down the mechanisms the
 * game is about (police-bound eradication and the balloon effect, cutting the air bridge, the lag
 * of laws and radars, leadership strikes) rather than particular numbers.
 */
import { describe, expect, it } from 'vitest';
import { DIFFICULTIES, POLICIES, SIDES, bot, createGame, validateOrders, type GameState, type Scenario, type TurnInput } from '../../game';
import { staticCtx } from '../../game/context';
import { SCENARIO, P, WITHOUT_LAW, clone, eventsOf, expectNear, noOrders, only, play, region, regionIndex, step, sum } from './helpers';

const ctx = staticCtx(SCENARIO);
const totalHa = (s: GameState, i: number) => s.regions[i]!.cocaHa + sum(s.regions[i]!.immatureHa);

describe('eradication', () => {
  /** A fresh game with `police` officers in Cusco and its corruption set. */
  function cusco(police: number, corruption = 0, seed = 7): GameState {
    const s = createGame(SCENARIO, seed);
    const r = region(s, 'PE-CUS');
    s.budgets.state.police += police - r.police;
    r.police = police;
    r.corruption = corruption;
    return s;
  }
  const eradicate = (ha: number): TurnInput => only('state', [{ kind: 'eradicate', region: 'PE-CUS', amount: ha }]);

  it.each([
    [100, 0],
    [100, 0.5],
    [400, 0.2],
  ])('is capped by police capacity (%i police, corruption %f)', (police, corruption) => {
    const s = cusco(police, corruption);
    const cap = Math.min(police * P.eradicationHaPerPolicePerQuarter * (1 - 0.5 * corruption), P.eradicationMaxHaPerQuarter);
    const r = step(s, eradicate(5000));
    const done = region(r.state, 'PE-CUS').flow.eradicatedHa;
    expect(done).toBeLessThanOrEqual(cap + 1e-9);
    // Teams fall short by up to a tenth on the ground, never more.
    expect(done).toBeGreaterThanOrEqual(cap * 0.9 - 1e-9);
    const ev = eventsOf(r.events, 'cocaEradicated');
    expect(ev).toHaveLength(1);
    expectNear(ev[0]!.ha, done, 'event ha');
  });

  it('is capped nationally by the eradication teams: orders beyond the pool are scaled down', () => {
    const s = createGame(SCENARIO, 7);
    const targets = ['PE-CUS', 'PE-AYA', 'PE-PUN', 'PE-JUN'];
    for (const id of targets) {
      const r = region(s, id);
      s.budgets.state.police += 5000 - r.police;
      r.police = 5000;
      r.corruption = 0;
    }
    s.budgets.state.moneyMusd = 1000;
    const orders = targets.map((id) => ({ kind: 'eradicate' as const, region: id, amount: Math.floor(region(s, id).cocaHa * 0.9) }));
    const ordered = sum(orders.map((o) => o.amount));
    expect(ordered).toBeGreaterThan(P.eradicationMaxHaPerQuarter);
    const next = step(s, only('state', orders)).state;
    const done = sum(next.regions.map((r) => r.flow.eradicatedHa));
    expect(done).toBeLessThanOrEqual(P.eradicationMaxHaPerQuarter + 1e-6);
    expect(done).toBeGreaterThan(0.9 * P.eradicationMaxHaPerQuarter);
    // Scaled in proportion: every region got some.
    for (const id of targets) expect(region(next, id).flow.eradicatedHa, id).toBeGreaterThan(0);
  });

  it('needs police on the ground: none, none eradicated', () => {
    const r = step(cusco(0), eradicate(5000));
    expect(region(r.state, 'PE-CUS').flow.eradicatedHa).toBe(0);
    expect(eventsOf(r.events, 'cocaEradicated')).toHaveLength(0);
  });

  it('never takes more than was ordered', () => {
    const r = step(cusco(3000), eradicate(500));
    expect(region(r.state, 'PE-CUS').flow.eradicatedHa).toBeLessThanOrEqual(500);
  });

  it('is partly replanted on the spot and partly displaced, mostly to the neighbours (the balloon effect)', () => {
    const turns = 5;
    const cus = regionIndex(createGame(SCENARIO, 1), 'PE-CUS');
    const near = ctx.neighbors[cus]!;
    for (const seed of [1, 2, 3]) {
      const treated = play(cusco(3000, 0, seed), turns, (s) => (s.turn === 0 ? eradicate(12_000) : noOrders));
      const control = play(cusco(3000, 0, seed), turns, () => noOrders);
      const first = treated.states[0]!;
      const eradicated = first.regions[cus]!.flow.eradicatedHa;
      expect(eradicated).toBeGreaterThan(5000);
      // Replanting where it was eradicated (coca pays far more than twice the licit crop in Cusco),
      // and the event says how much.
      expectNear(first.regions[cus]!.flow.replantedHa, eradicated * P.replantShare, 'replantedHa');
      expectNear(
        eventsOf(treated.events[0]!, 'cultivationReplanted').find((e) => e.region === 'PE-CUS')!.ha,
        eradicated * P.replantShare,
        'event ha',
      );
      // Displacement out of Cusco, into its neighbours.
      expect(first.regions[cus]!.flow.displacedOutHa).toBeGreaterThan(0);
      const moved = eventsOf(treated.events[0]!, 'cultivationDisplaced').filter((e) => e.region === 'PE-CUS');
      expect(moved.some((e) => near.includes(regionIndex(first, e.to)))).toBe(true);
      // Over the following turns the neighbours carry more coca than without the eradication.
      const last = treated.states.at(-1)!;
      const ctl = control.states.at(-1)!;
      const gained = sum(near.map((j) => totalHa(last, j))) - sum(near.map((j) => totalHa(ctl, j)));
      expect(gained, `seed ${seed}`).toBeGreaterThan(0.5 * eradicated * P.displaceShare * P.displaceNeighborShare);
      // What is neither replanted nor displaced is gone: the treadmill leaves Cusco with less coca than the control.
      expect(totalHa(last, cus)).toBeLessThan(totalHa(ctl, cus));
      // And the new plantings there come into production once they mature.
      const productive = sum(near.map((j) => last.regions[j]!.cocaHa)) - sum(near.map((j) => ctl.regions[j]!.cocaHa));
      expect(productive).toBeGreaterThan(0);
    }
  });
});

describe('cutting the air bridge', () => {
  // Isolate the route cut from the risk of a mistaken shootdown (tested on its own below).
  const safe: Scenario = { ...clone(SCENARIO), params: { ...SCENARIO.params, mistakenShootdownRisk: 0 } };
  const sctx = staticCtx(safe);

  function airCut(seed: number): GameState {
    const s = createGame(safe, seed);
    s.regions.forEach((r, i) => {
      if (sctx.defs[i]!.airstrips > 0) r.radarCoverage = 1;
    });
    s.national.interdictionLaw = 'passed';
    s.national.pilotReadiness = 1;
    s.national.roe = 'shoot-down';
    return s;
  }
  const air = sctx.exits.findIndex((e) => e.mode === 'air');
  /** Coca-weighted leaf price over the VRAEM (the region upstream of the air bridge). */
  const vraemLeaf = (s: GameState) => {
    const w = s.regions.map((r, i) => r.cocaHa * sctx.vraemShare[i]!);
    return sum(s.regions.map((r, i) => r.leafPriceUsdPerKg * w[i]!)) / sum(w);
  };

  it.each([1, 2, 3])('seed %i: lowers VRAEM leaf prices, raises export prices, moves routes off the air, interdicts flights', (seed) => {
    const turns = 3;
    const cut = play(airCut(seed), turns, () => noOrders);
    // The control: no air interdiction at all.
    const control = createGame(safe, seed);
    control.national.roe = 'off';
    const ctl = play(control, turns, () => noOrders);
    const aya = regionIndex(cut.states[0]!, 'PE-AYA');
    for (let t = 1; t < turns; t++) {
      const c = cut.states[t]!;
      const k = ctl.states[t]!;
      expect(vraemLeaf(c), `turn ${t + 1}: VRAEM leaf price`).toBeLessThan(vraemLeaf(k));
      expect(c.regions[aya]!.leafPriceUsdPerKg, `turn ${t + 1}: Ayacucho leaf price`).toBeLessThan(k.regions[aya]!.leafPriceUsdPerKg);
      expect(c.exits[air]!.priceUsdPerKg, `turn ${t + 1}: air exit price`).toBeGreaterThan(k.exits[air]!.priceUsdPerKg);
      expect(c.history.at(-1)!.cocaineExportPriceUsdPerKg, `turn ${t + 1}: export price`).toBeGreaterThan(
        k.history.at(-1)!.cocaineExportPriceUsdPerKg,
      );
      expect(c.regions[aya]!.routeShares[air]!, `turn ${t + 1}: Ayacucho's air share`).toBeLessThan(k.regions[aya]!.routeShares[air]!);
      expect(c.history.at(-1)!.exportAirT).toBeLessThan(k.history.at(-1)!.exportAirT);
    }
    expect(sum(cut.states.map((s) => s.history.at(-1)!.flightsInterdicted))).toBeGreaterThan(0);
    expect(sum(ctl.states.map((s) => s.history.at(-1)!.flightsInterdicted))).toBe(0);
    const shotDown = sum(cut.events.flat().map((e) => (e.type === 'flightsInterdicted' ? e.shotDown : 0)));
    expect(shotDown).toBeGreaterThan(0);
  });

  it('without the interdiction law, a shoot-down ROE only tracks: nothing is shot down', () => {
    const s = airCut(5);
    s.national.interdictionLaw = 'none';
    const r = play(s, 3, () => noOrders);
    const flights = r.events.flat().filter((e) => e.type === 'flightsInterdicted');
    expect(flights.length).toBeGreaterThan(0);
    expect(sum(flights.map((e) => (e.type === 'flightsInterdicted' ? e.shotDown : 0)))).toBe(0);
    expect(r.states.at(-1)!.national.totals.mistakenShootdowns).toBe(0);
  });
});

describe('a mistaken shootdown', () => {
  it('drops US support, suspends it, takes the US money away and sets the ROE off', () => {
    const s = createGame(SCENARIO, 3);
    s.national.interdictionLaw = 'passed';
    s.national.roe = 'shoot-down';
    s.national.usSupport = 60;
    const r = step(s, { orders: [], injects: [{ id: 'mistaken-shootdown', region: 'PE-AYA' }] });
    const n = r.state.national;
    expect(n.usSupport).toBeLessThanOrEqual(20);
    expect(n.usSuspendedTurns).toBeGreaterThan(0);
    expect(n.roe).toBe('off');
    expect(n.totals.mistakenShootdowns).toBe(1);
    expect(r.state.history[0]!.mistakenShootdowns).toBe(1);
    expect(eventsOf(r.events, 'civilianAircraftShotDown')).toEqual([expect.objectContaining({ region: 'PE-AYA' })]);
    expect(eventsOf(r.events, 'usSupportChanged')).toContainEqual(expect.objectContaining({ from: 60, to: 20, cause: 'shootdown' }));
    expect(r.state.national.legitimacy).toBeLessThan(s.national.legitimacy);
    // The US contribution to the State's budget stops while support is suspended.
    expect(r.state.budgets.state.moneyMusd).toBe(SCENARIO.budgets.state.moneyMusd);
    // And support does not drift back while suspended, whatever the stance.
    const later = play(r.state, 3, () => only('state', [{ kind: 'usStance', value: 'seek' }]));
    expect(later.states.at(-1)!.national.usSupport).toBeLessThanOrEqual(20);
  });
});

describe('production', () => {
  it('lower-alkaloid leaf (Loreto) needs more leaf per kilo than Ayacucho', () => {
    const s = createGame(SCENARIO, 1);
    const lor = regionIndex(s, 'PE-LOR');
    const aya = regionIndex(s, 'PE-AYA');
    expect(ctx.defs[lor]!.alkaloidPct).toBeLessThan(ctx.defs[aya]!.alkaloidPct);
    expect(ctx.leafKgPerKg[lor]!).toBeGreaterThan(ctx.leafKgPerKg[aya]!);
    expectNear(
      ctx.leafKgPerKg[lor]! / ctx.leafKgPerKg[aya]!,
      ctx.defs[aya]!.alkaloidPct / ctx.defs[lor]!.alkaloidPct,
      'inverse proportion',
    );
  });

  it('turns leaf into cocaine at the regional rate when labs are not the limit', () => {
    const s = createGame(SCENARIO, 1);
    for (const id of ['PE-LOR', 'PE-AYA']) region(s, id).labs = 2000;
    const next = step(s, noOrders).state;
    for (const id of ['PE-LOR', 'PE-AYA']) {
      const i = regionIndex(next, id);
      const f = next.regions[i]!.flow;
      const toLabs = Math.max(0, f.leafT - ctx.defs[i]!.traditionalLeafTYear / 4);
      expect(f.producedT).toBeGreaterThan(0);
      expectNear(f.producedT * ctx.leafKgPerKg[i]!, toLabs, `${id}: produced × leaf/kg vs leaf to labs`);
    }
  });

  it('is bound by lab capacity when labs are few', () => {
    const s = createGame(SCENARIO, 1);
    region(s, 'PE-AYA').labs = 1;
    const f = region(step(s, noOrders).state, 'PE-AYA').flow;
    expect(f.producedT).toBeLessThanOrEqual(P.labCapacityTPerQuarter + 1e-9);
  });
});

describe('lead times', () => {
  it('the interdiction law passes lawLagTurns turns after it is ordered', () => {
    for (const orderTurn of [1, 3]) {
      let s = createGame(WITHOUT_LAW, 11);
      let passedAt = 0;
      for (let t = 1; t <= orderTurn + P.lawLagTurns + 2; t++) {
        const r = step(s, t === orderTurn ? only('state', [{ kind: 'interdictionLaw' }]) : noOrders);
        s = r.state;
        if (eventsOf(r.events, 'interdictionLawPassed').length) passedAt = t;
        if (t === orderTurn) {
          expect(eventsOf(r.events, 'interdictionLawProposed')).toEqual([expect.objectContaining({ turnsToPass: P.lawLagTurns })]);
          expect(s.national.interdictionLaw).toBe(P.lawLagTurns > 0 ? 'pending' : 'passed');
        }
        if (t < orderTurn) expect(s.national.interdictionLaw).toBe('none');
      }
      expect(passedAt - orderTurn).toBe(P.lawLagTurns);
      expect(s.national.interdictionLaw).toBe('passed');
    }
  });

  it('radars come online radarLagTurns turns after they are ordered, with the coverage bought', () => {
    let s = createGame(SCENARIO, 12);
    const aya = regionIndex(s, 'PE-AYA');
    const before = s.regions[aya]!.radarCoverage;
    const musd = P.radarCostMusd / 2;
    let onlineAt = 0;
    for (let t = 1; t <= P.radarLagTurns + 2; t++) {
      const r = step(s, t === 1 ? only('state', [{ kind: 'radar', region: 'PE-AYA', amount: musd }]) : noOrders);
      s = r.state;
      const ev = eventsOf(r.events, 'radarOnline').filter((e) => e.region === 'PE-AYA');
      if (ev.length) onlineAt = t;
      if (t < 1 + P.radarLagTurns) expect(s.regions[aya]!.radarCoverage, `turn ${t}`).toBe(before);
    }
    expect(onlineAt - 1).toBe(P.radarLagTurns);
    expectNear(s.regions[aya]!.radarCoverage, Math.min(1, before + 0.5), 'coverage');
    expect(s.regions[aya]!.radarPipeline).toEqual([]);
  });
});

describe('leadership targeting', () => {
  it('with intelligence built up, eventually kills or captures a leader and lowers insurgent cohesion', () => {
    for (const seed of [1, 2, 3]) {
      let s = createGame(SCENARIO, seed);
      let struck = false;
      for (let t = 1; t <= 15 && !struck; t++) {
        const cohesion = s.national.insurgentCohesion;
        const r = step(s, only('state', [{ kind: 'leadership', region: 'PE-AYA', amount: 25 }]));
        s = r.state;
        const hit = eventsOf(r.events, 'leaderKilled');
        if (hit.length) {
          struck = true;
          const leader = s.national.leaders.find((l) => l.id === hit[0]!.leader)!;
          expect(leader.region).toBe('PE-AYA');
          expect(['killed', 'captured']).toContain(leader.status);
          expect(s.national.insurgentCohesion).toBeLessThan(cohesion);
        }
      }
      expect(struck, `seed ${seed}: no leader struck in 15 turns`).toBe(true);
    }
  });

  it('without intelligence no leader is struck', () => {
    const r = play(createGame(SCENARIO, 1), 10, () => noOrders);
    expect(r.events.flat().filter((e) => e.type === 'leaderKilled')).toEqual([]);
    expect(r.states.at(-1)!.national.leaders.every((l) => l.status === 'active')).toBe(true);
  });
});

describe('bots and policies', () => {
  it.each(DIFFICULTIES)('%s bots of every side give orders that validate, for 10 turns', (difficulty) => {
    let s = createGame(SCENARIO, 5);
    for (let t = 1; t <= 10; t++) {
      const orders = SIDES.map((side) => bot(s, side, difficulty).orders);
      for (const so of orders) expect(validateOrders(s, so), `turn ${t}, ${so.side}`).toEqual([]);
      expect(orders[0]!.orders.length, `turn ${t}: the State bot gives orders`).toBeGreaterThan(0);
      s = step(s, { orders }).state;
    }
    expect(s.turn).toBe(10);
  });

  it('every named policy gives orders that validate as they are (no silent dropping), for 10 turns', () => {
    for (const side of SIDES) {
      for (const [name, policy] of Object.entries(POLICIES[side])) {
        let s = createGame(SCENARIO, 6);
        for (let t = 1; t <= 10; t++) {
          const mine = policy(s).orders;
          expect(validateOrders(s, mine), `${side}/${name}, turn ${t}`).toEqual([]);
          const others = SIDES.filter((x) => x !== side).map((x) => bot(s, x, 'normal').orders);
          s = step(s, { orders: [mine, ...others] }).state;
        }
      }
    }
  });
});
