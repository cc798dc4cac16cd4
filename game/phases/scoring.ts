/**
 * Phase 11: the turn's record, each side's score, next turn's budgets, and the calendar.
 * Scores run 0–100 and say how well each side is doing against its own aims, relative to the
 * start: the State (legitimacy, less coca, fewer fighters, US support, fewer deaths), the clans
 * (revenue and exports), the insurgents (fighters, political front, protection revenue).
 */
import type { Side } from '../content/scenario-schema';
import { clamp, type Ctx } from '../context';
import { totalCocaHa } from '../derive';
import type { GameState, TurnRecord } from '../types';

export function scores(s: GameState, rec: Omit<TurnRecord, 'scores'>): Record<Side, number> {
  const ref = s.national.ref;
  const deaths = rec.securityForcesKilled + rec.civiliansKilled;
  const state = 100 * (0.3 * rec.legitimacy / 100 + 0.25 * (1 - clamp(rec.cocaHa / (1.5 * ref.cocaHa), 0, 1))
    + 0.2 * (1 - clamp(rec.insurgentFighters / (2 * Math.max(ref.fighters, 1)), 0, 1)) + 0.15 * rec.usSupport / 100
    + 0.1 * (1 - clamp(deaths / 20, 0, 1)));
  const clans = 100 * (0.6 * clamp(rec.clanRevenueMusd / (1.5 * ref.clanRevenueMusd), 0, 1)
    + 0.4 * clamp(rec.exportedT / (1.5 * ref.exportsTPerQuarter), 0, 1));
  const insurgents = 100 * (0.4 * clamp(rec.insurgentFighters / (2 * Math.max(ref.fighters, 1)), 0, 1)
    + 0.3 * s.national.insurgentFront + 0.3 * clamp(rec.insurgentRevenueMusd / (2 * ref.insurgentRevenueMusd), 0, 1));
  return { state: Math.round(state * 10) / 10, clans: Math.round(clans * 10) / 10, insurgents: Math.round(insurgents * 10) / 10 };
}

export function recordTurn(s: GameState, ctx: Ctx): TurnRecord {
  const sc = ctx.scratch;
  let cocaHa = 0, leafT = 0, eradicatedHa = 0, potential = 0, seizedT = 0, stockT = 0, consumedT = 0;
  let fighters = 0, secK = 0, insK = 0, civK = 0, leafValue = 0, originValue = 0, produced = 0;
  s.regions.forEach((r, i) => {
    cocaHa += totalCocaHa(r);
    leafT += r.flow.leafT;
    eradicatedHa += r.flow.eradicatedHa;
    potential += sc.potentialT[i]!;
    seizedT += r.flow.seizedT;
    stockT += r.stockT;
    consumedT += r.flow.consumedT;
    fighters += r.insurgentFighters;
    secK += r.flow.securityKilled;
    insK += r.flow.insurgentsKilled;
    civK += r.flow.civiliansKilled;
    leafValue += r.flow.leafT * r.leafPriceUsdPerKg;
    originValue += r.flow.producedT * r.originValueUsdPerKg;
    produced += r.flow.producedT;
  });
  let exported = 0, exportValue = 0;
  for (const e of s.exits) {
    exported += e.flow.exportedT;
    exportValue += e.flow.exportedT * e.priceUsdPerKg;
  }
  const rec: Omit<TurnRecord, 'scores'> = {
    turn: ctx.turn,
    year: s.year,
    quarter: s.quarter,
    cocaHa,
    leafT,
    eradicatedHa,
    cocainePotentialT: potential,
    seizedT,
    exportedT: exported,
    exportAirT: sc.exportByMode.air,
    exportSeaT: sc.exportByMode.sea,
    exportLandT: sc.exportByMode.land,
    exportRiverT: sc.exportByMode.river,
    narcoFlights: sc.narcoFlights,
    flightsInterdicted: sc.flightsInterdicted,
    mistakenShootdowns: sc.mistakenShootdowns,
    leafPriceUsdPerKg: leafT > 0 ? leafValue / leafT : 0,
    pbcPriceUsdPerKg: produced > 0 ? originValue / produced / ctx.params.pbcKgPerCocaineKg : 0,
    cocaineExportPriceUsdPerKg: exported > 0 ? exportValue / exported : 0,
    clanRevenueMusd: sc.clanRevenueMusd,
    insurgentRevenueMusd: sc.insurgentRevenueMusd,
    stateSpendMusd: sc.stateSpendMusd,
    usSupport: s.national.usSupport,
    legitimacy: s.national.legitimacy * 100,
    insurgentFighters: fighters,
    securityForcesKilled: secK,
    insurgentsKilled: insK,
    civiliansKilled: civK,
    stockT,
    consumedT,
    aircraftShotDown: sc.aircraftShotDown,
    aircraftForcedDown: sc.aircraftForcedDown,
    airFear: s.national.airFear,
    worldPriceIndex: s.world.priceIndex,
    foreignOutputT: s.world.producers.reduce((a, x) => a + x.outputT, 0),
    foreignCocaHa: s.world.producers.reduce((a, x) => a + x.cocaHa, 0),
  };
  return { ...rec, scores: scores(s, rec) };
}

export function scoringPhase(s: GameState, ctx: Ctx): void {
  s.history.push(recordTurn(s, ctx));
  const sc = ctx.scenario;
  const n = s.national;
  s.budgets.state.moneyMusd = sc.budgets.state.moneyMusd + (n.usSuspendedTurns > 0 ? 0 : (ctx.params.usSupportMusdPerQuarter * n.usSupport) / 100);
  s.budgets.clans.moneyMusd = n.clanCashMusd * sc.budgets.clans.financingShare;
  s.budgets.insurgents.moneyMusd = n.insurgentCashMusd * sc.budgets.insurgents.spendShare;
  s.budgets.insurgents.fighters = s.regions.reduce((a, r) => a + r.insurgentFighters, 0);
  s.turn = ctx.turn;
  s.quarter += 1;
  if (s.quarter > 4) {
    s.quarter = 1;
    s.year += 1;
  }
  if (s.turn >= s.turnsTotal) {
    s.status = 'ended';
    ctx.events.push({ turn: ctx.turn, type: 'gameEnded' });
  }
}
