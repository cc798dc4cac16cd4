/**
 * Phase 1: scheduled and facilitator injects, then adjudication overrides. Injects are the seed's
 * shocks (a mistaken shootdown, the US suspending support, the PCC arriving, a leader killed …);
 * some act at once, some set a modifier that later phases read for a few turns.
 */
import type { InjectId } from '../content/scenario-schema';
import { clamp, type Ctx } from '../context';
import { emptyFlow } from '../create';
import type { GameState, InjectInput, Override } from '../types';

/** How many turns each modifier-style inject lasts. */
const DURATION: Partial<Record<InjectId, number>> = {
  'election-eve': 1, 'bolivia-tightens': 4, 'putumayo-boom': 6, 'gold-price-spike': 4,
  'precursor-crackdown': 4, 'el-nino-floods': 2,
};

/** Precursor control as it acts this turn: a crackdown inject adds to it while it lasts. */
export function effectivePrecursorControl(s: GameState): number {
  return clamp(s.national.precursorControl + (hasModifier(s, 'precursor-crackdown') ? 0.25 : 0), 0, 1);
}

export function hasModifier(s: GameState, id: InjectId, regionId?: string): boolean {
  return s.national.modifiers.some((m) => m.id === id && (regionId === undefined || m.region === null || m.region === regionId));
}

export function applyShootdownConsequences(s: GameState, ctx: Ctx, regionId: string): void {
  const n = s.national;
  const from = n.usSupport;
  n.usSupport = Math.min(n.usSupport, 20);
  n.usSuspendedTurns = 8;
  n.roe = 'off';
  n.pilotReadiness *= 0.5;
  n.totals.mistakenShootdowns += 1;
  ctx.scratch.mistakenShootdowns += 1;
  for (const r of s.regions) r.legitimacy = clamp(r.legitimacy - 0.05, 0, 1);
  ctx.events.push({ turn: ctx.turn, type: 'civilianAircraftShotDown', region: regionId });
  ctx.events.push({ turn: ctx.turn, type: 'usSupportChanged', from, to: n.usSupport, cause: 'shootdown' });
}

function applyInject(s: GameState, ctx: Ctx, inj: InjectInput): void {
  const n = s.national;
  const regionIdx = inj.region !== undefined ? ctx.index.get(inj.region) : undefined;
  ctx.events.push({ turn: ctx.turn, type: 'injectApplied', inject: inj.id, region: inj.region ?? null });
  const duration = DURATION[inj.id];
  if (duration !== undefined) n.modifiers.push({ id: inj.id, turnsLeft: duration, region: inj.region ?? null });
  switch (inj.id) {
    case 'mistaken-shootdown':
      applyShootdownConsequences(s, ctx, inj.region ?? 'PE-AYA');
      break;
    case 'us-suspends-support': {
      const from = n.usSupport;
      n.usSupport = Math.min(n.usSupport, 20);
      n.usSuspendedTurns = 8;
      ctx.events.push({ turn: ctx.turn, type: 'usSupportChanged', from, to: n.usSupport, cause: 'inject' });
      break;
    }
    case 'us-restores-support': {
      const from = n.usSupport;
      n.usSuspendedTurns = 0;
      n.usSupport = Math.max(n.usSupport, 60);
      ctx.events.push({ turn: ctx.turn, type: 'usSupportChanged', from, to: n.usSupport, cause: 'inject' });
      break;
    }
    case 'pcc-arrives':
      if (!n.foreignClients.includes('pcc')) n.foreignClients.push('pcc');
      n.clanCashMusd += 20;
      break;
    case 'leader-killed': {
      const leader = n.leaders.find((l) => l.status === 'active' && (inj.region === undefined || l.region === inj.region))
        ?? n.leaders.find((l) => l.status === 'active');
      if (leader) {
        leader.status = 'killed';
        n.insurgentCohesion = clamp(n.insurgentCohesion - 0.35, 0.2, 1);
        ctx.events.push({ turn: ctx.turn, type: 'leaderKilled', region: leader.region, leader: leader.id, name: leader.name, successor: leader.successorOf !== null });
      }
      break;
    }
    case 'interdiction-law-passed':
      if (n.interdictionLaw !== 'passed') {
        n.interdictionLaw = 'passed';
        n.lawTurnsLeft = 0;
        ctx.events.push({ turn: ctx.turn, type: 'interdictionLawPassed' });
      }
      break;
    case 'radar-delivered': {
      const i = regionIdx ?? ctx.index.get('PE-AYA')!;
      const r = s.regions[i]!;
      r.radarCoverage = clamp(r.radarCoverage + 0.5, 0, 1);
      ctx.events.push({ turn: ctx.turn, type: 'radarOnline', region: r.id, coverage: r.radarCoverage });
      break;
    }
    case 'installation-attack': {
      const i = regionIdx ?? ctx.index.get('PE-CUS')!;
      const r = s.regions[i]!;
      r.statePresence = clamp(r.statePresence - 0.1, 0, 1);
      r.legitimacy = clamp(r.legitimacy - 0.05, 0, 1);
      const killed = 2 + Math.floor(ctx.rng.float() * 4);
      r.flow.securityKilled += killed;
      r.flow.violenceEvents += 1;
      n.totals.securityKilled += killed;
      ctx.events.push({ turn: ctx.turn, type: 'installationAttacked', region: r.id, securityKilled: killed, insurgentsKilled: 0, civiliansKilled: 0 });
      break;
    }
    case 'movadef-campaign':
      n.insurgentFront = clamp(n.insurgentFront + 0.15, 0, 1);
      break;
    case 'clan-boss-arrested': {
      n.clanCohesion = clamp(n.clanCohesion - 0.3, 0.3, 1);
      const i = regionIdx ?? ctx.index.get('PE-AYA')!;
      ctx.events.push({ turn: ctx.turn, type: 'clanBossArrested', region: s.regions[i]!.id });
      break;
    }
    default:
      // Modifier-only injects (election eve, Bolivia tightens, Putumayo boom, gold price, floods)
      // act through `hasModifier` in later phases.
      break;
  }
}

