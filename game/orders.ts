/**
 * Orders: a discriminated union on `kind`, and one catalogue (`ORDER_SPECS`) that says for each
 * kind which side gives it, what it targets, its unit and which budget pool it draws on. The UI,
 * the bots, validation and the fuzz tests all work from this catalogue and from `legalOrders`.
 */
import { z } from 'zod';
import type { Side } from './content/scenario-schema';
import { RegionIdSchema } from './content/schema';

export const ROES = ['off', 'track', 'force-down', 'shoot-down'] as const;
export const US_STANCES = ['seek', 'maintain', 'distance'] as const;
export const POSTURES = ['hide', 'balanced', 'offensive'] as const;

const amount = z.number().finite().min(0).max(1e7);
/** People, labs and fighters come in whole units. */
const count = z.number().int('must be a whole number').min(0).max(1e7);
const R = RegionIdSchema;

const regional = <K extends string>(kind: K) => z.strictObject({ kind: z.literal(kind), region: R, amount });
const regionalCount = <K extends string>(kind: K) => z.strictObject({ kind: z.literal(kind), region: R, amount: count });
const national = <K extends string>(kind: K) => z.strictObject({ kind: z.literal(kind), amount });

export const OrderSchema = z.discriminatedUnion('kind', [
  // State
  regionalCount('deployArmy'),
  regionalCount('deployPolice'),
  regional('eradicate'),
  regional('radar'),
  national('pilots'),
  z.strictObject({ kind: z.literal('interdictionLaw') }),
  z.strictObject({ kind: z.literal('roe'), value: z.enum(ROES) }),
  z.strictObject({ kind: z.literal('portControl'), exit: z.string().min(1), amount }),
  regional('riverControl'),
  national('precursors'),
  regional('leadership'),
  regional('development'),
  z.strictObject({ kind: z.literal('usStance'), value: z.enum(US_STANCES) }),
  // Clans
  regional('plant'),
  regionalCount('buildLabs'),
  z.strictObject({ kind: z.literal('relocateLabs'), region: R, to: R, amount: count }),
  z.strictObject({ kind: z.literal('finishShare'), value: z.number().finite().min(0).max(1) }),
  z.strictObject({ kind: z.literal('route'), exit: z.string().min(1), amount: z.number().finite().min(0).max(100) }),
  regional('protection'),
  regional('bribe'),
  regional('mining'),
  // Insurgents
  z.strictObject({ kind: z.literal('move'), region: R, to: R, amount: count }),
  regionalCount('ambush'),
  regionalCount('attack'),
  regional('recruit'),
  z.strictObject({ kind: z.literal('taxRate'), value: z.number().finite().min(0).max(30) }),
  national('propaganda'),
  z.strictObject({ kind: z.literal('posture'), value: z.enum(POSTURES) }),
]);
export type Order = z.infer<typeof OrderSchema>;
export type OrderKind = Order['kind'];
export type OrderOf<K extends OrderKind> = Extract<Order, { kind: K }>;

export type Pool = 'money' | 'army' | 'police' | 'fighters' | 'none';
export type Target = 'region' | 'exit' | 'national' | 'setting' | 'move' | 'action';
export type Unit = 'musd' | 'ha' | 'personnel' | 'fighters' | 'labs' | 'weight' | 'share' | 'pct' | 'choice' | 'none';

export interface OrderSpec {
  side: Side;
  target: Target;
  unit: Unit;
  /** The pool the order's amount (or its cost) draws from. */
  pool: Pool;
}

export const ORDER_SPECS: Record<OrderKind, OrderSpec> = {
  deployArmy: { side: 'state', target: 'region', unit: 'personnel', pool: 'army' },
  deployPolice: { side: 'state', target: 'region', unit: 'personnel', pool: 'police' },
  eradicate: { side: 'state', target: 'region', unit: 'ha', pool: 'money' },
  radar: { side: 'state', target: 'region', unit: 'musd', pool: 'money' },
  pilots: { side: 'state', target: 'national', unit: 'musd', pool: 'money' },
  interdictionLaw: { side: 'state', target: 'action', unit: 'none', pool: 'none' },
  roe: { side: 'state', target: 'setting', unit: 'choice', pool: 'none' },
  portControl: { side: 'state', target: 'exit', unit: 'musd', pool: 'money' },
  riverControl: { side: 'state', target: 'region', unit: 'musd', pool: 'money' },
  precursors: { side: 'state', target: 'national', unit: 'musd', pool: 'money' },
  leadership: { side: 'state', target: 'region', unit: 'musd', pool: 'money' },
  development: { side: 'state', target: 'region', unit: 'musd', pool: 'money' },
  usStance: { side: 'state', target: 'setting', unit: 'choice', pool: 'none' },
  plant: { side: 'clans', target: 'region', unit: 'ha', pool: 'money' },
  buildLabs: { side: 'clans', target: 'region', unit: 'labs', pool: 'money' },
  relocateLabs: { side: 'clans', target: 'move', unit: 'labs', pool: 'money' },
  finishShare: { side: 'clans', target: 'setting', unit: 'share', pool: 'none' },
  route: { side: 'clans', target: 'exit', unit: 'weight', pool: 'none' },
  protection: { side: 'clans', target: 'region', unit: 'musd', pool: 'money' },
  bribe: { side: 'clans', target: 'region', unit: 'musd', pool: 'money' },
  mining: { side: 'clans', target: 'region', unit: 'musd', pool: 'money' },
  move: { side: 'insurgents', target: 'move', unit: 'fighters', pool: 'fighters' },
  ambush: { side: 'insurgents', target: 'region', unit: 'fighters', pool: 'fighters' },
  attack: { side: 'insurgents', target: 'region', unit: 'fighters', pool: 'fighters' },
  recruit: { side: 'insurgents', target: 'region', unit: 'musd', pool: 'money' },
  taxRate: { side: 'insurgents', target: 'setting', unit: 'pct', pool: 'none' },
  propaganda: { side: 'insurgents', target: 'national', unit: 'musd', pool: 'money' },
  posture: { side: 'insurgents', target: 'setting', unit: 'choice', pool: 'none' },
};

export const ORDER_KINDS = Object.keys(ORDER_SPECS) as OrderKind[];
export const kindsFor = (side: Side): OrderKind[] => ORDER_KINDS.filter((k) => ORDER_SPECS[k].side === side);
