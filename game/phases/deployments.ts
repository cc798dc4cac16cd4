/**
 * Phase 2: orders take effect. Forces move, fighters move, labs are built or relocated, money is
 * committed to programmes (radars bought enter their pipeline; pilots train, ports and rivers are
 * watched, development and intelligence accumulate, each at the level it runs at until changed),
 * and each side's settings change. What each
 * side spends is priced by the order table (`cost`), on the amounts that took effect.
 */
import type { Params } from '../content/scenario-schema';
import { clamp, ordersOf, regionalAmounts, regionalLevels, type Ctx } from '../context';
import { chargeMusd, kindCostMusd as cost, type OrderKind } from '../orders';
import type { GameState, RegionState } from '../types';
import { usTracking } from '../derive';
import { developmentReach } from './displacement';

/** What radar bought in a region adds: the coverage now, what is already on order, what this adds and when it comes online. */
export interface RadarPurchase {
  coverage: number;
  pendingCoverage: number;
  addedCoverage: number;
  /** Coverage now plus everything on order plus this, at most full coverage. */
  afterCoverage: number;
  readyTurn: number;
}

/** The radar rule, read by this phase and by the planning preview: US$ `musd` bought in the turn `turn` resolves. */
export function radarBought(r: RegionState, musd: number, turn: number, p: Params): RadarPurchase {
  const pendingCoverage = r.radarPipeline.reduce((a, [, c]) => a + c, 0);
  const addedCoverage = musd / p.radarCostMusd;
  return {
    coverage: r.radarCoverage,
    pendingCoverage,
    addedCoverage,
    afterCoverage: clamp(r.radarCoverage + pendingCoverage + addedCoverage, 0, 1),
    readyTurn: turn + p.radarLagTurns,
  };
}

/** A national programme's level this quarter: the last order's amount, else the level it runs at now. */
function nationalLevel(ctx: Ctx, kind: OrderKind, now: number): number {
  let level = now;
  for (const o of ctx.orders.state) if (o.kind === kind && 'amount' in o) level = o.amount;
  return level;
}

