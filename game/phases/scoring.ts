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
import { PERCENT, QUARTERS_PER_YEAR } from '../units';

/** Scores are kept to a tenth of a point. */
const tenths = (x: number): number => Math.round(x * TENTHS) / TENTHS;
const TENTHS = 10;

export function scores(s: GameState, rec: Omit<TurnRecord, 'scores'>): Record<Side, number> {
  const ref = s.national.ref;
  const deaths = rec.securityForcesKilled + rec.civiliansKilled;
  const p = s.scenario.params;
  const state =
    PERCENT *
    ((p.scoreStateLegitimacy * rec.legitimacy) / PERCENT +
      p.scoreStateCoca * (1 - clamp(rec.cocaHa / (p.scoreCocaScale * ref.cocaHa), 0, 1)) +
      p.scoreStateFighters * (1 - clamp(rec.insurgentFighters / (p.scoreFightersScale * Math.max(ref.fighters, 1)), 0, 1)) +
      (p.scoreStateUsSupport * rec.usSupport) / PERCENT +
      p.scoreStateDeaths * (1 - clamp(deaths / p.scoreDeathsScale, 0, 1)));
  const clans =
    PERCENT *
    (p.scoreClansRevenue * clamp(rec.clanRevenueMusd / (p.scoreClansScale * ref.clanRevenueMusd), 0, 1) +
      (1 - p.scoreClansRevenue) * clamp(rec.exportedT / (p.scoreClansScale * ref.exportsTPerQuarter), 0, 1));
  const insurgents =
    PERCENT *
    (p.scoreInsurgentFighters * clamp(rec.insurgentFighters / (p.scoreFightersScale * Math.max(ref.fighters, 1)), 0, 1) +
      p.scoreInsurgentFront * s.national.insurgentFront +
      p.scoreInsurgentRevenue * clamp(rec.insurgentRevenueMusd / (p.scoreInsurgentRevenueScale * ref.insurgentRevenueMusd), 0, 1));
  return { state: tenths(state), clans: tenths(clans), insurgents: tenths(insurgents) };
}

export function recordTurn(s: GameState, ctx: Ctx): TurnRecord {
  const sc = ctx.scratch;
  let cocaHa = 0,
    leafT = 0,
    eradicatedHa = 0,
    potential = 0,
    seizedT = 0,
    stockT = 0,
    consumedT = 0;
  let fighters = 0,
    secK = 0,
    insK = 0,
    civK = 0,
    leafValue = 0,
    originValue = 0,
    produced = 0;
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
  let exported = 0,
    exportValue = 0;
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
    legitimacy: s.national.legitimacy * PERCENT,
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
  s.budgets.state.moneyMusd =
    sc.budgets.state.moneyMusd + (n.usSuspendedTurns > 0 ? 0 : (ctx.params.usSupportMusdPerQuarter * n.usSupport) / PERCENT);
  s.budgets.clans.moneyMusd = n.clanCashMusd * sc.budgets.clans.financingShare;
  s.budgets.insurgents.moneyMusd = n.insurgentCashMusd * sc.budgets.insurgents.spendShare;
  s.budgets.insurgents.fighters = s.regions.reduce((a, r) => a + r.insurgentFighters, 0);
  s.turn = ctx.turn;
  s.quarter += 1;
  if (s.quarter > QUARTERS_PER_YEAR) {
    s.quarter = 1;
    s.year += 1;
  }
  if (s.turn >= s.turnsTotal) {
    s.status = 'ended';
    ctx.events.push({ turn: ctx.turn, type: 'gameEnded' });
  }
}
