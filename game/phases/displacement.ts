/**
 * Phase 9: displacement (the balloon effect). Farmers weigh coca's expected income (leaf price ×
 * yield, discounted by the eradication risk they perceive) against licit income (raised by
 * alternative development): unprofitable coca is abandoned, profitable coca spreads into free
 * suitable land. Of each eradicated hectare, part is replanted on the spot and part moves, mostly
 * to neighbouring regions, the rest to the most attractive regions nationally. New planting
 * bears leaf only after `plantLagTurns`. Labs follow the leaf.
 */
import { clamp, regionalAmounts, type Ctx } from '../context';
import { totalCocaHa as totalHa } from '../derive';
import type { GameState, RegionState } from '../types';

const TOP = 4;


function plant(r: RegionState, ha: number): void {
  if (r.immatureHa.length === 0) r.cocaHa += ha;
  else r.immatureHa[r.immatureHa.length - 1]! += ha;
}

export function displacementPhase(s: GameState, ctx: Ctx): void {
  const p = ctx.params;
  const nR = s.regions.length;
  const room = new Float64Array(nR);
  const attract = new Float64Array(nR);
  const ratio = new Float64Array(nR);
  s.regions.forEach((r, i) => {
    const def = ctx.defs[i]!;
    room[i] = Math.max(0, def.maxCocaHa - totalHa(r));
    const income = r.leafPriceUsdPerKg * def.yieldTPerHaYear * 1000 * (1 - r.eradicationRisk);
    const alt = p.altIncomeUsdPerHaYear + r.developmentStockMusd * p.developmentIncomeUsdPerMusd;
    ratio[i] = income / alt;
    const headroom = def.maxCocaHa > 0 ? room[i] / def.maxCocaHa : 0;
    attract[i] = Math.max(0, ratio[i] - 1) * headroom * (1 - 0.5 * r.statePresence) * (0.5 + r.clanPresence);
  });

  // Farmers' own decisions.
  s.regions.forEach((r, i) => {
    const x = ratio[i]!;
    if (x < 1 && r.cocaHa > 0) {
      const ha = r.cocaHa * p.cultivationAbandonRate * (1 - Math.max(0, x));
      r.cocaHa -= ha;
      r.flow.abandonedHa += ha;
      if (ha >= 10) ctx.events.push({ turn: ctx.turn, type: 'cultivationAbandoned', region: r.id, ha });
    } else if (x > 1) {
      const def = ctx.defs[i]!;
      const ha = Math.min(room[i]!, totalHa(r) * p.cultivationGrowthRate * Math.min(1, (x - 1) / 4) * (1 - totalHa(r) / Math.max(def.maxCocaHa, 1)));
      if (ha > 0) {
        plant(r, ha);
        r.flow.plantedHa += ha;
        room[i] = room[i]! - ha;
      }
    }
  });

  // Planting financed by the clans' orders, and replanting after eradication.
  const financed = regionalAmounts(ctx, 'clans', 'plant');
  s.regions.forEach((r, i) => {
    const ha = Math.min(room[i]!, financed[i]! + r.flow.eradicatedHa * p.replantShare);
    if (ha > 0) {
      plant(r, ha);
      r.flow.plantedHa += ha;
      room[i] = room[i]! - ha;
      if (financed[i]! > 0) ctx.events.push({ turn: ctx.turn, type: 'cultivationPlanted', region: r.id, ha, financedHa: Math.min(ha, financed[i]!) });
    }
  });

  // The most attractive regions nationally (a fixed-size list keeps this linear in regions).
  const top: number[] = [];
  for (let i = 0; i < nR; i++) {
    if (!(attract[i]! > 0)) continue;
    let k = top.length;
    while (k > 0 && attract[top[k - 1]!]! < attract[i]!) k--;
    if (k < TOP) {
      top.splice(k, 0, i);
      if (top.length > TOP) top.pop();
    }
  }

  const move = (from: number, to: number, ha: number): number => {
    const placed = Math.min(ha, room[to]!);
    if (!(placed > 0)) return 0;
    const a = s.regions[from]!;
    const b = s.regions[to]!;
    plant(b, placed);
    room[to] = room[to]! - placed;
    b.flow.displacedInHa += placed;
    a.flow.displacedOutHa += placed;
    if (placed >= 10) ctx.events.push({ turn: ctx.turn, type: 'cultivationDisplaced', region: a.id, to: b.id, ha: placed });
    return placed;
  };

  s.regions.forEach((r, i) => {
    const out = r.flow.eradicatedHa * p.displaceShare;
    if (!(out > 0)) return;
    const near = ctx.neighbors[i]!;
    let wNear = 0;
    for (const j of near) wNear += attract[j]!;
    const toNear = wNear > 0 ? out * p.displaceNeighborShare : 0;
    if (wNear > 0) for (const j of near) move(i, j, (toNear * attract[j]!) / wNear);
    const rest = out - toNear;
    let wTop = 0;
    for (const j of top) if (j !== i) wTop += attract[j]!;
    if (wTop > 0) for (const j of top) if (j !== i) move(i, j, (rest * attract[j]!) / wTop);
  });

  // Labs follow the leaf: clans build where leaf outruns capacity and dismantle idle labs.
  s.regions.forEach((r, i) => {
    const needed = ctx.scratch.potentialT[i]! / p.labCapacityTPerQuarter;
    if (needed > r.labs * 1.05) {
      const build = Math.ceil((needed - r.labs) * 0.3);
      const cost = build * p.labCostMusd;
      if (build > 0 && s.national.clanCashMusd >= cost) {
        r.labs += build;
        s.national.clanCashMusd -= cost;
        ctx.events.push({ turn: ctx.turn, type: 'labsBuilt', region: r.id, labs: build });
      }
    } else if (r.labs > needed * 1.5 + 1) {
      r.labs -= Math.floor((r.labs - needed * 1.5) * 0.2);
    }
    const target = clamp(r.cocaHa / 6000 + r.labs / 60 + r.stockT / 20, 0, 1);
    r.clanPresence = clamp(r.clanPresence + 0.1 * (target - r.clanPresence), 0, 1);
  });
}
