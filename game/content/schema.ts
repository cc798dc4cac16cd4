/**
 * Content schemas: the map (regions, zones, exits) and scenarios. Content is data that refers to
 * other content by id; `validate.ts` checks the cross-references and collects every problem.
 */
import { z } from 'zod';

export const REGION_ID = /^PE-[A-Z]{3}$/;
export const RegionIdSchema = z.string().regex(REGION_ID, 'a region id is an ISO 3166-2 code such as PE-AYA');
export type RegionId = string;

export const COUNTRIES = ['BO', 'BR', 'CO', 'EC', 'CL'] as const;
export const CountrySchema = z.enum(COUNTRIES);
export type Country = z.infer<typeof CountrySchema>;

export const TERRAINS = ['coast', 'andes', 'selva-alta', 'selva-baja'] as const;
export const MODES = ['air', 'sea', 'river', 'land'] as const;
export type Mode = (typeof MODES)[number];

const pct = z.number().finite().min(0).max(100);
const unit = z.number().finite().min(0).max(1);
const nonNeg = z.number().finite().min(0);

/** Where a number came from: a citation into shared data or a modelling assumption, stated. */
const Source = z.string().min(3);

export const RegionDefSchema = z.strictObject({
  id: RegionIdSchema,
  name: z.string().min(1),
  capital: z.string().min(1),
  terrain: z.enum(TERRAINS),
  neighbors: z.array(RegionIdSchema),
  borders: z.array(CountrySchema),
  population: z.number().int().positive(),
  povertyPct: pct,
  /** Coca: the most hectares the region's suitable land could carry, annual leaf yield, alkaloid. */
  maxCocaHa: nonNeg,
  yieldTPerHaYear: z.number().finite().min(0.3).max(6),
  alkaloidPct: z.number().finite().min(0.1).max(1),
  /** Licit traditional leaf market served from this region (t/year); the rest goes to labs. */
  traditionalLeafTYear: nonNeg,
  airstrips: z.number().int().min(0).max(200),
  navigableRiver: z.boolean(),
  roadAccess: unit,
  /** 0–1: how much gold/timber an illegal mining or logging venture can extract here. */
  miningPotential: unit,
  /** Where to put the region's label and markers, as [longitude, latitude]. */
  labelAt: z.tuple([z.number().min(-82).max(-68), z.number().min(-19).max(0)]),
  sources: z.array(Source).min(1),
});
export type RegionDef = z.infer<typeof RegionDefSchema>;

export const ZoneDefSchema = z.strictObject({
  id: z.enum(['vraem', 'upper-huallaga', 'pichis-palcazu', 'putumayo', 'la-convencion']),
  /** The departments the zone overlaps and the share of each department's coca inside the zone. */
  members: z.array(z.strictObject({ region: RegionIdSchema, cocaShare: unit })).min(1),
  labelAt: z.tuple([z.number(), z.number()]),
  sources: z.array(Source).min(1),
});
export type ZoneDef = z.infer<typeof ZoneDefSchema>;
export type ZoneId = ZoneDef['id'];

export const PORTS = ['callao', 'paita', 'chimbote', 'salaverry'] as const;
export type PortId = (typeof PORTS)[number];

/** An exit point where foreign clients take delivery and the product leaves Peru: its geography. */
export const ExitDefSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  mode: z.enum(MODES),
  /** The region the product must reach; for air, `null`: flights leave from airstrips in the origin. */
  gateway: RegionIdSchema.nullable(),
  port: z.enum(PORTS).nullable(),
  destination: z.enum(['BO', 'BR', 'CO', 'overseas']),
  labelAt: z.tuple([z.number(), z.number()]),
  sources: z.array(Source).min(1),
});
export type ExitGeo = z.infer<typeof ExitDefSchema>;

/**
 * An exit's economics in a scenario's period: whether the buyers use it at all, what they pay and
 * what it costs (exit prices in 1995 and 2016 differ, and the air bridge ran to Colombia in one and
 * to Bolivia in the other).
 */
export const ExitEconSchema = z.strictObject({
  /** Whether the exit is in use in the period; a closed exit takes no product and no orders. */
  open: z.boolean(),
  /** What foreign clients pay at the exit, US$/kg of cocaine equivalent, at the start. */
  priceUsdPerKg: z.number().finite().positive().max(100_000),
  /** Fixed cost of using the exit: aircraft, containers, boats, per kg. */
  costUsdPerKg: nonNeg,
  /** Share of the starting exports through this exit (the clans' starting routes); 0 if closed. */
  baselineShare: unit,
  sources: z.array(Source).min(1),
});
export type ExitEcon = z.infer<typeof ExitEconSchema>;

/** An exit as the engine reads it: where it is, and what it is worth in the scenario's period. */
export type ExitDef = ExitGeo & ExitEcon;

export const MapContentSchema = z.strictObject({
  format: z.literal('cordillera-map'),
  /** 2: exit prices, costs and baseline shares moved to the scenario (they belong to a period). */
  version: z.literal(2),
  id: z.string().min(1),
  regions: z.array(RegionDefSchema).min(1),
  zones: z.array(ZoneDefSchema),
  exits: z.array(ExitDefSchema).min(1),
});
export type MapContent = z.infer<typeof MapContentSchema>;
