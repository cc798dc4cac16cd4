/**
 * Resolving a turn: validate everything first (an invalid turn returns the errors and the state is
 * untouched), then run the phases in order inside one Immer `produce`, so the previous state is
 * never mutated and unchanged parts are shared.
 */
import { Immer } from 'immer';
import { MselActionSchema, MselEntrySchema } from './content/inject-schema';
import { SIDES, InjectInputSchema, type Side } from './content/scenario-schema';
import { injectReferences } from './content/validate';
import { newScratch, staticCtx, type Ctx } from './context';
import type { GameEvent } from './events';
import { validateOrders } from './legal';
import type { Order } from './orders';
import { deploymentsPhase } from './phases/deployments';
import { displacementPhase } from './phases/displacement';
import { eradicationPhase } from './phases/eradication';
import { injectsPhase } from './phases/injects';
import { marketsPhase } from './phases/markets';
import { politicsPhase } from './phases/politics';
import { productionPhase } from './phases/production';
import { revenuePhase } from './phases/revenue';
import { scoringPhase } from './phases/scoring';
import { securityPhase } from './phases/security';
import { traffickingPhase } from './phases/trafficking';
import { makeRng } from './rng';
import { deepCopy, deepFreeze } from './structure';
import {
  MAX_FACILITATOR_NOTE_CHARS,
  OVERRIDE_TARGETS,
  type FacilitatorNote,
  type GameState,
  type Override,
  type ResolveResult,
  type TurnInput,
  type ValidationError,
} from './types';

export type Phase = (draft: GameState, ctx: Ctx) => void;

/** The phases in resolution order; `docs/model.md` follows the same order. */
export const PHASES: readonly { name: string; run: Phase }[] = [
  { name: 'injects', run: injectsPhase },
  { name: 'deployments', run: deploymentsPhase },
  { name: 'security', run: securityPhase },
  { name: 'eradication', run: eradicationPhase },
  { name: 'production', run: productionPhase },
  { name: 'trafficking', run: traffickingPhase },
  { name: 'markets', run: marketsPhase },
  { name: 'revenue', run: revenuePhase },
  { name: 'displacement', run: displacementPhase },
  { name: 'politics', run: politicsPhase },
  { name: 'scoring', run: scoringPhase },
];

/** The engine's own Immer: no auto-freeze (states are treated as immutable by convention and
 * deep-frozen content is shared), so resolution cost stays close to in-place mutation. */
const immer = new Immer({ autoFreeze: false });

