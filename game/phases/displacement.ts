/**
 * Phase 9: cultivation and displacement (the balloon effect). Farmers weigh coca's expected income
 * (leaf price × yield, discounted by the eradication risk they perceive) against licit income
 * (lower where roads are poor; raised on the farms development programmes reach): unprofitable
 * coca is abandoned, profitable coca spreads. New ground goes where it pays, where there is land,
 * where the State is absent and roads do not reach, where there is an outlet (airstrips, rivers, a border) and where the
 * clans have networks: growers open ground next door, eradicated fields are partly replanted and
 * partly re-established elsewhere, mostly next door, the rest in the most attractive regions.
 * New planting bears leaf only after `plantLagTurns`. Labs follow the leaf.
 */
import { clamp, regionalAmounts, type Ctx, type StaticCtx } from '../context';
import { totalCocaHa as totalHa } from '../derive';
import type { GameState, RegionState } from '../types';
import { EVENT_MIN_HA, KG_PER_T, TINY } from '../units';

/** What a farmer weighs in region `i`: the ratio of coca to licit income per hectare and year. */
export interface Outlook {
  cocaIncomeUsdPerHa: number;
  licitIncomeUsdPerHa: number;
  /** Share of the region's coca farms development programmes reach (0–1). */
  developmentReach: number;
  ratio: number;
  /** Attractiveness of new ground here (0 where coca does not pay or there is no room). */
  attractiveness: number;
}

/** Share of the farms that a region's development stock reaches: none where the State is absent. */
export function developmentReach(r: RegionState, sc: StaticCtx): { reach: number; presenceFactor: number } {
  const p = sc.params;
  const presenceFactor = clamp(
    (r.statePresence - p.developmentPresenceFloor) / Math.max(TINY, p.developmentPresenceFull - p.developmentPresenceFloor),
    0,
    1,
  );
  const farms = Math.max(totalHa(r), 1);
  return { reach: clamp((r.developmentStockMusd * p.developmentHaPerMusd * presenceFactor) / farms, 0, 1), presenceFactor };
}

