/**
 * Phase 6: trafficking. Each region ships part of its stock toward the exits by the shares the
 * clans' routes give it. On the ground, every department crossed is a chance of interception
 * (police and army presence, river control, less corruption and local guards); at the exit, port
 * inspection. By air, loads walk to an airstrip hub and fly; the Air Force engages what its radar
 * sees, under the rules of engagement in force, and pilots and buyers answer the lethal risk they
 * perceive (deterrence): they learn it month by month from the shootdowns and forced landings they
 * hear of, forget it when incidents stop, and refuse to fly when it is high. What survives is
 * exported; the rest is seized, or waits at the hub when no pilot will take it.
 */
import type { Mode } from '../content/schema';
import { clamp, type Ctx } from '../context';
import { dexp, dpow } from '../det-math';
import { usTracking } from '../derive';
import { EVENT_MIN_T, KG_PER_T, MONTHS_PER_QUARTER, TINY, USD_PER_MUSD } from '../units';
import type { GameState, RegionState } from '../types';
import { applyEffects, libraryInject } from './injects';

/** Chance a load is intercepted while crossing one region by the given mode. */
export function hopIntercept(r: RegionState, ctx: Ctx, i: number, mode: Mode, protectionMusd: number): number {
  const p = ctx.params;
  const forces = r.police + p.armyForceWeight * r.army;
  const ground =
    p.interceptPerHop *
    ((p.interceptForcesGain * forces) / (forces + p.interceptForcesHalf)) *
    (p.interceptPresenceFloor + r.statePresence) *
    (1 - r.corruption);
  const guards = 1 / (1 + protectionMusd / p.guardsHalfMusd);
  const river = mode === 'river' && ctx.defs[i]!.navigableRiver ? p.riverInterceptPerMusd * r.riverControlMusd : 0;
  return clamp(ground * guards + river, 0, p.interceptCap);
}

/** Chance a load is stopped at an exit (port inspection, border posts). */
export function exitIntercept(s: GameState, ctx: Ctx, e: number): number {
  const p = ctx.params;
  const def = ctx.exits[e]!;
  const g = ctx.gateway[e]!;
  if (g < 0) return 0;
  const corruption = s.regions[g]!.corruption;
  const watch =
    def.mode === 'sea'
      ? p.portInterceptPerMusd * s.exits[e]!.portControlMusd
      : p.riverInterceptPerMusd * s.regions[g]!.riverControlMusd * p.riverBorderWeight;
  return clamp((p.exitBaseIntercept + watch) * (1 - corruption), 0, p.interceptCap);
}

/** The rules as they act: without the law, any rules other than "off" act as "track". */
export function effectiveRoe(s: GameState): GameState['national']['roe'] {
  const n = s.national;
  return n.interdictionLaw !== 'passed' && n.roe !== 'off' ? 'track' : n.roe;
}

/** Chance a narco-flight leaving region `a` is engaged (tracked and met by the Air Force or police). */
export function airIntercept(s: GameState, ctx: Ctx, a: number): number {
  const p = ctx.params;
  const n = s.national;
  const r = s.regions[a]!;
  const roe = effectiveRoe(s);
  const level =
    roe === 'force-down'
      ? p.airInterceptForceDown
      : roe === 'shoot-down'
        ? p.airInterceptShootDown
        : roe === 'track'
          ? p.airInterceptTrack
          : 0;
  const tracking = usTracking(n, p);
  return clamp(
    r.radarCoverage *
      (p.airReadinessFloor + (1 - p.airReadinessFloor) * n.pilotReadiness) *
      level *
      tracking *
      (1 - p.airCorruptionDrag * r.corruption),
    0,
    p.interceptCap,
  );
}

/**
 * The lethal risk narco-pilots and buyers perceive for a flight from region `a`: what they have
 * learned of the Air Force (`airFear`), where its radar sees (coverage) and what its rules allow
 * (a shootdown counts fully, a forced landing by `forcedDownWeight`, tracking not at all).
 */
export function perceivedAirRisk(s: GameState, ctx: Ctx, a: number): number {
  const roe = effectiveRoe(s);
  const threat = roe === 'shoot-down' ? 1 : roe === 'force-down' ? ctx.params.forcedDownWeight : 0;
  return s.national.airFear * s.regions[a]!.radarCoverage * threat;
}