export function validateTurnInput(state: GameState, input: unknown): ValidationError[] {
  const errors: ValidationError[] = [];
  if (!input || typeof input !== 'object') return [{ path: 'input', code: 'turn.malformed', message: 'turn input must be an object' }];
  const ti = input as Partial<TurnInput>;
  if (state.status === 'ended') return [{ path: 'state', code: 'game.ended', message: 'the game has ended' }];
  if (!Array.isArray(ti.orders))
    return [{ path: 'orders', code: 'turn.malformed', message: "orders must be a list of each side's orders" }];
  const seen = new Set<string>();
  ti.orders.forEach((so: unknown, i) => {
    const side = (so as { side?: unknown } | null)?.side;
    if (typeof side === 'string' && seen.has(side))
      errors.push({ path: `orders[${i}].side`, code: 'orders.duplicateSide', message: `two sets of orders for ${side}`, values: { side } });
    if (typeof side === 'string') seen.add(side);
    // Name the entry: validateOrders' own paths start at the side's orders.
    errors.push(
      ...validateOrders(state, so).map((e) =>
        e.path.startsWith('orders[') ? e : { ...e, path: `orders[${i}]${e.path.replace(/^orders/, '')}` },
      ),
    );
  });
  if (ti.injects !== undefined) {
    if (!Array.isArray(ti.injects)) errors.push({ path: 'injects', code: 'turn.malformed', message: 'injects must be a list' });
    else
      ti.injects.forEach((inj: unknown, i) => {
        const r = InjectInputSchema.safeParse(inj);
        if (!r.success)
          errors.push({ path: `injects[${i}]`, code: 'inject.malformed', message: `injects[${i}]: ${r.error.issues[0]!.message}` });
        else if (r.data.region !== undefined && !state.regions.some((x) => x.id === r.data.region))
          errors.push({
            path: `injects[${i}].region`,
            code: 'inject.unknownRegion',
            message: `unknown region ${r.data.region}`,
            values: { region: r.data.region },
          });
        else if ('id' in r.data && !state.scenario.injectLibrary.some((d) => d.id === (r.data as { id: string }).id))
          errors.push({
            path: `injects[${i}].id`,
            code: 'inject.unknown',
            message: `the scenario has no inject ${r.data.id}`,
            values: { inject: r.data.id },
          });
        else if ('custom' in r.data) {
          for (const p of injectReferences(r.data.custom, staticCtx(state.scenario).map))
            errors.push({ path: `injects[${i}].custom.${p.path}`, code: 'inject.invalid', message: p.message, values: { field: p.path } });
        }
      });
  }
  if (ti.msel !== undefined) {
    if (!Array.isArray(ti.msel)) errors.push({ path: 'msel', code: 'turn.malformed', message: 'msel must be a list' });
    else
      ti.msel.forEach((a: unknown, i) => {
        const r = MselActionSchema.safeParse(a);
        if (!r.success) errors.push({ path: `msel[${i}]`, code: 'msel.malformed', message: `msel[${i}]: ${r.error.issues[0]!.message}` });
        else if (!state.national.msel.some((l) => l.id === r.data.entry))
          errors.push({
            path: `msel[${i}].entry`,
            code: 'msel.unknownEntry',
            message: `the MSEL has no line ${r.data.entry}`,
            values: { entry: r.data.entry },
          });
      });
  }
  if (ti.overrides !== undefined) {
    if (!Array.isArray(ti.overrides)) errors.push({ path: 'overrides', code: 'turn.malformed', message: 'overrides must be a list' });
    else
      ti.overrides.forEach((o: Partial<Override> | null, i) => {
        const path = `overrides[${i}]`;
        if (!o || typeof o !== 'object') errors.push({ path, code: 'override.malformed', message: `${path} must be an object` });
        else if (!(OVERRIDE_TARGETS as readonly string[]).includes(o.target as string))
          errors.push({ path: `${path}.target`, code: 'override.unknownTarget', message: `unknown override target ${String(o.target)}` });
        else if (typeof o.value !== 'number' || !Number.isFinite(o.value))
          errors.push({ path: `${path}.value`, code: 'override.badValue', message: `${path}.value must be a finite number` });
        else if (typeof o.reason !== 'string' || o.reason.trim().length < 3 || o.reason.length > 2000)
          errors.push({ path: `${path}.reason`, code: 'override.noReason', message: 'an override needs a reason (3–2,000 characters)' });
        else if (String(o.target).startsWith('region.') && !state.regions.some((x) => x.id === o.region))
          errors.push({
            path: `${path}.region`,
            code: 'override.unknownRegion',
            message: `unknown region ${String(o.region)}`,
            values: { region: String(o.region) },
          });
      });
  }
  if (ti.schedule !== undefined) {
    if (!Array.isArray(ti.schedule)) errors.push({ path: 'schedule', code: 'turn.malformed', message: 'schedule must be a list' });
    else {
      const ids = new Set(state.national.msel.map((l) => l.id));
      ti.schedule.forEach((e: unknown, i) => {
        const path = `schedule[${i}]`;
        const r = MselEntrySchema.safeParse(e);
        if (!r.success) errors.push({ path, code: 'msel.malformedEntry', message: `${path}: ${r.error.issues[0]!.message}` });
        else if (ids.has(r.data.id))
          errors.push({
            path: `${path}.id`,
            code: 'msel.duplicateEntry',
            message: `the MSEL already has a line ${r.data.id}`,
            values: { entry: r.data.id },
          });
        else if (!state.scenario.injectLibrary.some((d) => d.id === r.data.inject.id))
          errors.push({
            path: `${path}.inject.id`,
            code: 'inject.unknown',
            message: `the scenario has no inject ${r.data.inject.id}`,
            values: { inject: r.data.inject.id },
          });
        else if (r.data.inject.region !== undefined && !state.regions.some((x) => x.id === r.data.inject.region))
          errors.push({
            path: `${path}.inject.region`,
            code: 'inject.unknownRegion',
            message: `unknown region ${r.data.inject.region}`,
            values: { region: r.data.inject.region },
          });
        else if ('turn' in r.data.when && r.data.when.turn <= state.turn)
          errors.push({
            path: `${path}.when.turn`,
            code: 'msel.pastTurn',
            message: `turn ${r.data.when.turn} has already been played`,
            values: { turn: r.data.when.turn },
          });
        if (r.success) ids.add(r.data.id);
      });
    }
  }
  if (ti.notes !== undefined) {
    if (!Array.isArray(ti.notes)) errors.push({ path: 'notes', code: 'turn.malformed', message: 'notes must be a list' });
    else
      ti.notes.forEach((n: Partial<FacilitatorNote> | null, i) => {
        const path = `notes[${i}]`;
        if (!n || typeof n !== 'object') errors.push({ path, code: 'note.malformed', message: `${path} must be an object` });
        else if (n.phase !== 'planning' && n.phase !== 'review')
          errors.push({ path: `${path}.phase`, code: 'note.badPhase', message: `${path}.phase must be planning or review` });
        else if (typeof n.turn !== 'number' || !Number.isInteger(n.turn) || n.turn < state.turn || n.turn > state.turn + 1)
          errors.push({ path: `${path}.turn`, code: 'note.badTurn', message: `${path}.turn must be ${state.turn} or ${state.turn + 1}` });
        else if (typeof n.text !== 'string' || n.text.trim().length === 0 || n.text.length > MAX_FACILITATOR_NOTE_CHARS)
          errors.push({
            path: `${path}.text`,
            code: 'note.badText',
            message: `a note needs text (1–${MAX_FACILITATOR_NOTE_CHARS} characters)`,
          });
      });
  }
  return errors;
}

