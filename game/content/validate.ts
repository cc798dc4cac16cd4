/**
 * Content validation: the schema first, then cross-references (ids that must exist, symmetric
 * adjacency, regions covered once). Every problem is collected with a path and a readable message,
 * so a scenario author sees all of them at once.
 */
import type { z } from 'zod';
import { MapContentSchema, type MapContent } from './schema';
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
        problems.push({ path: `regions[${i}].neighbors[${j}]`, message: `${r.id} lists ${n} as a neighbour but ${n} does not list ${r.id}` });
    });
  });
  map.zones.forEach((z, i) => {
    z.members.forEach((m, j) => {
      if (!ids.has(m.region)) problems.push({ path: `zones[${i}].members[${j}].region`, message: `unknown region ${m.region}` });
    });
  });
  const exitIds = new Set<string>();
  let share = 0;
  map.exits.forEach((e, i) => {
    if (exitIds.has(e.id)) problems.push({ path: `exits[${i}].id`, message: `duplicate exit id ${e.id}` });
    exitIds.add(e.id);
    share += e.baselineShare;
    if (e.gateway !== null && !ids.has(e.gateway)) problems.push({ path: `exits[${i}].gateway`, message: `unknown region ${e.gateway}` });
    if (e.mode === 'air' && e.gateway !== null) problems.push({ path: `exits[${i}].gateway`, message: 'air exits leave from airstrips: gateway must be null' });
    if (e.mode !== 'air' && e.gateway === null) problems.push({ path: `exits[${i}].gateway`, message: `${e.mode} exits need a gateway region` });
    if (e.mode === 'sea' && e.port === null) problems.push({ path: `exits[${i}].port`, message: 'sea exits need a port' });
  });
  if (Math.abs(share - 1) > 0.005) problems.push({ path: 'exits', message: `baseline shares sum to ${share.toFixed(3)}, not 1` });
  return problems.length ? { ok: false, problems } : { ok: true, value: map };
}

export function checkScenario(data: unknown, map: MapContent): Checked<Scenario> {
  const parsed = ScenarioSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const sc = parsed.data;
  const problems: ContentProblem[] = [];
  if (sc.map !== map.id) problems.push({ path: 'map', message: `scenario is for map "${sc.map}", not "${map.id}"` });
  const ids = new Set(map.regions.map((r) => r.id));
  const seen = new Set<string>();
  sc.regions.forEach((r, i) => {
    if (!ids.has(r.region)) problems.push({ path: `regions[${i}].region`, message: `unknown region ${r.region}` });
    if (seen.has(r.region)) problems.push({ path: `regions[${i}].region`, message: `region ${r.region} is listed twice` });
    seen.add(r.region);
    const def = map.regions.find((d) => d.id === r.region);
    if (def && r.cocaHa > def.maxCocaHa)
      problems.push({ path: `regions[${i}].cocaHa`, message: `${r.cocaHa} ha is more than ${r.region} can carry (${def.maxCocaHa} ha)` });
  });
  for (const id of ids) if (!seen.has(id)) problems.push({ path: 'regions', message: `region ${id} has no starting values` });
  Object.keys(sc.national.radarCoverage).forEach((k) => {
    if (!ids.has(k)) problems.push({ path: `national.radarCoverage.${k}`, message: `unknown region ${k}` });
  });
  sc.national.leaders.forEach((l, i) => {
    if (!ids.has(l.region)) problems.push({ path: `national.leaders[${i}].region`, message: `unknown region ${l.region}` });
  });
  sc.injects.forEach((s, i) => {
    if (s.turn > sc.turns) problems.push({ path: `injects[${i}].turn`, message: `turn ${s.turn} is after the last turn (${sc.turns})` });
    if (s.inject.region !== undefined && !ids.has(s.inject.region))
      problems.push({ path: `injects[${i}].inject.region`, message: `unknown region ${s.inject.region}` });
  });
  for (const key of Object.keys(ParamsSchema.shape)) {
    if (!sc.paramSources[key]) problems.push({ path: `paramSources.${key}`, message: `parameter ${key} has no source` });
  }
  for (const key of Object.keys(sc.paramSources)) {
    if (!(key in ParamsSchema.shape)) problems.push({ path: `paramSources.${key}`, message: `source for unknown parameter ${key}` });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: sc };
}

/** Parse JSON text and validate it as a scenario; JSON syntax errors become problems too. */
export function checkScenarioText(text: string, map: MapContent): Checked<Scenario> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return checkScenario(data, map);
}
