/**
 * What each side may order now (`legalOrders`, from the order table in orders.ts), how much of each
 * pool a set of orders uses, and validation. The planning UI, the bots and the fuzz tests all
 * build orders from `legalOrders`, and `validateOrders` is the guard every turn passes before
 * anything changes.
 */
import type { Side } from './content/scenario-schema';
import { SIDES } from './content/scenario-schema';
import type { Params } from './content/scenario-schema';
import { staticCtx } from './context';
import {
  kindCostMusd,
  kindsFor,
  orderChargeMusd,
  OrderSchema,
  specOf,
  standingUpkeepMusd,
  UNITS,
  type Bounds,
  type LegalAt,
  type Order,
  type OrderKind,
  type Pool,
} from './orders';
import { MAX_NOTE_CHARS, type GameState, type SideOrders, type ValidationError } from './types';

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

/** An option from a kind's entry and its bounds: the amount from 0, the cost of one unit, whole units flagged. */
function option(kind: OrderKind, where: { region?: string; exit?: string }, b: Bounds, p: Params): OrderOption {
  const spec = specOf(kind);
  const o: OrderOption = {
    kind,
    ...where,
    ...(b.to ? { to: b.to } : {}),
    min: 0,
    max: b.max,
    current: b.current,
    costPerUnitMusd: kindCostMusd(kind, 1, p),
  };
  if (b.choices) o.choices = b.choices;
  if (UNITS[spec.unit].whole) o.whole = true;
  return o;
}

/**
 * What `side` may order now, from the table's `legal` entries: for each region in the map's
 * order, the side's regional kinds in the table's order; then its exit and national kinds.
 */
export function legalOrders(state: GameState, side: Side): OrderOption[] {
  if (state.status === 'ended') return [];
  const sc = staticCtx(state.scenario);
  const p = state.scenario.params;
  const budget = state.budgets[side];
  const at: LegalAt = { state, sc, budget, money: budget.moneyMusd };
  const kinds = kindsFor(side);
  const out: OrderOption[] = [];
  state.regions.forEach((r, i) => {
    for (const kind of kinds) {
      const spec = specOf(kind);
      if (spec.target !== 'region' && spec.target !== 'move') continue;
      const b = spec.legal(at, r, sc.defs[i]!, i);
      if (b) out.push(option(kind, { region: r.id }, b, p));
    }
  });
  for (const kind of kinds) {
    const spec = specOf(kind);
    if (spec.target === 'exit') {
      sc.exits.forEach((def, j) => {
        if (!def.open) return; // no buyers there in this period
        const b = spec.legal(at, def, state.exits[j]!);
        if (b) out.push(option(kind, { exit: def.id }, b, p));
      });
    } else if (spec.target === 'national' || spec.target === 'setting' || spec.target === 'action') {
      const b = spec.legal(at);
      if (b) out.push(option(kind, {}, b, p));
    }
  }
  return out;
}

export interface PoolUse {
  pool: Exclude<Pool, 'none'>;
  used: number;
  available: number;
}

/**
 * How much of each pool the orders use. Standing programmes count in full: garrisons, river and
 * port control that the orders leave as they are keep running (and being paid); a change to a
 * standing programme costs what `chargeMusd` says (new laboratories only, a patrol's new level).
 */
