/**
 * Scenario files: the starting state of every region, each side's budget, the model's parameters
 * (every one with its source), and scripted injects. Parameters live here, not in engine constants.
 */
import { z } from 'zod';
import { InjectDefSchema, MselEntrySchema } from './inject-schema';
import { CountrySchema, RegionIdSchema } from './schema';

const num = z.number().finite();
const nonNeg = num.min(0);
const unit = num.min(0).max(1);

export const SIDES = ['state', 'clans', 'insurgents'] as const;
export type Side = (typeof SIDES)[number];
export const SideSchema = z.enum(SIDES);

export const RegionStartSchema = z.strictObject({
  region: RegionIdSchema,
  cocaHa: nonNeg.max(200_000),
  labs: nonNeg.max(10_000),
  army: nonNeg.max(100_000),
  police: nonNeg.max(100_000),
  insurgentFighters: nonNeg.max(10_000),
  /** 0–1: how embedded the family clans are (buyers, guards, airstrip owners). */
  clanPresence: unit,
  /** 0–1: the State's presence (police posts, courts, services). */
  statePresence: unit,
  legitimacy: unit,
  corruption: unit,
});
export type RegionStart = z.infer<typeof RegionStartSchema>;

/**
 * Every numeric parameter of the model. `docs/model.md` states the equation each one enters;
 * `paramSources` in the scenario says where each value comes from.
 */
