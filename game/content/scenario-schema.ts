/**
 * Scenario files: the starting state of every region, each side's budget, the model's parameters
 * (every one with its source), and scripted injects. Parameters live here, not in engine constants.
 */
import { z } from 'zod';
import { InjectDefSchema, MselEntrySchema } from './inject-schema';
import { CountrySchema, ExitEconSchema, RegionIdSchema } from './schema';

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
  /** Cost of moving a lab to a neighbouring region, as a share of a new lab's. */
  labRelocateCostShare: unit,
  precursorEffect: unit,
  domesticConsumptionShare: unit,
  // Cultivation
  plantLagTurns: z.number().int().min(0).max(12),
  plantCostUsdPerHa: nonNeg,
  altIncomeUsdPerHaYear: num.positive(),
  /** What a kilo of leaf costs the grower to produce (picking, drying, inputs), US$. */
  leafCostUsdPerKg: nonNeg,
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
  /** Share of the police's eradication capacity lost at full corruption. */
  eradicationCorruptionDrag: unit,
  /** Most that teams fall short of the plan (uniform: weather, terrain, resistance). */
  eradicationShortfall: unit,
  /** Share of last quarter's perceived eradication risk kept when eradication goes on (the rest is this quarter's share eradicated). */
  eradicationRiskMemory: unit,
  /** Share of the perceived eradication risk kept a quarter without eradication. */
  eradicationRiskRetention: unit,
  /** Legitimacy lost when a region's whole coca is eradicated without development (in proportion). */
  eradicationLegitimacyCost: unit,
  /** Development stock (US$ M) that halves the legitimacy cost of eradication. */
  eradicationReliefHalfMusd: num.positive(),
  /** Police at which lab raids reach half their potential. */
  raidPoliceHalf: num.positive(),
  /** Multiple of labRaidRate found a quarter at full reach. */
  labRaidReachFactor: nonNeg.max(100),
  /** Share of a destroyed lab's part of the stock that is seized. */
  raidStockSeizedShare: unit,
  eradicationCostUsdPerHa: nonNeg,
  eradicationHaPerPolicePerQuarter: nonNeg,
  eradicationMaxHaPerQuarter: nonNeg,
  // Trafficking and interdiction
  /** Weight of a soldier against a police officer in interception, presence and the forces the State holds. */
  armyForceWeight: unit,
  /** Multiple of interceptPerHop reached with very many forces (it is 1 at interceptForcesHalf). */
  interceptForcesGain: nonNeg.max(10),
  /** Forces (police + weighted army) at which ground interception is interceptPerHop. */
  interceptForcesHalf: num.positive(),
  /** Ground interception where State presence is zero (added to presence). */
  interceptPresenceFloor: nonNeg.max(2),
  /** Protection money (US$ M) that halves the ground interception risk (guards and look-outs). */
  guardsHalfMusd: num.positive(),
  /** Chance a load is stopped at a port or border with no extra control. */
  exitBaseIntercept: unit,
  /** Weight of river control at a land or river border exit. */
  riverBorderWeight: unit,
  /** Share of the engagement chance with untrained pilots. */
  airReadinessFloor: unit,
  /** Share of air interception lost to corruption at full corruption. */
  airCorruptionDrag: unit,
  /** Relative spread of ground and sea seizures around their expectation (uniform). */
  seizureNoise: unit,
  /** Floor of the congestion factor (a route far below its usual volume). */
  routeCongestionMin: num.positive().max(1),
  /** Ceiling of the congestion factor. */
  routeCongestionMax: num.min(1).max(20),
  /** Share of last quarter's route shares kept (the rest moves to this quarter's target). */
  routeInertia: unit,
  /** Least a kg of product is worth in a region. */
  originValueFloorUsdPerKg: nonNeg,
  /** Least share of leaf buyers pay full price for where labs are far too few (before the square root). */
  leafSaturationFloor: unit,
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
  /** Share of the product that waits at an airstrip for a pilot that is lost by the next quarter (spoiled, dumped, found). */
  waitingLossShare: unit,
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
  /** Exposure to army operations when the insurgents hide (balanced = 1). */
  postureExposureHide: nonNeg.max(5),
  /** Exposure to army operations when the insurgents go on the offensive (balanced = 1). */
  postureExposureOffensive: nonNeg.max(5),
  /** Troops that make one unit of the square-root army term in clashes. */
  clashArmyScale: num.positive(),
  /** Security forces killed per insurgent expected killed in a clash. */
  clashSecurityRatio: nonNeg.max(10),
  /** Forces at which half the ambush opportunity is reached (patrol density). */
  patrolHalfForces: num.positive(),
  /** Insurgents killed per security death expected in an ambush (before intelligence). */
  ambushInsurgentRatio: nonNeg.max(10),
  /** Ambushes' civilian deaths against clashes' (× civilianShare). */
  ambushCivilianFactor: nonNeg.max(10),
  /** State presence lost per security death in an ambush. */
  presenceLossPerSecurityDeath: unit,
  /** Forces at which an installation is half defended. */
  defenceHalfForces: num.positive(),
  /** Attackers' losses per attack casualty rate at full defence. */
  attackLossFactor: nonNeg.max(10),
  /** State presence lost in an attack on an undefended installation. */
  attackPresenceLoss: unit,
  /** Legitimacy lost in an attack on an installation. */
  attackLegitimacyLoss: unit,
  /** Fighters in a region for the insurgents to demand their full protection tax. */
  protectionFullFighters: num.positive(),
  /** Share of unpaid protection the insurgents take by force. */
  protectionForcedShare: unit,
  /** Clan presence lost where protection is taken by force. */
  protectionClanPresenceLoss: unit,
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
  /** Road access at which licit crops earn the reference licit income. */
  referenceRoadAccess: num.positive().max(1),
  /** How many of the most attractive regions nationally receive displaced coca. */
  displaceTopRegions: z.number().int().min(1).max(26),
  /** Leaf needing this many times the labs there before the clans build more on their own. */
  labBuildTrigger: num.min(1).max(3),
  /** Share of the missing labs the clans build a quarter. */
  labBuildShare: unit,
  /** Labs beyond this multiple of what the leaf needs are idle. */
  labIdleTrigger: num.min(1).max(10),
  /** Share of idle labs dismantled a quarter. */
  labDismantleShare: unit,
  /** Coca (ha) that alone would make the clans fully present. */
  clanPresenceCocaHa: num.positive(),
  /** Labs that alone would make the clans fully present. */
  clanPresenceLabs: num.positive(),
  /** Product (t) that alone would make the clans fully present. */
  clanPresenceStockT: num.positive(),
  /** Share of the gap to its target clan presence closes a quarter. */
  clanPresenceSpeed: unit,
  /** Forces at which their effect on State presence is half its most. */
  presenceForcesHalf: num.positive(),
  /** Most presence that forces above their starting level add. */
  presenceForcesWeight: unit,
  /** Most presence that development programmes add. */
  presenceDevelopmentWeight: unit,
  /** Development stock (US$ M) at which its effect on presence and legitimacy is half its most. */
  developmentEffectHalfMusd: num.positive(),
  /** Share of the gap to its target presence closes a quarter. */
  presenceSpeed: unit,
  /** Legitimacy gained a quarter from development at its most. */
  legitimacyDevelopmentWeight: unit,
  /** Legitimacy gained a quarter per unit of presence above its base. */
  legitimacyPresenceWeight: unit,
  /** Legitimacy lost per civilian killed in the region. */
  legitimacyPerCivilianDeath: unit,
  /** Legitimacy lost a quarter per unit of corruption above its base. */
  legitimacyCorruptionWeight: unit,
  /** Legitimacy lost a quarter, among the poor, per unit of the political front's support above its threshold. */
  legitimacyFrontWeight: unit,
  /** Political front support below which it costs the State no legitimacy. */
  frontThreshold: unit,
  /** Share of the gap to its base corruption closes a quarter. */
  corruptionReversion: unit,
  /** Fighters next door for a region to be recruited in without fighters of its own. */
  recruitNeighbourFighters: num.positive(),
  /** Baseline recruitment next door, against where fighters are. */
  recruitNeighbourShare: unit,
  /** Fighters at which recruitment per head halves (large groups recruit less per head). */
  recruitGroupScale: num.positive(),
  /** Share of fighters who desert a quarter when the insurgents have no cash. */
  desertionShare: unit,
  /** Insurgent cohesion recovered (or lost toward its ceiling) a quarter. */
  insurgentCohesionRecovery: unit,
  /** Clan cohesion recovered a quarter. */
  clanCohesionRecovery: unit,
  /** US support the State moves toward when it seeks US cooperation. */
  usTargetSeek: num.min(0).max(100),
  /** US support under the "maintain" stance. */
  usTargetMaintain: num.min(0).max(100),
  /** US support when the State distances itself. */
  usTargetDistance: num.min(0).max(100),
  /** Share of the gap to its target US support closes a quarter. */
  usSupportSpeed: unit,
  /** Share of the labs' output left when the clans' cohesion is at zero. */
  labCohesionFloor: unit,
  /** Share of the development stock kept a quarter (programmes wear off). */
  developmentRetention: unit,
  /** Share of intelligence kept a quarter without new leadership targeting. */
  intelRetention: unit,
  /** Air tracking and intelligence sharing without US support (and while it is suspended). */
  usTrackingBase: unit,
  /** US support points that add one unit to the tracking factor (0.5 + 100/200 = 1 at full support). */
  usTrackingSupportScale: num.positive(),
  /** Share of precursor control kept a quarter. */
  precursorRetention: unit,
  /** Precursor control gained per US$ M a quarter. */
  precursorControlPerMusd: nonNeg,
  /** Share of the political front's support kept a quarter. */
  frontRetention: unit,
  /** Share of mining returns lost at full State presence. */
  miningPresencePenalty: unit,
  /** Clan presence gained per US$ M invested in mining. */
  miningClanPresencePerMusd: nonNeg,
  legitimacyDrift: unit,
  corruptionPerMusd: nonNeg,
  recruitPerMusd: nonNeg,
  baselineRecruitment: nonNeg,
  propagandaPerMusd: nonNeg,
  insurgentUpkeepUsdPerFighter: nonNeg,
  // Revenue
  /** Value of a kg of product in the production zones before the first market clears. */
  startZoneValueUsdPerKg: num.positive(),
  /** Product waiting in the pipeline at the start, in quarters of each region's output. */
  startStockQuarters: nonNeg.max(8),
  /** Share of the product finished to cocaine HCl at the start (the rest leaves as PBC). */
  startFinishShare: unit,
  /** The insurgents' protection tax at the start, % of the value produced where they operate. */
  startInsurgentTaxPct: num.min(0).max(30),
  /** Revenue per kg exported that the clans' score measures against. */
  refClanRevenueUsdPerKg: num.positive(),
  /** Revenue a quarter (US$ M) that the insurgents' score measures against. */
  refInsurgentRevenueMusd: num.positive(),
  /** Weight of legitimacy in the State's score. */
  scoreStateLegitimacy: unit,
  /** Weight of less coca in the State's score. */
  scoreStateCoca: unit,
  /** Weight of fewer fighters in the State's score. */
  scoreStateFighters: unit,
  /** Weight of US support in the State's score. */
  scoreStateUsSupport: unit,
  /** Weight of fewer deaths in the State's score. */
  scoreStateDeaths: unit,
  /** Coca, as a multiple of the start, at which the State's coca aim scores nothing. */
  scoreCocaScale: num.positive(),
  /** Fighters, as a multiple of the start, at which the State's aim scores nothing and the insurgents' is met. */
  scoreFightersScale: num.positive(),
  /** Deaths in a quarter at which the State's deaths aim scores nothing. */
  scoreDeathsScale: num.positive(),
  /** Weight of revenue in the clans' score (the rest is exports). */
  scoreClansRevenue: unit,
  /** Revenue and exports, as a multiple of the reference, at which the clans' aims are met. */
  scoreClansScale: num.positive(),
  /** Weight of fighters in the insurgents' score. */
  scoreInsurgentFighters: unit,
  /** Weight of the political front in the insurgents' score. */
  scoreInsurgentFront: unit,
  /** Weight of protection revenue in the insurgents' score. */
  scoreInsurgentRevenue: unit,
  /** Protection revenue, as a multiple of the reference, at which the insurgents' aim is met. */
  scoreInsurgentRevenueScale: num.positive(),
  /** Fighters a region needs for the insurgents to control it (with low State presence). */
  controlInsurgentFighters: num.positive(),
  /** State presence below which fighters can control a region. */
  controlInsurgentPresence: unit,
  /** Clan presence above which the clans control a region (with low State presence). */
  controlClanPresence: unit,
  /** State presence below which the clans can control a region. */
  controlClanStatePresence: unit,
  /** State presence at which the State controls a region (with few fighters). */
  controlStatePresence: unit,
  /** Fewest fighters that keep a present State from controlling a region. */
  controlStateMaxFighters: nonNeg,
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
    foreignClients: z.array(z.enum(['sinaloa', 'urabenos', 'pcc', 'zetas', 'familia', 'cali', 'norte-valle'])),
  }),
  budgets: z.strictObject({
    state: z.strictObject({ moneyMusd: nonNeg, army: nonNeg, police: nonNeg }),
    clans: z.strictObject({ financingShare: unit }),
    insurgents: z.strictObject({ spendShare: unit }),
  }),
  /** Off-board producers competing with Peru for the world market (Colombia, Bolivia). */
  world: z.strictObject({
    producers: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z]+$/),
          /** ISO 3166-1 alpha-2 code of the producing country (names come from the i18n catalogues). */
          country: CountrySchema,
          cocaHa: nonNeg.max(2_000_000),
          /** Potential cocaine (pure, t) per ha of coca a year. */
          cocaineKgPerHaYear: nonNeg.max(100),
        }),
      )
      .max(8),
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
  /** Each map exit's economics in the period (every exit of the map, open or closed). */
  exits: z.record(z.string(), ExitEconSchema),
  params: ParamsSchema,
  paramSources: z.record(z.string(), z.string().min(3)),
  /**
   * The plausible range of each uncertain parameter (every modelling assumption and calibration,
   * and estimates whose sources disagree): what `batch --sample-params` draws from, and why.
   */
  paramRanges: z.record(z.string(), z.strictObject({ low: num, high: num, reason: z.string().min(3) })),
  /** The events a facilitator can fire (the seed's shocks), as data. */
  injectLibrary: z.array(InjectDefSchema).min(1),
  /** The master scenario events list: injects scheduled by turn or by a trigger on the state. */
  msel: z.array(MselEntrySchema),
  sources: z.array(z.string().min(3)).min(1),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
