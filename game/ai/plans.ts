/**
 * The plans the hard level's search chooses among: a base way of playing (the normal level's
 * rules, or one of the side's named policies) with levers set on it — the side's main choices, as
 * data (`PlanSpec`). A plan is a policy, not a fixed list of orders: `planOrders` builds its orders
 * on whatever state it is given (the side's view for the orders it gives now, a sampled world
 * in the search's look-ahead), always from `legalOrders` (through the `Planner`), within the
 * side's money. Levers read quantities the engine already defines (params, outlook, capacities),
 * never a coefficient of their own, so plans stay meaningful when the model's coefficients change.
 */
import type { Side } from '../content/scenario-schema';
import { staticCtx } from '../context';
import { totalCocaHa } from '../derive';
import type { Order } from '../orders';
import { outlook } from '../phases/displacement';
import { eradicationCapacityHa } from '../phases/eradication';
import type { GameState, PlanSpec, Reason } from '../types';
import { Planner, type BotResult } from './planner';
import { POLICIES } from './policies';
import { normalPlan, seizedRegions } from './rules';

type Value = string | number;

/** The order's target key: kind, region or exit, destination. */
const keyOf = (o: Order): string => `${o.kind}|${'region' in o ? o.region : 'exit' in o ? o.exit : ''}|${'to' in o ? o.to : ''}`;

/** A plan's orders while levers are set on them: the base's orders by target, and which a lever touched. */
export class PlanDraft {
  readonly orders = new Map<string, Order>();
  readonly touched = new Set<string>();
  readonly sc;

  constructor(
    readonly state: GameState,
    readonly side: Side,
    base: readonly Order[],
  ) {
    for (const o of base) this.orders.set(keyOf(o), o);
    this.sc = staticCtx(state.scenario);
  }

  of<K extends Order['kind']>(kind: K): Extract<Order, { kind: K }>[] {
    return [...this.orders.values()].filter((o): o is Extract<Order, { kind: K }> => o.kind === kind);
  }

  set(o: Order): void {
    const k = keyOf(o);
    this.orders.set(k, o);
    this.touched.add(k);
  }

  removeKind(kind: Order['kind']): boolean {
    let any = false;
    for (const [k, o] of this.orders)
      if (o.kind === kind) {
        this.orders.delete(k);
        any = true;
      }
    return any;
  }

  /** The orders, lever-set first, fitted to what is legal and affordable by a `Planner`. */
  finish(): Order[] {
    const pl = new Planner(this.state, this.side);
    for (const [k, o] of this.orders) if (this.touched.has(k)) pl.add(o);
    for (const [k, o] of this.orders) if (!this.touched.has(k)) pl.add(o);
    return pl.result().orders.orders;
  }
}

/** A lever: an id, its values, and how it changes a plan's orders (false: it changes nothing here). */
export interface LeverDef {
  id: string;
  values: readonly Value[];
  apply: (d: PlanDraft, v: Value) => boolean;
}

/** Spread `total` over `targets` in proportion to their weights (regional money orders of one kind). */
function spread(
  d: PlanDraft,
  kind: 'development' | 'leadership' | 'mining' | 'bribe' | 'plant',
  targets: { id: string; w: number }[],
  total: number,
  add = true,
): boolean {
  const sum = targets.reduce((a, t) => a + t.w, 0);
  if (!(sum > 0) || !(total > 0)) return false;
  for (const t of targets) {
    const prev = add ? d.orders.get(`${kind}|${t.id}|`) : undefined;
    const amount = (prev && 'amount' in prev ? prev.amount : 0) + (total * t.w) / sum;
    d.set({ kind, region: t.id, amount });
  }
  return true;
}

const byWeight = (xs: { id: string; w: number }[], n: number) =>
  xs
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w || (a.id < b.id ? -1 : 1))
    .slice(0, n);

// --- The State ---

