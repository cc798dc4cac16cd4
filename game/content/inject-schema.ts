/**
 * Injects as data: the scenario's library of events a facilitator (or the schedule, the MSEL) can
 * fire — a mistaken shootdown, the US suspending support, the PCC arriving, a leader killed … —
 * each an id, a title and a brief in English and Spanish (the news flash the teams see), and its
 * effects as typed changes to the state, so a facilitator can also write a new one in the console
 * from the same building blocks. Validated like the rest of the scenario.
 */
import { z } from 'zod';
import { RegionIdSchema } from './schema';

const num = z.number().finite();
const Text = z.strictObject({ en: z.string().min(1).max(500), es: z.string().min(1).max(500) });

/** Hooks the phases read while a modifier lasts (docs/model.md §4.1 lists who reads each). */
export const MODIFIER_HOOKS = ['ambushCasualties', 'exitPrice', 'miningReturn', 'precursorControl', 'leafYield'] as const;
export type ModifierHook = (typeof MODIFIER_HOOKS)[number];

/** Figures an inject may change, with the range each is kept in. */
export const ADJUST_TARGETS = {
  'national.usSupport': [0, 100],
  'national.pilotReadiness': [0, 1],
  'national.insurgentFront': [0, 1],
  'national.insurgentCohesion': [0, 1],
  'national.clanCohesion': [0, 1],
  'national.clanCashMusd': [0, 100_000],
  'national.insurgentCashMusd': [0, 100_000],
  'region.radarCoverage': [0, 1],
  'region.statePresence': [0, 1],
  'region.legitimacy': [0, 1],
  'region.corruption': [0, 1],
  'region.clanPresence': [0, 1],
} as const satisfies Record<string, readonly [number, number]>;
export type AdjustTarget = keyof typeof ADJUST_TARGETS;
const ADJUST_TARGET_IDS = Object.keys(ADJUST_TARGETS) as [AdjustTarget, ...AdjustTarget[]];

export const EffectSchema = z.discriminatedUnion('kind', [
  /** A modifier the phases read for `turns` turns (counting this one; 0: for the rest of the game).
   * `where: region` acts in the inject's region, or everywhere when none is named. */
  z.strictObject({
    kind: z.literal('modifier'),
    hook: z.enum(MODIFIER_HOOKS),
    op: z.enum(['mul', 'add']),
    value: num.min(-10).max(10),
    turns: z.number().int().min(0).max(200),
    where: z.enum(['region', 'national']),
    /** For `exitPrice`: only exits to this destination, or only this exit. */
    destination: z.enum(['BO', 'BR', 'CO', 'overseas']).optional(),
    exit: z.string().min(1).optional(),
  }),
  /** Change a figure: in the inject's region, in every region, or nationally; kept within its range
   * and, for `add`, not below `floor`. */
  z.strictObject({
    kind: z.literal('adjust'),
    target: z.enum(ADJUST_TARGET_IDS),
    op: z.enum(['set', 'add', 'mul', 'min', 'max']),
    value: num.min(-100_000).max(100_000),
    where: z.enum(['region', 'every-region']).optional(),
    floor: num.optional(),
  }),
  /** US support suspended for `turns` turns (no US money, support frozen, tracking halved). */
  z.strictObject({ kind: z.literal('usSuspension'), turns: z.number().int().min(1).max(200) }),
  z.strictObject({ kind: z.literal('usResumption') }),
  z.strictObject({ kind: z.literal('rulesOfEngagement'), value: z.enum(['off', 'track', 'force-down', 'shoot-down']) }),
  /** The shoot-down law in force at once. */
  z.strictObject({ kind: z.literal('interdictionLaw') }),
  z.strictObject({
    kind: z.literal('foreignClient'),
    client: z.enum(['sinaloa', 'urabenos', 'pcc', 'zetas', 'familia', 'cali', 'norte-valle']),
  }),
  /** The first active leader in the inject's region (else any) is lost; insurgent cohesion falls (§4.3). */
  z.strictObject({ kind: z.literal('leaderLost'), fate: z.enum(['killed', 'captured']) }),
  /** An attack on an installation in the region: between `min` and `max` security forces killed (uniform). */
  z.strictObject({ kind: z.literal('installationAttack'), min: z.number().int().min(0).max(1000), max: z.number().int().min(0).max(1000) }),
  /** A civilian aircraft shot down by mistake (counted, reported). */
  z.strictObject({ kind: z.literal('civilianAircraftShotDown') }),
  /** A clan boss arrested in the region (reported; pair it with a clan cohesion adjustment). */
  z.strictObject({ kind: z.literal('clanBossArrested') }),
]);
export type Effect = z.infer<typeof EffectSchema>;

const INJECT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const InjectDefSchema = z.strictObject({
  id: z.string().regex(INJECT_ID, 'an inject id is lower-case words joined by hyphens').max(60),
  title: Text,
  /** The news flash the teams see. */
  brief: Text,
  /** Where it strikes when the facilitator names no region (null: nowhere in particular, or everywhere). */
  defaultRegion: RegionIdSchema.nullable(),
  effects: z.array(EffectSchema).min(1).max(20),
  sources: z.array(z.string().min(3)).min(1),
});
export type InjectDef = z.infer<typeof InjectDefSchema>;

/** A facilitator's inject: one from the scenario's library by id, or one written in the console. */
export const InjectInputSchema = z.union([
  z.strictObject({ id: z.string().regex(INJECT_ID).max(60), region: RegionIdSchema.optional() }),
  z.strictObject({ custom: InjectDefSchema.extend({ sources: z.array(z.string().min(3)).max(20) }), region: RegionIdSchema.optional() }),
]);
export type InjectInput = z.infer<typeof InjectInputSchema>;

/** The national figures a trigger can watch: fields of the last turn's record (`TurnRecord`). */
export const TRIGGER_METRICS = [
  'cocaHa',
  'leafPriceUsdPerKg',
  'narcoFlights',
  'flightsInterdicted',
  'aircraftShotDown',
  'exportedT',
  'seizedT',
  'insurgentFighters',
  'securityForcesKilled',
  'civiliansKilled',
  'usSupport',
  'legitimacy',
  'worldPriceIndex',
] as const;
export type TriggerMetric = (typeof TRIGGER_METRICS)[number];

/** One line of the master scenario events list: an inject, and when it fires. */
export const MselEntrySchema = z.strictObject({
  id: z.string().regex(INJECT_ID).max(60),
  inject: z.strictObject({ id: z.string().regex(INJECT_ID).max(60), region: RegionIdSchema.optional() }),
  /** On a turn, or the first turn (not before `after`) on which a figure of the last turn is above or below a value. */
  when: z.union([
    z.strictObject({ turn: z.number().int().min(1).max(200) }),
    z
      .strictObject({
        metric: z.enum(TRIGGER_METRICS),
        above: num.optional(),
        below: num.optional(),
        after: z.number().int().min(1).max(200).optional(),
      })
      .refine((w) => (w.above === undefined) !== (w.below === undefined), 'a trigger needs exactly one of above or below'),
  ]),
});
export type MselEntry = z.infer<typeof MselEntrySchema>;

/** What the facilitator does with a line of the MSEL at the start of a turn. */
export const MselActionSchema = z.strictObject({
  entry: z.string().regex(INJECT_ID).max(60),
  action: z.enum(['fire', 'hold', 'release', 'cancel']),
});
export type MselAction = z.infer<typeof MselActionSchema>;
