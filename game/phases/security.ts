/**
 * Phase 3: security. Army operations clash with insurgents where both are present; insurgents
 * spring ambushes and attack installations with the fighters they commit; intelligence-led
 * leadership strikes (Operation Lobo) hit the insurgents' leaders; protection money is collected
 * from the clans, by force where they pay less than the insurgents demand. Casualties fall on
 * security forces, insurgents and civilians alike.
 */
import { clamp, regionalAmounts, type Ctx } from '../context';
import type { GameState, RegionState } from '../types';
import { modifierFactor } from '../modifiers';
import { KG_PER_T, PERCENT, QUARTERS_PER_YEAR, USD_PER_MUSD } from '../units';
import { loseLeader } from './injects';

function casualties(s: GameState, r: RegionState, sec: number, ins: number, civ: number): void {
  const insKilled = Math.min(ins, r.insurgentFighters);
  r.insurgentFighters -= insKilled;
  r.flow.securityKilled += sec;
  r.flow.insurgentsKilled += insKilled;
  r.flow.civiliansKilled += civ;
  r.flow.violenceEvents += 1;
  const t = s.national.totals;
  t.securityKilled += sec;
  t.insurgentsKilled += insKilled;
  t.civiliansKilled += civ;
}

export function securityPhase(s: GameState, ctx: Ctx): void {
  const p = ctx.params;
  const n = s.national;
  const rng = ctx.rng;
  const ambush = regionalAmounts(ctx, 'insurgents', 'ambush');
  const attack = regionalAmounts(ctx, 'insurgents', 'attack');
  // Exposure to army operations by posture (balanced = 1).
  const exposure = { hide: p.postureExposureHide, balanced: 1, offensive: p.postureExposureOffensive }[n.insurgentPosture];
  s.regions.forEach((r, i) => {
    // Army operations against fighters present: more troops and intelligence find more of them.
    if (r.insurgentFighters > 0 && r.army > 0) {
      const mean = p.clashRate * Math.sqrt(r.army / p.clashArmyScale) * r.insurgentFighters * exposure * (1 + r.intel);
      const ins = rng.poisson(mean);
      if (ins > 0) {
        const sec = rng.poisson(mean * p.clashSecurityRatio);
        const civ = rng.poisson((ins + sec) * p.civilianShare);
        const before = r.insurgentFighters;
        casualties(s, r, sec, ins, civ);
        ctx.events.push({
          turn: ctx.turn,
          type: 'clashOccurred',
          region: r.id,
          securityKilled: sec,
          insurgentsKilled: before - r.insurgentFighters,
          civiliansKilled: civ,
        });
      }
    }
    // Ambushes of patrols: need fighters on the ground and a patrol to hit.
    const amb = Math.min(ambush[i]!, r.insurgentFighters);
    if (amb > 0 && r.army + r.police > 0) {
      const patrols = (r.army + r.police) / (r.army + r.police + p.patrolHalfForces);
      // Ambushes cluster on election eves (2011, 2014, 2016) where the inject names, or everywhere.
      const mean = p.ambushRate * amb * patrols * n.insurgentCohesion * modifierFactor(s, 'ambushCasualties', { region: r.id });
      const sec = rng.poisson(mean);
      const ins = rng.poisson(mean * p.ambushInsurgentRatio * (1 + r.intel));
      const civ = rng.poisson((sec + ins) * p.civilianShare * p.ambushCivilianFactor);
      const before = r.insurgentFighters;
      casualties(s, r, sec, ins, civ);
      r.statePresence = clamp(r.statePresence - p.presenceLossPerSecurityDeath * sec, 0, 1);
      ctx.events.push({
        turn: ctx.turn,
        type: 'ambushSprung',
        region: r.id,
        securityKilled: sec,
        insurgentsKilled: before - r.insurgentFighters,
        civiliansKilled: civ,
      });
    }
    // Attacks on installations (bases, gas pipelines, posts).
    const att = Math.min(attack[i]!, r.insurgentFighters);
    if (att > 0) {
      const defence = (r.army + r.police) / (r.army + r.police + p.defenceHalfForces);
      const sec = rng.poisson(p.attackRate * att * n.insurgentCohesion);
      const ins = rng.poisson(p.attackRate * att * defence * p.attackLossFactor);
      const civ = rng.poisson(p.attackRate * att * p.civilianShare);
      const before = r.insurgentFighters;
      casualties(s, r, sec, ins, civ);
      r.statePresence = clamp(r.statePresence - p.attackPresenceLoss * (1 - defence), 0, 1);
      r.legitimacy = clamp(r.legitimacy - p.attackLegitimacyLoss, 0, 1);
      ctx.events.push({
        turn: ctx.turn,
        type: 'installationAttacked',
        region: r.id,
        securityKilled: sec,
        insurgentsKilled: before - r.insurgentFighters,
        civiliansKilled: civ,
      });
    }
  });

  // Leadership strikes where intelligence has been built up.
  for (const leader of n.leaders) {
    if (leader.status !== 'active') continue;
    const i = ctx.index.get(leader.region)!;
    const r = s.regions[i]!;
    if (r.intel > 0 && rng.chance(p.leaderStrikeChance * r.intel)) {
      loseLeader(s, ctx, leader, rng.chance(p.leaderStrikeKillShare) ? 'killed' : 'captured');
      r.intel *= p.strikeIntelRetention;
    }
  }

  // Protection money: the insurgents' demand is a share of the value produced where they operate.
  s.regions.forEach((r, i) => {
    if (r.insurgentFighters <= 0) return;
    const strength = Math.min(1, r.insurgentFighters / p.protectionFullFighters);
    // The value of the cocaine the region's coca can make in a quarter, at the zone price.
    const potentialT = (r.cocaHa * ctx.defs[i]!.yieldTPerHaYear) / QUARTERS_PER_YEAR / ctx.leafKgPerKg[i]!;
    const value = (potentialT * KG_PER_T * r.originValueUsdPerKg) / USD_PER_MUSD;
    const due = value * (n.insurgentTaxPct / PERCENT) * strength;
    const paid = ctx.scratch.protectionPaid[i]!;
    let take = paid;
    if (paid > 0) ctx.events.push({ turn: ctx.turn, type: 'protectionPaid', region: r.id, musd: paid });
    if (paid < due) {
      // Collected by force: the shortfall is taken, and the clans' hold weakens.
      const forced = (due - paid) * p.protectionForcedShare;
      take += forced;
      ctx.scratch.clanSpendMusd += forced;
      r.clanPresence = clamp(r.clanPresence - p.protectionClanPresenceLoss, 0, 1);
      r.flow.violenceEvents += 1;
      ctx.events.push({ turn: ctx.turn, type: 'protectionEnforced', region: r.id, musd: forced });
    }
    ctx.scratch.insurgentRevenueMusd += take;
  });
}
