/**
 * Content validation: the schema first, then cross-references (ids that must exist, symmetric
 * adjacency, regions covered once). Every problem is collected with a path and a readable message,
 * so a scenario author sees all of them at once.
 */
import type { z } from 'zod';
import { MapContentSchema, type MapContent } from './schema';
import { olderScenarioVersion, migrateScenarioV1 } from './migrate';
import { ParamsSchema, ScenarioSchema, type Scenario } from './scenario-schema';

export interface ContentProblem {
  /** Dotted path into the file, e.g. `regions[3].cocaHa`. */
  path: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: ContentProblem[] };

function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(file)';
}

export function zodProblems(error: z.ZodError): ContentProblem[] {
  return error.issues.map((i) => ({ path: pathOf(i.path), message: i.message }));
}

export function checkMap(data: unknown): Checked<MapContent> {
  const parsed = MapContentSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const map = parsed.data;
  const problems: ContentProblem[] = [];
  const ids = new Set<string>();
  map.regions.forEach((r, i) => {
    if (ids.has(r.id)) problems.push({ path: `regions[${i}].id`, message: `duplicate region id ${r.id}` });
    ids.add(r.id);
  });
  map.regions.forEach((r, i) => {
    r.neighbors.forEach((n, j) => {
      if (!ids.has(n)) problems.push({ path: `regions[${i}].neighbors[${j}]`, message: `unknown region ${n}` });
      else if (n === r.id) problems.push({ path: `regions[${i}].neighbors[${j}]`, message: `${r.id} lists itself as a neighbour` });
      else if (!map.regions.find((o) => o.id === n)?.neighbors.includes(r.id))
        problems.push({
          path: `regions[${i}].neighbors[${j}]`,
          message: `${r.id} lists ${n} as a neighbour but ${n} does not list ${r.id}`,
        });
    });
  });
  map.zones.forEach((z, i) => {
    z.members.forEach((m, j) => {
      if (!ids.has(m.region)) problems.push({ path: `zones[${i}].members[${j}].region`, message: `unknown region ${m.region}` });
    });
  });
  const exitIds = new Set<string>();
  map.exits.forEach((e, i) => {
    if (exitIds.has(e.id)) problems.push({ path: `exits[${i}].id`, message: `duplicate exit id ${e.id}` });
    exitIds.add(e.id);
    if (e.gateway !== null && !ids.has(e.gateway)) problems.push({ path: `exits[${i}].gateway`, message: `unknown region ${e.gateway}` });
    if (e.mode === 'air' && e.gateway !== null)
      problems.push({ path: `exits[${i}].gateway`, message: 'air exits leave from airstrips: gateway must be null' });
    if (e.mode !== 'air' && e.gateway === null)
      problems.push({ path: `exits[${i}].gateway`, message: `${e.mode} exits need a gateway region` });
    if (e.mode === 'sea' && e.port === null) problems.push({ path: `exits[${i}].port`, message: 'sea exits need a port' });
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: map };
}

type Loose = Record<string, unknown> | undefined;
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const obj = (x: unknown): Loose => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined);
const numOr = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/**
 * Cross-reference checks, written defensively so they also run on data that failed the schema:
 * a scenario author sees the broken references together with the type errors.
 */
