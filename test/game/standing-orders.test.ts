/**
 * Orders as states (issue 10): standing programmes are ordered as the level wanted, carry over
 * unless changed, and cost what the order table says; the preview the planning panel reads is the
 * engine's own charge. Eradication is bounded by police escorts, shown before commit, and paid for
 * what is done.
 */
import { describe, expect, it } from 'vitest';
import {
  bot,
  budgetUse,
  createGame,
  lastsOf,
  MAP,
  planOrders,
  policyOrders,
  previewOrders,
  validateOrders,
  type GameState,
  type Order,
  type PlanSpec,
} from '../../game';
import { P, SCENARIO, eventsOf, expectNear, region, step } from './helpers';

const fresh = (): GameState => createGame(SCENARIO, 42);
const capturedIn = (events: Parameters<typeof eventsOf>[0], id: string): number =>
  eventsOf(events, 'developmentCaptured')
    .filter((e) => e.region === id)
    .reduce((a, e) => a + e.musd, 0);
const botInputAll = (s: GameState) => ({
  orders: (['state', 'clans', 'insurgents'] as const).map((side) => bot(s, side, 'normal').orders),
});
const riverRegion = MAP.regions.find((r) => r.navigableRiver)!.id;
const money = (s: GameState, so: Parameters<typeof budgetUse>[1]) => budgetUse(s, so).find((u) => u.pool === 'money')!.used;

describe('laboratories are ordered as the number a region runs', () => {
  it('builds only the difference, charges only new labs, and the preview says the same', () => {
    const s = fresh();
    const before = region(s, 'PE-AYA').labs;
    const so = { side: 'clans' as const, orders: [{ kind: 'buildLabs' as const, region: 'PE-AYA', amount: before + 11 }] };
    const preview = previewOrders(s, so);
    expect(preview.orders[0]!.from).toBe(before);
    expectNear(preview.orders[0]!.costMusd, 11 * P.labCostMusd, 'preview cost of 11 new labs');
    expectNear(money(s, so), 11 * P.labCostMusd, 'budget use of 11 new labs');
    const built = eventsOf(step(s, { orders: [so] }).events, 'labsBuilt').find((e) => e.region === 'PE-AYA');
    expect(built!.labs).toBe(11);
  });

  it('closing labs is a lower count, free, and leaves exactly that many', () => {
    const s = fresh();
    const before = region(s, 'PE-AYA').labs;
    expect(before).toBeGreaterThan(3);
    const so = { side: 'clans' as const, orders: [{ kind: 'buildLabs' as const, region: 'PE-AYA', amount: before - 3 }] };
    expect(money(s, so)).toBe(0);
    const r = step(s, { orders: [so] });
    expect(eventsOf(r.events, 'labsClosed').find((e) => e.region === 'PE-AYA')!.labs).toBe(3);
    expect(eventsOf(r.events, 'labsBuilt').find((e) => e.region === 'PE-AYA')).toBeUndefined();
  });
});

