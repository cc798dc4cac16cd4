/**
 * Phase 4: eradication and raids. Manual eradication needs police escorts on the ground, so what
 * can be eradicated in a region is bounded by the police there; corruption blunts it. Part of the
 * eradicated area is replanted where it was and part moves elsewhere (the displacement phase).
 * Police also find and destroy labs, seizing what they hold.
 */
import { clamp, regionalAmounts, type Ctx } from '../context';
import { kindCostMusd } from '../orders';
import { totalCocaHa } from '../derive';
import type { Params } from '../content/scenario-schema';
import type { GameState } from '../types';

/** The most hectares the police in a region can eradicate this quarter. */
export function eradicationCapacityHa(police: number, corruption: number, p: Params): number {
  return police * p.eradicationHaPerPolicePerQuarter * (1 - p.eradicationCorruptionDrag * corruption);
}

/** What limits an eradication order: the coca standing, the police escorts there, the national teams. */
export type EradicationLimit = 'none' | 'standing' | 'escorts' | 'teams';

export interface EradicationReach {
  orderedHa: number;
  /** The most that can be eradicated, before the teams' shortfall (weather, terrain, resistance). */
  reachHa: number;
  /** The least it may come to after that shortfall. */
  lowHa: number;
  standingHa: number;
  escortCapHa: number;
  police: number;
  /** Share of the national teams' pool left for this order when the orders exceed it. */
  teamsScale: number;
  /** The national teams' pool, ha a quarter. */
  teamsMaxHa: number;
  limit: EradicationLimit;
}

/**
 * What each eradication order can achieve this quarter, and why: the engine's own rule (the
 * eradication phase below uses these figures), read by the planning panel before commit. `police`
 * is each region's police after this turn's deployments; `ordered` the hectares ordered by region.
 */
export function eradicationReach(s: GameState, police: ArrayLike<number>, ordered: ArrayLike<number>, p: Params): EradicationReach[] {
  let total = 0;
  for (let i = 0; i < ordered.length; i++) total += ordered[i]!;
  const teamsScale = total > p.eradicationMaxHaPerQuarter ? p.eradicationMaxHaPerQuarter / total : 1;
  return s.regions.map((r, i) => {
    const orderedHa = ordered[i]!;
    const standingHa = totalCocaHa(r);
    const escortCapHa = eradicationCapacityHa(police[i]!, r.corruption, p);
    const want = orderedHa * teamsScale;
    const reachHa = Math.max(0, Math.min(standingHa, want, escortCapHa));
    const limit: EradicationLimit =
      orderedHa <= 0 || reachHa >= orderedHa ? 'none' : reachHa === escortCapHa ? 'escorts' : reachHa === standingHa ? 'standing' : 'teams';
    return {
      orderedHa,
      reachHa,
      lowHa: reachHa * (1 - p.eradicationShortfall),
      standingHa,
      escortCapHa,
      police: police[i]!,
      teamsScale,
      teamsMaxHa: p.eradicationMaxHaPerQuarter,
      limit,
    };
  });
}

export function eradicationPhase(s: GameState, ctx: Ctx): void {
  const p = ctx.params;
  const ordered = regionalAmounts(ctx, 'state', 'eradicate');
  // The eradication teams (CORAH) are a national pool: beyond it, every order is scaled down;
  // police escorts bound what can be done in each region. The State pays for what is done.
  const reach = eradicationReach(
    s,
    s.regions.map((r) => r.police),
    ordered,
    p,
  );
  s.regions.forEach((r, i) => {
    const standing = totalCocaHa(r);
    if (ordered[i]! > 0 && standing > 0) {
      // Teams fall short of the plan by up to a tenth (weather, terrain, resistance).
      const ha = reach[i]!.reachHa * (1 - p.eradicationShortfall * ctx.rng.float());
      if (ha > 0) {
        ctx.scratch.stateSpendMusd += kindCostMusd('eradicate', ha, p);
        // Productive coca first, then young plantings (replanted fields are pulled up too).
        let left = ha;
        const fromMature = Math.min(r.cocaHa, left);
        r.cocaHa -= fromMature;
        left -= fromMature;
        for (let k = 0; k < r.immatureHa.length && left > 0; k++) {
          const take = Math.min(r.immatureHa[k]!, left);
          r.immatureHa[k] = r.immatureHa[k]! - take;
          left -= take;
        }
        r.flow.eradicatedHa = ha;
        r.eradicationRisk = p.eradicationRiskMemory * r.eradicationRisk + (1 - p.eradicationRiskMemory) * (ha / standing);
        // Farmers resent eradication without alternatives.
        const relief = r.developmentStockMusd / (r.developmentStockMusd + p.eradicationReliefHalfMusd);
        r.legitimacy = clamp(r.legitimacy - p.eradicationLegitimacyCost * (ha / standing) * (1 - relief), 0, 1);
        const limit = reach[i]!.limit;
        ctx.events.push({ turn: ctx.turn, type: 'cocaEradicated', region: r.id, ha, orderedHa: ordered[i]!, limit });
      }
    } else {
      r.eradicationRisk *= p.eradicationRiskRetention;
    }
    // Lab raids: police presence and intelligence find labs; what they hold is seized.
    if (r.labs > 0 && r.police > 0) {
      const reach = (r.police / (r.police + p.raidPoliceHalf)) * r.statePresence * (1 - r.corruption) * (1 + r.intel);
      const found = Math.min(r.labs, ctx.rng.poisson(r.labs * p.labRaidRate * reach * p.labRaidReachFactor));
      if (found > 0) {
        const seized = r.stockT * (found / r.labs) * p.raidStockSeizedShare;
        r.labs -= found;
        r.stockT -= seized;
        r.flow.seizedT += seized;
        ctx.events.push({ turn: ctx.turn, type: 'labsDestroyed', region: r.id, labs: found, seizedT: seized });
      }
    }
  });
}
