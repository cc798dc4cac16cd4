/**
 * The resolution context: static lookups derived once from the map and scenario (cached per
 * scenario object), plus the turn's inputs, random source and event sink. Phases read `ctx` and
 * write only the draft state.
 */
import { MAP } from './content/builtin';
import type { ExitDef, MapContent, RegionDef } from './content/schema';
import type { Params, Scenario, Side } from './content/scenario-schema';
import type { GameEvent } from './events';
import type { Order, OrderKind, OrderOf } from './orders';
import { dpow } from './det-math';
import { QUARTERS_PER_YEAR } from './units';
import type { Rng } from './rng';
import type { FacilitatorNote, InjectInput, MselAction, Override } from './types';
import type { MselEntry } from './content/inject-schema';

export interface StaticCtx {
  map: MapContent;
  scenario: Scenario;
  params: Params;
  defs: readonly RegionDef[];
  index: ReadonlyMap<string, number>;
  exitIndex: ReadonlyMap<string, number>;
  neighbors: number[][];
  exits: readonly ExitDef[];
  /** Per exit: the gateway region index (-1 for air). */
  gateway: Int32Array;
  /** Per exit with a gateway: for each region, the next region toward the gateway (-1 at it or unreachable). */
  nextHop: Int32Array[];
  hops: Int32Array[];
  /** Per exit: reachable regions sorted by hops to the gateway (for one-pass path products). */
  byHops: Int32Array[];
  /**
   * Air hubs: for each region, the regions with clandestine airstrips a load can walk to for its
   * flight (within `airHubMaxHops`, its own first), with the hops; and for each airstrip region,
   * the regions within reach in order of hops and the next step toward it, for walk survival.
   */
  hubsOf: { hub: number; hops: number; pos: number }[][];
  /** Per airstrip region: the regions within reach in order of hops, and for each the position in
   * that order of its next step toward the hub (-1 at the hub). Positions keep the walk arrays
   * the size of the reach, so the cost stays linear in the regions. */
  hubBall: { order: Int32Array; nextPos: Int32Array }[];
  /** kg of leaf per kg of cocaine equivalent, by region (alkaloid content). */
  leafKgPerKg: Float64Array;
  /** Share of each region's coca inside the VRAEM. */
  vraemShare: Float64Array;
  /** World demand's growth factor per quarter. */
  demandGrowthPerQuarter: number;
}

export interface Ctx extends StaticCtx {
  turn: number;
  rng: Rng;
  events: GameEvent[];
  orders: Record<Side, Order[]>;
  injects: InjectInput[];
  msel: MselAction[];
  overrides: Override[];
  schedule: MselEntry[];
  notes: FacilitatorNote[];
  /** Values one phase computes for later phases in the same turn. */
  scratch: {
    stateSpendMusd: number;
    clanSpendMusd: number;
    insurgentSpendMusd: number;
    clanRevenueMusd: number;
    insurgentRevenueMusd: number;
    leafToLabsT: Float64Array;
    potentialT: Float64Array;
    capacityT: Float64Array;
    protectionPaid: Float64Array;
    miningMusd: Float64Array;
    /** What the clans paid to move product this turn: exit costs and hops, US$ M. */
    transportMusd: number;
    narcoFlights: number;
    flightsInterdicted: number;
    aircraftShotDown: number;
    aircraftForcedDown: number;
    /** Per region: the airstrip region its air exports leave from this turn (-1: none in reach). */
    airHub: Int32Array;
    mistakenShootdowns: number;
    exportByMode: Record<'air' | 'sea' | 'river' | 'land', number>;
  };
}

const cache = new WeakMap<Scenario, StaticCtx>();
const maps = new Map<string, MapContent>([[MAP.id, MAP]]);

/** Make a map available to scenarios that name it (the built-in map is always there). Validate
 * it with `checkMap` first: this trusts its input. */
export function registerMap(map: MapContent): void {
  maps.set(map.id, map);
}

/** Breadth-first hops from `start` over the adjacency lists. */
function bfs(neighbors: number[][], starts: number[]): { hops: Int32Array; next: Int32Array; order: Int32Array } {
  const n = neighbors.length;
  const hops = new Int32Array(n).fill(-1);
  const next = new Int32Array(n).fill(-1);
  const queue: number[] = [];
  for (const s of starts) {
    hops[s] = 0;
    queue.push(s);
  }
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (const v of neighbors[u]!) {
      if (hops[v] === -1) {
        hops[v] = hops[u]! + 1;
        next[v] = u;
        queue.push(v);
      }
    }
  }
  return { hops, next, order: Int32Array.from(queue) };
}

/** The same, from one region and at most `maxHops` deep, in space proportional to what it reaches. */
function bfsWithin(
  neighbors: number[][],
  start: number,
  maxHops: number,
): { hops: Map<number, number>; next: Map<number, number>; order: Int32Array } {
  const hops = new Map<number, number>([[start, 0]]);
  const next = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    if (hops.get(u)! >= maxHops) continue;
    for (const v of neighbors[u]!) {
      if (!hops.has(v)) {
        hops.set(v, hops.get(u)! + 1);
        next.set(v, u);
        queue.push(v);
      }
    }
  }
  return { hops, next, order: Int32Array.from(queue) };
}