/** The context of the turn after `state`: the one place a turn's inputs become what the phases read (used by the simulator and the bench too). */
export function contextFor(state: GameState, input: TurnInput, rngState: GameState['rng']): Ctx {
  const orders = Object.fromEntries(SIDES.map((s) => [s, [] as Order[]])) as Record<Side, Order[]>;
  for (const so of input.orders) orders[so.side] = so.orders;
  return {
    ...staticCtx(state.scenario),
    turn: state.turn + 1,
    rng: makeRng(rngState),
    events: [],
    orders,
    injects: input.injects ?? [],
    msel: input.msel ?? [],
    overrides: input.overrides ?? [],
    schedule: input.schedule ?? [],
    notes: input.notes ?? [],
    scratch: newScratch(state.regions.length),
  };
}

export function resolveTurn(state: GameState, input: TurnInput): ResolveResult {
  const errors = validateTurnInput(state, input);
  if (errors.length) return { ok: false, errors };
  let events: GameEvent[] = [];
  const next = immer.produce(state, (draft) => {
    // Every region, exit and national account changes every turn and the phases read them many
    // times; through Immer's proxies that costs ~10× the arithmetic. So the phases run on one
    // structural copy of every part of the state that a phase may write (everything but the
    // scenario and the earlier history records, which are shared), and the recipe assigns the
    // results to the draft, deep-frozen: Immer skips frozen subtrees when it finalises, and a
    // field added to the state later is copied and frozen without anyone listing it here.
    const work = { ...state } as GameState;
    for (const key of Object.keys(state) as (keyof GameState)[]) {
      if (key !== 'scenario' && key !== 'history') (work as unknown as Record<string, unknown>)[key] = deepCopy(state[key]);
    }
    work.history = state.history.slice();
    const ctx = contextFor(state, input, work.rng);
    for (const phase of PHASES) phase.run(work, ctx);
    events = ctx.events;
    for (const key of Object.keys(work) as (keyof GameState)[]) {
      if (key !== 'scenario') (draft as unknown as Record<string, unknown>)[key] = deepFreeze(work[key]);
    }
  });
  return { ok: true, state: Object.freeze(next), events };
}

/**
 * The same validation and phases on a plain object, mutated in place: the benchmark compares
 * `resolveTurn` against this to measure what Immer costs. Not for the app: it destroys its input.
 */
export function resolveTurnInPlace(state: GameState, input: TurnInput): ResolveResult {
  const errors = validateTurnInput(state, input);
  if (errors.length) return { ok: false, errors };
  const ctx = contextFor(state, input, state.rng);
  for (const phase of PHASES) phase.run(state, ctx);
  return { ok: true, state, events: ctx.events };
}
