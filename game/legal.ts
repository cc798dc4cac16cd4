/**
 * What each side may order (`legalOrders`), what an order costs, and validation. The planning UI,
 * the bots and the fuzz tests all build orders from `legalOrders`, and `validateOrders` is the
 * guard every turn passes before anything changes.
 */
import type { Side } from './content/scenario-schema';
import { SIDES } from './content/scenario-schema';
import type { Params } from './content/scenario-schema';
import { staticCtx } from './context';
import { totalCocaHa } from './derive';
import { ORDER_SPECS, OrderSchema, POSTURES, ROES, US_STANCES, type Order, type OrderKind, type Pool } from './orders';
import type { GameState, SideOrders, ValidationError } from './types';

export interface OrderOption {
  kind: OrderKind;
  region?: string;
  exit?: string;
  /** For moves: where to. */
  to?: string[];
  min: number;
  max: number;
  /** The value in force now (garrison, weight, setting) or 0. */
  current: number | string;
  costPerUnitMusd: number;
  choices?: readonly string[];
  /** Whole units only (people, labs, fighters). */
  whole?: true;
}

const WHOLE_KINDS: ReadonlySet<string> = new Set(['deployArmy', 'deployPolice', 'buildLabs', 'relocateLabs', 'move', 'ambush', 'attack']);

export function orderCostMusd(o: Order, p: Params): number {
  switch (o.kind) {
    case 'eradicate': return (o.amount * p.eradicationCostUsdPerHa) / 1e6;
    case 'plant': return (o.amount * p.plantCostUsdPerHa) / 1e6;
    case 'buildLabs': return o.amount * p.labCostMusd;
    case 'relocateLabs': return o.amount * p.labCostMusd * 0.5;
    case 'radar': case 'pilots': case 'portControl': case 'riverControl': case 'precursors': case 'leadership':
    case 'development': case 'protection': case 'bribe': case 'mining': case 'recruit': case 'propaganda':
      return o.amount;
    default: return 0;
  }
}

export function legalOrders(state: GameState, side: Side): OrderOption[] {
  if (state.status === 'ended') return [];
  const sc = staticCtx(state.scenario);
  const p = state.scenario.params;
  const b = state.budgets[side];
  const money = b.moneyMusd;
  const out: OrderOption[] = [];
  const n = state.national;
  if (side === 'state') {
    state.regions.forEach((r, i) => {
      const def = sc.defs[i]!;
      out.push({ kind: 'deployArmy', region: r.id, min: 0, max: b.army, current: r.army, costPerUnitMusd: 0 });
      out.push({ kind: 'deployPolice', region: r.id, min: 0, max: b.police, current: r.police, costPerUnitMusd: 0 });
      const standing = totalCocaHa(r);
      if (standing > 0) out.push({ kind: 'eradicate', region: r.id, min: 0, max: Math.floor(standing), current: 0, costPerUnitMusd: p.eradicationCostUsdPerHa / 1e6 });
      if (def.airstrips > 0 || r.cocaHa > 0) out.push({ kind: 'radar', region: r.id, min: 0, max: money, current: 0, costPerUnitMusd: 1 });
      if (def.navigableRiver) out.push({ kind: 'riverControl', region: r.id, min: 0, max: money, current: r.riverControlMusd, costPerUnitMusd: 1 });
      if (r.insurgentFighters > 0 || n.leaders.some((l) => l.status === 'active' && l.region === r.id))
        out.push({ kind: 'leadership', region: r.id, min: 0, max: money, current: 0, costPerUnitMusd: 1 });
      if (def.maxCocaHa > 0) out.push({ kind: 'development', region: r.id, min: 0, max: money, current: 0, costPerUnitMusd: 1 });
    });
    out.push({ kind: 'pilots', min: 0, max: money, current: 0, costPerUnitMusd: 1 });
    if (n.interdictionLaw === 'none') out.push({ kind: 'interdictionLaw', min: 0, max: 1, current: 0, costPerUnitMusd: 0 });
    out.push({ kind: 'roe', min: 0, max: 0, current: n.roe, costPerUnitMusd: 0, choices: ROES });
    sc.exits.forEach((e) => {
      if (e.mode === 'sea') out.push({ kind: 'portControl', exit: e.id, min: 0, max: money, current: 0, costPerUnitMusd: 1 });
    });
    out.push({ kind: 'precursors', min: 0, max: money, current: 0, costPerUnitMusd: 1 });
    out.push({ kind: 'usStance', min: 0, max: 0, current: n.usStance, costPerUnitMusd: 0, choices: US_STANCES });
  } else if (side === 'clans') {
    state.regions.forEach((r, i) => {
      const def = sc.defs[i]!;
      const room = Math.max(0, def.maxCocaHa - r.cocaHa - r.immatureHa.reduce((a, x) => a + x, 0));
      if (def.maxCocaHa > 0) {
        out.push({ kind: 'plant', region: r.id, min: 0, max: Math.floor(room), current: 0, costPerUnitMusd: p.plantCostUsdPerHa / 1e6 });
        out.push({ kind: 'buildLabs', region: r.id, min: 0, max: 200, current: r.labs, costPerUnitMusd: p.labCostMusd });
      }
      if (r.labs > 0) out.push({ kind: 'relocateLabs', region: r.id, to: def.neighbors.slice(), min: 0, max: r.labs, current: 0, costPerUnitMusd: p.labCostMusd * 0.5 });
      if (def.maxCocaHa > 0 || r.insurgentFighters > 0 || r.stockT > 0)
        out.push({ kind: 'protection', region: r.id, min: 0, max: money, current: 0, costPerUnitMusd: 1 });
      out.push({ kind: 'bribe', region: r.id, min: 0, max: money, current: 0, costPerUnitMusd: 1 });
      if (def.miningPotential > 0) out.push({ kind: 'mining', region: r.id, min: 0, max: money, current: 0, costPerUnitMusd: 1 });
    });
    out.push({ kind: 'finishShare', min: 0, max: 1, current: n.finishShare, costPerUnitMusd: 0 });
    state.exits.forEach((e) => out.push({ kind: 'route', exit: e.id, min: 0, max: 100, current: e.weight, costPerUnitMusd: 0 }));
  } else {
    state.regions.forEach((r, i) => {
      const def = sc.defs[i]!;
      if (r.insurgentFighters > 0) {
        out.push({ kind: 'move', region: r.id, to: def.neighbors.slice(), min: 0, max: r.insurgentFighters, current: 0, costPerUnitMusd: 0 });
        out.push({ kind: 'ambush', region: r.id, min: 0, max: r.insurgentFighters, current: 0, costPerUnitMusd: 0 });
        out.push({ kind: 'attack', region: r.id, min: 0, max: r.insurgentFighters, current: 0, costPerUnitMusd: 0 });
      }
      if (r.insurgentFighters > 0 || sc.neighbors[i]!.some((j) => state.regions[j]!.insurgentFighters >= 10))
        out.push({ kind: 'recruit', region: r.id, min: 0, max: money, current: 0, costPerUnitMusd: 1 });
    });
    out.push({ kind: 'taxRate', min: 0, max: 30, current: n.insurgentTaxPct, costPerUnitMusd: 0 });
    out.push({ kind: 'propaganda', min: 0, max: money, current: 0, costPerUnitMusd: 1 });
    out.push({ kind: 'posture', min: 0, max: 0, current: n.insurgentPosture, costPerUnitMusd: 0, choices: POSTURES });
  }
  for (const o of out) if (WHOLE_KINDS.has(o.kind)) o.whole = true;
  return out;
}