export function staticCtx(scenario: Scenario): StaticCtx {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const map = maps.get(scenario.map);
  if (!map) throw new Error(`scenario ${scenario.id} needs map "${scenario.map}", which is not loaded`);
  const defs = map.regions;
  const index = new Map(defs.map((d, i) => [d.id, i]));
  const neighbors = defs.map((d) => d.neighbors.map((n) => index.get(n)!).sort((a, b) => a - b));
  // An exit is its geography (the map) and its economics in the scenario's period.
  const exits: ExitDef[] = map.exits.map((g) => ({ ...g, ...scenario.exits[g.id]! }));
  const gateway = new Int32Array(exits.map((e) => (e.gateway === null ? -1 : index.get(e.gateway)!)));
  const nextHop: Int32Array[] = [];
  const hops: Int32Array[] = [];
  const byHops: Int32Array[] = [];
  for (let e = 0; e < exits.length; e++) {
    const g = gateway[e]!;
    // A closed exit is reached from nowhere.
    const r = bfs(neighbors, g >= 0 && exits[e]!.open ? [g] : []);
    nextHop.push(r.next);
    hops.push(r.hops);
    byHops.push(r.order);
  }
  const strips = defs.map((d, i) => (d.airstrips > 0 ? i : -1)).filter((i) => i >= 0);
  const p = scenario.params;
  const hubsOf: { hub: number; hops: number; pos: number }[][] = defs.map(() => []);
  const hubBall: { order: Int32Array; nextPos: Int32Array }[] = defs.map(() => ({ order: new Int32Array(0), nextPos: new Int32Array(0) }));
  for (const a of strips) {
    const b = bfsWithin(neighbors, a, p.airHubMaxHops);
    const pos = new Map(Array.from(b.order).map((i, k) => [i, k]));
    hubBall[a] = { order: b.order, nextPos: Int32Array.from(b.order, (i) => (i === a ? -1 : pos.get(b.next.get(i)!)!)) };
    b.order.forEach((i, k) => hubsOf[i]!.push({ hub: a, hops: b.hops.get(i)!, pos: k }));
  }
  for (const list of hubsOf) list.sort((x, y) => x.hops - y.hops || x.hub - y.hub);
  const leafKgPerKg = new Float64Array(defs.map((d) => (p.leafKgPerCocaineKgRef * p.refAlkaloidPct) / d.alkaloidPct));
  const vraemShare = new Float64Array(defs.length);
  for (const m of map.zones.find((z) => z.id === 'vraem')?.members ?? []) vraemShare[index.get(m.region)!] = m.cocaShare;
  const ctx: StaticCtx = {
    map,
    scenario,
    params: p,
    defs,
    index,
    exitIndex: new Map(exits.map((e, i) => [e.id, i])),
    neighbors,
    exits,
    gateway,
    nextHop,
    hops,
    byHops,
    hubsOf,
    hubBall,
    leafKgPerKg,
    vraemShare,
    demandGrowthPerQuarter: dpow(1 + p.worldDemandGrowthPerYear, 1 / QUARTERS_PER_YEAR),
  };
  cache.set(scenario, ctx);
  return ctx;
}

export function newScratch(regions: number): Ctx['scratch'] {
  return {
    stateSpendMusd: 0,
    clanSpendMusd: 0,
    insurgentSpendMusd: 0,
    clanRevenueMusd: 0,
    insurgentRevenueMusd: 0,
    leafToLabsT: new Float64Array(regions),
    potentialT: new Float64Array(regions),
    capacityT: new Float64Array(regions),
    protectionPaid: new Float64Array(regions),
    miningMusd: new Float64Array(regions),
    transportMusd: 0,
    narcoFlights: 0,
    flightsInterdicted: 0,
    aircraftShotDown: 0,
    aircraftForcedDown: 0,
    airHub: new Int32Array(regions).fill(-1),
    mistakenShootdowns: 0,
    exportByMode: { air: 0, sea: 0, river: 0, land: 0 },
  };
}

/** The orders of one kind a side gave this turn. */
export function ordersOf<K extends OrderKind>(ctx: Ctx, side: Side, kind: K): OrderOf<K>[] {
  return ctx.orders[side].filter((o): o is OrderOf<K> => o.kind === kind);
}

/** Sum of a regional order's amounts, by region index. */
export function regionalAmounts(ctx: Ctx, side: Side, kind: OrderKind): Float64Array {
  const out = new Float64Array(ctx.defs.length);
  for (const o of ctx.orders[side]) {
    if (o.kind === kind && 'region' in o && 'amount' in o) out[ctx.index.get(o.region)!]! += o.amount;
  }
  return out;
}

/** A standing programme's level by region index: the level now, replaced where the side ordered another. */
export function regionalLevels(ctx: Ctx, side: Side, kind: OrderKind, now: (i: number) => number): Float64Array {
  const out = Float64Array.from({ length: ctx.defs.length }, (_, i) => now(i));
  for (const o of ctx.orders[side]) {
    if (o.kind === kind && 'region' in o && 'amount' in o) out[ctx.index.get(o.region)!] = o.amount;
  }
  return out;
}

export const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);
