/**
 * Phase 10: politics. State presence follows the forces and programmes in a region; legitimacy
 * drifts to its base, rises with development and presence and falls with civilian deaths and
 * corruption; corruption decays; insurgents recruit where poverty, state absence and their
 * political front (MOVADEF) help them, and lose fighters they cannot pay; US support follows the
 * State's stance unless suspended; and each region's control is read off the balance of forces.
 */
import { clamp, regionalAmounts, type Ctx } from '../context';
import { controlOf, nationalLegitimacy } from '../derive';
import type { GameState } from '../types';
import { EVENT_MIN_US_POINTS, PERCENT } from '../units';

/**
 * Lost leaders are replaced over time: a group with fighters where the leader fell raises a
 * successor with a chance a quarter that grows with its strength there (the VRAEM faction carried
 * on after Alipio and Gabriel in 2013; the Huallaga faction did not after Artemio in 2012).
 * One successor per lost leader; a successor lost in turn can be succeeded too.
 */
function succeedLeaders(s: GameState, ctx: Ctx): void {
  const p = ctx.params;
  const n = s.national;
  const lost = n.leaders.filter((l) => l.status !== 'active' && !n.leaders.some((x) => x.successorOf === l.id));
  for (const l of lost) {
    const r = s.regions[ctx.index.get(l.region)!]!;
    const strength = Math.min(1, r.insurgentFighters / p.leaderSuccessionFighters);
    if (!(strength > 0) || !ctx.rng.chance(p.leaderSuccessionChance * strength)) continue;
    const root = l.id.replace(/-\d+$/, '');
    const id = `${root}-${n.leaders.filter((x) => x.id === root || x.id.startsWith(`${root}-`)).length + 1}`;
    n.leaders.push({ id, name: l.name, region: l.region, status: 'active', successorOf: l.id });
    ctx.events.push({ turn: ctx.turn, type: 'leaderSucceeded', region: l.region, leader: id, successorOf: l.id, name: l.name });
  }
}

export function politicsPhase(s: GameState, ctx: Ctx): void {
  const p = ctx.params;
  const n = s.national;
  const recruitMusd = regionalAmounts(ctx, 'insurgents', 'recruit');
  s.regions.forEach((r, i) => {
    const def = ctx.defs[i]!;
    const forces = r.police + p.armyForceWeight * r.army;
    const forceShare = (f: number) => f / (f + p.presenceForcesHalf);
    const devEffect = r.developmentStockMusd / (r.developmentStockMusd + p.developmentEffectHalfMusd);
    // Presence moves with forces relative to the start, and with development programmes.
    const presenceTarget = clamp(
      r.basePresence + p.presenceForcesWeight * (forceShare(forces) - forceShare(r.baseForces)) + p.presenceDevelopmentWeight * devEffect,
      0,
      1,
    );
    r.statePresence = clamp(r.statePresence + p.presenceSpeed * (presenceTarget - r.statePresence), 0, 1);
    // Presence sustained for long becomes the new normal (posts, courts, schools built), in
    // either direction: an offensive that stays leaves installations behind; one that leaves, gaps.
    r.basePresence = clamp(r.basePresence + p.presenceAnchoring * (r.statePresence - r.basePresence), 0, 1);
    // Legitimacy returns toward its base, moved by development, presence, civilian deaths,
    // corruption above its starting level, and the insurgents' political front among the poor.
    const civ = r.flow.civiliansKilled;
    r.legitimacy = clamp(
      r.legitimacy +
        p.legitimacyDrift * (r.baseLegitimacy - r.legitimacy) +
        p.legitimacyDevelopmentWeight * devEffect +
        p.legitimacyPresenceWeight * (r.statePresence - r.basePresence) -
        p.legitimacyPerCivilianDeath * civ -
        p.legitimacyCorruptionWeight * Math.max(0, r.corruption - r.baseCorruption) -
        p.legitimacyFrontWeight * Math.max(0, n.insurgentFront - p.frontThreshold) * (def.povertyPct / PERCENT),
      0,
      1,
    );
    r.corruption = clamp(r.corruption + p.corruptionReversion * (r.baseCorruption - r.corruption), 0, 1);

    // Recruitment: only where the insurgents already are or next door.
    const nearby = r.insurgentFighters > 0 || ctx.neighbors[i]!.some((j) => s.regions[j]!.insurgentFighters >= p.recruitNeighbourFighters);
    if (nearby) {
      const poverty = def.povertyPct / PERCENT;
      const mean =
        ((recruitMusd[i]! * p.recruitPerMusd * poverty * (1 - r.legitimacy) +
          p.baselineRecruitment * poverty * (1 - r.statePresence) * (r.insurgentFighters > 0 ? 1 : p.recruitNeighbourShare)) *
          (1 + n.insurgentFront) *
          n.insurgentCohesion) /
        (1 + r.insurgentFighters / p.recruitGroupScale);
      const recruits = ctx.rng.poisson(mean);
      if (recruits > 0) {
        r.insurgentFighters += recruits;
        r.flow.recruits = recruits;
        ctx.events.push({ turn: ctx.turn, type: 'insurgentsRecruited', region: r.id, fighters: recruits });
      }
    }
    const control = controlOf(r, p);
    if (control !== r.control) {
      ctx.events.push({ turn: ctx.turn, type: 'controlChanged', region: r.id, from: r.control, to: control });
      r.control = control;
    }
  });
  // Unpaid fighters desert.
  if (n.insurgentCashMusd <= 0) {
    for (const r of s.regions) {
      const lost = Math.floor(r.insurgentFighters * p.desertionShare);
      r.insurgentFighters -= lost;
    }
  }
  succeedLeaders(s, ctx);
  // Cohesion recovers toward a ceiling set by the leaders still active: a group that lost its
  // leaders stays weaker until it raises successors.
  const active = n.leaders.filter((l) => l.status === 'active').length;
  const founding = Math.max(1, ctx.scenario.national.leaders.length);
  const ceiling = p.leaderlessCohesion + (1 - p.leaderlessCohesion) * Math.min(1, active / founding);
  n.insurgentCohesion =
    n.insurgentCohesion < ceiling
      ? Math.min(ceiling, n.insurgentCohesion + p.insurgentCohesionRecovery)
      : Math.max(ceiling, n.insurgentCohesion - p.insurgentCohesionRecovery);
  n.clanCohesion = clamp(n.clanCohesion + p.clanCohesionRecovery, 0, 1);
  n.legitimacy = nationalLegitimacy(s.regions, ctx.defs);

  if (n.usSuspendedTurns > 0) {
    n.usSuspendedTurns -= 1;
  } else {
    const from = n.usSupport;
    const to = clamp(
      from + p.usSupportSpeed * ({ seek: p.usTargetSeek, maintain: p.usTargetMaintain, distance: p.usTargetDistance }[n.usStance] - from),
      0,
      PERCENT,
    );
    n.usSupport = to;
    if (Math.abs(to - from) >= EVENT_MIN_US_POINTS)
      ctx.events.push({ turn: ctx.turn, type: 'usSupportChanged', from, to, cause: 'stance' });
  }
}