export interface PoolUse {
  pool: Exclude<Pool, 'none'>;
  used: number;
  available: number;
}

/** How much of each pool the orders use (garrisons count in full: unnamed regions keep theirs). */
export function budgetUse(state: GameState, so: SideOrders): PoolUse[] {
  const p = state.scenario.params;
  const b = state.budgets[so.side];
  const money = so.orders.reduce((a, o) => a + orderCostMusd(o, p), 0);
  const out: PoolUse[] = [{ pool: 'money', used: money, available: b.moneyMusd }];
  if (so.side === 'state') {
    for (const force of ['army', 'police'] as const) {
      const kind = force === 'army' ? 'deployArmy' : 'deployPolice';
      const named = new Map<string, number>();
      for (const o of so.orders) if (o.kind === kind) named.set(o.region, o.amount);
      const used = state.regions.reduce((a, r) => a + (named.get(r.id) ?? r[force]), 0);
      out.push({ pool: force, used, available: b[force] });
    }
  }
  if (so.side === 'insurgents') {
    const committed = so.orders.reduce((a, o) => a + (o.kind === 'ambush' || o.kind === 'attack' ? o.amount : 0), 0);
    out.push({ pool: 'fighters', used: committed, available: b.fighters });
  }
  return out;
}

const err = (path: string, code: string, message: string, values?: Record<string, string | number>): ValidationError =>
  values ? { path, code, message, values } : { path, code, message };

