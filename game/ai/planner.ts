/**
 * A small helper for bots and policies: collect orders while keeping within what is legal (the
 * order table's `legal` entries, as `legalOrders` reads them) and the money budget. Legality is
 * looked up per target when an order is added, not listed for every region and kind up front:
 * the hard level's search plans thousands of times a decision.
 */
import type { Side } from '../content/scenario-schema';
import { staticCtx, type StaticCtx } from '../context';
import { orderCostMusd, roundForBots, specOf, type Bounds, type LegalAt, type NationalSpec, type Order, type OrderKind } from '../orders';
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
  private readonly bounds = new Map<string, Bounds | null>();
  private readonly sc: StaticCtx;
  private readonly at: LegalAt;

  constructor(readonly state: GameState, readonly side: Side) {
    this.moneyLeft = state.budgets[side].moneyMusd;
    this.sc = staticCtx(state.scenario);
    const budget = state.budgets[side];
    this.at = { state, sc: this.sc, budget, money: budget.moneyMusd };
  }

  get money(): number {
    return this.moneyLeft;
  }

  /** What `legalOrders` would offer for this kind and target now (null: not possible). */
  option(kind: OrderKind, target = ''): Bounds | null {
    const key = `${kind}|${target}`;
    const hit = this.bounds.get(key);
    if (hit !== undefined) return hit;
    const spec = specOf(kind);
    let b: Bounds | null = null;
    if (this.state.status !== 'ended' && spec.side === this.side) {
      if (spec.target === 'region' || spec.target === 'move') {
        const i = this.sc.index.get(target);
        if (i !== undefined) b = spec.legal(this.at, this.state.regions[i]!, this.sc.defs[i]!, i);
      } else if (spec.target === 'exit') {
        const j = this.sc.exitIndex.get(target);
        if (j !== undefined) b = spec.legal(this.at, this.sc.exits[j]!, this.state.exits[j]!);
      } else if (target === '') {
        b = (spec as NationalSpec).legal(this.at);
      }
    }
    this.bounds.set(key, b);
    return b;
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
    if ('to' in order && !(opt.to ?? []).includes(order.to)) return 0;
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