function applyOverride(s: GameState, ctx: Ctx, o: Override): void {
  const i = o.region !== undefined ? ctx.index.get(o.region) : undefined;
  const r = i !== undefined ? s.regions[i] : undefined;
  const n = s.national;
  let from = 0;
  let to = 0;
  const set = (get: () => number, put: (v: number) => void, lo: number, hi: number) => {
    from = get();
    put(clamp(o.value, lo, hi));
    to = get();
  };
  switch (o.target) {
    case 'region.cocaHa': set(() => r!.cocaHa, (v) => (r!.cocaHa = v), 0, ctx.defs[i!]!.maxCocaHa); break;
    case 'region.labs': set(() => r!.labs, (v) => (r!.labs = Math.round(v)), 0, 10_000); break;
    case 'region.insurgentFighters': set(() => r!.insurgentFighters, (v) => (r!.insurgentFighters = Math.round(v)), 0, 10_000); break;
    case 'region.legitimacy': set(() => r!.legitimacy, (v) => (r!.legitimacy = v), 0, 1); break;
    case 'region.statePresence': set(() => r!.statePresence, (v) => (r!.statePresence = v), 0, 1); break;
    case 'region.corruption': set(() => r!.corruption, (v) => (r!.corruption = v), 0, 1); break;
    case 'national.usSupport': set(() => n.usSupport, (v) => (n.usSupport = v), 0, 100); break;
    case 'national.pilotReadiness': set(() => n.pilotReadiness, (v) => (n.pilotReadiness = v), 0, 1); break;
    case 'national.insurgentFront': set(() => n.insurgentFront, (v) => (n.insurgentFront = v), 0, 1); break;
    case 'national.clanCashMusd': set(() => n.clanCashMusd, (v) => (n.clanCashMusd = v), 0, 1e5); break;
    case 'national.insurgentCashMusd': set(() => n.insurgentCashMusd, (v) => (n.insurgentCashMusd = v), 0, 1e5); break;
  }
  ctx.events.push({ turn: ctx.turn, type: 'overrideApplied', target: o.target, region: o.region ?? null, from, to, reason: o.reason });
}

export function injectsPhase(s: GameState, ctx: Ctx): void {
  // A new turn's flows start at zero here, before anything (an inject too) can add to them.
  for (const r of s.regions) r.flow = emptyFlow();
  for (const e of s.exits) e.flow = { shippedT: 0, seizedT: 0, exportedT: 0 };
  // Modifiers from earlier turns tick down first, so an inject this turn lasts its full duration.
  s.national.modifiers = s.national.modifiers.filter((m) => --m.turnsLeft > 0);
  for (const sch of ctx.scenario.injects) if (sch.turn === ctx.turn) applyInject(s, ctx, sch.inject);
  for (const inj of ctx.injects) applyInject(s, ctx, inj);
  for (const o of ctx.overrides) applyOverride(s, ctx, o);
}