function scenarioReferences(data: unknown, map: MapContent): ContentProblem[] {
  const sc = obj(data);
  if (!sc) return [];
  const problems: ContentProblem[] = [];
  if (typeof sc.map === 'string' && sc.map !== map.id)
    problems.push({ path: 'map', message: `scenario is for map "${sc.map}", not "${map.id}"` });
  const ids = new Set(map.regions.map((r) => r.id));
  const seen = new Set<string>();
  let army = 0;
  let police = 0;
  arr(sc.regions).forEach((raw, i) => {
    const r = obj(raw);
    const id = r?.region;
    if (typeof id !== 'string') return;
    if (!ids.has(id)) problems.push({ path: `regions[${i}].region`, message: `unknown region ${id}` });
    if (seen.has(id)) problems.push({ path: `regions[${i}].region`, message: `region ${id} is listed twice` });
    seen.add(id);
    const def = map.regions.find((d) => d.id === id);
    const coca = numOr(r?.cocaHa);
    if (def && coca !== undefined && coca > def.maxCocaHa)
      problems.push({ path: `regions[${i}].cocaHa`, message: `${coca} ha is more than ${id} can carry (${def.maxCocaHa} ha)` });
    army += numOr(r?.army) ?? 0;
    police += numOr(r?.police) ?? 0;
  });
  if (arr(sc.regions).length)
    for (const id of ids) if (!seen.has(id)) problems.push({ path: 'regions', message: `region ${id} has no starting values` });
  problems.push(...exitProblems(obj(sc.exits), map));
  const state = obj(obj(sc.budgets)?.state);
  const armyPool = numOr(state?.army);
  const policePool = numOr(state?.police);
  if (armyPool !== undefined && army > armyPool)
    problems.push({ path: 'budgets.state.army', message: `the regions start with ${army} army personnel but the pool is ${armyPool}` });
  if (policePool !== undefined && police > policePool)
    problems.push({ path: 'budgets.state.police', message: `the regions start with ${police} police but the pool is ${policePool}` });
  const national = obj(sc.national);
  Object.keys(obj(national?.radarCoverage) ?? {}).forEach((k) => {
    if (!ids.has(k)) problems.push({ path: `national.radarCoverage.${k}`, message: `unknown region ${k}` });
  });
  arr(national?.leaders).forEach((l, i) => {
    const region = obj(l)?.region;
    if (typeof region === 'string' && !ids.has(region))
      problems.push({ path: `national.leaders[${i}].region`, message: `unknown region ${region}` });
  });
  const turns = numOr(sc.turns);
  // The inject library: unique ids, the engine's own consequence present, references that exist.
  const library = arr(sc.injectLibrary);
  const injectIds = new Set<string>();
  library.forEach((raw, i) => {
    const d = obj(raw);
    const id = d?.id;
    if (typeof id === 'string') {
      if (injectIds.has(id)) problems.push({ path: `injectLibrary[${i}].id`, message: `inject id ${id} is used twice` });
      injectIds.add(id);
    }
    for (const p of injectReferences(raw, map)) problems.push({ path: `injectLibrary[${i}].${p.path}`, message: p.message });
  });
  if (library.length && !injectIds.has('mistaken-shootdown'))
    problems.push({
      path: 'injectLibrary',
      message: 'the library needs a "mistaken-shootdown" inject: the engine applies it when a civilian aircraft is shot down by mistake',
    });
  const lines = new Set<string>();
  arr(sc.msel).forEach((raw, i) => {
    const m = obj(raw);
    const id = m?.id;
    if (typeof id === 'string') {
      if (lines.has(id)) problems.push({ path: `msel[${i}].id`, message: `MSEL line ${id} is used twice` });
      lines.add(id);
    }
    const inj = obj(m?.inject);
    if (typeof inj?.id === 'string' && library.length && !injectIds.has(inj.id))
      problems.push({ path: `msel[${i}].inject.id`, message: `no inject ${inj.id} in the library` });
    if (typeof inj?.region === 'string' && !ids.has(inj.region))
      problems.push({ path: `msel[${i}].inject.region`, message: `unknown region ${inj.region}` });
    const when = obj(m?.when);
    for (const k of ['turn', 'after'] as const) {
      const t = numOr(when?.[k]);
      if (t !== undefined && turns !== undefined && t > turns)
        problems.push({ path: `msel[${i}].when.${k}`, message: `turn ${t} is after the last turn (${turns})` });
    }
  });
  const sources = obj(sc.paramSources) ?? {};
  for (const key of Object.keys(ParamsSchema.shape)) {
    if (typeof sources[key] !== 'string') problems.push({ path: `paramSources.${key}`, message: `parameter ${key} has no source` });
  }
  for (const key of Object.keys(sources)) {
    if (!(key in ParamsSchema.shape)) problems.push({ path: `paramSources.${key}`, message: `source for unknown parameter ${key}` });
  }
  problems.push(...rangeProblems(obj(sc.params) ?? {}, sources, obj(sc.paramRanges) ?? {}));
  return problems;
}

/**
 * The scenario's exits: one entry per map exit and no other; a closed exit has no baseline share;
 * the open exits' baseline shares sum to 1; at most one air exit is open (the engine flies one air
 * bridge: its hubs, pilots' fear and engagements are the air exit's).
 */
function exitProblems(exits: Loose, map: MapContent): ContentProblem[] {
  if (!exits) return [];
  const problems: ContentProblem[] = [];
  const known = new Set(map.exits.map((e) => e.id));
  for (const id of Object.keys(exits)) if (!known.has(id)) problems.push({ path: `exits.${id}`, message: `unknown exit ${id}` });
  let share = 0;
  const openAir: string[] = [];
  for (const e of map.exits) {
    const x = obj(exits[e.id]);
    if (!x) {
      problems.push({ path: 'exits', message: `exit ${e.id} has no economics for this period` });
      continue;
    }
    const s = numOr(x.baselineShare) ?? 0;
    if (x.open === false && s > 0)
      problems.push({ path: `exits.${e.id}.baselineShare`, message: 'a closed exit carries no baseline share' });
    if (x.open === true) {
      share += s;
      if (e.mode === 'air') openAir.push(e.id);
    }
  }
  if (Math.abs(share - 1) > 0.005)
    problems.push({ path: 'exits', message: `the open exits' baseline shares sum to ${share.toFixed(3)}, not 1` });
  if (openAir.length > 1) problems.push({ path: 'exits', message: `only one air exit can be open (${openAir.join(', ')} are)` });
  return problems;
}