export function outlook(r: RegionState, sc: StaticCtx, i: number): Outlook {
  const p = sc.params;
  const def = sc.defs[i]!;
  // Net of what the leaf costs to pick, dry and tend: where leaf sells near that cost coca stops paying.
  const income = Math.max(0, r.leafPriceUsdPerKg - p.leafCostUsdPerKg) * def.yieldTPerHaYear * KG_PER_T * (1 - r.eradicationRisk);
  // Licit crops need roads to reach markets: the mean road access (0.5) earns the reference income.
  const access = p.licitIncomeRemoteShare + ((1 - p.licitIncomeRemoteShare) * def.roadAccess) / p.referenceRoadAccess;
  const { reach } = developmentReach(r, sc);
  const licit = p.altIncomeUsdPerHaYear * access * (1 + (p.developmentIncomeMultiple - 1) * reach);
  const ratio = income / licit;
  const room = def.maxCocaHa > 0 ? Math.max(0, def.maxCocaHa - totalHa(r)) / def.maxCocaHa : 0;
  const pays = ratio > 1 ? (ratio - 1) / (ratio - 1 + p.profitHalfSaturation) : 0;
  const outlet = def.airstrips > 0 || def.navigableRiver || def.borders.length > 0 ? 1 : p.outletlessFactor;
  const network = p.networkFloor + (1 - p.networkFloor) * r.clanPresence;
  return {
    cocaIncomeUsdPerHa: income,
    licitIncomeUsdPerHa: licit,
    developmentReach: reach,
    ratio,
    // New ground goes where it is hidden: away from roads (remote lowland forest) and the State.
    attractiveness: pays * room * (1 - r.statePresence) * (1 - def.roadAccess) * outlet * network,
  };
}

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
    room[i] = Math.max(0, ctx.defs[i]!.maxCocaHa - totalHa(r));
    const o = outlook(r, ctx, i);
    ratio[i] = o.ratio;
    attract[i] = o.attractiveness;
  });

  /** Plant `ha` in region `to` within its room; returns what found room. */
  const place = (to: number, ha: number): number => {
    const placed = Math.min(ha, room[to]!);
    if (!(placed > 0)) return 0;
    plant(s.regions[to]!, placed);
    room[to] = room[to]! - placed;
    return placed;
  };
  /** Spread `ha` over `among` in proportion to their attractiveness; returns what was placed in each. */
  const spread = (ha: number, among: readonly number[], onPlaced: (j: number, placed: number) => void): void => {
    let w = 0;
    for (const j of among) w += attract[j]!;
    if (!(w > 0)) return;
    for (const j of among) {
      const placed = place(j, (ha * attract[j]!) / w);
      if (placed > 0) onPlaced(j, placed);
    }
  };

  // Farmers' own decisions: abandon what does not pay; expand what does, at home and next door.
  s.regions.forEach((r, i) => {
    const x = ratio[i]!;
    const def = ctx.defs[i]!;
    if (x < 1 && r.cocaHa > 0) {
      const ha = r.cocaHa * p.cultivationAbandonRate * (1 - Math.max(0, x));
      r.cocaHa -= ha;
      r.flow.abandonedHa += ha;
      if (ha >= EVENT_MIN_HA) ctx.events.push({ turn: ctx.turn, type: 'cultivationAbandoned', region: r.id, ha });
    } else if (x > 1 && def.maxCocaHa > 0) {
      const pays = (x - 1) / (x - 1 + p.profitHalfSaturation);
      const grow = totalHa(r) * p.cultivationGrowthRate * pays * (room[i]! / def.maxCocaHa);
      const out = grow * p.colonizeShare;
      const home = place(i, grow - out);
      r.flow.plantedHa += home;
      spread(out, ctx.neighbors[i]!, (j, placed) => {
        s.regions[j]!.flow.colonizedInHa += placed;
        r.flow.colonizedOutHa += placed;
      });
    }
  });

  // Planting financed by the clans' orders, and replanting after eradication.
  const financed = regionalAmounts(ctx, 'clans', 'plant');
  s.regions.forEach((r, i) => {
    const bought = place(i, financed[i]!);
    // Farmers replant eradicated fields where coca still pays twice the licit crop, fewer below.
    const replanted = place(i, r.flow.eradicatedHa * p.replantShare * clamp(ratio[i]! - 1, 0, 1));
    r.flow.plantedHa += bought;
    r.flow.replantedHa += replanted;
    if (replanted >= 1) ctx.events.push({ turn: ctx.turn, type: 'cultivationReplanted', region: r.id, ha: replanted });
    if (financed[i]! > 0) ctx.events.push({ turn: ctx.turn, type: 'cultivationPlanted', region: r.id, ha: bought, financedHa: bought });
  });

  // The most attractive regions nationally (a fixed-size list keeps this linear in regions).
  const top: number[] = [];
  for (let i = 0; i < nR; i++) {
    if (!(attract[i]! > 0)) continue;
    let k = top.length;
    while (k > 0 && attract[top[k - 1]!]! < attract[i]!) k--;
    if (k < p.displaceTopRegions) {
      top.splice(k, 0, i);
      if (top.length > p.displaceTopRegions) top.pop();
    }
  }

  // Displacement: eradicated fields re-established elsewhere, next door first.
  s.regions.forEach((r, i) => {
    const out = r.flow.eradicatedHa * p.displaceShare;
    if (!(out > 0)) return;
    const moved = (j: number, placed: number) => {
      const b = s.regions[j]!;
      b.flow.displacedInHa += placed;
      r.flow.displacedOutHa += placed;
      if (placed >= EVENT_MIN_HA) ctx.events.push({ turn: ctx.turn, type: 'cultivationDisplaced', region: r.id, to: b.id, ha: placed });
    };
    const near = ctx.neighbors[i]!;
    const nearWeight = near.reduce((a, j) => a + attract[j]!, 0);
    const toNear = nearWeight > 0 ? out * p.displaceNeighborShare : 0;
    spread(toNear, near, moved);
    spread(
      out - toNear,
      top.filter((j) => j !== i),
      moved,
    );
  });

  // Labs follow the leaf: clans build where leaf outruns capacity and dismantle idle labs.
  s.regions.forEach((r, i) => {
    const needed = ctx.scratch.potentialT[i]! / p.labCapacityTPerQuarter;
    if (needed > r.labs * p.labBuildTrigger) {
      const build = Math.ceil((needed - r.labs) * p.labBuildShare);
      const cost = build * p.labCostMusd;
      if (build > 0 && s.national.clanCashMusd >= cost) {
        r.labs += build;
        s.national.clanCashMusd -= cost;
        ctx.events.push({ turn: ctx.turn, type: 'labsBuilt', region: r.id, labs: build });
      }
    } else if (r.labs > needed * p.labIdleTrigger + 1) {
      r.labs -= Math.floor((r.labs - needed * p.labIdleTrigger) * p.labDismantleShare);
    }
    const target = clamp(r.cocaHa / p.clanPresenceCocaHa + r.labs / p.clanPresenceLabs + r.stockT / p.clanPresenceStockT, 0, 1);
    r.clanPresence = clamp(r.clanPresence + p.clanPresenceSpeed * (target - r.clanPresence), 0, 1);
  });
}
