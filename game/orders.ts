/**
 * Order kinds, defined once. Each entry of `ORDER_SPECS` says everything the program knows about
 * one kind of order: which side gives it, what it targets, its unit, the pool it draws on, its
 * fields (from which the zod `OrderSchema` and the `Order` union are built), what it costs, and
 * where and within what bounds it is legal now. From these entries come `legalOrders`,
 * `validateOrders` and `budgetUse` (legal.ts), the bots' rounding (ai/planner.ts), the spending
 * the deployments phase books, the planning panel's rows and the descriptions in the reports:
 * nothing else lists the kinds.
 *
 * Orders as states: an entry with `standing` is a programme that runs at the ordered level from
 * quarter to quarter until changed (garrisons, laboratories, river and port control, development,
 * leadership targeting, pilot training, precursor control). Its order
 * names the level wanted ("keep / change to"), not an addition; `chargeMusd` says what a change
 * costs this quarter and `standingUpkeepMusd` what the programmes left as they are cost. The
 * engine (phases/deployments.ts), the budget check (legal.ts) and the planning panel's summary all
 * read these, so what the panel says is what the engine does.
 *
 * Which kinds are programmes follows what a player means by the order. The State's development,
 * leadership targeting, pilot training and precursor control are budgets that keep an effect up
 * (each effect fades without them), so they run until changed. Radar is bought (`bought`): the
 * coverage it buys stays, so the order is a one-off purchase, paid once. The clans' protection
 * answers what the insurgents demand this quarter, and bribes, mining, planting, recruitment and
 * propaganda are a quarter's spending: they last this quarter only.
 */
import { z } from 'zod';
import type { Params, Side } from './content/scenario-schema';
import { RegionIdSchema, type ExitDef, type RegionDef } from './content/schema';
import type { StaticCtx } from './context';
import { totalCocaHa } from './derive';
import type { Budget, ExitState, GameState, NationalState, RegionState } from './types';

export const ROES = ['off', 'track', 'force-down', 'shoot-down'] as const;
export const US_STANCES = ['seek', 'maintain', 'distance'] as const;
export const POSTURES = ['hide', 'balanced', 'offensive'] as const;

export type Pool = 'money' | 'army' | 'police' | 'fighters' | 'none';
/** What an order names: a region, an exit, nothing (national), a setting's value, a one-off action, or a move between regions. */
export type Target = 'region' | 'exit' | 'national' | 'setting' | 'move' | 'action';
export type Unit = 'musd' | 'ha' | 'personnel' | 'fighters' | 'labs' | 'weight' | 'share' | 'pct' | 'choice' | 'none';

/**
 * What each unit means for an amount. `whole`: the engine accepts whole numbers only (people, labs
 * and fighters). `botStep`: what the bots round their amounts down to (whole hectares, cents of a
 * million). Settings (`share`, `pct`, `choice`) and actions carry no amount.
 */
export const UNITS: Readonly<Record<Unit, { whole: boolean; botStep: 1 | 0.01 }>> = {
  musd: { whole: false, botStep: 0.01 },
  ha: { whole: false, botStep: 1 },
  personnel: { whole: true, botStep: 1 },
  fighters: { whole: true, botStep: 1 },
  labs: { whole: true, botStep: 1 },
  weight: { whole: false, botStep: 0.01 },
  share: { whole: false, botStep: 0.01 },
  pct: { whole: false, botStep: 0.01 },
  choice: { whole: false, botStep: 0.01 },
  none: { whole: false, botStep: 0.01 },
};

/** An amount rounded down to the unit's step, as the bots order it. */
export function roundForBots(unit: Unit, amount: number): number {
  return UNITS[unit].botStep === 1 ? Math.floor(amount) : Math.floor(amount * 100) / 100;
}

/** What is possible now for one target: the bounds of the amount (from 0), the value in force, choices, destinations. */
export interface Bounds {
  max: number;
  /** The value in force now (garrison, weight, setting) or 0. */
  current: number | string;
  /** For moves: where to. */
  to?: string[];
  choices?: readonly string[];
}

