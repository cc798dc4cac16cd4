/**
 * Phase 5: production. Planted coca matures; leaf is harvested by yield; traditional licit use
 * takes its share; the rest goes to the labs, whose number and access to precursor chemicals
 * bound how much PBC and cocaine they make. Lower-alkaloid leaf needs more kilos per kilo.
 */
import type { Ctx } from '../context';
import type { GameState } from '../types';
import { effectivePrecursorControl, modifierFactor } from '../modifiers';
import { QUARTERS_PER_YEAR } from '../units';

export function productionPhase(s: GameState, ctx: Ctx): void {
  const p = ctx.params;
  const n = s.national;
  const precursorPenalty = 1 - p.precursorEffect * effectivePrecursorControl(s);
  const cohesion = p.labCohesionFloor + (1 - p.labCohesionFloor) * n.clanCohesion;
  s.regions.forEach((r, i) => {
    const def = ctx.defs[i]!;
    if (r.immatureHa.length > 0) {
      const matured = r.immatureHa.shift()!;
      r.immatureHa.push(0);
      r.cocaHa += matured;
      r.flow.maturedHa = matured;
    }
    const leaf =
      ((r.cocaHa * def.yieldTPerHaYear) / QUARTERS_PER_YEAR) *
      ctx.rng.noise(p.harvestNoise) *
      modifierFactor(s, 'leafYield', { region: r.id });
    r.flow.leafT = leaf;
    const toLabs = Math.max(0, leaf - def.traditionalLeafTYear / QUARTERS_PER_YEAR);
    const potential = toLabs / ctx.leafKgPerKg[i]!;
    const capacity = r.labs * p.labCapacityTPerQuarter * precursorPenalty * cohesion;
    const produced = Math.min(potential, capacity);
    ctx.scratch.leafToLabsT[i] = toLabs;
    ctx.scratch.potentialT[i] = potential;
    ctx.scratch.capacityT[i] = capacity;
    const consumed = produced * p.domesticConsumptionShare;
    r.flow.producedT = produced;
    r.flow.consumedT = consumed;
    r.stockT += produced - consumed;
  });
}