const STATE_LEVERS: LeverDef[] = [
  {
    id: 'stance',
    values: ['seek', 'maintain'],
    apply: (d, v) =>
      d.state.national.usStance === v && !d.orders.has('usStance||')
        ? false
        : (d.set({ kind: 'usStance', value: v as 'seek' | 'maintain' }), true),
  },
  {
    // Eradication scaled, each region within its police escort capacity (what the teams can do).
    id: 'eradication',
    values: [0, 0.5, 1.5, 2],
    apply: (d, v) => {
      const f = Number(v);
      const orders = d.of('eradicate');
      if (!orders.length) return false;
      const p = d.state.scenario.params;
      for (const o of orders) {
        const r = d.state.regions[d.sc.index.get(o.region)!]!;
        const cap = Math.max(o.amount, eradicationCapacityHa(r.police, r.corruption, p));
        d.set({ ...o, amount: Math.min(o.amount * f, cap, totalCocaHa(r)) });
      }
      return true;
    },
  },
  {
    // More development where programmes can reach farmers (presence above the scenario's floor).
    id: 'development',
    values: [5, 15],
    apply: (d, v) => {
      const p = d.state.scenario.params;
      const targets = d.state.regions.map((r) => ({
        id: r.id,
        w: r.statePresence > p.developmentPresenceFloor ? totalCocaHa(r) * (r.statePresence - p.developmentPresenceFloor) : 0,
      }));
      return spread(d, 'development', byWeight(targets, 6), Number(v));
    },
  },
  {
    id: 'roe',
    values: ['track', 'force-down', 'shoot-down'],
    apply: (d, v) =>
      d.state.national.roe === v && !d.orders.has('roe||')
        ? false
        : (d.set({ kind: 'roe', value: v as 'track' | 'force-down' | 'shoot-down' }), true),
  },
  {
    // Stand up air interdiction: the law, pilot training, radar where the flights leave from.
    id: 'air',
    values: ['build'],
    apply: (d) => {
      const n = d.state.national;
      const flights = d.state.regions.map((r, i) => ({ id: r.id, w: d.sc.defs[i]!.airstrips > 0 ? r.flow.flights + 1 : 0 }));
      const radar = byWeight(flights, 2).filter((t) => {
        const r = d.state.regions[d.sc.index.get(t.id)!]!;
        return r.radarCoverage + r.radarPipeline.reduce((a, [, c]) => a + c, 0) < 0.95;
      });
      if (n.interdictionLaw === 'none') d.set({ kind: 'interdictionLaw' });
      d.set({ kind: 'pilots', amount: (d.of('pilots')[0]?.amount ?? 0) + 4 });
      for (const t of radar) d.set({ kind: 'radar', region: t.id, amount: d.state.scenario.params.radarCostMusd / 4 });
      return true;
    },
  },
  {
    // Intelligence against leaders: where fighters (as estimated) and active leaders are.
    id: 'leadership',
    values: [3, 8],
    apply: (d, v) => {
      const leaders = new Set(d.state.national.leaders.filter((l) => l.status === 'active').map((l) => l.region));
      const targets = d.state.regions.map((r) => ({ id: r.id, w: r.insurgentFighters + (leaders.has(r.id) ? 50 : 0) }));
      return spread(d, 'leadership', byWeight(targets, 2), Number(v));
    },
  },
  {
    // The army after the fighters: half the troops of regions without fighters go where they are.
    id: 'army',
    values: ['hunt'],
    apply: (d) => {
      const rs = d.state.regions;
      const fighters = rs.reduce((a, r) => a + r.insurgentFighters, 0);
      if (!(fighters > 0)) return false;
      let pool = 0;
      for (const r of rs)
        if (r.insurgentFighters === 0 && r.army > 0) {
          const keep = Math.ceil(r.army / 2);
          pool += r.army - keep;
          d.set({ kind: 'deployArmy', region: r.id, amount: keep });
        }
      if (pool <= 0) return false;
      let given = 0;
      const withF = rs.filter((r) => r.insurgentFighters > 0);
      withF.forEach((r, k) => {
        const add = k === withF.length - 1 ? pool - given : Math.floor((pool * r.insurgentFighters) / fighters);
        given += add;
        d.set({ kind: 'deployArmy', region: r.id, amount: r.army + add });
      });
      return true;
    },
  },
  {
    // Police escorts to the coca: a third of the police of regions without coca go where it grows.
    id: 'police',
    values: ['escort'],
    apply: (d) => {
      const rs = d.state.regions;
      const coca = rs.reduce((a, r) => a + totalCocaHa(r), 0);
      if (!(coca > 0)) return false;
      let pool = 0;
      for (const r of rs)
        if (totalCocaHa(r) === 0 && r.police > 0) {
          const keep = r.police - Math.floor(r.police / 3);
          pool += r.police - keep;
          d.set({ kind: 'deployPolice', region: r.id, amount: keep });
        }
      if (pool <= 0) return false;
      const withC = rs.filter((r) => totalCocaHa(r) > 0);
      let given = 0;
      withC.forEach((r, k) => {
        const add = k === withC.length - 1 ? pool - given : Math.floor((pool * totalCocaHa(r)) / coca);
        given += add;
        d.set({ kind: 'deployPolice', region: r.id, amount: r.police + add });
      });
      return true;
    },
  },
  {
    // Port and precursor controls dropped, or doubled.
    id: 'controls',
    values: [0, 2],
    apply: (d, v) => {
      const f = Number(v);
      const os = [...d.of('portControl'), ...d.of('precursors'), ...d.of('riverControl')];
      if (!os.length) return false;
      for (const o of os) d.set({ ...o, amount: o.amount * f });
      return true;
    },
  },
];