/** Share of pilots and buyers still willing to fly at perceived risk `risk` (1 at no risk). */
export function pilotWillingness(risk: number, ctx: Ctx): number {
  const p = ctx.params;
  if (!(risk > 0)) return 1;
  return 1 / (1 + dpow(risk / p.pilotRefusalRisk, p.pilotRefusalSteepness));
}

/** The cost of a flight from region `a`, US$/kg: the exit's base cost, raised by the perceived risk and by congestion. */
export function airCostUsdPerKg(s: GameState, ctx: Ctx, e: number, a: number): number {
  return ctx.exits[e]!.costUsdPerKg * (1 + ctx.params.airRiskPremium * perceivedAirRisk(s, ctx, a)) * s.exits[e]!.congestion;
}

/** What moving a kg from a region `hops` away to exit `e` and through it costs, US$/kg (not the air exit). */
export function groundCostUsdPerKg(s: GameState, ctx: Ctx, e: number, hops: number): number {
  return (ctx.exits[e]!.costUsdPerKg + hops * ctx.params.transportCostUsdPerKgPerHop) * s.exits[e]!.congestion;
}

/** Survival of a load walking to the airstrip region `a` from each region within reach (not
 * flying), by position in `hubBall[a].order`. */
function walkSurvival(s: GameState, ctx: Ctx, a: number): Float64Array {
  const ball = ctx.hubBall[a]!;
  const prot = ctx.scratch.protectionPaid;
  const out = new Float64Array(ball.order.length);
  ball.order.forEach((i, k) => {
    out[k] = k === 0 ? 1 : (1 - hopIntercept(s.regions[i]!, ctx, i, 'land', prot[i]!)) * out[ball.nextPos[k]!]!;
  });
  return out;
}

/**
 * Survival along each exit's path, for every region: the chance a load leaving that region by
 * that exit arrives and leaves the country. One pass per exit in order of hops to the gateway.
 * For the air exit, each region's load goes to the airstrip hub that nets the most per kg once the
 * pilots' refusals are counted (its own airstrips, or a neighbour's when those are watched); the
 * hub is written to `ctx.scratch.airHub`, and the survival is the walk times the flight.
 */
export function routeSurvival(s: GameState, ctx: Ctx): Float64Array[] {
  const out: Float64Array[] = [];
  const prot = ctx.scratch.protectionPaid;
  const nR = s.regions.length;
  const p = ctx.params;
  for (let e = 0; e < ctx.exits.length; e++) {
    const def = ctx.exits[e]!;
    const surv = new Float64Array(nR);
    if (!def.open) {
      // No buyers there in this period: nothing leaves by it (and it chooses no air hubs).
      out.push(surv);
      continue;
    }
    if (def.mode === 'air') {
      const walk = new Float64Array(nR);
      const flight = new Float64Array(nR);
      const cost = new Float64Array(nR);
      const willing = new Float64Array(nR);
      for (let a = 0; a < nR; a++) {
        if (ctx.defs[a]!.airstrips <= 0) continue;
        flight[a] = 1 - airIntercept(s, ctx, a);
        cost[a] = airCostUsdPerKg(s, ctx, e, a);
        willing[a] = pilotWillingness(perceivedAirRisk(s, ctx, a), ctx);
      }
      const walks = new Map<number, Float64Array>();
      const price = s.exits[e]!.priceUsdPerKg;
      for (let i = 0; i < nR; i++) {
        let best = -Infinity;
        let hub = -1;
        for (const { hub: a, hops, pos } of ctx.hubsOf[i]!) {
          let w = walks.get(a);
          if (!w) {
            w = walkSurvival(s, ctx, a);
            walks.set(a, w);
          }
          const value = willing[a]! * (price * w[pos]! * flight[a]! - cost[a]! - hops * p.transportCostUsdPerKgPerHop);
          if (value > best) {
            best = value;
            hub = a;
            walk[i] = w[pos]!;
          }
        }
        ctx.scratch.airHub[i] = hub;
        surv[i] = hub >= 0 ? walk[i]! * flight[hub]! : 0;
      }
    } else {
      const mode = def.mode === 'sea' ? 'land' : def.mode;
      const g = ctx.gateway[e]!;
      const atExit = 1 - exitIntercept(s, ctx, e);
      for (const i of ctx.byHops[e]!) {
        const r = s.regions[i]!;
        const hop = 1 - hopIntercept(r, ctx, i, mode, prot[i]!);
        surv[i] = i === g ? hop * atExit : hop * surv[ctx.nextHop[e]![i]!]!;
      }
    }
    out.push(surv);
  }
  return out;
}