export function budgetUse(state: GameState, so: SideOrders): PoolUse[] {
  const b = state.budgets[so.side];
  const named = new Set(so.orders.map((o) => `${o.kind}|${'region' in o && !('to' in o) ? o.region : ''}|${'exit' in o ? o.exit : ''}`));
  const money = so.orders.reduce((a, o) => a + orderChargeMusd(state, o), 0) + standingUpkeepMusd(state, so.side, named);
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

/** Why a value failed its schema, as a code the interface words: whole, min, max, number, choice, missing, unknownField or other. */
function malformedReason(issue: { code: string; expected?: unknown }, present: boolean): string {
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'whole';
  if (issue.code === 'invalid_type' && !present) return 'missing';
  if (issue.code === 'invalid_type') return 'number';
  if (issue.code === 'too_small') return 'min';
  if (issue.code === 'too_big') return 'max';
  if (issue.code === 'invalid_value' || issue.code === 'invalid_union') return 'choice';
  if (issue.code === 'unrecognized_keys') return 'unknownField';
  return 'other';
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
  if (so.note !== undefined && (typeof so.note !== 'string' || so.note.length > MAX_NOTE_CHARS))
    errors.push(
      err(`${base}.note`, 'orders.noteTooLong', `the note must be text of at most ${MAX_NOTE_CHARS} characters`, { max: MAX_NOTE_CHARS }),
    );
  if (so.orders.length > 5000)
    return [err(`${base}.orders`, 'orders.tooMany', `${so.orders.length} orders is more than 5,000`, { count: so.orders.length })];
  if (state.status === 'ended') return [err(base, 'game.ended', 'the game has ended')];
  const sc = staticCtx(state.scenario);
  const options = legalOrders(state, side);
  const optionKey = (o: { kind: string; region?: string | undefined; exit?: string | undefined }) =>
    `${o.kind}|${o.region ?? ''}|${o.exit ?? ''}`;
  const byKey = new Map(options.map((o) => [optionKey(o), o]));
  const seen = new Set<string>();
  const parsed: Order[] = [];
  so.orders.forEach((raw, i) => {
    const path = `${base}[${i}]`;
    const r = OrderSchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const field = issue.path.length ? `${path}.${issue.path.join('.')}` : path;
      // What the player needs to fix it: the order's kind and place (when readable), the field,
      // and why, as a code (never parsed from the message).
      const rec = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
      const str = (k: string) => (typeof rec[k] === 'string' ? rec[k] : '');
      const kind = str('kind');
      const where = str('region') || str('exit');
      const reason = malformedReason(issue, issue.path.length === 0 || rec[String(issue.path[0])] !== undefined);
      const values: Record<string, string | number> = { field, name: issue.path.map(String).join('.') || 'order', reason, kind, where };
      if (typeof rec[String(issue.path[0] ?? '')] === 'number') values.value = rec[String(issue.path[0])] as number;
      errors.push(err(field, 'order.malformed', `${field}: ${issue.message}`, values));
      return;
    }
    const o = r.data;
    const spec = specOf(o.kind);
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
    const key =
      optionKey({ kind: o.kind, region: 'region' in o ? o.region : undefined, exit: 'exit' in o ? o.exit : undefined }) +
      ('to' in o ? `|${o.to}` : '');
    if (seen.has(key)) {
      errors.push(err(path, 'order.duplicate', `a second ${o.kind} order for the same target`, { kind: o.kind }));
      return;
    }
    seen.add(key);
    const opt = byKey.get(
      optionKey({ kind: o.kind, region: 'region' in o ? o.region : undefined, exit: 'exit' in o ? o.exit : undefined }),
    );
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
      errors.push(
        err(
          `${path}.amount`,
          'order.overMax',
          `${o.amount} is more than the ${opt.max} possible for ${o.kind}${opt.region ? ` in ${opt.region}` : ''}`,
          { kind: o.kind, amount: o.amount, max: opt.max, where: opt.region ?? opt.exit ?? '' },
        ),
      );
      return;
    }
    parsed.push(o);
  });
  if (errors.length) return errors;
  for (const use of budgetUse(state, { side, orders: parsed })) {
    if (use.used > use.available + 1e-6)
      errors.push(
        err(`${base}`, 'order.overBudget', `orders use ${use.used.toFixed(2)} ${use.pool} of ${use.available.toFixed(2)} available`, {
          pool: use.pool,
          used: Math.round(use.used * 100) / 100,
          available: Math.round(use.available * 100) / 100,
        }),
      );
  }
  if (side === 'insurgents') {
    // Fighters committed in a region cannot exceed those who stay there this turn (fighters on
    // the move arrive too late to fight).
    const avail = new Map(state.regions.map((r) => [r.id, r.insurgentFighters]));
    const out = new Map<string, number>();
    for (const o of parsed) if (o.kind === 'move') out.set(o.region, (out.get(o.region) ?? 0) + o.amount);
    for (const [region, moved] of out) {
      if (moved > (avail.get(region) ?? 0))
        errors.push(
          err(base, 'order.overFighters', `${moved} fighters leave ${region}, which has ${avail.get(region)}`, {
            region,
            used: moved,
            available: avail.get(region) ?? 0,
          }),
        );
    }
    for (const [region, moved] of out) avail.set(region, (avail.get(region) ?? 0) - moved);
    const committed = new Map<string, number>();
    for (const o of parsed)
      if (o.kind === 'ambush' || o.kind === 'attack') committed.set(o.region, (committed.get(o.region) ?? 0) + o.amount);
    for (const [region, c] of committed) {
      if (c > (avail.get(region) ?? 0) + 1e-9)
        errors.push(
          err(base, 'order.overFighters', `${c} fighters committed in ${region}, where ${avail.get(region)} stay this turn`, {
            region,
            used: c,
            available: avail.get(region) ?? 0,
          }),
        );
    }
  }
  return errors;
}