// --- The clans ---

/** Route weights: the exits' baseline shares, held back by what was lost there last quarter, tilted to price. */
function routeWeights(d: PlanDraft, mode: 'baseline' | 'safe' | 'value'): boolean {
  const exits = d.state.exits;
  const mean = exits.reduce((a, e) => a + e.priceUsdPerKg, 0) / Math.max(1, exits.length);
  exits.forEach((e, i) => {
    const def = d.sc.exits[i]!;
    if (!def.open) return; // a closed exit takes no route order
    const loss = e.flow.shippedT > 0 ? e.flow.seizedT / e.flow.shippedT : 0;
    let w = def.baselineShare * 100;
    if (mode !== 'baseline') w *= (1 - loss) * (1 - loss);
    if (mode === 'value') w *= (e.priceUsdPerKg / Math.max(1, mean)) * (e.priceUsdPerKg / Math.max(1, mean));
    d.set({ kind: 'route', exit: e.id, amount: Math.min(100, Math.max(1, Math.round(w))) });
  });
  return true;
}

const CLANS_LEVERS: LeverDef[] = [
  { id: 'finish', values: [10, 30, 60, 90], apply: (d, v) => (d.set({ kind: 'finishShare', value: Number(v) / 100 }), true) },
  { id: 'routes', values: ['baseline', 'safe', 'value'], apply: (d, v) => routeWeights(d, v as 'baseline' | 'safe' | 'value') },
  {
    // New ground where the growers find it most attractive (the engine's own outlook).
    id: 'plant',
    values: [0, 500, 1500],
    apply: (d, v) => {
      d.removeKind('plant');
      const targets = d.state.regions.map((r, i) => ({ id: r.id, w: outlook(r, d.sc, i).attractiveness }));
      spread(d, 'plant', byWeight(targets, 3), Number(v), false);
      return true;
    },
  },
  {
    // Labs where the leaf outruns the labs (at the scenario's lab capacity).
    id: 'labs',
    values: ['match'],
    apply: (d) => {
      const p = d.state.scenario.params;
      let any = false;
      d.state.regions.forEach((r, i) => {
        const def = d.sc.defs[i]!;
        const potentialT = Math.max(0, (r.cocaHa * def.yieldTPerHaYear) / 4 - def.traditionalLeafTYear / 4) / d.sc.leafKgPerKg[i]!;
        const need = Math.ceil(potentialT / p.labCapacityTPerQuarter - r.labs);
        if (need > 0) {
          d.set({ kind: 'buildLabs', region: r.id, amount: need });
          any = true;
        }
      });
      return any;
    },
  },
  {
    // Protection paid as demanded, not at all, or more (local guards and look-outs).
    id: 'protection',
    values: [0, 1.5],
    apply: (d, v) => {
      const os = d.of('protection');
      if (!os.length) return false;
      for (const o of os) d.set({ ...o, amount: o.amount * Number(v) });
      return true;
    },
  },
  {
    // Mining where it returns most (the scenario's return, less where the State is present); a share of the money, %.
    id: 'mining',
    values: [0, 10, 30],
    apply: (d, v) => {
      d.removeKind('mining');
      const p = d.state.scenario.params;
      const targets = d.state.regions.map((r, i) => ({
        id: r.id,
        w: d.sc.defs[i]!.miningPotential * (1 - p.miningPresencePenalty * r.statePresence),
      }));
      spread(d, 'mining', byWeight(targets, 3), (d.state.budgets.clans.moneyMusd * Number(v)) / 100, false);
      return true;
    },
  },
  {
    // Bribes (a share of the money, %) where loads were seized last quarter, else where the product waits and the police are.
    id: 'bribe',
    values: [0, 15, 40, 80],
    apply: (d, v) => {
      const had = d.removeKind('bribe');
      const seized = seizedRegions(d.state, 3).map((r) => ({ id: r.id, w: r.flow.seizedT }));
      const targets = seized.length
        ? seized
        : byWeight(
            d.state.regions.map((r) => ({ id: r.id, w: r.stockT * (r.police + r.army) })),
            3,
          );
      return spread(d, 'bribe', targets, (d.state.budgets.clans.moneyMusd * Number(v)) / 100, false) || had;
    },
  },
];

