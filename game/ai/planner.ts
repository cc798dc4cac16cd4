/** A small helper for bots and policies: collect orders while keeping within the money budget. */
import type { Side } from '../content/scenario-schema';
import { legalOrders, type OrderOption } from '../legal';
import { orderCostMusd, roundForBots, specOf, type Order } from '../orders';
import type { GameState, SideOrders } from '../types';

export interface Rationale {
  /** i18n key under `ai.` in the app catalogues. */
  key: string;
  values: Record<string, string | number>;
}

export interface BotResult {
  orders: SideOrders;
  rationale: Rationale[];
}

export class Planner {
  readonly orders: Order[] = [];
  readonly rationale: Rationale[] = [];
  private moneyLeft: number;
  private readonly options: Map<string, OrderOption>;

  constructor(readonly state: GameState, readonly side: Side) {
    this.moneyLeft = state.budgets[side].moneyMusd;
    this.options = new Map(legalOrders(state, side).map((o) => [`${o.kind}|${o.region ?? o.exit ?? ''}`, o]));
  }

  get money(): number {
    return this.moneyLeft;
  }

  option(kind: string, target = ''): OrderOption | undefined {
    return this.options.get(`${kind}|${target}`);
  }

  /** Add an order, clipped to what is legal and affordable; returns the amount actually ordered. */
  add(order: Order): number {
    const target = 'region' in order ? order.region : 'exit' in order ? order.exit : '';
    const opt = this.option(order.kind, target);
    if (!opt) return 0;
    if (this.orders.some((o) => o.kind === order.kind && ('region' in o ? o.region : 'exit' in o ? o.exit : '') === target && ('to' in o ? o.to : '') === ('to' in order ? order.to : '')))
      return 0;
    if (!('amount' in order)) {
      this.orders.push(order);
      return 1;
    }
    let amount = Math.min(order.amount, opt.max);
    const unitCost = orderCostMusd({ ...order, amount: 1 }, this.state.scenario.params);
    if (unitCost > 0) amount = Math.min(amount, this.moneyLeft / unitCost);
    const spec = specOf(order.kind);
    amount = roundForBots(spec.unit, amount);
    // A garrison (the army or police a region keeps) may be ordered down to nothing.
    const isGarrison = spec.pool === 'army' || spec.pool === 'police';
    if (!(amount > 0) && !(isGarrison && amount === 0)) return 0;
    this.moneyLeft -= unitCost * amount;
    this.orders.push({ ...order, amount });
    return amount;
  }

  say(key: string, values: Record<string, string | number> = {}): void {
    this.rationale.push({ key, values });
  }

  result(note?: string): BotResult {
    const orders: SideOrders = note ? { side: this.side, orders: this.orders, note } : { side: this.side, orders: this.orders };
    return { orders, rationale: this.rationale };
  }
}
