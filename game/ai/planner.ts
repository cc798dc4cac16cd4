/**
 * A small helper for bots and policies: collect orders while keeping within what is legal (the
 * order table's `legal` entries, as `legalOrders` reads them) and the money budget. Legality is
 * looked up per target when an order is added, not listed for every region and kind up front:
 * the hard level's search plans thousands of times a decision.
 *
 * Standing programmes the side runs now (river and port control, development, pilot training…)
 * carry over unless changed, and are paid again: the planner starts with their upkeep set aside.
 * A bot plans a kind of programme as a whole: its first order of a kind frees the upkeep of every
 * programme of that kind, the targets it orders run at the new levels, and `result` stops the
 * others of that kind (amount 0, an order the log and the explanation show). Kinds it does not
 * order keep running; if their upkeep is more than the money (the budget fell), `result` stops
 * them, the most expensive first, until the plan fits. So a bot never plans over its budget.
 */
import type { Side } from '../content/scenario-schema';
import { staticCtx, type StaticCtx } from '../context';
import {
  levelNow,
  orderCostMusd,
  orderProgrammeKey,
  programmeKey,
  roundForBots,
  runningProgrammes,
  specOf,
  type Bounds,
  type LegalAt,
  type NationalSpec,
  type Order,
  type OrderKind,
  type RunningProgramme,
} from '../orders';
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

  /** Programmes running now that no order has replaced yet, by `programmeKey`, with their upkeep. */
  private readonly running = new Map<string, RunningProgramme>();
  /** Programmes of kinds the bot has re-planned and has not ordered again: stopped by `result`. */
  private readonly dropped = new Map<string, RunningProgramme>();

  constructor(
    readonly state: GameState,
    readonly side: Side,
  ) {
    this.moneyLeft = state.budgets[side].moneyMusd;
    for (const k of runningProgrammes(state, side)) {
      if (k.upkeepMusd <= 0) continue;
      this.running.set(programmeKey(k.kind, k.region, k.exit), k);
      this.moneyLeft -= k.upkeepMusd;
    }
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
    if (
      this.orders.some(
        (o) =>
          o.kind === order.kind &&
          ('region' in o ? o.region : 'exit' in o ? o.exit : '') === target &&
          ('to' in o ? o.to : '') === ('to' in order ? order.to : ''),
      )
    )
      return 0;
    if (!('amount' in order)) {
      this.orders.push(order);
      return 1;
    }
    if ('to' in order && !(opt.to ?? []).includes(order.to)) return 0;
    const spec = specOf(order.kind);
    // The first order of a programme kind re-plans that kind: every programme of it is freed.
    if (spec.standing) {
      for (const [k, run] of this.running)
        if (run.kind === order.kind) {
          this.running.delete(k);
          this.dropped.set(k, run);
          this.moneyLeft += run.upkeepMusd;
        }
    }
    const key = orderProgrammeKey(order);
    const money = this.moneyLeft;
    // Laboratories are paid on what is added: the level now is free.
    const free = spec.standing?.charge === 'added' ? levelNow(this.state, order.kind, { region: target }) : 0;
    let amount = Math.min(order.amount, opt.max);
    const unitCost = orderCostMusd({ ...order, amount: 1 }, this.state.scenario.params);
    if (unitCost > 0) amount = Math.min(amount, free + Math.max(0, money) / unitCost);
    amount = roundForBots(spec.unit, amount);
    // A garrison (the army or police a region keeps) may be ordered down to nothing, and a running programme stopped.
    const isGarrison = spec.pool === 'army' || spec.pool === 'police';
    const stops = spec.standing !== undefined && typeof opt.current === 'number' && opt.current > 0;
    if (!(amount > 0) && !((isGarrison || stops) && amount === 0)) return 0;
    this.dropped.delete(key);
    this.moneyLeft = money - unitCost * Math.max(0, amount - free);
    this.orders.push({ ...order, amount });
    return amount;
  }

  /**
   * Stop the programmes of re-planned kinds that were not ordered again, then programmes left
   * running, the most expensive first, until what is set aside fits the money.
   */
  private fitRunning(): void {
    const stop = (k: RunningProgramme): void => {
      const target = specOf(k.kind).target;
      this.orders.push(
        (target === 'exit'
          ? { kind: k.kind, exit: k.exit, amount: 0 }
          : target === 'region'
            ? { kind: k.kind, region: k.region, amount: 0 }
            : { kind: k.kind, amount: 0 }) as Order,
      );
    };
    for (const k of this.dropped.values()) stop(k);
    this.dropped.clear();
    const left = [...this.running.entries()].sort((a, b) => b[1].upkeepMusd - a[1].upkeepMusd || (a[0] < b[0] ? -1 : 1));
    for (const [key, k] of left) {
      if (this.moneyLeft >= 0) break;
      stop(k);
      this.running.delete(key);
      this.moneyLeft += k.upkeepMusd;
    }
  }

  say(key: string, values: Record<string, string | number> = {}): void {
    this.rationale.push({ key, values });
  }

  result(note?: string): BotResult {
    this.fitRunning();
    const orders: SideOrders = note ? { side: this.side, orders: this.orders, note } : { side: this.side, orders: this.orders };
    return { orders, rationale: this.rationale };
  }
}
