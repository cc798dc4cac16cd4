/**
 * Phase 4: eradication and raids. Manual eradication needs police escorts on the ground, so what
 * can be eradicated in a region is bounded by the police there; corruption blunts it. Part of the
 * eradicated area is replanted where it was and part moves elsewhere (the displacement phase).
 * Police also find and destroy labs, seizing what they hold.
 */
import { clamp, regionalAmounts, type Ctx } from '../context';
import { totalCocaHa } from '../derive';
import type { Params } from '../content/scenario-schema';
import type { GameState } from '../types';

/** The most hectares the police in a region can eradicate this quarter. */
export function eradicationCapacityHa(police: number, corruption: number, p: Params): number {
  return police * p.eradicationHaPerPolicePerQuarter * (1 - p.eradicationCorruptionDrag * corruption);
}

export function eradicationPhase(s: GameState, ctx: Ctx): void {
  const p = ctx.params;
  const ordered = regionalAmounts(ctx, 'state', 'eradicate');
  // The eradication teams (CORAH) are a national pool: beyond it, every order is scaled down.
  const total = ordered.reduce((a, x) => a + x, 0);
  const scale = total > p.eradicationMaxHaPerQuarter ? p.eradicationMaxHaPerQuarter / total : 1;
  s.regions.forEach((r, i) => {
    const want = ordered[i]! * scale;
    const standing = totalCocaHa(r);
    if (want > 0 && standing > 0) {
      const cap = eradicationCapacityHa(r.police, r.corruption, p);
      // Teams fall short of the plan by up to a tenth (weather, terrain, resistance).
      const ha = Math.min(standing, want, cap) * (1 - p.eradicationShortfall * ctx.rng.float());
      if (ha > 0) {
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
        ctx.events.push({ turn: ctx.turn, type: 'cocaEradicated', region: r.id, ha });
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