/** Every problem with one side's orders; an empty list means they can be resolved. */
export function validateOrders(state: GameState, input: unknown): ValidationError[] {
  const errors: ValidationError[] = [];
  if (!input || typeof input !== 'object') return [err('orders', 'orders.malformed', 'orders must be an object { side, orders }')];
  const so = input as Partial<SideOrders>;
  if (typeof so.side !== 'string' || !(SIDES as readonly string[]).includes(so.side))
    return [err('orders.side', 'orders.unknownSide', `unknown side ${JSON.stringify(so.side)}`, { side: String(so.side) })];
  const side = so.side;
  const base = `orders[${side}]`;
  if (!Array.isArray(so.orders)) return [err(`${base}.orders`, 'orders.malformed', 'orders must be a list')];
  if (so.note !== undefined && (typeof so.note !== 'string' || so.note.length > 10_000))
    errors.push(err(`${base}.note`, 'orders.noteTooLong', 'the note must be text of at most 10,000 characters'));
  if (so.orders.length > 5000) return [err(`${base}.orders`, 'orders.tooMany', `${so.orders.length} orders is more than 5,000`, { count: so.orders.length })];
  if (state.status === 'ended') return [err(base, 'game.ended', 'the game has ended')];
  const sc = staticCtx(state.scenario);
  const options = legalOrders(state, side);
  const optionKey = (o: { kind: string; region?: string | undefined; exit?: string | undefined }) => `${o.kind}|${o.region ?? ''}|${o.exit ?? ''}`;
  const byKey = new Map(options.map((o) => [optionKey(o), o]));
  const seen = new Set<string>();
  const parsed: Order[] = [];
  so.orders.forEach((raw, i) => {
    const path = `${base}[${i}]`;
    const r = OrderSchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const field = issue.path.length ? `${path}.${issue.path.join('.')}` : path;
      errors.push(err(field, 'order.malformed', `${field}: ${issue.message}`, { field }));
      return;
    }
    const o = r.data;
    const spec = ORDER_SPECS[o.kind];
    if (spec.side !== side) {
      errors.push(err(`${path}.kind`, 'order.wrongSide', `${o.kind} is an order for ${spec.side}, not ${side}`, { kind: o.kind, side }));
      return;
    }
    if ('region' in o && !sc.index.has(o.region)) {
      errors.push(err(`${path}.region`, 'order.unknownRegion', `unknown region ${o.region}`, { region: o.region }));
      return;
    }
    if ('exit' in o && !sc.exitIndex.has(o.exit)) {
      errors.push(err(`${path}.exit`, 'order.unknownExit', `unknown exit ${o.exit}`, { exit: o.exit }));
      return;
    }
    const key = optionKey({ kind: o.kind, region: 'region' in o ? o.region : undefined, exit: 'exit' in o ? o.exit : undefined }) + ('to' in o ? `|${o.to}` : '');
    if (seen.has(key)) {
      errors.push(err(path, 'order.duplicate', `a second ${o.kind} order for the same target`, { kind: o.kind }));
      return;
    }
    seen.add(key);
    const opt = byKey.get(optionKey({ kind: o.kind, region: 'region' in o ? o.region : undefined, exit: 'exit' in o ? o.exit : undefined }));
    if (!opt) {
      const where = 'region' in o ? o.region : 'exit' in o ? o.exit : '';
      errors.push(err(path, 'order.notAllowed', `${o.kind}${where ? ` in ${where}` : ''} is not possible now`, { kind: o.kind, where }));
      return;
    }
    if ('to' in o && !(opt.to ?? []).includes(o.to)) {
      errors.push(err(`${path}.to`, 'order.notNeighbor', `${o.to} is not next to ${o.region}`, { from: o.region, to: o.to }));
      return;
    }
    if ('amount' in o && o.amount > opt.max + 1e-9) {
      errors.push(err(`${path}.amount`, 'order.overMax', `${o.amount} is more than the ${opt.max} possible for ${o.kind}${opt.region ? ` in ${opt.region}` : ''}`, { kind: o.kind, amount: o.amount, max: opt.max }));
      return;
    }
    parsed.push(o);
  });
  if (errors.length) return errors;
  for (const use of budgetUse(state, { side, orders: parsed })) {
    if (use.used > use.available + 1e-6)
      errors.push(err(`${base}`, 'order.overBudget', `orders use ${use.used.toFixed(2)} ${use.pool} of ${use.available.toFixed(2)} available`, { pool: use.pool, used: Math.round(use.used * 100) / 100, available: Math.round(use.available * 100) / 100 }));
  }
  if (side === 'insurgents') {
    // Fighters committed in a region cannot exceed those who stay there this turn (fighters on
    // the move arrive too late to fight).
    const avail = new Map(state.regions.map((r) => [r.id, r.insurgentFighters]));
    const out = new Map<string, number>();
    for (const o of parsed) if (o.kind === 'move') out.set(o.region, (out.get(o.region) ?? 0) + o.amount);
    for (const [region, moved] of out) {
      if (moved > (avail.get(region) ?? 0)) errors.push(err(base, 'order.overFighters', `${moved} fighters leave ${region}, which has ${avail.get(region)}`, { region, used: moved, available: avail.get(region) ?? 0 }));
    }
    for (const [region, moved] of out) avail.set(region, (avail.get(region) ?? 0) - moved);
    const committed = new Map<string, number>();
    for (const o of parsed) if (o.kind === 'ambush' || o.kind === 'attack') committed.set(o.region, (committed.get(o.region) ?? 0) + o.amount);
    for (const [region, c] of committed) {
      if (c > (avail.get(region) ?? 0) + 1e-9) errors.push(err(base, 'order.overFighters', `${c} fighters committed in ${region}, where ${avail.get(region)} stay this turn`, { region, used: c, available: avail.get(region) ?? 0 }));
    }
  }
  return errors;
}