describe('river and port control run until changed', () => {
  it('keeps the level with no new order, and keeps charging it', () => {
    const s0 = fresh();
    const so = {
      side: 'state' as const,
      orders: [
        { kind: 'riverControl' as const, region: riverRegion, amount: 3 },
        { kind: 'portControl' as const, exit: 'sea-paita', amount: 1.5 },
      ],
    };
    const s1 = step(s0, { orders: [so] }).state;
    expect(region(s1, riverRegion).riverControlMusd).toBe(3);
    // Next quarter, no orders at all: both programmes still run and the budget counts them.
    const none = { side: 'state' as const, orders: [] };
    expectNear(money(s1, none), 4.5, 'upkeep of the kept programmes');
    const kept = previewOrders(s1, none).kept;
    expect(kept.map((k) => [k.kind, k.region ?? k.exit, k.level])).toEqual(
      [
        ['portControl', 'sea-paita', 1.5],
        ['riverControl', riverRegion, 3],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    const s2 = step(s1, { orders: [none] }).state;
    expect(region(s2, riverRegion).riverControlMusd).toBe(3);
    expect(s2.exits.find((e) => e.id === 'sea-paita')!.portControlMusd).toBe(1.5);
    expectNear(s2.history.at(-1)!.stateSpendMusd, 4.5, 'the State is charged for the kept programmes');
    // Ordering 0 stops a programme.
    const s3 = step(s2, { orders: [{ side: 'state', orders: [{ kind: 'riverControl', region: riverRegion, amount: 0 }] }] }).state;
    expect(region(s3, riverRegion).riverControlMusd).toBe(0);
  });
});

describe("the State's other programmes run until changed; radar is bought once", () => {
  it('development, leadership, pilot training and precursor control carry over, are charged, and the preview lists them', () => {
    const s0 = fresh();
    const target = MAP.regions.find((r) => r.id === 'PE-AYA')!.id;
    expect(['development', 'leadership', 'pilots', 'precursors'].map((k) => lastsOf(k as Order['kind']))).toEqual([
      'standing',
      'standing',
      'standing',
      'standing',
    ]);
    const so = {
      side: 'state' as const,
      orders: [
        { kind: 'leadership' as const, region: target, amount: 2 },
        { kind: 'development' as const, region: target, amount: 5 },
        { kind: 'pilots' as const, amount: 3 },
        { kind: 'precursors' as const, amount: 1 },
      ],
    };
    expect(validateOrders(s0, so)).toEqual([]);
    const s1 = step(s0, { orders: [so] }).state;
    expectNear(s1.history.at(-1)!.stateSpendMusd, 11, 'the first quarter pays the four programmes');
    const none = { side: 'state' as const, orders: [] };
    expectNear(money(s1, none), 11, 'upkeep of the four programmes kept');
    const kept = previewOrders(s1, none).kept.map((k) => [k.kind, k.region ?? '', k.level]);
    expect(kept).toEqual([
      ['pilots', '', 3],
      ['precursors', '', 1],
      ['leadership', target, 2],
      ['development', target, 5],
    ]);
    const out2 = step(s1, { orders: [none] });
    const s2 = out2.state;
    expectNear(s2.history.at(-1)!.stateSpendMusd, 11, 'the engine charges what the preview said');
    expect(region(s2, target).developmentMusd).toBe(5);
    expect(s2.national.pilotTrainingMusd).toBe(3);
    // Development keeps its stock up as it did when re-ordered each quarter: stock = stock * retention + 5.
    expectNear(
      region(s2, target).developmentStockMusd,
      region(s1, target).developmentStockMusd * P.developmentRetention + 5 - capturedIn(out2.events, target),
      'the development stock grows with the kept programme',
    );
    // A change replaces the level (charged at the new level); 0 stops it.
    const change = {
      side: 'state' as const,
      orders: [
        { kind: 'pilots' as const, amount: 1 },
        { kind: 'development' as const, region: target, amount: 0 },
      ],
    };
    const p2 = previewOrders(s2, change);
    expect(p2.orders.map((o) => [o.order.kind, o.from, o.costMusd])).toEqual([
      ['pilots', 3, 1],
      ['development', 5, 0],
    ]);
    expectNear(money(s2, change), 1 + 1 + 2, 'pilots at 1, precursors and leadership kept, development stopped');
    const s3 = step(s2, { orders: [change] }).state;
    expect(region(s3, target).developmentMusd).toBe(0);
    expect(s3.national.pilotTrainingMusd).toBe(1);
    expectNear(s3.history.at(-1)!.stateSpendMusd, 4, 'charged as previewed');
  });

  it('radar is a purchase: the preview shows the coverage it adds and when, and nothing carries over', () => {
    const s0 = fresh();
    expect(lastsOf('radar')).toBe('bought');
    const r0 = region(s0, 'PE-AYA');
    const so = { side: 'state' as const, orders: [{ kind: 'radar' as const, region: 'PE-AYA', amount: P.radarCostMusd / 4 }] };
    const buy = previewOrders(s0, so).radar.get('PE-AYA')!;
    expectNear(buy.addedCoverage, 0.25, 'a quarter of full coverage');
    expect(buy.readyTurn).toBe(s0.turn + 1 + P.radarLagTurns);
    expectNear(buy.afterCoverage, Math.min(1, r0.radarCoverage + 0.25), 'coverage after');
    const s1 = step(s0, { orders: [so] }).state;
    expect(region(s1, 'PE-AYA').radarPipeline).toEqual([[buy.readyTurn, buy.addedCoverage]]);
    expect(money(s1, { side: 'state', orders: [] })).toBe(0);
  });
});

describe('computer sides plan with the programmes already running', () => {
  it('set aside what carries over, re-plan a kind as a whole, and never plan over budget', () => {
    let s = fresh();
    for (let turn = 0; turn < 4; turn++) {
      for (const side of ['state', 'clans', 'insurgents'] as const) {
        for (const d of [bot(s, side, 'normal'), policyOrders(s, side, side === 'state' ? 'development-first' : 'status-quo')]) {
          const use = budgetUse(s, d.orders).find((u) => u.pool === 'money')!;
          expect(use.used).toBeLessThanOrEqual(use.available + 1e-6);
          expect(validateOrders(s, d.orders)).toEqual([]);
        }
      }
      s = step(s, botInputAll(s)).state;
    }
  });

  it('a budget that falls below the programmes kept stops some of them, and says so', () => {
    const s0 = fresh();
    const target = 'PE-AYA';
    const s1 = step(s0, {
      orders: [
        {
          side: 'state',
          orders: [
            { kind: 'development', region: target, amount: 30 },
            { kind: 'pilots', amount: 20 },
          ],
        },
      ],
    }).state;
    const poor: GameState = { ...s1, budgets: { ...s1.budgets, state: { ...s1.budgets.state, moneyMusd: 25 } } };
    for (const plan of [
      { base: 'status-quo', levers: {} },
      { base: 'air-interdiction', levers: {} },
      { base: 'normal', levers: { controls: 2 } },
    ] as PlanSpec[]) {
      const so = { side: 'state' as const, orders: planOrders(poor, 'state', plan).orders };
      expect(budgetUse(poor, so).find((u) => u.pool === 'money')!.used).toBeLessThanOrEqual(25 + 1e-6);
      expect(validateOrders(poor, so)).toEqual([]);
      // The expensive programmes are re-planned or stopped, never silently kept on top of the plan.
      const dev = so.orders.find((o) => o.kind === 'development' && o.region === target);
      const pilots = so.orders.find((o) => o.kind === 'pilots');
      expect(dev !== undefined || pilots !== undefined).toBe(true);
    }
    const d = bot(poor, 'state', 'normal');
    expect(budgetUse(poor, d.orders).find((u) => u.pool === 'money')!.used).toBeLessThanOrEqual(25 + 1e-6);
    // A plan that gives nothing of these kinds keeps them only while they fit: 50 a quarter do not fit in 25.
    const stops = planOrders(poor, 'state', { base: 'vraem-offensive', levers: {} }).orders.filter(
      (o) => 'amount' in o && o.amount === 0 && (o.kind === 'development' || o.kind === 'pilots'),
    );
    const vraem = { side: 'state' as const, orders: planOrders(poor, 'state', { base: 'vraem-offensive', levers: {} }).orders };
    expect(budgetUse(poor, vraem).find((u) => u.pool === 'money')!.used).toBeLessThanOrEqual(25 + 1e-6);
    expect(stops.length + vraem.orders.filter((o) => o.kind === 'development' || o.kind === 'pilots').length).toBeGreaterThan(0);
  });
});

describe('eradication: the cap is known before commit and the State pays for what is done', () => {
  it('an order beyond the police escorts is limited by them, previewed so, and charged as done', () => {
    const s = fresh();
    const r = region(s, 'PE-AYA');
    const so = { side: 'state' as const, orders: [{ kind: 'eradicate' as const, region: 'PE-AYA', amount: 9000 }] };
    const reach = previewOrders(s, so).eradication.get('PE-AYA')!;
    expect(reach.limit).toBe('escorts');
    expect(reach.reachHa).toBeLessThan(9000);
    expect(reach.police).toBe(r.police);
    const out = step(s, { orders: [so] });
    const done = eventsOf(out.events, 'cocaEradicated').find((e) => e.region === 'PE-AYA')!;
    expect(done.ha).toBeLessThanOrEqual(reach.reachHa + 1e-9);
    expect(done.ha).toBeGreaterThanOrEqual(reach.lowHa - 1e-9);
    expect(done.limit).toBe('escorts');
    expectNear(
      out.state.history.at(-1)!.stateSpendMusd,
      (done.ha * P.eradicationCostUsdPerHa) / 1e6,
      'charged for the hectares eradicated',
    );
  });

  it('more police ordered in the same plan raise the cap the preview shows', () => {
    const s = fresh();
    const police = region(s, 'PE-AYA').police;
    const base = previewOrders(s, { side: 'state', orders: [{ kind: 'eradicate', region: 'PE-AYA', amount: 9000 }] }).eradication.get(
      'PE-AYA',
    )!;
    const more = previewOrders(s, {
      side: 'state',
      orders: [
        { kind: 'deployPolice', region: 'PE-AYA', amount: police + 500 },
        { kind: 'eradicate', region: 'PE-AYA', amount: 9000 },
      ],
    }).eradication.get('PE-AYA')!;
    expect(more.escortCapHa).toBeGreaterThan(base.escortCapHa);
  });
});
