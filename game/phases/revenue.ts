/**
 * Phase 8: revenue. Foreign clients pay the clans at the exits; the clans pay farmers for leaf,
 * transport, their orders and protection, and keep part of what is left as cash (the rest goes to
 * members, clients and laundering). Illegal mining and logging pay where invested. The insurgents
 * collect protection money and pay their fighters. The State's budget is set for next turn.
 */
import { clamp, type Ctx } from '../context';
import type { GameState } from '../types';
import { modifierFactor } from '../modifiers';
import { KG_PER_T, USD_PER_MUSD } from '../units';

export function revenuePhase(s: GameState, ctx: Ctx): void {
  const p = ctx.params;
  const n = s.national;
  let sales = 0;
  s.exits.forEach((ex) => (sales += (ex.flow.exportedT * KG_PER_T * ex.priceUsdPerKg) / USD_PER_MUSD));
  let leafCost = 0;
  const transport = ctx.scratch.transportMusd;
  let mining = 0;
  const gold = modifierFactor(s, 'miningReturn');
  s.regions.forEach((r, i) => {
    const bought = Math.min(ctx.scratch.leafToLabsT[i]!, r.flow.producedT * ctx.leafKgPerKg[i]!);
    leafCost += (bought * KG_PER_T * r.leafPriceUsdPerKg) / USD_PER_MUSD;
    const m = ctx.scratch.miningMusd[i]!;
    if (m > 0) {
      const def = ctx.defs[i]!;
      mining += m * p.miningUsdPerMusd * def.miningPotential * (1 - p.miningPresencePenalty * r.statePresence) * gold;
      r.clanPresence = clamp(r.clanPresence + p.miningClanPresencePerMusd * m, 0, 1);
    }
  });
  const gross = sales + mining;
  const net = gross - leafCost - transport - ctx.scratch.clanSpendMusd;
  n.clanCashMusd = Math.max(0, n.clanCashMusd + (net > 0 ? net * (1 - p.clanOverheadShare) : net));
  ctx.scratch.clanRevenueMusd = gross;
  n.totals.clanRevenueMusd += gross;
  ctx.events.push({ turn: ctx.turn, type: 'revenueCollected', side: 'clans', musd: gross });

  const fighters = s.regions.reduce((a, r) => a + r.insurgentFighters, 0);
  const upkeep = (fighters * p.insurgentUpkeepUsdPerFighter) / USD_PER_MUSD;
  const insRevenue = ctx.scratch.insurgentRevenueMusd;
  n.insurgentCashMusd = Math.max(0, n.insurgentCashMusd + insRevenue - upkeep - ctx.scratch.insurgentSpendMusd);
  n.totals.insurgentRevenueMusd += insRevenue;
  ctx.events.push({ turn: ctx.turn, type: 'revenueCollected', side: 'insurgents', musd: insRevenue });

  n.totals.stateSpendMusd += ctx.scratch.stateSpendMusd;
}
