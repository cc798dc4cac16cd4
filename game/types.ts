/**
 * Game state and turn inputs. State is JSON-safe (no Map, Set, class, Date or undefined) so saves,
 * logs and hashes need no special encoding. Regions are an array in the map's fixed order.
 */
import type { ModifierHook } from './content/inject-schema';
import type { InjectInput, MselAction, MselEntry, Scenario, Side } from './content/scenario-schema';
import type { RegionId } from './content/schema';
import type { GameEvent } from './events';
import type { Order } from './orders';

export type { Side, InjectInput, MselAction, RegionId };

export type Control = 'state' | 'contested' | 'insurgent' | 'clans';
export type Roe = 'off' | 'track' | 'force-down' | 'shoot-down';
export type LawStatus = 'none' | 'pending' | 'passed';
export type UsStance = 'seek' | 'maintain' | 'distance';

export interface RegionState {
  id: RegionId;
  /** Productive coca, ha (stock). */
  cocaHa: number;
  /** Newly planted coca by turns until first harvest: index 0 matures next turn. */
  immatureHa: number[];
  labs: number;
  army: number;
  police: number;
  insurgentFighters: number;
  clanPresence: number;
  statePresence: number;
  /** The presence the State keeps here with no special effort (the scenario's start). */
  basePresence: number;
  baseLegitimacy: number;
  baseCorruption: number;
  /** Police plus half the army at the start: presence moves with forces relative to this. */
  baseForces: number;
  legitimacy: number;
  corruption: number;
  /** Cocaine-equivalent tonnes produced and waiting for transport (stock). */
  stockT: number;
  leafPriceUsdPerKg: number;
  /** What clans expect a kg of cocaine equivalent to be worth here after transport and risk. */
  originValueUsdPerKg: number;
  radarCoverage: number;
  /** Radar investments on their way: `[turnReady, coverageAdded]`. */
  radarPipeline: [number, number][];
  riverControlMusd: number;
  /** The development programme running here, US$ M a quarter (a standing programme, until changed). */
  developmentMusd: number;
  developmentStockMusd: number;
  /** The leadership-targeting (intelligence) programme running here, US$ M a quarter, until changed. */
  leadershipMusd: number;
  intel: number;
  /** Eradication risk farmers perceive (smoothed share of area eradicated per quarter). */
  eradicationRisk: number;
  /** Share of this region's exports by exit id, in the map's exit order. */
  routeShares: number[];
  control: Control;
  /** This turn's flows, reset each turn (for reports and CSVs). */
  flow: RegionFlow;
}

export interface RegionFlow {
  leafT: number;
  eradicatedHa: number;
  abandonedHa: number;
  /** New coca from farmers' own expansion and the clans' financed planting (not replanting). */
  plantedHa: number;
  /** Eradicated fields replanted on the spot. */
  replantedHa: number;
  /** Ground opened by growers from neighbouring regions (in), or by this region's growers next door (out). */
  colonizedInHa: number;
  colonizedOutHa: number;
  displacedInHa: number;
  displacedOutHa: number;
  maturedHa: number;
  producedT: number;
  shippedT: number;
  seizedT: number;
  consumedT: number;
  violenceEvents: number;
  securityKilled: number;
  insurgentsKilled: number;
  civiliansKilled: number;
  recruits: number;
  /** Narco-flights that took off from this region's airstrips, and what met them. */
  flights: number;
  flightsEngaged: number;
  aircraftShotDown: number;
  aircraftForcedDown: number;
  /** Product the pilots refused to fly this turn (it waits here), t. */
  refusedT: number;
  /** Of that, what was lost while waiting (spoiled, dumped, found), t. */
  waitingLostT: number;
}

export interface ExitState {
  id: string;
  priceUsdPerKg: number;
  portControlMusd: number;
  /** Clans' preference weights for this exit, 0–100 (their route order; they start from the
   * exit's share of exports, standing for the clients and networks there). */
  weight: number;
  /** How much dearer a kg's transport on this route is than at its usual volume (1 at the start). */
  congestion: number;
  flow: { shippedT: number; seizedT: number; exportedT: number };
}

export interface Leader {
  id: string;
  name: string;
  region: RegionId;
  status: 'active' | 'killed' | 'captured';
  /** The leader this one replaced (a successor raised by the group), or null for the scenario's own. */
  successorOf: string | null;
}

/** An off-board producer competing for the world market (Colombia, Bolivia). */
export interface ProducerState {
  id: string;
  country: string;
  cocaHa: number;
  /** Potential cocaine this quarter, t. */
  outputT: number;
  /** The world price index its growers expect (adaptive expectations). */
  expectedIndex: number;
}

/** The world cocaine market Peru's exports meet. */
export interface WorldState {
  /** What buyers take a quarter at a price index of 1, t (grows with world demand). */
  demandT: number;
  /** World price at the Andean exit points relative to the start. */
  priceIndex: number;
  producers: ProducerState[];
}

