/**
 * The one door from the renderer into the rules engine: its public API only (game/index.ts).
 * Panels and the reducer import from here, so the boundary is visible in one place.
 */
export {
  BUILTIN_SCENARIOS,
  MAP,
  REGION_IDS,
  budgetUse,
  bot,
  botSteps,
  canonicalJson,
  clamp,
  clipNote,
  createGame,
  hashState,
  legalOrders,
  regionName,
  resolveTurn,
  validateOrders,
  previewOrders,
  lastsOf,
  viewFor,
  newLog,
  appendTurn,
  checkLog,
  replay,
  findScenario,
  scenarioHash,
  LOG_FORMAT,
  LOG_VERSION,
} from '../../game';
export type {
  GameLog,
  LogEntry,
  LogProblem,
  Viewer,
  BotResult,
  BotDecision,
  Author,
  Decision,
  PlanPreview,
  KeptProgramme,
  EradicationReach,
  Lasts,
  RadarPurchase,
} from '../../game';
export type { GameState, RegionState, SideOrders, TurnInput, TurnRecord, ValidationError, Budget } from '../../game/types';
export type { Order, OrderKind, Pool, Unit, Target } from '../../game/orders';
export { ORDER_SPECS, ORDER_KINDS, kindsFor, ROES, US_STANCES, POSTURES } from '../../game/orders';
export type { GameEvent, EventType, EventOf } from '../../game/events';
export type { Scenario, Side } from '../../game/content/scenario-schema';
export { SIDES } from '../../game/content/scenario-schema';
export type { MapContent, RegionDef, ExitDef, ZoneDef, Mode } from '../../game/content/schema';
// The facilitator's console (issue 11): injects, the MSEL, rulings and notes.
export {
  validateTurnInput,
  InjectDefSchema,
  ADJUST_TARGETS,
  MODIFIER_HOOKS,
  TRIGGER_METRICS,
  OVERRIDE_TARGETS,
  MAX_FACILITATOR_NOTE_CHARS,
} from '../../game';
export type {
  InjectInput,
  InjectDef,
  MselEntry,
  MselAction,
  Effect,
  AdjustTarget,
  TriggerMetric,
  Override,
  OverrideTarget,
  FacilitatorNote,
  RegionId,
} from '../../game';