/** What the legality of an order reads: the state, the static lookups and the side's budget. */
export interface LegalAt {
  state: GameState;
  sc: StaticCtx;
  budget: Budget;
  /** The side's money, US$ M. */
  money: number;
}

type Fields = Readonly<Record<string, z.ZodType>>;
type AmountUnit = 'musd' | 'ha' | 'personnel' | 'fighters' | 'labs' | 'weight';

interface SpecBase<T extends Target, F extends Fields> {
  side: Side;
  target: T;
  unit: Unit;
  /** The pool the order's amount (or its cost) draws from. */
  pool: Pool;
  /** The order's fields besides `kind`. */
  fields: F;
  /** What an amount costs, US$ M (absent: free). Present exactly when the pool is money. */
  costMusd?: (amount: number, p: Params) => number;
  /** Present for standing programmes: the amount ordered is the level wanted, kept until changed. */
  standing?: Standing;
  /** A one-off purchase whose effect stays (radar): paid once, nothing runs on. */
  bought?: true;
}
/** Given in a region (`region` and `move` targets): legal per region, in the map's order. */
export interface RegionalSpec<F extends Fields = Fields> extends SpecBase<'region' | 'move', F> {
  legal: (at: LegalAt, r: RegionState, def: RegionDef, i: number) => Bounds | null;
}
/** Given at an exit: legal per exit, in the map's order. */
export interface ExitSpec<F extends Fields = Fields> extends SpecBase<'exit', F> {
  legal: (at: LegalAt, def: ExitDef, e: ExitState) => Bounds | null;
}
/** Given once for the side (national amounts, settings, actions). */
export interface NationalSpec<F extends Fields = Fields> extends SpecBase<'national' | 'setting' | 'action', F> {
  legal: (at: LegalAt) => Bounds | null;
}
export type OrderSpec = RegionalSpec | ExitSpec | NationalSpec;

const R = RegionIdSchema;
/** The amount's schema by unit: people, labs and fighters whole; route weights 0–100. */
function amountSchema(unit: AmountUnit): z.ZodNumber {
  if (UNITS[unit].whole) return z.number().int('must be a whole number').min(0).max(1e7);
  if (unit === 'weight') return z.number().finite().min(0).max(100);
  return z.number().finite().min(0).max(1e7);
}

/**
 * A standing programme: the level it runs at now (`level`), and what it charges each quarter:
 * `added` charges only what is added (a laboratory is paid once, when it is set up; closing one
 * is free), `level` charges the whole level every quarter it runs (patrols, port teams).
 */
export interface Standing {
  charge: 'added' | 'level';
  level: (where: ProgrammeAt) => number;
}
/** Where a programme runs: a region, an exit, or (national programmes) the national state. */
export interface ProgrammeAt {
  region?: RegionState;
  exit?: ExitState;
  national?: NationalState;
}

type Common<U extends Unit> = {
  side: Side;
  unit: U;
  pool: Pool;
  costMusd?: (amount: number, p: Params) => number;
  standing?: Standing;
  bought?: true;
};

const inRegion = <U extends AmountUnit>(s: Common<U> & Pick<RegionalSpec, 'legal'>) =>
  ({ ...s, target: 'region' as const, fields: { region: R, amount: amountSchema(s.unit) } }) satisfies RegionalSpec;
const between = <U extends AmountUnit>(s: Common<U> & Pick<RegionalSpec, 'legal'>) =>
  ({ ...s, target: 'move' as const, fields: { region: R, to: R, amount: amountSchema(s.unit) } }) satisfies RegionalSpec;
const atExit = <U extends AmountUnit>(s: Common<U> & Pick<ExitSpec, 'legal'>) =>
  ({ ...s, target: 'exit' as const, fields: { exit: z.string().min(1), amount: amountSchema(s.unit) } }) satisfies ExitSpec;
const national = <U extends AmountUnit>(s: Common<U> & Pick<NationalSpec, 'legal'>) =>
  ({ ...s, target: 'national' as const, fields: { amount: amountSchema(s.unit) } }) satisfies NationalSpec;