export const ParamsSchema = z.strictObject({
  // Production
  leafKgPerCocaineKgRef: num.min(50).max(1000),
  refAlkaloidPct: num.min(0.1).max(1),
  pbcKgPerCocaineKg: num.min(0.5).max(5),
  leafValueShare: unit,
  shipShare: unit,
  labRaidRate: unit,
  /** Relative spread of the leaf harvest around its yield (uniform). */
  harvestNoise: unit,
  labCapacityTPerQuarter: num.positive().max(100),
  labCostMusd: nonNeg,
  precursorEffect: unit,
  domesticConsumptionShare: unit,
  // Cultivation
  plantLagTurns: z.number().int().min(0).max(12),
  plantCostUsdPerHa: nonNeg,
  altIncomeUsdPerHaYear: num.positive(),
  /** Licit income where roads are absent, as a share of its value at the mean road access (0.5). */
  licitIncomeRemoteShare: unit,
  cultivationGrowthRate: unit,
  /** Profit ratio excess (coca ÷ licit − 1) at which farmers' expansion runs at half its top rate. */
  profitHalfSaturation: num.positive().max(100),
  cultivationAbandonRate: unit,
  /** Share of farmers' expansion that opens ground in neighbouring regions (growers moving on). */
  colonizeShare: unit,
  replantShare: unit,
  displaceShare: unit,
  displaceNeighborShare: unit,
  /** Attractiveness of new ground: weight of a region with no clan network (0) against one fully networked (1). */
  networkFloor: unit,
  /** Attractiveness of new ground with no trafficking outlet (airstrip, river or border) against one with. */
  outletlessFactor: unit,
  priceSmoothing: unit,
  // Alternative development
  /** Hectares of farms a US$1 M development stock reaches where the State is present. */
  developmentHaPerMusd: nonNeg,
  /** Licit income on farms a programme reaches, as a multiple of the region's licit income. */
  developmentIncomeMultiple: num.min(1).max(20),
  /** State presence below which programmes reach nobody, and at which they reach fully. */
  developmentPresenceFloor: unit,
  developmentPresenceFull: unit,
  /** Share of development money captured by the clans where programmes cannot reach farmers. */
  developmentCaptureShare: unit,
  // Eradication
  eradicationCostUsdPerHa: nonNeg,
  eradicationHaPerPolicePerQuarter: nonNeg,
  eradicationMaxHaPerQuarter: nonNeg,
  // Trafficking and interdiction
  transportCostUsdPerKgPerHop: nonNeg,
  interceptPerHop: unit,
  riverInterceptPerMusd: nonNeg,
  portInterceptPerMusd: nonNeg,
  interceptCap: unit,
  flightPayloadT: num.positive().max(5),
  radarCostMusd: num.positive(),
  radarLagTurns: z.number().int().min(0).max(20),
  lawLagTurns: z.number().int().min(0).max(20),
  pilotTrainingPerMusd: nonNeg,
  pilotReadinessDecay: unit,
  airInterceptForceDown: unit,
  airInterceptShootDown: unit,
  /** Under "track" rules (or any rules without the law), the share of tracked flights seized on landing. */
  airInterceptTrack: unit,
  /** Under shoot-down rules, the share of engaged aircraft shot down (the rest are forced to land). */
  shootDownLethalShare: unit,
  /** Under force-down rules, the share of engagements that end with the aircraft forced to land. */
  forceDownSuccess: unit,
  /** Risk of misidentifying a civilian aircraft, per lethal engagement, at zero pilot readiness. */
  mistakenShootdownRisk: unit,
  /** How much of that risk full pilot readiness removes. */
  readinessSafety: unit,
  /** Under force-down rules, an engagement's share of the mistake risk of a shoot-down engagement. */
  forceDownMistakeShare: unit,
  /** Airstrips a load may walk to for its flight, in regions crossed (0: only its own region's). */
  airHubMaxHops: z.number().int().min(0).max(5),
  /** Deterrence: perceived lethal risk learned per aircraft shot down (forced landings weigh less). */
  airFearPerIncident: unit,
  forcedDownWeight: unit,
  /** Share of the perceived risk forgotten each month without new incidents. */
  airFearDecayPerMonth: unit,
  /** Perceived risk at which half the pilots and buyers refuse to fly, and how sharply they do. */
  pilotRefusalRisk: num.positive().max(1),
  pilotRefusalSteepness: num.min(0.5).max(10),
  /** Extra cost of a flight at full perceived risk, as a multiple of its base cost. */
  airRiskPremium: nonNeg.max(50),
  routeSensitivity: nonNeg,
  /** Elasticity of a route's transport cost per kg to its volume against its usual volume. */
  routeCongestion: nonNeg.max(3),
  // World market
  /** Growth of world cocaine demand at constant prices, per year. */
  worldDemandGrowthPerYear: num.min(-0.5).max(1),
  /** Short-run elasticity of the quantity bought at Andean exit points to the price there. */
  worldDemandElasticity: num.positive().max(10),
  /** How exit prices follow the world price index (1: in proportion). */
  exitPriceTransmission: nonNeg.max(3),
  /** Bolivian buyers' price for product sent as unfinished PBC, and what finishing it adds, against the exit's base price. */
  boliviaPriceUnfinished: unit,
  boliviaPriceFinishedExtra: unit,
  /** Bounds of the world price index relative to the start. */
  worldPriceIndexMin: num.positive().max(1),
  worldPriceIndexMax: num.min(1).max(20),
  /** Off-board producers: area growth per quarter per unit of log expected price index, and how fast expectations follow prices. */
  foreignSupplyResponse: nonNeg.max(2),
  foreignExpectationSpeed: unit,
  foreignMaxChangePerQuarter: unit,
  // Security
  clashRate: nonNeg,
  ambushRate: nonNeg,
  attackRate: nonNeg,
  civilianShare: nonNeg,
  leadershipIntelPerMusd: nonNeg,
  leaderStrikeChance: unit,
  /** Of the leaders struck, the share killed (the rest captured), and the intelligence left after a strike. */
  leaderStrikeKillShare: unit,
  strikeIntelRetention: unit,
  /** Insurgent cohesion lost with a leader, and the floor it does not fall below. */
  leaderLossCohesion: unit,
  leaderLossCohesionFloor: unit,
  /** Chance a quarter that a group of `leaderSuccessionFighters` or more raises a successor for a lost leader. */
  leaderSuccessionChance: unit,
  leaderSuccessionFighters: num.positive(),
  /** Insurgent cohesion ceiling with no leader left (it rises with the share of leaders active). */
  leaderlessCohesion: unit,
  /** Share of the gap between presence and its base that becomes the new base each quarter (installations built). */
  presenceAnchoring: unit,
  // Politics
  legitimacyDrift: unit,
  corruptionPerMusd: nonNeg,
  recruitPerMusd: nonNeg,
  baselineRecruitment: nonNeg,
  propagandaPerMusd: nonNeg,
  insurgentUpkeepUsdPerFighter: nonNeg,
  // Revenue
  clanOverheadShare: unit,
  usSupportMusdPerQuarter: nonNeg,
  miningUsdPerMusd: nonNeg,
});
export type Params = z.infer<typeof ParamsSchema>;
export type ParamKey = keyof Params;

