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
import type { Rng } from './rng';
import type { InjectInput, Override } from './types';

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
  /** Nearest region with clandestine airstrips, and how many hops away. */
  airstripAt: Int32Array;
  airstripHops: Int32Array;
  /** Next region toward the nearest airstrip region, and regions sorted by hops to one. */
  airNext: Int32Array;
  airByHops: Int32Array;
  /** kg of leaf per kg of cocaine equivalent, by region (alkaloid content). */
  leafKgPerKg: Float64Array;
  /** Share of each region's coca inside the VRAEM. */
  vraemShare: Float64Array;
}

export interface Ctx extends StaticCtx {
  turn: number;
  rng: Rng;
  events: GameEvent[];
  orders: Record<Side, Order[]>;
  injects: InjectInput[];
  overrides: Override[];
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

export function staticCtx(scenario: Scenario): StaticCtx {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const map = maps.get(scenario.map);
  if (!map) throw new Error(`scenario ${scenario.id} needs map "${scenario.map}", which is not loaded`);
  const defs = map.regions;
  const index = new Map(defs.map((d, i) => [d.id, i]));
  const neighbors = defs.map((d) => d.neighbors.map((n) => index.get(n)!).sort((a, b) => a - b));
  const exits = map.exits;
  const gateway = new Int32Array(exits.map((e) => (e.gateway === null ? -1 : index.get(e.gateway)!)));
  const nextHop: Int32Array[] = [];
  const hops: Int32Array[] = [];
  const byHops: Int32Array[] = [];
  for (let e = 0; e < exits.length; e++) {
    const g = gateway[e]!;
    const r = bfs(neighbors, g >= 0 ? [g] : []);
    nextHop.push(r.next);
    hops.push(r.hops);
    byHops.push(r.order);
  }
  const strips = defs.map((d, i) => (d.airstrips > 0 ? i : -1)).filter((i) => i >= 0);
  // Multi-source BFS gives each region its nearest airstrip region; walk back to find which.
  const air = bfs(neighbors, strips);
  const airstripAt = new Int32Array(defs.length).fill(-1);
  for (let i = 0; i < defs.length; i++) {
    let j = i;
    while (j >= 0 && air.hops[j]! > 0) j = air.next[j]!;
    airstripAt[i] = air.hops[i]! >= 0 ? j : -1;
  }
  const p = scenario.params;
  const leafKgPerKg = new Float64Array(defs.map((d) => (p.leafKgPerCocaineKgRef * p.refAlkaloidPct) / d.alkaloidPct));
  const vraemShare = new Float64Array(defs.length);
  for (const m of map.zones.find((z) => z.id === 'vraem')?.members ?? []) vraemShare[index.get(m.region)!] = m.cocaShare;
  const ctx: StaticCtx = {
    map, scenario, params: p, defs, index, exitIndex: new Map(exits.map((e, i) => [e.id, i])), neighbors, exits,
    gateway, nextHop, hops, byHops, airstripAt, airstripHops: air.hops, airNext: air.next, airByHops: air.order, leafKgPerKg, vraemShare,
  };
  cache.set(scenario, ctx);
  return ctx;
}

export function newScratch(regions: number): Ctx['scratch'] {
  return {
    stateSpendMusd: 0, clanSpendMusd: 0, insurgentSpendMusd: 0, clanRevenueMusd: 0, insurgentRevenueMusd: 0,
    leafToLabsT: new Float64Array(regions), potentialT: new Float64Array(regions), capacityT: new Float64Array(regions),
    protectionPaid: new Float64Array(regions), miningMusd: new Float64Array(regions),
    transportMusd: 0, narcoFlights: 0, flightsInterdicted: 0, mistakenShootdowns: 0,
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

export const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);
