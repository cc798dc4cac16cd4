/**
 * The order table (game/orders.ts) is the one definition of each kind: its schema, cost, whole-unit
 * rule and legality all come from the entry, and every consumer reads them from there. These tests
 * check what the entries promise, through the real engine: legal options, validation, bots' orders.
 */
import { describe, expect, it } from 'vitest';
import {
  ORDER_KINDS,
  ORDER_SPECS,
  SIDES,
  UNITS,
  bot,
  createGame,
  kindCostMusd,
  legalOrders,
  orderCostMusd,
  specOf,
  validateOrders,
  type GameState,
  type Order,
  type OrderOption,
} from '../../game';
import { OrderSchema } from '../../game/orders';
import { SCENARIO, P, step, botInput } from './helpers';

/** A state some turns in, so that most kinds are legal somewhere. */
function midGame(): GameState {
  let s = createGame(SCENARIO, 4, { turns: 12 });
  for (let t = 0; t < 3; t++) s = step(s, botInput(s, 'hard')).state;
  return s;
}

/** The order an option stands for, with `amount` (or the first choice, or the option's maximum). */
function orderAt(o: OrderOption, amount: number): Record<string, unknown> {
  const spec = specOf(o.kind);
  switch (spec.target) {
    case 'action':
      return { kind: o.kind };
    case 'setting':
      return { kind: o.kind, value: o.choices ? o.choices[0] : amount };
    case 'region':
      return { kind: o.kind, region: o.region, amount };
    case 'move':
      return { kind: o.kind, region: o.region, to: o.to?.[0], amount };
    case 'exit':
      return { kind: o.kind, exit: o.exit, amount };
    case 'national':
      return { kind: o.kind, amount };
  }
}

describe('the order table', () => {
  it('prices exactly the orders that draw on money', () => {
    for (const kind of ORDER_KINDS) {
      const spec = specOf(kind);
      expect(spec.costMusd !== undefined, kind).toBe(spec.pool === 'money');
      if (spec.costMusd) expect(kindCostMusd(kind, 2, P), kind).toBeGreaterThan(0);
      else expect(kindCostMusd(kind, 2, P), kind).toBe(0);
    }
  });

  it('gives every side at least one kind, and each kind exactly one side', () => {
    for (const side of SIDES) expect(ORDER_KINDS.some((k) => ORDER_SPECS[k].side === side)).toBe(true);
    expect(new Set(ORDER_KINDS).size).toBe(Object.keys(ORDER_SPECS).length);
  });

  it('builds legal options whose unit cost, whole-unit flag and schema come from the entry', () => {
    const s = midGame();
    const seen = new Set<string>();
    for (const side of SIDES) {
      for (const o of legalOrders(s, side)) {
        seen.add(o.kind);
        const spec = specOf(o.kind);
        expect(spec.side).toBe(side);
        expect(o.costPerUnitMusd).toBe(kindCostMusd(o.kind, 1, P));
        expect(o.whole === true).toBe(UNITS[spec.unit].whole);
        expect(o.region !== undefined).toBe(spec.target === 'region' || spec.target === 'move');
        expect(o.exit !== undefined).toBe(spec.target === 'exit');
        // The maximum is accepted by the schema; a fraction only where units are not whole.
        const max = orderAt(o, Math.floor(o.max));
        expect(OrderSchema.safeParse(max).success, JSON.stringify(max)).toBe(true);
        if (spec.target !== 'action' && spec.target !== 'setting' && o.max >= 1) {
          expect(OrderSchema.safeParse(orderAt(o, 0.5)).success, o.kind).toBe(!UNITS[spec.unit].whole);
          expect(OrderSchema.safeParse({ ...max, extra: 1 }).success, o.kind).toBe(false);
        }
      }
    }
    // Nearly every kind is legal somewhere in a game in progress (the interdiction law may have been proposed).
    expect(seen.size).toBeGreaterThanOrEqual(ORDER_KINDS.length - 1);
  });

  it("charges an order its entry's cost, and validation counts it against the budget", () => {
    const s = midGame();
    const opt = legalOrders(s, 'state').find((o) => o.kind === 'eradicate')!;
    const order = orderAt(opt, 100) as Order;
    expect(orderCostMusd(order, P)).toBeCloseTo((100 * P.eradicationCostUsdPerHa) / 1e6, 12);
    const poor: GameState = { ...s, budgets: { ...s.budgets, state: { ...s.budgets.state, moneyMusd: orderCostMusd(order, P) / 2 } } };
    expect(validateOrders(poor, { side: 'state', orders: [order] }).map((e) => e.code)).toContain('order.overBudget');
    expect(validateOrders(s, { side: 'state', orders: [order] })).toEqual([]);
  });

  it("bots order amounts rounded to their unit's step", () => {
    let s = createGame(SCENARIO, 9, { turns: 8 });
    for (let t = 0; t < 4; t++) {
      for (const side of SIDES) {
        for (const o of bot(s, side, 'hard').orders.orders) {
          if (!('amount' in o)) continue;
          const stepSize = UNITS[specOf(o.kind).unit].botStep;
          const units = o.amount / stepSize;
          expect(Math.abs(units - Math.round(units)), `${o.kind} ${o.amount}`).toBeLessThan(1e-6);
        }
      }
      s = step(s, botInput(s, 'hard')).state;
    }
  });
});