const setting = <V extends z.ZodType>(s: Common<Unit> & Pick<NationalSpec, 'legal'> & { value: V }) => {
  const { value, ...rest } = s;
  return { ...rest, target: 'setting' as const, fields: { value } } satisfies NationalSpec;
};
const action = (s: Common<'none'> & Pick<NationalSpec, 'legal'>) =>
  ({ ...s, target: 'action' as const, fields: {} }) satisfies NationalSpec;

/** The most laboratories a region can set up in one quarter (an input bound, not a model coefficient). */
const MAX_NEW_LABS = 200;
/** Money orders whose amount is what they cost. */
const asIs = (amount: number): number => amount;
/** Anything up to the side's money. */
const upToMoney = (at: LegalAt): Bounds => ({ max: at.money, current: 0 });
const regionLevel =
  (read: (r: RegionState) => number): Standing['level'] =>
  (w) =>
    w.region ? read(w.region) : 0;
const garrison = (force: 'army' | 'police'): Standing => ({ charge: 'level', level: regionLevel((r) => r[force]) });
/** A money programme paid at its level every quarter, in a region or national. */
const regionalProgramme = (read: (r: RegionState) => number): Standing => ({ charge: 'level', level: regionLevel(read) });
const nationalProgramme = (read: (n: NationalState) => number): Standing => ({
  charge: 'level',
  level: (w) => (w.national ? read(w.national) : 0),
});
/** Anything up to the side's money, plus what the programme runs at now (an order replaces it, freeing its upkeep). */
const upToMoneyAnd = (current: number, at: LegalAt): Bounds => ({ max: at.money + current, current });
const cocaRoom = (r: RegionState, def: RegionDef): number =>
  Math.max(0, def.maxCocaHa - r.cocaHa - r.immatureHa.reduce((a, x) => a + x, 0));

/**
 * The table. Entries are in each side's order: the planning panel lists activities in this order,
 * and `legalOrders` lists a region's options in it (then the side's national ones).
 */
