/** Building the starting state from a scenario and a seed. */
import type { Scenario } from './content/scenario-schema';
import { staticCtx } from './context';
import { hashValue } from './hash';
import { controlOf, nationalLegitimacy } from './derive';
import { seedRng } from './rng';
import { KG_PER_T, PERCENT, QUARTERS_PER_YEAR, USD_PER_MUSD } from './units';
import type { Budget, GameState, ProducerState, RegionFlow, RegionState } from './types';

export interface CreateOptions {
  /** Number of turns (quarters); defaults to the scenario's. */
  turns?: number;
}

export const emptyFlow = (): RegionFlow => ({
  leafT: 0,
  eradicatedHa: 0,
  abandonedHa: 0,
  plantedHa: 0,
  replantedHa: 0,
  colonizedInHa: 0,
  colonizedOutHa: 0,
  displacedInHa: 0,
  displacedOutHa: 0,
  maturedHa: 0,
  producedT: 0,
  shippedT: 0,
  seizedT: 0,
  consumedT: 0,
  violenceEvents: 0,
  securityKilled: 0,
  insurgentsKilled: 0,
  civiliansKilled: 0,
  recruits: 0,
  flights: 0,
  flightsEngaged: 0,
  aircraftShotDown: 0,
  aircraftForcedDown: 0,
  refusedT: 0,
  waitingLostT: 0,
});

/** The longest game, in turns (quarters). */
export const MAX_TURNS = 200;

/** Seeds are 32-bit: the PRNG's seed expansion takes 32 bits, so larger seeds would repeat. */
export const MAX_SEED = 4294967295;

export function scenarioHash(scenario: Scenario): string {
  return hashValue(scenario);
}

