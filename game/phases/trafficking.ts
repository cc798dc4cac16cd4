/**
 * Phase 6: trafficking. Each region ships part of its stock toward the exits by the shares the
 * clans' routes give it. On the ground, every department crossed is a chance of interception
 * (police and army presence, river control, less corruption and local guards); at the exit, port
 * inspection; by air, radar coverage × pilot readiness × rules of engagement, with the risk of
 * shooting down a civilian aircraft. What survives is exported; the rest is seized.
 */
import type { Mode } from '../content/schema';
import { clamp, type Ctx } from '../context';
import { dpow } from '../det-math';
import type { GameState, RegionState } from '../types';
import { applyShootdownConsequences } from './injects';

const ROE_LEVEL = { off: 0, track: 0.05, 'force-down': 1, 'shoot-down': 1 } as const;

/** Chance a load is intercepted while crossing one region by the given mode. */
export function hopIntercept(r: RegionState, ctx: Ctx, i: number, mode: Mode, protectionMusd: number): number {
  const p = ctx.params;
  const forces = r.police + 0.5 * r.army;
  const ground = p.interceptPerHop * ((2 * forces) / (forces + 1000)) * (0.3 + r.statePresence) * (1 - r.corruption);
  const guards = 1 / (1 + protectionMusd / 5);
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
  const watch = def.mode === 'sea' ? p.portInterceptPerMusd * s.exits[e]!.portControlMusd : p.riverInterceptPerMusd * s.regions[g]!.riverControlMusd * 0.5;
  return clamp((0.03 + watch) * (1 - corruption), 0, p.interceptCap);
}

/** Chance a narco-flight leaving region `a` is stopped, and what the State may do about it. */
export function airIntercept(s: GameState, ctx: Ctx, a: number): number {
  const p = ctx.params;
  const n = s.national;
  const r = s.regions[a]!;
  const lawful = n.interdictionLaw === 'passed';
  const roe = !lawful && n.roe !== 'off' ? 'track' : n.roe;
  const level = roe === 'force-down' ? p.airInterceptForceDown : roe === 'shoot-down' ? p.airInterceptShootDown : ROE_LEVEL[roe];
  const tracking = n.usSuspendedTurns > 0 ? 0.5 : 0.5 + n.usSupport / 200;
  return clamp(r.radarCoverage * (0.2 + 0.8 * n.pilotReadiness) * level * tracking * (1 - 0.5 * r.corruption), 0, p.interceptCap);
}

/**
 * Survival along each exit's path, for every region: the chance a load leaving that region by
 * that exit arrives and leaves the country. One pass per exit in order of hops to the gateway.
 */
export function routeSurvival(s: GameState, ctx: Ctx): Float64Array[] {
  const out: Float64Array[] = [];
  const prot = ctx.scratch.protectionPaid;
  const nR = s.regions.length;
  for (let e = 0; e < ctx.exits.length; e++) {
    const def = ctx.exits[e]!;
    const surv = new Float64Array(nR);
    if (def.mode === 'air') {
      // Walk to the nearest airstrip region, then fly.
      for (const i of ctx.airByHops) {
        const r = s.regions[i]!;
        if (ctx.airstripHops[i] === 0) surv[i] = 1 - airIntercept(s, ctx, i);
        else surv[i] = (1 - hopIntercept(r, ctx, i, 'land', prot[i]!)) * surv[ctx.airNext[i]!]!;
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

export function traffickingPhase(s: GameState, ctx: Ctx): void {
  const p = ctx.params;
  const n = s.national;
  const rng = ctx.rng;
  const surv = routeSurvival(s, ctx);
  const airExit = ctx.exits.findIndex((e) => e.mode === 'air');
  const massPerT = (1 - n.finishShare) * p.pbcKgPerCocaineKg + n.finishShare;
  const flightsFrom = new Float64Array(s.regions.length);
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
      const hops = def.mode === 'air' ? ctx.airstripHops[i]! : ctx.hops[e]![i]!;
      ctx.scratch.transportMusd += (t * 1000 * (def.costUsdPerKg + Math.max(0, hops) * p.transportCostUsdPerKgPerHop)) / 1e6;
      if (e === airExit) {
        // Air: flights from the nearest airstrip region are counted and interdicted there below.
        const a = ctx.airstripAt[i]!;
        const ground = a === i ? 1 : surv[e]![i]! / (1 - airIntercept(s, ctx, a) || 1);
        const lostOnGround = t * (1 - clamp(ground, 0, 1));
        flightsFrom[a]! += t - lostOnGround;
        ex.flow.shippedT += t;
        ex.flow.seizedT += lostOnGround;
        r.flow.seizedT += lostOnGround;
        if (lostOnGround > 0) ctx.events.push({ turn: ctx.turn, type: 'shipmentSeized', region: r.id, exit: def.id, mode: 'land', tonnes: lostOnGround });
        continue;
      }
      const seized = t * (1 - surv[e]![i]!) * clamp(rng.noise(0.15), 0, 1 / Math.max(1e-9, 1 - surv[e]![i]!));
      ex.flow.shippedT += t;
      ex.flow.seizedT += seized;
      ex.flow.exportedT += t - seized;
      r.flow.seizedT += seized;
      ctx.scratch.exportByMode[def.mode] += t - seized;
      if (seized > 0) ctx.events.push({ turn: ctx.turn, type: 'shipmentSeized', region: r.id, exit: def.id, mode: def.mode, tonnes: seized });
    }
  });

  // Narco-flights, departure region by departure region.
  if (airExit >= 0) {
    const ex = s.exits[airExit]!;
    const shootDown = n.roe === 'shoot-down' && n.interdictionLaw === 'passed';
    s.regions.forEach((r, a) => {
      const t = flightsFrom[a]!;
      if (!(t > 0)) return;
      const flights = Math.max(1, Math.round((t * massPerT) / p.flightPayloadT));
      const pInt = airIntercept(s, ctx, a);
      const interdicted = Math.min(flights, rng.poisson(flights * pInt));
      const seized = (t * interdicted) / flights;
      const shotDown = shootDown ? Math.round(interdicted * 0.5) : 0;
      ex.flow.seizedT += seized;
      ex.flow.exportedT += t - seized;
      r.flow.seizedT += seized;
      ctx.scratch.exportByMode.air += t - seized;
      ctx.scratch.narcoFlights += flights;
      ctx.scratch.flightsInterdicted += interdicted;
      if (interdicted > 0 || pInt > 0) ctx.events.push({ turn: ctx.turn, type: 'flightsInterdicted', region: r.id, flights, interdicted, shotDown, seizedT: seized });
      // Every engagement risks misidentifying a civilian aircraft; readiness lowers the risk.
      const engagements = n.roe === 'shoot-down' ? interdicted : n.roe === 'force-down' ? interdicted * 0.3 : 0;
      if (engagements > 0 && n.interdictionLaw === 'passed') {
        const perEngagement = p.mistakenShootdownRisk * (1 - 0.8 * n.pilotReadiness);
        if (rng.chance(1 - dpow(1 - perEngagement, engagements))) applyShootdownConsequences(s, ctx, r.id);
      }
    });
  }
}
