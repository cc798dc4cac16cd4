/**
 * The game options `sim` and `batch` share: scenario, seed(s), turns, seats, and the
 * facilitator's scripted injects and overrides. Everything is checked before any game runs.
 */
import { SIDES, type InjectInput, type Override, type OverrideTarget, type Scenario, type Side } from '../game/index';
import { MAX_SEED, MAX_TURNS, one, wholeNumber, type OptionSpec, type ParsedArgs } from './args';
import { UsageError } from './errors';
import { loadScenario } from './files';
import { checkScheduled, DEFAULT_SEAT, parseSeat, type Scheduled, type Seat } from './play';

export const DEFAULT_SCENARIO = 'interdiction-2016';

export const GAME_OPTIONS: Record<string, OptionSpec> = {
  scenario: { value: true },
  turns: { value: true },
  clans: { value: true },
  insurgents: { value: true },
  seat: { value: true, repeat: true },
  inject: { value: true, repeat: true },
  override: { value: true, repeat: true },
  out: { value: true },
};

export function scenarioOption(a: ParsedArgs): Scenario {
  const arg = one(a, 'scenario') ?? DEFAULT_SCENARIO;
  if (!arg.trim()) throw new UsageError('--scenario is empty');
  return loadScenario(arg);
}

export function turnsOption(a: ParsedArgs, scenario: Scenario): number {
  const t = one(a, 'turns');
  return t === undefined ? scenario.turns : wholeNumber('turns', t, 1, MAX_TURNS);
}

export function seedOption(a: ParsedArgs): number {
  const s = one(a, 'seed');
  return s === undefined ? 1 : wholeNumber('seed', s, 0, MAX_SEED);
}

/** Seats from `--state/--clans/--insurgents <seat>` and `--seat <side>=<seat>`; `sides` says which may be set. */
export function seatsOption(a: ParsedArgs, sides: readonly Side[]): Record<Side, Seat> {
  const given = new Map<Side, string>();
  for (const side of sides) {
    const v = one(a, side);
    if (v !== undefined) given.set(side, v);
  }
  for (const spec of a.options.get('seat') ?? []) {
    const eq = spec.indexOf('=');
    const side = spec.slice(0, Math.max(0, eq));
    if (eq < 0 || !(SIDES as readonly string[]).includes(side))
      throw new UsageError(
        `--seat: "${spec}" must be <side>=<seat> with side one of ${SIDES.join(', ')}${eq >= 0 ? ` (unknown side "${side}")` : ''}`,
      );
    if (!sides.includes(side as Side)) throw new UsageError(`--seat: the ${side} seat is set by another option here`);
    if (given.has(side as Side))
      throw new UsageError(`--seat: the ${side} seat is given twice ("${given.get(side as Side)}" and "${spec.slice(eq + 1)}")`);
    given.set(side as Side, spec.slice(eq + 1));
  }
  const seats = { state: DEFAULT_SEAT, clans: DEFAULT_SEAT, insurgents: DEFAULT_SEAT };
  for (const [side, text] of given) {
    const r = parseSeat(side, text);
    if (!r.ok) throw new UsageError(`--${side}: ${r.message}`);
    seats[side] = r.seat;
  }
  return seats;
}

const turnOf = (option: string, spec: string, text: string): number => {
  if (!/^\d+$/.test(text)) throw new UsageError(`--${option}: "${spec}" must start with a turn number, got "${text}"`);
  return Number(text);
};

/** `--inject <turn>:<id>[:<region>]`, e.g. `--inject 5:leader-killed:PE-AYA`. */
export function injectsOption(a: ParsedArgs): Scheduled<InjectInput>[] {
  return (a.options.get('inject') ?? []).map((spec) => {
    const parts = spec.split(':');
    if (parts.length < 2 || parts.length > 3 || !parts[1])
      throw new UsageError(`--inject: "${spec}" must be <turn>:<inject>[:<region>], e.g. 5:leader-killed:PE-AYA`);
    const value = { id: parts[1] } as InjectInput;
    if (parts[2] !== undefined) value.region = parts[2];
    return { turn: turnOf('inject', spec, parts[0]!), value };
  });
}

/** `--override <turn>:<target>[:<region>]=<value>:<reason>`, e.g. `--override "3:region.cocaHa:PE-AYA=12000:new survey"`. */
export function overridesOption(a: ParsedArgs): Scheduled<Override>[] {
  return (a.options.get('override') ?? []).map((spec) => {
    const eq = spec.indexOf('=');
    const left = eq >= 0 ? spec.slice(0, eq).split(':') : [];
    const right = eq >= 0 ? spec.slice(eq + 1) : '';
    const colon = right.indexOf(':');
    if (left.length < 2 || left.length > 3 || colon < 0)
      throw new UsageError(
        `--override: "${spec}" must be <turn>:<target>[:<region>]=<value>:<reason>, e.g. "3:region.cocaHa:PE-AYA=12000:new survey"`,
      );
    const valueText = right.slice(0, colon).trim();
    const value = Number(valueText);
    if (!valueText || !Number.isFinite(value))
      throw new UsageError(`--override: "${spec}" has value "${valueText}", which is not a finite number`);
    const o: Override = { target: left[1] as OverrideTarget, value, reason: right.slice(colon + 1) };
    if (left[2] !== undefined) o.region = left[2];
    return { turn: turnOf('override', spec, left[0]!), value: o };
  });
}

export function checkFacilitatorInputs(
  scenario: Scenario,
  turns: number,
  injects: Scheduled<InjectInput>[],
  overrides: Scheduled<Override>[],
): void {
  const problems = checkScheduled(scenario, turns, injects, overrides);
  if (problems.length)
    throw new UsageError(`${problems.length} problem${problems.length === 1 ? '' : 's'} with --inject/--override`, problems);
}