export interface NationalState {
  usSupport: number;
  usStance: UsStance;
  usSuspendedTurns: number;
  legitimacy: number;
  interdictionLaw: LawStatus;
  lawTurnsLeft: number;
  pilotReadiness: number;
  /** The pilot training programme, US$ M a quarter, running until changed. */
  pilotTrainingMusd: number;
  roe: Roe;
  precursorControl: number;
  /** The precursor control programme, US$ M a quarter, running until changed. */
  precursorControlMusd: number;
  /** Narco-pilots' and buyers' perceived risk of being shot down or forced down, 0–1, learned from incidents. */
  airFear: number;
  insurgentFront: number;
  insurgentCashMusd: number;
  insurgentCohesion: number;
  clanCashMusd: number;
  clanCohesion: number;
  finishShare: number;
  insurgentTaxPct: number;
  insurgentPosture: 'hide' | 'balanced' | 'offensive';
  foreignClients: string[];
  leaders: Leader[];
  /** Modifiers from injects that later phases read (docs/model.md §4.1): turns left (null: for good). */
  modifiers: ModifierState[];
  /** The master scenario events list as it stands: each line pending, held, fired or cancelled. */
  msel: MselLineState[];
  /** Reference levels from the start, for prices and scores. */
  ref: { cocaHa: number; exportsTPerQuarter: number; fighters: number; clanRevenueMusd: number; insurgentRevenueMusd: number };
  totals: {
    mistakenShootdowns: number;
    securityKilled: number;
    insurgentsKilled: number;
    civiliansKilled: number;
    clanRevenueMusd: number;
    insurgentRevenueMusd: number;
    stateSpendMusd: number;
  };
}

/** One row of the national series, appended after each resolved turn (drives charts and CSVs). */
export interface TurnRecord {
  turn: number;
  year: number;
  quarter: number;
  cocaHa: number;
  leafT: number;
  eradicatedHa: number;
  cocainePotentialT: number;
  seizedT: number;
  exportedT: number;
  exportAirT: number;
  exportSeaT: number;
  exportLandT: number;
  exportRiverT: number;
  narcoFlights: number;
  flightsInterdicted: number;
  mistakenShootdowns: number;
  leafPriceUsdPerKg: number;
  pbcPriceUsdPerKg: number;
  cocaineExportPriceUsdPerKg: number;
  clanRevenueMusd: number;
  insurgentRevenueMusd: number;
  stateSpendMusd: number;
  usSupport: number;
  legitimacy: number;
  insurgentFighters: number;
  securityForcesKilled: number;
  insurgentsKilled: number;
  civiliansKilled: number;
  stockT: number;
  consumedT: number;
  aircraftShotDown: number;
  aircraftForcedDown: number;
  /** End of turn: perceived air risk (0–1) and the world price index. */
  airFear: number;
  worldPriceIndex: number;
  /** Off-board producers' potential output this turn (t), and their coca area (ha). */
  foreignOutputT: number;
  foreignCocaHa: number;
  scores: Record<Side, number>;
}

export interface GameState {
  format: 'cordillera-state';
  version: 1;
  scenarioId: string;
  scenarioHash: string;
  /** The scenario the game was created from, so a save needs no other file to continue. */
  scenario: Scenario;
  seed: number;
  /** Turns resolved so far; the next turn to resolve is `turn + 1`. */
  turn: number;
  turnsTotal: number;
  year: number;
  quarter: number;
  status: 'playing' | 'ended';
  /** The game's PRNG (sfc32), advanced only by resolution phases. */
  rng: [number, number, number, number];
  regions: RegionState[];
  exits: ExitState[];
  national: NationalState;
  world: WorldState;
  budgets: Record<Side, Budget>;
  history: TurnRecord[];
}

/** What a side may spend next turn. */
export interface Budget {
  moneyMusd: number;
  army: number;
  police: number;
  fighters: number;
}

/** A modifier an inject set: which hook it acts on, how, where, and for how long. */
export interface ModifierState {
  /** The inject that set it. */
  inject: string;
  hook: ModifierHook;
  op: 'mul' | 'add';
  value: number;
  /** Turns left, counting this one; null for the rest of the game. */
  turnsLeft: number | null;
  /** The region it acts in, or null for everywhere. */
  region: RegionId | null;
  /** For exit prices: only exits to this destination, or only this exit. */
  destination: string | null;
  exit: string | null;
}

export interface MselLineState {
  id: string;
  status: 'pending' | 'held' | 'fired' | 'cancelled';
  firedTurn: number | null;
  /** A line the facilitator scheduled during the game (absent for the scenario's own lines). */
  entry?: MselEntry;
}

export interface SideOrders {
  side: Side;
  orders: Order[];
  /** The players' own rationale, kept in the log and the AAR (at most `MAX_NOTE_CHARS`). Computer sides write none. */
  note?: string;
  /** Who decided these orders and why (absent in logs written before it existed). Not read by the engine. */
  author?: Author;
}