// --- The insurgents ---

/** Fighters committed in each region with patrols: `share` of those there (after any moves out). */
function commit(d: PlanDraft, kind: 'ambush' | 'attack', share: number): boolean {
  d.removeKind(kind);
  const other = kind === 'ambush' ? 'attack' : 'ambush';
  const moved = new Map<string, number>();
  for (const o of d.of('move')) moved.set(o.region, (moved.get(o.region) ?? 0) + o.amount);
  for (const r of d.state.regions) {
    if (r.insurgentFighters < 10 || r.army + r.police === 0) continue;
    const stay = r.insurgentFighters - (moved.get(r.id) ?? 0);
    const taken = d.orders.get(`${other}|${r.id}|`);
    const room = stay - (taken && 'amount' in taken ? taken.amount : 0);
    const k = Math.min(room, Math.floor(r.insurgentFighters * share));
    if (k > 0) d.set({ kind, region: r.id, amount: k });
  }
  return true;
}

const INSURGENT_LEVERS: LeverDef[] = [
  { id: 'tax', values: [3, 6, 10, 15, 20, 30], apply: (d, v) => (d.set({ kind: 'taxRate', value: Number(v) }), true) },
  {
    id: 'posture',
    values: ['hide', 'balanced', 'offensive'],
    apply: (d, v) => (d.set({ kind: 'posture', value: v as 'hide' | 'balanced' | 'offensive' }), true),
  },
  { id: 'ambush', values: [0, 15, 30, 50], apply: (d, v) => commit(d, 'ambush', Number(v) / 100) },
  { id: 'attack', values: [0, 10], apply: (d, v) => commit(d, 'attack', Number(v) / 100) },
  {
    // How the money goes: the political front, recruitment, or half each.
    id: 'spend',
    values: ['front', 'recruit', 'mixed'],
    apply: (d, v) => {
      const money = d.state.budgets.insurgents.moneyMusd;
      if (!(money > 0)) return false;
      const share = v === 'front' ? 0.8 : v === 'recruit' ? 0.1 : 0.45;
      d.removeKind('propaganda');
      d.removeKind('recruit');
      d.set({ kind: 'propaganda', amount: money * share });
      const sc = d.sc;
      const targets = d.state.regions.map((r, i) => ({
        id: r.id,
        w: r.insurgentFighters > 0 ? sc.defs[i]!.povertyPct * (1 - r.statePresence) * (1 - r.legitimacy) : 0,
      }));
      const best = byWeight(targets, 2);
      for (const t of best) d.set({ kind: 'recruit', region: t.id, amount: (money * (1 - share)) / best.length });
      return true;
    },
  },
  {
    // Fighters (a share, %) slip out of the region where the army is strongest against them, to its quietest neighbour.
    id: 'disperse',
    values: [30],
    apply: (d, v) => {
      const rs = d.state.regions;
      const hot = rs
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => r.insurgentFighters >= 10)
        .sort((a, b) => b.r.army / (b.r.insurgentFighters + 1) - a.r.army / (a.r.insurgentFighters + 1) || a.i - b.i)[0];
      if (!hot || hot.r.army === 0) return false;
      const to = d.sc.neighbors[hot.i]!.map((j) => rs[j]!).sort(
        (a, b) => a.army + a.police - b.army - b.police || (a.id < b.id ? -1 : 1),
      )[0];
      if (!to) return false;
      d.removeKind('ambush');
      d.removeKind('attack');
      // One move out of a region a quarter (a plan a team can hold in its planning panel, one row per region).
      for (const [k, o] of d.orders) if (o.kind === 'move' && o.region === hot.r.id) d.orders.delete(k);
      d.set({ kind: 'move', region: hot.r.id, to: to.id, amount: Math.floor((hot.r.insurgentFighters * Number(v)) / 100) });
      return true;
    },
  },
];

