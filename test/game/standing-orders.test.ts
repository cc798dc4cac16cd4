/**
 * Orders as states (issue 10): standing programmes are ordered as the level wanted, carry over
 * unless changed, and cost what the order table says; the preview the planning panel reads is the
 * engine's own charge. Eradication is bounded by police escorts, shown before commit, and paid for
 * what is done.
 */
import { describe, expect, it } from 'vitest';
import { budgetUse, createGame, MAP, previewOrders, type GameState } from '../../game';
import { P, SCENARIO, eventsOf, expectNear, region, step } from './helpers';

const fresh = (): GameState => createGame(SCENARIO, 42);
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
    const so = { side: 'state' as const, orders: [{ kind: 'riverControl' as const, region: riverRegion, amount: 3 }, { kind: 'portControl' as const, exit: 'sea-paita', amount: 1.5 }] };
    const s1 = step(s0, { orders: [so] }).state;
    expect(region(s1, riverRegion).riverControlMusd).toBe(3);
    // Next quarter, no orders at all: both programmes still run and the budget counts them.
    const none = { side: 'state' as const, orders: [] };
    expectNear(money(s1, none), 4.5, 'upkeep of the kept programmes');
    const kept = previewOrders(s1, none).kept;
    expect(kept.map((k) => [k.kind, k.region ?? k.exit, k.level])).toEqual([['portControl', 'sea-paita', 1.5], ['riverControl', riverRegion, 3]].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
    const s2 = step(s1, { orders: [none] }).state;
    expect(region(s2, riverRegion).riverControlMusd).toBe(3);
    expect(s2.exits.find((e) => e.id === 'sea-paita')!.portControlMusd).toBe(1.5);
    expectNear(s2.history.at(-1)!.stateSpendMusd, 4.5, 'the State is charged for the kept programmes');
    // Ordering 0 stops a programme.
    const s3 = step(s2, { orders: [{ side: 'state', orders: [{ kind: 'riverControl', region: riverRegion, amount: 0 }] }] }).state;
    expect(region(s3, riverRegion).riverControlMusd).toBe(0);
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
    expectNear(out.state.history.at(-1)!.stateSpendMusd, (done.ha * P.eradicationCostUsdPerHa) / 1e6, 'charged for the hectares eradicated');
  });

  it('more police ordered in the same plan raise the cap the preview shows', () => {
    const s = fresh();
    const police = region(s, 'PE-AYA').police;
    const base = previewOrders(s, { side: 'state', orders: [{ kind: 'eradicate', region: 'PE-AYA', amount: 9000 }] }).eradication.get('PE-AYA')!;
    const more = previewOrders(s, { side: 'state', orders: [{ kind: 'deployPolice', region: 'PE-AYA', amount: police + 500 }, { kind: 'eradicate', region: 'PE-AYA', amount: 9000 }] }).eradication.get('PE-AYA')!;
    expect(more.escortCapHa).toBeGreaterThan(base.escortCapHa);
  });
});