/** The computer's levels of play. */
export type Difficulty = 'easy' | 'normal' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'normal', 'hard'];

/** A reason as data: an i18n key under `ai.` and the values its sentence is built from, in the reader's language. */
export interface Reason {
  key: string;
  values: Record<string, string | number>;
}

/**
 * A way of playing, as data: a base (`normal`, `easy`, or a named policy of `game/ai/policies.ts`)
 * and the levers the search set on it (`{ eradication: 1.5, stance: 'seek' }`), applied every
 * quarter of the search's look-ahead.
 */
export interface PlanSpec {
  base: string;
  levers: Record<string, string | number>;
}

/**
 * What the search expected of a plan, averaged over the worlds it sampled from what the side could
 * see: `score` is the side's mean score over the quarters looked ahead; `measures` the expected
 * change of each of the side's measures from now to the end of the look-ahead (keys in `MEASURES`).
 */
export interface Expected {
  score: number;
  measures: Record<string, number>;
}

export interface Alternative {
  plan: PlanSpec;
  expected: Expected;
}

/** How a search went: what it could spend and what it spent. */
export interface SearchStats {
  /** Simulated turns allowed, and spent (≤ budget; fewer when the search ran out of plans or was stopped). */
  budget: number;
  evaluations: number;
  /** Plans evaluated, worlds sampled per plan, quarters looked ahead. */
  candidates: number;
  samples: number;
  horizon: number;
}

/**
 * A computer side's decision, as data (sentences are built from it at the edge, in the reader's
 * language): the plan, what each kind of order does (`reasons`, one per kind given), what in the
 * side's view drove it (`drivers`), and for a search its expectation, the best alternatives and
 * its statistics. `now` holds the visible values the measures change from.
 */
export interface Decision {
  plan: PlanSpec;
  reasons: Reason[];
  drivers: Reason[];
  expected?: Expected;
  alternatives?: Alternative[];
  now?: Record<string, number>;
  search?: SearchStats;
}

/**
 * What people did with the computer's advice before committing: applied it as given, applied it
 * then changed it, or saw it and wrote their own plan.
 */
export type AdviceUse = 'as-given' | 'edited' | 'seen';

/**
 * Who decided a side's orders: people (with the computer's advice when they applied it), a bot at
 * a level, or a named policy (the command line's seats).
 */
export type Author =
  | { kind: 'human'; advice?: { difficulty: Difficulty; applied: AdviceUse; decision: Decision } }
  | { kind: 'bot'; difficulty: Difficulty; decision: Decision }
  | { kind: 'policy'; policy: string; decision: Decision };

/** The longest note a side's orders may carry, in characters (validation, logs, bots' notes). */
export const MAX_NOTE_CHARS = 10_000;

/** A note cut to `MAX_NOTE_CHARS`, ending in an ellipsis where it was cut. */
export const clipNote = (note: string): string => (note.length > MAX_NOTE_CHARS ? `${note.slice(0, MAX_NOTE_CHARS - 1)}…` : note);

/** A facilitator's adjudication override: set one variable, with the reason recorded. */
export interface Override {
  target: OverrideTarget;
  region?: RegionId;
  value: number;
  reason: string;
}
export const OVERRIDE_TARGETS = [
  'region.cocaHa',
  'region.labs',
  'region.insurgentFighters',
  'region.legitimacy',
  'region.statePresence',
  'region.corruption',
  'national.usSupport',
  'national.pilotReadiness',
  'national.insurgentFront',
  'national.clanCashMusd',
  'national.insurgentCashMusd',
] as const;
export type OverrideTarget = (typeof OVERRIDE_TARGETS)[number];

export interface TurnInput {
  orders: SideOrders[];
  injects?: InjectInput[];
  /** The facilitator's changes to the MSEL, applied before it is read this turn. */
  msel?: MselAction[];
  overrides?: Override[];
  /** Lines the facilitator adds to the MSEL this turn (by turn or by trigger), before it is read. */
  schedule?: MselEntry[];
  /** The facilitator's observations, stamped with the turn and phase they were written in. */
  notes?: FacilitatorNote[];
}

/** The longest facilitator note, in characters. */
export const MAX_FACILITATOR_NOTE_CHARS = 2000;

/** A facilitator's observation: written while `turn` was being planned or reviewed. */
export interface FacilitatorNote {
  turn: number;
  phase: 'planning' | 'review';
  text: string;
}

export interface ValidationError {
  /** Where: e.g. `orders[state][3].amount`. */
  path: string;
  /** Stable message key for the UI (`order.overBudget`), with values to fill in. */
  code: string;
  message: string;
  values?: Record<string, string | number>;
}

export type ResolveResult = { ok: true; state: GameState; events: GameEvent[] } | { ok: false; errors: ValidationError[] };
