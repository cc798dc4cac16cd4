/**
 * Cordillera's rules engine: the public API. Pure and deterministic: the same scenario, seed and
 * orders give the same state, bit for bit. The app, the bots and the command line all use this.
 */
export { MAP } from './content/builtin';
export { BUILTIN_SCENARIOS, findScenario } from './scenarios';
export { checkMap, checkScenario, checkScenarioText, type ContentProblem, type Checked } from './content/validate';
export type { MapContent, RegionDef, ZoneDef, ExitDef, Mode, RegionId, ZoneId } from './content/schema';
export {
  SIDES,
  SCENARIO_VERSION,
  type Side,
  type Scenario,
  type Params,
  type InjectInput,
  type InjectDef,
  type MselEntry,
  type MselAction,
} from './content/scenario-schema';
export {
  EffectSchema,
  InjectDefSchema,
  MODIFIER_HOOKS,
  ADJUST_TARGETS,
  TRIGGER_METRICS,
  type Effect,
  type AdjustTarget,
  type ModifierHook,
  type TriggerMetric,
} from './content/inject-schema';
export { createGame, scenarioHash, type CreateOptions } from './create';
export { registerMap, clamp } from './context';
export { canonicalJson, hashString, hashValue } from './hash';
export { legalOrders, validateOrders, budgetUse, type OrderOption, type PoolUse } from './legal';
export { resolveTurn, resolveTurnInPlace, validateTurnInput, PHASES } from './resolve';
export { viewFor, type Viewer } from './view';
export {
  hashState,
  replay,
  newLog,
  appendTurn,
  checkLog,
  LOG_FORMAT,
  LOG_VERSION,
  type GameLog,
  type LogEntry,
  type LogProblem,
  type ReplayResult,
} from './log';
export { bot, botSteps, botRng, policyOrders, RATIONALE_KEYS, type BotDecision } from './ai/bot';
export {
  searchPlan,
  searchSteps,
  runSteps,
  HARD_BUDGET,
  HARD_HORIZON,
  HARD_SAMPLES,
  MEASURES,
  measureOf,
  type SearchOptions,
  type SearchResult,
} from './ai/search';
export { LEVERS, basesFor, planOrders, planId } from './ai/plans';
export { DECISION_KEYS } from './ai/explain';
export { sampleWorld } from './ai/sample';
export { simulateTurn, workingCopy } from './ai/simulate';
export { POLICIES, type Policy } from './ai/policies';
export type { BotResult, Rationale } from './ai/planner';
export {
  ORDER_SPECS,
  ORDER_KINDS,
  UNITS,
  kindsFor,
  specOf,
  orderCostMusd,
  kindCostMusd,
  roundForBots,
  ROES,
  US_STANCES,
  POSTURES,
  lastsOf,
  chargeMusd,
  levelNow,
  orderChargeMusd,
  standingUpkeepMusd,
  runningProgrammes,
  programmeKey,
  type Lasts,
  type Standing,
  type RunningProgramme,
  type Order,
  type OrderKind,
  type OrderOf,
  type OrderSpec,
  type Pool,
  type Target,
  type Unit,
} from './orders';
export type { GameEvent, EventType } from './events';
export { previewOrders, type PlanPreview, type PlannedOrder, type KeptProgramme } from './plan';
export { eradicationReach, type EradicationReach, type EradicationLimit } from './phases/eradication';
export { radarBought, type RadarPurchase } from './phases/deployments';
export { controlOf, totalCocaHa } from './derive';
export * from './tables';
export { latinHypercube, withParams, spearman, chanceThreshold, type ParamDraw, type Sensitivity } from './sampling';
export * from './types';

import { MAP } from './content/builtin';
/** Region ids in the map's fixed order. */
export const REGION_IDS: readonly string[] = MAP.regions.map((r) => r.id);
const NAMES = new Map(MAP.regions.map((r) => [r.id, r.name]));
/** The region's proper name (the same in every language). */
export const regionName = (id: string): string => NAMES.get(id) ?? id;