export const ORDER_SPECS = {
  // --- State ---
  deployArmy: inRegion({
    side: 'state',
    unit: 'personnel',
    pool: 'army',
    standing: garrison('army'),
    legal: (at, r) => ({ max: at.budget.army, current: r.army }),
  }),
  deployPolice: inRegion({
    side: 'state',
    unit: 'personnel',
    pool: 'police',
    standing: garrison('police'),
    legal: (at, r) => ({ max: at.budget.police, current: r.police }),
  }),
  eradicate: inRegion({
    side: 'state',
    unit: 'ha',
    pool: 'money',
    costMusd: (ha, p) => (ha * p.eradicationCostUsdPerHa) / 1e6,
    legal: (_at, r) => (totalCocaHa(r) > 0 ? { max: Math.floor(totalCocaHa(r)), current: 0 } : null),
  }),
  radar: inRegion({
    side: 'state',
    unit: 'musd',
    pool: 'money',
    costMusd: asIs,
    bought: true,
    legal: (at, r, def) => (def.airstrips > 0 || r.cocaHa > 0 ? upToMoney(at) : null),
  }),
  pilots: national({
    side: 'state',
    unit: 'musd',
    pool: 'money',
    costMusd: asIs,
    standing: nationalProgramme((n) => n.pilotTrainingMusd),
    legal: (at) => upToMoneyAnd(at.state.national.pilotTrainingMusd, at),
  }),
  interdictionLaw: action({
    side: 'state',
    unit: 'none',
    pool: 'none',
    legal: (at) => (at.state.national.interdictionLaw === 'none' ? { max: 1, current: 0 } : null),
  }),
  roe: setting({
    side: 'state',
    unit: 'choice',
    pool: 'none',
    value: z.enum(ROES),
    legal: (at) => ({ max: 0, current: at.state.national.roe, choices: ROES }),
  }),
  portControl: atExit({
    side: 'state',
    unit: 'musd',
    pool: 'money',
    costMusd: asIs,
    standing: { charge: 'level', level: (w) => w.exit?.portControlMusd ?? 0 },
    legal: (at, def, e) => (def.mode === 'sea' ? { max: at.money + e.portControlMusd, current: e.portControlMusd } : null),
  }),
  riverControl: inRegion({
    side: 'state',
    unit: 'musd',
    pool: 'money',
    costMusd: asIs,
    standing: { charge: 'level', level: regionLevel((r) => r.riverControlMusd) },
    legal: (at, r, def) => (def.navigableRiver ? { max: at.money + r.riverControlMusd, current: r.riverControlMusd } : null),
  }),
  precursors: national({
    side: 'state',
    unit: 'musd',
    pool: 'money',
    costMusd: asIs,
    standing: nationalProgramme((n) => n.precursorControlMusd),
    legal: (at) => upToMoneyAnd(at.state.national.precursorControlMusd, at),
  }),
  // A programme keeps running where it was started even when the reason for it has gone (it can be stopped there).
  leadership: inRegion({
    side: 'state',
    unit: 'musd',
    pool: 'money',
    costMusd: asIs,
    standing: regionalProgramme((r) => r.leadershipMusd),
    legal: (at, r) =>
      r.leadershipMusd > 0 || r.insurgentFighters > 0 || at.state.national.leaders.some((l) => l.status === 'active' && l.region === r.id)
        ? upToMoneyAnd(r.leadershipMusd, at)
        : null,
  }),
  development: inRegion({
    side: 'state',
    unit: 'musd',
    pool: 'money',
    costMusd: asIs,
    standing: regionalProgramme((r) => r.developmentMusd),
    legal: (at, r, def) => (def.maxCocaHa > 0 || r.developmentMusd > 0 ? upToMoneyAnd(r.developmentMusd, at) : null),
  }),
  usStance: setting({
    side: 'state',
    unit: 'choice',
    pool: 'none',
    value: z.enum(US_STANCES),
    legal: (at) => ({ max: 0, current: at.state.national.usStance, choices: US_STANCES }),
  }),
  // --- Clans ---
  plant: inRegion({
    side: 'clans',
    unit: 'ha',
    pool: 'money',
    costMusd: (ha, p) => (ha * p.plantCostUsdPerHa) / 1e6,
    legal: (_at, r, def) => (def.maxCocaHa > 0 ? { max: Math.floor(cocaRoom(r, def)), current: 0 } : null),
  }),
  // The laboratories a region runs: the order is the number wanted; new ones are paid for, closed ones are not.
  buildLabs: inRegion({
    side: 'clans',
    unit: 'labs',
    pool: 'money',
    costMusd: (labs, p) => labs * p.labCostMusd,
    standing: { charge: 'added', level: regionLevel((r) => r.labs) },
    legal: (at, r, def) =>
      def.maxCocaHa > 0
        ? { max: r.labs + Math.min(MAX_NEW_LABS, Math.floor(at.money / at.state.scenario.params.labCostMusd)), current: r.labs }
        : null,
  }),
  relocateLabs: between({
    side: 'clans',
    unit: 'labs',
    pool: 'money',
    costMusd: (labs, p) => labs * p.labCostMusd * p.labRelocateCostShare,
    legal: (_at, r, def) => (r.labs > 0 ? { max: r.labs, current: 0, to: def.neighbors.slice() } : null),
  }),
  finishShare: setting({
    side: 'clans',
    unit: 'share',
    pool: 'none',
    value: z.number().finite().min(0).max(1),
    legal: (at) => ({ max: 1, current: at.state.national.finishShare }),
  }),
  route: atExit({ side: 'clans', unit: 'weight', pool: 'none', legal: (_at, _def, e) => ({ max: 100, current: e.weight }) }),
  protection: inRegion({
    side: 'clans',
    unit: 'musd',
    pool: 'money',
    costMusd: asIs,
    legal: (at, r, def) => (def.maxCocaHa > 0 || r.insurgentFighters > 0 || r.stockT > 0 ? upToMoney(at) : null),
  }),
  bribe: inRegion({ side: 'clans', unit: 'musd', pool: 'money', costMusd: asIs, legal: upToMoney }),
  mining: inRegion({
    side: 'clans',
    unit: 'musd',
    pool: 'money',
    costMusd: asIs,
    legal: (at, _r, def) => (def.miningPotential > 0 ? upToMoney(at) : null),
  }),
  // --- Insurgents ---
  move: between({
    side: 'insurgents',
    unit: 'fighters',
    pool: 'fighters',
    legal: (_at, r, def) => (r.insurgentFighters > 0 ? { max: r.insurgentFighters, current: 0, to: def.neighbors.slice() } : null),
  }),
  ambush: inRegion({
    side: 'insurgents',
    unit: 'fighters',
    pool: 'fighters',
    legal: (_at, r) => (r.insurgentFighters > 0 ? { max: r.insurgentFighters, current: 0 } : null),
  }),
  attack: inRegion({
    side: 'insurgents',
    unit: 'fighters',
    pool: 'fighters',
    legal: (_at, r) => (r.insurgentFighters > 0 ? { max: r.insurgentFighters, current: 0 } : null),
  }),
  recruit: inRegion({
    side: 'insurgents',
    unit: 'musd',
    pool: 'money',
    costMusd: asIs,
    legal: (at, r, _def, i) =>
      r.insurgentFighters > 0 ||
      at.sc.neighbors[i]!.some((j) => at.state.regions[j]!.insurgentFighters >= at.state.scenario.params.recruitNeighbourFighters)
        ? upToMoney(at)
        : null,
  }),
  taxRate: setting({
    side: 'insurgents',
    unit: 'pct',
    pool: 'none',
    value: z.number().finite().min(0).max(30),
    legal: (at) => ({ max: 30, current: at.state.national.insurgentTaxPct }),
  }),
  propaganda: national({ side: 'insurgents', unit: 'musd', pool: 'money', costMusd: asIs, legal: upToMoney }),
  posture: setting({
    side: 'insurgents',
    unit: 'choice',
    pool: 'none',
    value: z.enum(POSTURES),
    legal: (at) => ({ max: 0, current: at.state.national.insurgentPosture, choices: POSTURES }),
  }),
};

