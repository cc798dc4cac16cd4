/**
 * From the engine's list of legal orders to planning rows and back: each `OrderOption` is one row
 * with a stable key; the user's values for the rows (a `Draft`) become a side's `SideOrders`. Only
 * rows whose value differs from the option's current value become orders.
 */
import { ORDER_SPECS, clamp, type GameState, type Order, type Side, type SideOrders, legalOrders } from './engine';
import type { Draft, DraftValue } from './types';

export type OrderOption = ReturnType<typeof legalOrders>[number];

/** A row's key: kind, then whatever the option targets. Stable across turns. */
export function optionKey(o: Pick<OrderOption, 'kind' | 'region' | 'exit'>): string {
  return [o.kind, o.region ?? '', o.exit ?? ''].join('|');
}

export const emptyDraft = (): Draft => ({ values: {}, note: '' });

/** Does this option take a choice among named values (rules of engagement, posture…)? */
export const isChoice = (o: OrderOption): boolean => Array.isArray(o.choices) && o.choices.length > 0;
/** A one-off action (propose the interdiction law): a checkbox. */
export const isAction = (o: OrderOption): boolean => ORDER_SPECS[o.kind].target === 'action';
export const isMove = (o: OrderOption): boolean => ORDER_SPECS[o.kind].target === 'move';

/** The option's current choice, when it has choices (`current` names it). */
export function currentChoice(o: OrderOption): string {
  const c = o.choices ?? [];
  if (typeof o.current === 'string') return o.current;
  return c[clamp(Math.round(o.current), 0, c.length - 1)] ?? c[0] ?? '';
}

/** The option's current amount (0 for a choice). */
export const currentAmount = (o: OrderOption): number => (typeof o.current === 'number' ? o.current : 0);

/** The value a row shows: the draft's if set, else the option's current value. */
export function rowValue(o: OrderOption, v: DraftValue | undefined): Required<DraftValue> {
  const to = v?.to ?? o.to?.[0] ?? '';
  return {
    amount: v?.amount ?? (isMove(o) ? 0 : currentAmount(o)),
    choice: v?.choice ?? (isChoice(o) ? currentChoice(o) : ''),
    to,
  };
}

/** Has the user changed this row from what it is now? */
export function isChanged(o: OrderOption, v: DraftValue | undefined): boolean {
  if (!v) return false;
  const r = rowValue(o, v);
  if (isChoice(o)) return r.choice !== currentChoice(o);
  if (isMove(o)) return r.amount > 0;
  return r.amount !== currentAmount(o);
}

/** The order a changed row stands for. */
export function orderFor(o: OrderOption, v: DraftValue | undefined): Order | null {
  if (!isChanged(o, v)) return null;
  const r = rowValue(o, v);
  const spec = ORDER_SPECS[o.kind];
  let order: Record<string, unknown>;
  if (spec.target === 'action') order = { kind: o.kind };
  else if (isChoice(o)) order = { kind: o.kind, value: r.choice };
  else if (spec.target === 'setting') order = { kind: o.kind, value: r.amount };
  else if (spec.target === 'move') order = { kind: o.kind, region: o.region, to: r.to, amount: r.amount };
  else if (spec.target === 'exit') order = { kind: o.kind, exit: o.exit, amount: r.amount };
  else if (spec.target === 'region') order = { kind: o.kind, region: o.region, amount: r.amount };
  else order = { kind: o.kind, amount: r.amount };
  return order as Order;
}

/** A side's orders from its draft, in the order of the legal options (the engine's order). */
export function draftToOrders(side: Side, options: OrderOption[], draft: Draft): SideOrders {
  const orders: Order[] = [];
  for (const o of options) {
    const order = orderFor(o, draft.values[optionKey(o)]);
    if (order) orders.push(order);
  }
  const note = draft.note.trim();
  return note ? { side, orders, note } : { side, orders };
}

export function sideOrdersFor(state: GameState, side: Side, draft: Draft): SideOrders {
  return draftToOrders(side, legalOrders(state, side), draft);
}

/**
 * A draft that gives `orders` (the computer's advice, applied to a team's plan): each order sets
 * the value of its row. An order no row takes (a second move out of the same region) is left out
 * and counted (`left`, which the app tells the team), so the draft may give slightly less than the
 * advice; `sideOrdersFor` on the draft says exactly what it gives.
 */
export function draftFromOrders(options: OrderOption[], orders: readonly Order[], note = ''): { draft: Draft; left: number } {
  const byKey = new Map(options.map((o) => [optionKey(o), o]));
  const values: Record<string, DraftValue> = {};
  let left = 0;
  for (const order of orders) {
    const key = optionKey({
      kind: order.kind,
      region: 'region' in order ? order.region : undefined,
      exit: 'exit' in order ? order.exit : undefined,
    });
    const o = byKey.get(key);
    // An order the panel has no row for, or a second order in the same row (a second move out of a region).
    if (!o || values[key]) {
      left++;
      continue;
    }
    if (ORDER_SPECS[o.kind].target === 'action') values[key] = { amount: 1 };
    else if ('value' in order) values[key] = typeof order.value === 'string' ? { choice: order.value } : { amount: order.value };
    else if ('to' in order) values[key] = { amount: order.amount, to: order.to };
    else if ('amount' in order) values[key] = { amount: order.amount };
  }
  return { draft: { values, note }, left };
}