/** Hops from region `i` to where its load leaves by exit `e` (the air hub for the air exit); -1 if it cannot. */
export function exitHops(ctx: Ctx, e: number, i: number): number {
  if (!ctx.exits[e]!.open) return -1;
  if (ctx.exits[e]!.mode !== 'air') return ctx.hops[e]![i]!;
  const hub = ctx.scratch.airHub[i]!;
  if (hub < 0) return -1;
  return ctx.hubsOf[i]!.find((h) => h.hub === hub)!.hops;
}

export function traffickingPhase(s: GameState, ctx: Ctx): void {
  const p = ctx.params;
  const n = s.national;
  const rng = ctx.rng;
  const surv = routeSurvival(s, ctx);
  const airExit = ctx.exits.findIndex((e) => e.mode === 'air' && e.open);
  const massPerT = (1 - n.finishShare) * p.pbcKgPerCocaineKg + n.finishShare;
  const toHub = new Float64Array(s.regions.length);
  s.regions.forEach((r, i) => {
    const shipped = r.stockT * p.shipShare;
    if (!(shipped > 0)) return;
    r.stockT -= shipped;
    r.flow.shippedT = shipped;
    for (let e = 0; e < ctx.exits.length; e++) {
      const t = shipped * r.routeShares[e]!;
      if (!(t > 0)) continue;
      const def = ctx.exits[e]!;
      const ex = s.exits[e]!;
      const hops = exitHops(ctx, e, i);
      if (hops < 0) {
        // The exit went out of reach since the shares were set (no hub within reach): the load waits.
        r.stockT += t;
        r.flow.shippedT -= t;
        continue;
      }
      if (e === airExit) {
        // Air: walk to the hub (what is lost on the way is seized), then fly from there below.
        const a = ctx.scratch.airHub[i]!;
        const ground = surv[e]![i]! / Math.max(TINY, 1 - airIntercept(s, ctx, a));
        const lostOnGround = t * (1 - clamp(ground, 0, 1));
        ctx.scratch.transportMusd += (t * KG_PER_T * (airCostUsdPerKg(s, ctx, e, a) + hops * p.transportCostUsdPerKgPerHop)) / USD_PER_MUSD;
        toHub[a]! += t - lostOnGround;
        ex.flow.shippedT += t;
        ex.flow.seizedT += lostOnGround;
        r.flow.seizedT += lostOnGround;
        if (lostOnGround > 0)
          ctx.events.push({ turn: ctx.turn, type: 'shipmentSeized', region: r.id, exit: def.id, mode: 'land', tonnes: lostOnGround });
        continue;
      }
      ctx.scratch.transportMusd += (t * KG_PER_T * groundCostUsdPerKg(s, ctx, e, hops)) / USD_PER_MUSD;
      const seized = t * (1 - surv[e]![i]!) * clamp(rng.noise(p.seizureNoise), 0, 1 / Math.max(TINY, 1 - surv[e]![i]!));
      ex.flow.shippedT += t;
      ex.flow.seizedT += seized;
      ex.flow.exportedT += t - seized;
      r.flow.seizedT += seized;
      ctx.scratch.exportByMode[def.mode] += t - seized;
      if (seized > 0)
        ctx.events.push({ turn: ctx.turn, type: 'shipmentSeized', region: r.id, exit: def.id, mode: def.mode, tonnes: seized });
    }
  });
  if (airExit >= 0) flyMonthByMonth(s, ctx, airExit, toHub, massPerT);
}

/**
 * The quarter's flights in three months. Each month a hub sends a third of what waits for a flight;
 * the share of pilots and buyers still willing at the fear of that month fly it (so fear learned
 * during the quarter grounds flights at once); engagements follow the flights that fly; shootdowns
 * and forced landings teach the fear; what no pilot takes waits at the hub (and the clans, who
 * anticipate refusals in their route shares, send it another way next quarter).
 */