type Table = typeof ORDER_SPECS;
export type OrderKind = keyof Table;
type Simplify<T> = { [P in keyof T]: T[P] } & {};
type OrderFields<K extends OrderKind> = Simplify<{ kind: K } & { [F in keyof Table[K]['fields']]: z.output<Table[K]['fields'][F]> }>;
/** An order: a discriminated union on `kind`, each kind with its entry's fields. */
export type Order = { [K in OrderKind]: OrderFields<K> }[OrderKind];
/** One kind's order. */
export type OrderOf<K extends OrderKind> = Extract<Order, { kind: K }>;

export const ORDER_KINDS = Object.keys(ORDER_SPECS) as OrderKind[];
/** An entry, read without its kind's precise field types (for code that handles every kind). */
export const specOf = (kind: OrderKind): OrderSpec => ORDER_SPECS[kind];
export const kindsFor = (side: Side): OrderKind[] => ORDER_KINDS.filter((k) => ORDER_SPECS[k].side === side);

/** The schema of one order, strict (an unknown field is an error), built from the table. */
export const OrderSchema = z.discriminatedUnion(
  'kind',
  ORDER_KINDS.map((kind) => z.strictObject({ kind: z.literal(kind), ...specOf(kind).fields })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
) as unknown as z.ZodType<Order>;

/** What `amount` of a kind costs, US$ M. */
export function kindCostMusd(kind: OrderKind, amount: number, p: Params): number {
  const cost = specOf(kind).costMusd;
  return cost ? cost(amount, p) : 0;
}

/** What an order costs, US$ M (0 for free orders and for settings). */
export function orderCostMusd(o: Order, p: Params): number {
  return 'amount' in o ? kindCostMusd(o.kind, o.amount, p) : 0;
}

/** How long an order's effect lasts: a standing programme, this quarter only, a setting kept until changed, or a one-off action. */
export type Lasts = 'standing' | 'quarter' | 'setting' | 'once' | 'bought';
export function lastsOf(kind: OrderKind): Lasts {
  const spec = specOf(kind);
  if (spec.standing) return 'standing';
  if (spec.bought) return 'bought';
  if (spec.target === 'setting') return 'setting';
  if (spec.target === 'action') return 'once';
  return 'quarter';
}

/**
 * What an order moving a programme from `from` to `to` costs this quarter, US$ M: for a standing
 * programme charged on what is added, the new units only; for one charged on its level, the level;
 * for a one-quarter order, its amount (`from` is then ignored).
 */
export function chargeMusd(kind: OrderKind, from: number, to: number, p: Params): number {
  const spec = specOf(kind);
  if (spec.standing?.charge === 'added') return kindCostMusd(kind, Math.max(0, to - from), p);
  return kindCostMusd(kind, to, p);
}

/** The level a standing programme runs at now at a target (0 for other kinds); national programmes need no target. */
export function levelNow(state: GameState, kind: OrderKind, where: { region?: string; exit?: string }): number {
  const spec = specOf(kind);
  const standing = spec.standing;
  if (!standing) return 0;
  if (spec.target === 'national') return standing.level({ national: state.national });
  const region = where.region === undefined ? undefined : state.regions.find((r) => r.id === where.region);
  const exit = where.exit === undefined ? undefined : state.exits.find((e) => e.id === where.exit);
  return standing.level({ ...(region ? { region } : {}), ...(exit ? { exit } : {}) });
}

/** The key that names an order's programme: `kind|region|exit` (a move names no programme). */
export const programmeKey = (kind: OrderKind, region = '', exit = ''): string => `${kind}|${region}|${exit}`;
export const orderProgrammeKey = (o: Order): string =>
  programmeKey(o.kind, 'region' in o && !('to' in o) ? o.region : '', 'exit' in o ? o.exit : '');

/** A standing money programme of a side running now: where, its level and what it costs this quarter if left as it is. */
export interface RunningProgramme {
  kind: OrderKind;
  region?: string;
  exit?: string;
  level: number;
  /** What it costs this quarter if kept (0 for laboratories, paid when set up), US$ M. */
  upkeepMusd: number;
}

/** Every standing money programme of `side` running now (level above zero), in the table's and the map's order. */
export function runningProgrammes(state: GameState, side: Side): RunningProgramme[] {
  const p = state.scenario.params;
  const out: RunningProgramme[] = [];
  for (const kind of kindsFor(side)) {
    const spec = specOf(kind);
    if (!spec.standing || spec.pool !== 'money') continue;
    const upkeep = (level: number) => (spec.standing!.charge === 'level' ? kindCostMusd(kind, level, p) : 0);
    if (spec.target === 'exit') {
      for (const e of state.exits) {
        const level = spec.standing.level({ exit: e });
        if (level > 0) out.push({ kind, exit: e.id, level, upkeepMusd: upkeep(level) });
      }
    } else if (spec.target === 'national') {
      const level = spec.standing.level({ national: state.national });
      if (level > 0) out.push({ kind, level, upkeepMusd: upkeep(level) });
    } else {
      for (const r of state.regions) {
        const level = spec.standing.level({ region: r });
        if (level > 0) out.push({ kind, region: r.id, level, upkeepMusd: upkeep(level) });
      }
    }
  }
  return out;
}

/** What one order costs this quarter given the state it changes, US$ M. */
export function orderChargeMusd(state: GameState, o: Order): number {
  if (!('amount' in o)) return 0;
  const where = { ...('region' in o && !('to' in o) ? { region: o.region } : {}), ...('exit' in o ? { exit: o.exit } : {}) };
  return chargeMusd(o.kind, levelNow(state, o.kind, where), o.amount, state.scenario.params);
}

/**
 * What a side's standing programmes that its orders leave as they are cost this quarter, US$ M
 * (they keep running, and keep being paid, until changed). `named` holds the `programmeKey`s the
 * orders change.
 */
export function standingUpkeepMusd(state: GameState, side: Side, named: ReadonlySet<string>): number {
  return runningProgrammes(state, side).reduce((a, k) => a + (named.has(programmeKey(k.kind, k.region, k.exit)) ? 0 : k.upkeepMusd), 0);
}