export const LEVERS: Record<Side, readonly LeverDef[]> = { state: STATE_LEVERS, clans: CLANS_LEVERS, insurgents: INSURGENT_LEVERS };

/** The bases a side's plans start from: the normal level's rules, then the side's named policies. */
export function basesFor(side: Side): string[] {
  return ['normal', ...Object.keys(POLICIES[side]).filter((name) => name !== 'normal')];
}

/** The base's orders and reasons on `state`. */
export function baseResult(state: GameState, side: Side, base: string): BotResult {
  if (base === 'normal') return normalPlan(state, side);
  const policy = POLICIES[side][base];
  if (!policy) throw new Error(`unknown base ${base} for ${side}`);
  return policy(state);
}

/**
 * The plan's orders on `state` (a view, or a sampled world), with the base's own reasons; `base`
 * is the base's result on the same state when the caller has it already.
 */
export function planOrders(
  state: GameState,
  side: Side,
  plan: PlanSpec,
  base: BotResult = baseResult(state, side, plan.base),
): { orders: Order[]; rationale: Reason[] } {
  const ids = Object.keys(plan.levers);
  if (ids.length === 0) return { orders: base.orders.orders, rationale: base.rationale };
  const d = new PlanDraft(state, side, base.orders.orders);
  for (const lever of LEVERS[side]) if (lever.id in plan.levers) lever.apply(d, plan.levers[lever.id]!);
  return { orders: d.finish(), rationale: base.rationale };
}

/** Whether setting `lever` to `value` changes anything of the base's orders (`base`, on `state`). */
export function leverApplies(state: GameState, side: Side, base: BotResult, lever: LeverDef, value: Value): boolean {
  return lever.apply(new PlanDraft(state, side, base.orders.orders), value);
}

/** A plan's id: its base and levers in the side's lever order (`air-interdiction|stance=seek`). */
export function planId(side: Side, plan: PlanSpec): string {
  const parts = LEVERS[side].filter((l) => l.id in plan.levers).map((l) => `${l.id}=${plan.levers[l.id]}`);
  return [plan.base, ...parts].join('|');
}
