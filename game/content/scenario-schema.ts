/**
 * Scenario files: the starting state of every region, each side's budget, the model's parameters
 * (every one with its source), and scripted injects. Parameters live here, not in engine constants.
 */
import { z } from 'zod';
import { RegionIdSchema } from './schema';

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
  labCapacityTPerQuarter: num.positive().max(100),
  labCostMusd: nonNeg,
  precursorEffect: unit,
  domesticConsumptionShare: unit,
  // Cultivation
  plantLagTurns: z.number().int().min(0).max(12),
  plantCostUsdPerHa: nonNeg,
  altIncomeUsdPerHaYear: num.positive(),
  developmentIncomeUsdPerMusd: nonNeg,
  cultivationGrowthRate: unit,
  cultivationAbandonRate: unit,
  replantShare: unit,
  displaceShare: unit,
  displaceNeighborShare: unit,
  priceSmoothing: unit,
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
  mistakenShootdownRisk: unit,
  routeSensitivity: nonNeg,
  exportPriceFlex: nonNeg.max(3),
  // Security
  clashRate: nonNeg,
  ambushRate: nonNeg,
  attackRate: nonNeg,
  civilianShare: nonNeg,
  leadershipIntelPerMusd: nonNeg,
  leaderStrikeChance: unit,
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

export const INJECT_IDS = [
  'mistaken-shootdown', 'us-suspends-support', 'us-restores-support', 'pcc-arrives', 'leader-killed',
  'interdiction-law-passed', 'radar-delivered', 'election-eve', 'bolivia-tightens', 'putumayo-boom',
  'gold-price-spike', 'installation-attack', 'movadef-campaign', 'precursor-crackdown',
  'clan-boss-arrested', 'el-nino-floods',
] as const;
export type InjectId = (typeof INJECT_IDS)[number];

export const InjectInputSchema = z.strictObject({
  id: z.enum(INJECT_IDS),
  /** Region the inject strikes, where it has one (e.g. where a leader is killed). */
  region: RegionIdSchema.optional(),
});
export type InjectInput = z.infer<typeof InjectInputSchema>;

export const ScenarioSchema = z.strictObject({
  format: z.literal('cordillera-scenario'),
  version: z.literal(1),
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
  params: ParamsSchema,
  paramSources: z.record(z.string(), z.string().min(3)),
  injects: z.array(z.strictObject({ turn: z.number().int().min(1), inject: InjectInputSchema })),
  sources: z.array(z.string().min(3)).min(1),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