export function createGame(scenario: Scenario, seed: number, options: CreateOptions = {}): GameState {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    throw new RangeError(`seed must be a whole number from 0 to ${MAX_SEED}, got ${seed}`);
  const turns = options.turns ?? scenario.turns;
  if (!Number.isInteger(turns) || turns < 1 || turns > MAX_TURNS) throw new RangeError(`turns must be 1–${MAX_TURNS}, got ${turns}`);
  const sc = staticCtx(scenario);
  const p = scenario.params;
  const byId = new Map(scenario.regions.map((r) => [r.region, r]));
  const exitCount = sc.exits.length;
  const baseShares = sc.exits.map((e) => e.baselineShare);
  let exportsRef = 0;
  const regions: RegionState[] = sc.defs.map((def, i) => {
    const s = byId.get(def.id)!;
    const leafToLabs = Math.max(0, (s.cocaHa * def.yieldTPerHaYear) / QUARTERS_PER_YEAR - def.traditionalLeafTYear / QUARTERS_PER_YEAR);
    const potential = leafToLabs / sc.leafKgPerKg[i]!;
    exportsRef += potential * (1 - p.domesticConsumptionShare) * p.shipShare;
    return {
      id: def.id,
      cocaHa: s.cocaHa,
      immatureHa: new Array<number>(p.plantLagTurns).fill(0),
      labs: s.labs,
      army: s.army,
      police: s.police,
      insurgentFighters: s.insurgentFighters,
      clanPresence: s.clanPresence,
      statePresence: s.statePresence,
      basePresence: s.statePresence,
      legitimacy: s.legitimacy,
      baseLegitimacy: s.legitimacy,
      baseCorruption: s.corruption,
      baseForces: s.police + p.armyForceWeight * s.army,
      corruption: s.corruption,
      stockT: potential * p.startStockQuarters,
      // Zone value and farm-gate price before the first market clears (peru-baseline.md, 2015).
      originValueUsdPerKg: p.startZoneValueUsdPerKg,
      leafPriceUsdPerKg: (p.leafValueShare * p.startZoneValueUsdPerKg) / sc.leafKgPerKg[i]!,
      radarCoverage: scenario.national.radarCoverage[def.id] ?? 0,
      radarPipeline: [],
      riverControlMusd: 0,
      developmentMusd: 0,
      developmentStockMusd: 0,
      leadershipMusd: 0,
      intel: 0,
      eradicationRisk: 0,
      routeShares: baseShares.slice(0, exitCount),
      control: 'contested',
      flow: emptyFlow(),
    };
  });
  const producers: ProducerState[] = scenario.world.producers.map((x) => ({
    id: x.id,
    country: x.country,
    cocaHa: x.cocaHa,
    outputT: (x.cocaHa * x.cocaineKgPerHaYear) / QUARTERS_PER_YEAR / KG_PER_T,
    expectedIndex: 1,
  }));
  const fighters = regions.reduce((a, r) => a + r.insurgentFighters, 0);
  const cocaHa = regions.reduce((a, r) => a + r.cocaHa, 0);
  const n = scenario.national;
  const budgets: Record<'state' | 'clans' | 'insurgents', Budget> = {
    state: {
      moneyMusd: scenario.budgets.state.moneyMusd + (p.usSupportMusdPerQuarter * n.usSupport) / PERCENT,
      army: scenario.budgets.state.army,
      police: scenario.budgets.state.police,
      fighters: 0,
    },
    clans: { moneyMusd: n.clanCashMusd * scenario.budgets.clans.financingShare, army: 0, police: 0, fighters: 0 },
    insurgents: { moneyMusd: n.insurgentCashMusd * scenario.budgets.insurgents.spendShare, army: 0, police: 0, fighters },
  };
  const state: GameState = {
    format: 'cordillera-state',
    version: 1,
    scenarioId: scenario.id,
    scenarioHash: scenarioHash(scenario),
    scenario,
    seed,
    turn: 0,
    turnsTotal: turns,
    year: scenario.start.year,
    quarter: scenario.start.quarter,
    status: 'playing',
    rng: seedRng(seed),
    regions,
    exits: sc.exits.map((e) => ({
      id: e.id,
      priceUsdPerKg: e.priceUsdPerKg,
      portControlMusd: 0,
      weight: Math.round(e.baselineShare * PERCENT),
      congestion: 1,
      flow: { shippedT: 0, seizedT: 0, exportedT: 0 },
    })),
    national: {
      usSupport: n.usSupport,
      usStance: 'maintain',
      usSuspendedTurns: 0,
      legitimacy: 0,
      interdictionLaw: n.interdictionLaw,
      lawTurnsLeft: n.interdictionLaw === 'pending' ? p.lawLagTurns : 0,
      pilotReadiness: n.pilotReadiness,
      pilotTrainingMusd: 0,
      airFear: 0,
      roe: n.roe,
      precursorControl: n.precursorControl,
      precursorControlMusd: 0,
      insurgentFront: n.insurgentFront,
      insurgentCashMusd: n.insurgentCashMusd,
      insurgentCohesion: 1,
      clanCashMusd: n.clanCashMusd,
      clanCohesion: 1,
      finishShare: p.startFinishShare,
      insurgentTaxPct: p.startInsurgentTaxPct,
      insurgentPosture: 'balanced',
      foreignClients: [...n.foreignClients],
      leaders: n.leaders.map((l) => ({ ...l, status: 'active' as const, successorOf: null })),
      modifiers: [],
      msel: scenario.msel.map((m) => ({ id: m.id, status: 'pending' as const, firedTurn: null })),
      ref: {
        cocaHa,
        exportsTPerQuarter: exportsRef,
        fighters,
        clanRevenueMusd: exportsRef * ((p.refClanRevenueUsdPerKg * KG_PER_T) / USD_PER_MUSD),
        insurgentRevenueMusd: p.refInsurgentRevenueMusd,
      },
      totals: {
        mistakenShootdowns: 0,
        securityKilled: 0,
        insurgentsKilled: 0,
        civiliansKilled: 0,
        clanRevenueMusd: 0,
        insurgentRevenueMusd: 0,
        stateSpendMusd: 0,
      },
    },
    world: {
      // Buyers take, at the starting prices, what Peru and the other producers supply.
      demandT: exportsRef + producers.reduce((a, x) => a + x.outputT, 0),
      priceIndex: 1,
      producers,
    },
    budgets,
    history: [],
  };
  state.national.legitimacy = nationalLegitimacy(state.regions, sc.defs);
  for (const r of state.regions) r.control = controlOf(r, p);
  return state;
}