export { InjectInputSchema, type InjectInput, type InjectDef, type MselEntry, type MselAction } from './inject-schema';

/** The scenario file format this Cordillera writes and reads (older formats are migrated: migrate.ts). */
export const SCENARIO_VERSION = 2;

export const ScenarioSchema = z.strictObject({
  format: z.literal('cordillera-scenario'),
  version: z.literal(SCENARIO_VERSION),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a scenario id is lower-case words joined by hyphens'),
  title: z.strictObject({ en: z.string().min(1), es: z.string().min(1) }),
  description: z.strictObject({ en: z.string().min(1), es: z.string().min(1) }),
  map: z.string().min(1),
  start: z.strictObject({ year: z.number().int().min(1990).max(2100), quarter: z.number().int().min(1).max(4) }),
  turns: z.number().int().min(1).max(200),
  regions: z.array(RegionStartSchema).min(1),
  national: z.strictObject({
    usSupport: num.min(0).max(100),
    interdictionLaw: z.enum(['none', 'pending', 'passed']),
    /** Rules of engagement for narco-flights in force at the start. */
    roe: z.enum(['off', 'track', 'force-down', 'shoot-down']),
    radarCoverage: z.record(z.string(), unit),
    pilotReadiness: unit,
    precursorControl: unit,
    insurgentFront: unit,
    insurgentCashMusd: nonNeg,
    clanCashMusd: nonNeg,
    leaders: z.array(z.strictObject({ id: z.string().min(1), name: z.string().min(1), region: RegionIdSchema })),
    foreignClients: z.array(z.enum(['sinaloa', 'urabenos', 'pcc', 'zetas', 'familia'])),
  }),
  budgets: z.strictObject({
    state: z.strictObject({ moneyMusd: nonNeg, army: nonNeg, police: nonNeg }),
    clans: z.strictObject({ financingShare: unit }),
    insurgents: z.strictObject({ spendShare: unit }),
  }),
  /** Off-board producers competing with Peru for the world market (Colombia, Bolivia). */
  world: z.strictObject({
    producers: z.array(z.strictObject({
      id: z.string().regex(/^[a-z]+$/),
      /** ISO 3166-1 alpha-2 code of the producing country (names come from the i18n catalogues). */
      country: CountrySchema,
      cocaHa: nonNeg.max(2_000_000),
      /** Potential cocaine (pure, t) per ha of coca a year. */
      cocaineKgPerHaYear: nonNeg.max(100),
    })).max(8),
    sources: z.array(z.string().min(3)).min(1),
  }),
  /**
   * What the named policies need to know of the period: where the State's manual eradication
   * worked (the share of each department's coca in its theatre; departments not listed are not
   * eradicated by the status-quo policy), with sources.
   */
  policyData: z.strictObject({
    eradicationTheatre: z.array(z.strictObject({ region: RegionIdSchema, share: unit })),
    sources: z.array(z.string().min(3)).min(1),
  }),
  params: ParamsSchema,
  paramSources: z.record(z.string(), z.string().min(3)),
  /** The events a facilitator can fire (the seed's shocks), as data. */
  injectLibrary: z.array(InjectDefSchema).min(1),
  /** The master scenario events list: injects scheduled by turn or by a trigger on the state. */
  msel: z.array(MselEntrySchema),
  sources: z.array(z.string().min(3)).min(1),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