/** A source that says the value is assumed or fitted, not measured: such a parameter needs a range. */
export const UNCERTAIN_SOURCE = /^(modelling assumption|calibration|calibrated|fitted)/i;

/**
 * Each range names a parameter, lies within what the parameter allows, and holds the scenario's
 * value; each parameter assumed or fitted (its source says so) has a range.
 */
function rangeProblems(
  params: Record<string, unknown>,
  sources: Record<string, unknown>,
  ranges: Record<string, unknown>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const shape = ParamsSchema.shape as Record<string, z.ZodType>;
  for (const [key, raw] of Object.entries(ranges)) {
    const path = `paramRanges.${key}`;
    const r = obj(raw);
    if (!(key in shape)) {
      problems.push({ path, message: `range for unknown parameter ${key}` });
      continue;
    }
    if (typeof r?.low !== 'number' || typeof r.high !== 'number') continue; // the schema says so
    if (!(r.low < r.high)) problems.push({ path, message: `low ${r.low} must be below high ${r.high}` });
    for (const [end, value] of [
      ['low', r.low],
      ['high', r.high],
    ] as const) {
      if (!shape[key]!.safeParse(value).success)
        problems.push({ path: `${path}.${end}`, message: `${value} is outside what ${key} allows` });
    }
    const v = params[key];
    if (typeof v === 'number' && (v < r.low || v > r.high))
      problems.push({ path, message: `the range ${r.low}–${r.high} does not hold the value ${v}` });
  }
  for (const key of Object.keys(shape)) {
    const src = sources[key];
    if (typeof src === 'string' && UNCERTAIN_SOURCE.test(src.trim()) && !(key in ranges))
      problems.push({
        path: `paramRanges.${key}`,
        message: `${key} is assumed or fitted ("${src.split(':')[0]}"): give it a plausible range (low, high, reason)`,
      });
  }
  return problems;
}

/**
 * An inject's references (written defensively, for data that may have failed its schema): its
 * default region and the exits its modifiers name exist, and effects that act in a region have one.
 */
export function injectReferences(data: unknown, map: MapContent): ContentProblem[] {
  const d = obj(data);
  if (!d) return [];
  const problems: ContentProblem[] = [];
  const ids = new Set(map.regions.map((r) => r.id));
  const exits = new Set(map.exits.map((e) => e.id));
  if (typeof d.defaultRegion === 'string' && !ids.has(d.defaultRegion))
    problems.push({ path: 'defaultRegion', message: `unknown region ${d.defaultRegion}` });
  arr(d.effects).forEach((raw, j) => {
    const e = obj(raw);
    if (typeof e?.exit === 'string' && !exits.has(e.exit)) problems.push({ path: `effects[${j}].exit`, message: `unknown exit ${e.exit}` });
    const regional =
      (e?.kind === 'adjust' && typeof e.target === 'string' && e.target.startsWith('region.') && e.where !== 'every-region') ||
      e?.kind === 'installationAttack' ||
      e?.kind === 'clanBossArrested';
    if (regional && d.defaultRegion === null)
      problems.push({ path: `effects[${j}]`, message: 'this effect acts in a region: give the inject a defaultRegion' });
    if (e?.kind === 'installationAttack' && typeof e.min === 'number' && typeof e.max === 'number' && e.min > e.max)
      problems.push({ path: `effects[${j}]`, message: `min ${e.min} is above max ${e.max}` });
  });
  return problems;
}

export function checkScenario(data: unknown, map: MapContent): Checked<Scenario> {
  const parsed = ScenarioSchema.safeParse(data);
  const problems = [...(parsed.success ? [] : zodProblems(parsed.error)), ...scenarioReferences(data, map)];
  // A reference problem the schema also reported (same path) is said once.
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const k = `${p.path}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return unique.length || !parsed.success ? { ok: false, problems: unique } : { ok: true, value: parsed.data };
}

/**
 * Parse JSON text and validate it as a scenario; JSON syntax errors become problems too. A file in
 * an older format is migrated first, taking what that format had in code from `base` (the built-in
 * scenario for its map); `migratedFrom` then says from which version.
 */
export function checkScenarioText(text: string, map: MapContent, base?: Scenario): Checked<Scenario> & { migratedFrom?: number } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const older = olderScenarioVersion(data);
  if (older !== null && base)
    return { ...checkScenario(migrateScenarioV1(data as Record<string, unknown>, base), map), migratedFrom: older };
  return checkScenario(data, map);
}