export function deploymentsPhase(s: GameState, ctx: Ctx): void {
  const p = ctx.params;
  const n = s.national;

  // --- State ---
  for (const o of ctx.orders.state) {
    if (o.kind === 'deployArmy' || o.kind === 'deployPolice') {
      const r = s.regions[ctx.index.get(o.region)!]!;
      const force = o.kind === 'deployArmy' ? 'army' : 'police';
      const from = r[force];
      const to = o.amount;
      if (from !== to) {
        r[force] = to;
        ctx.events.push({ turn: ctx.turn, type: 'forcesDeployed', region: r.id, force, from, to });
      }
    }
  }
  let spend = 0;
  const radar = regionalAmounts(ctx, 'state', 'radar');
  // River and port control are standing programmes: they run at their level until changed.
  const river = regionalLevels(ctx, 'state', 'riverControl', (i) => s.regions[i]!.riverControlMusd);
  // Development and leadership targeting are programmes too: they run, and are paid, until changed.
  const dev = regionalLevels(ctx, 'state', 'development', (i) => s.regions[i]!.developmentMusd);
  const lead = regionalLevels(ctx, 'state', 'leadership', (i) => s.regions[i]!.leadershipMusd);
  const usFactor = usTracking(n, p);
  s.regions.forEach((r, i) => {
    const rad = radar[i]!;
    if (rad > 0) {
      const bought = radarBought(r, rad, ctx.turn, p);
      r.radarPipeline.push([bought.readyTurn, bought.addedCoverage]);
    }
    // Radars ordered earlier come online when their lead time is over.
    const ready = r.radarPipeline.filter(([t]) => t <= ctx.turn);
    if (ready.length) {
      r.radarCoverage = clamp(r.radarCoverage + ready.reduce((a, [, c]) => a + c, 0), 0, 1);
      r.radarPipeline = r.radarPipeline.filter(([t]) => t > ctx.turn);
      ctx.events.push({ turn: ctx.turn, type: 'radarOnline', region: r.id, coverage: r.radarCoverage });
    }
    r.riverControlMusd = river[i]!;
    r.developmentMusd = dev[i]!;
    r.leadershipMusd = lead[i]!;
    // Where the State is absent, programmes cannot reach farmers and part of the money is
    // captured by the clans (contracts, cash, roads that serve the trade).
    const captured = dev[i]! > 0 ? dev[i]! * p.developmentCaptureShare * (1 - developmentReach(r, ctx).presenceFactor) : 0;
    r.developmentStockMusd = r.developmentStockMusd * p.developmentRetention + dev[i]! - captured;
    if (captured > 0) {
      n.clanCashMusd += captured;
      ctx.events.push({ turn: ctx.turn, type: 'developmentCaptured', region: r.id, musd: captured });
    }
    r.intel = clamp(r.intel * p.intelRetention + lead[i]! * p.leadershipIntelPerMusd * usFactor, 0, 1);
    spend += cost('radar', rad, p) + cost('riverControl', river[i]!, p) + cost('development', dev[i]!, p) + cost('leadership', lead[i]!, p);
  });
  const pilots = nationalLevel(ctx, 'pilots', n.pilotTrainingMusd);
  n.pilotTrainingMusd = pilots;
  n.pilotReadiness = clamp(n.pilotReadiness * (1 - p.pilotReadinessDecay) + pilots * p.pilotTrainingPerMusd, 0, 1);
  const precursors = nationalLevel(ctx, 'precursors', n.precursorControlMusd);
  n.precursorControlMusd = precursors;
  n.precursorControl = clamp(n.precursorControl * p.precursorRetention + precursors * p.precursorControlPerMusd, 0, 1);
  for (const o of ordersOf(ctx, 'state', 'portControl')) s.exits[ctx.exitIndex.get(o.exit)!]!.portControlMusd = o.amount;
  spend +=
    cost('pilots', pilots, p) +
    cost('precursors', precursors, p) +
    s.exits.reduce((a, e) => a + cost('portControl', e.portControlMusd, p), 0);
  // Eradication is paid in its own phase, for the hectares actually eradicated.
  ctx.scratch.stateSpendMusd = spend;

  if (ordersOf(ctx, 'state', 'interdictionLaw').length && n.interdictionLaw === 'none') {
    n.interdictionLaw = 'pending';
    n.lawTurnsLeft = p.lawLagTurns;
    ctx.events.push({ turn: ctx.turn, type: 'interdictionLawProposed', turnsToPass: p.lawLagTurns });
  } else if (n.interdictionLaw === 'pending' && --n.lawTurnsLeft <= 0) {
    n.interdictionLaw = 'passed';
    n.lawTurnsLeft = 0;
    ctx.events.push({ turn: ctx.turn, type: 'interdictionLawPassed' });
  }
  for (const o of ordersOf(ctx, 'state', 'roe')) n.roe = o.value;
  for (const o of ordersOf(ctx, 'state', 'usStance')) n.usStance = o.value;

  // --- Clans ---
  let clanSpend = 0;
  // Laboratories are a standing programme: the order is the number a region should run.
  const labs = regionalLevels(ctx, 'clans', 'buildLabs', (i) => s.regions[i]!.labs);
  s.regions.forEach((r, i) => {
    const want = labs[i]!;
    if (want === r.labs) return;
    clanSpend += chargeMusd('buildLabs', r.labs, want, p);
    if (want > r.labs) ctx.events.push({ turn: ctx.turn, type: 'labsBuilt', region: r.id, labs: want - r.labs });
    else ctx.events.push({ turn: ctx.turn, type: 'labsClosed', region: r.id, labs: r.labs - want });
    r.labs = want;
  });
  for (const o of ordersOf(ctx, 'clans', 'relocateLabs')) {
    const from = s.regions[ctx.index.get(o.region)!]!;
    const to = s.regions[ctx.index.get(o.to)!]!;
    const moved = Math.min(from.labs, o.amount);
    if (moved > 0) {
      from.labs -= moved;
      to.labs += moved;
      clanSpend += cost('relocateLabs', moved, p);
      ctx.events.push({ turn: ctx.turn, type: 'labsRelocated', region: from.id, to: to.id, labs: moved });
    }
  }
  for (const o of ordersOf(ctx, 'clans', 'finishShare')) n.finishShare = o.value;
  for (const o of ordersOf(ctx, 'clans', 'route')) s.exits[ctx.exitIndex.get(o.exit)!]!.weight = o.amount;
  const protection = regionalAmounts(ctx, 'clans', 'protection');
  const bribes = regionalAmounts(ctx, 'clans', 'bribe');
  const mining = regionalAmounts(ctx, 'clans', 'mining');
  s.regions.forEach((r, i) => {
    ctx.scratch.protectionPaid[i] = protection[i]!;
    ctx.scratch.miningMusd[i] = mining[i]!;
    r.corruption = clamp(r.corruption + bribes[i]! * p.corruptionPerMusd, 0, 1);
    clanSpend += cost('protection', protection[i]!, p) + cost('bribe', bribes[i]!, p) + cost('mining', mining[i]!, p);
  });
  // Planting is paid here and happens in the displacement phase.
  clanSpend += regionalAmounts(ctx, 'clans', 'plant').reduce((a, ha) => a + cost('plant', ha, p), 0);
  ctx.scratch.clanSpendMusd = clanSpend;

  // --- Insurgents ---
  for (const o of ordersOf(ctx, 'insurgents', 'move')) {
    const from = s.regions[ctx.index.get(o.region)!]!;
    const to = s.regions[ctx.index.get(o.to)!]!;
    const moved = Math.min(from.insurgentFighters, o.amount);
    if (moved > 0) {
      from.insurgentFighters -= moved;
      to.insurgentFighters += moved;
      ctx.events.push({ turn: ctx.turn, type: 'fightersMoved', region: from.id, to: to.id, fighters: moved });
    }
  }
  for (const o of ordersOf(ctx, 'insurgents', 'taxRate')) n.insurgentTaxPct = o.value;
  for (const o of ordersOf(ctx, 'insurgents', 'posture')) n.insurgentPosture = o.value;
  const propaganda = ordersOf(ctx, 'insurgents', 'propaganda').reduce((a, o) => a + o.amount, 0);
  n.insurgentFront = clamp(n.insurgentFront * p.frontRetention + propaganda * p.propagandaPerMusd, 0, 1);
  ctx.scratch.insurgentSpendMusd =
    cost('propaganda', propaganda, p) + regionalAmounts(ctx, 'insurgents', 'recruit').reduce((a, m) => a + cost('recruit', m, p), 0);
}