function flyMonthByMonth(s: GameState, ctx: Ctx, airExit: number, toHub: Float64Array, massPerT: number): void {
  const p = ctx.params;
  const n = s.national;
  const rng = ctx.rng;
  const ex = s.exits[airExit]!;
  const nR = s.regions.length;
  const seizedAt = new Float64Array(nR);
  const engagedAt = new Float64Array(nR);
  for (let month = 0; month < MONTHS_PER_QUARTER; month++) {
    let incidents = 0;
    for (let a = 0; a < nR; a++) {
      const load = toHub[a]! / MONTHS_PER_QUARTER;
      if (!(load > 0)) continue;
      const r = s.regions[a]!;
      const willing = pilotWillingness(perceivedAirRisk(s, ctx, a), ctx);
      const fly = load * willing;
      const refused = load - fly;
      // What no pilot takes waits at the strip; coca base spoils and some is dumped or found.
      r.stockT += refused * (1 - p.waitingLossShare);
      r.flow.waitingLostT += refused * p.waitingLossShare;
      r.flow.refusedT += refused;
      if (!(fly > 0)) continue;
      const flights = Math.max(1, Math.round((fly * massPerT) / p.flightPayloadT));
      const pInt = airIntercept(s, ctx, a);
      const engaged = Math.min(flights, rng.poisson(flights * pInt));
      const roe = effectiveRoe(s);
      let shot = 0;
      let forced = 0;
      for (let k = 0; k < engaged; k++) {
        if (roe === 'shoot-down') {
          if (rng.chance(p.shootDownLethalShare)) shot++;
          else forced++;
        } else if (roe === 'force-down') {
          if (rng.chance(p.forceDownSuccess)) forced++;
        } else forced++; // tracked to the landing strip and seized there
      }
      const seized = (fly * (shot + forced)) / flights;
      ex.flow.seizedT += seized;
      ex.flow.exportedT += fly - seized;
      r.flow.seizedT += seized;
      r.flow.flights += flights;
      r.flow.flightsEngaged += shot + forced;
      r.flow.aircraftShotDown += shot;
      r.flow.aircraftForcedDown += forced;
      seizedAt[a]! += seized;
      engagedAt[a]! += engaged;
      ctx.scratch.exportByMode.air += fly - seized;
      ctx.scratch.narcoFlights += flights;
      ctx.scratch.flightsInterdicted += shot + forced;
      ctx.scratch.aircraftShotDown += shot;
      ctx.scratch.aircraftForcedDown += forced;
      incidents += shot + p.forcedDownWeight * forced;
      // Every engagement that may end in fire risks misidentifying a civilian aircraft.
      const lethal = roe === 'shoot-down' ? engaged : roe === 'force-down' ? engaged * p.forceDownMistakeShare : 0;
      if (lethal > 0) {
        const perEngagement = p.mistakenShootdownRisk * (1 - p.readinessSafety * n.pilotReadiness);
        if (rng.chance(1 - dpow(1 - perEngagement, lethal))) {
          applyEffects(s, ctx, libraryInject(ctx, 'mistaken-shootdown')!, r.id);
          incidents += 1;
        }
      }
    }
    // Pilots forget a little each month and learn from what they heard of this month.
    n.airFear *= 1 - p.airFearDecayPerMonth;
    if (incidents > 0) n.airFear += (1 - n.airFear) * (1 - dexp(-p.airFearPerIncident * incidents));
  }
  for (let a = 0; a < nR; a++) {
    const r = s.regions[a]!;
    if (r.flow.flights > 0 || engagedAt[a]! > 0)
      ctx.events.push({
        turn: ctx.turn,
        type: 'flightsInterdicted',
        region: r.id,
        flights: r.flow.flights,
        interdicted: r.flow.flightsEngaged,
        shotDown: r.flow.aircraftShotDown,
        forcedDown: r.flow.aircraftForcedDown,
        seizedT: seizedAt[a]!,
      });
    if (r.flow.refusedT >= EVENT_MIN_T) ctx.events.push({ turn: ctx.turn, type: 'flightsRefused', region: r.id, tonnes: r.flow.refusedT });
  }
}
