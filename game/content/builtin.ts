/**
 * The content shipped with the game, validated once at load and frozen. A failure here is a bug in
 * the shipped files, which `test/content/` catches before it reaches a user.
 */
import mapData from '../../assets/map/peru.json';
import airbridge1995 from '../../assets/scenarios/airbridge-1995.json';
import interdiction2016 from '../../assets/scenarios/interdiction-2016.json';
import type { MapContent } from './schema';
import type { Scenario } from './scenario-schema';
import { deepFreeze } from '../structure';
import { checkMap, checkScenario, type ContentProblem } from './validate';

function fail(what: string, problems: ContentProblem[]): never {
  throw new Error(`shipped ${what} is invalid:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
}

const mapChecked = checkMap(mapData);
if (!mapChecked.ok) fail('map', mapChecked.problems);
export const MAP: MapContent = deepFreeze(mapChecked.value);

/** The raw scenario files, in menu order (variants are built from the baseline in scenarios.ts). */
export const SCENARIO_FILES: readonly unknown[] = [interdiction2016, airbridge1995];

export function checkedBuiltin(data: unknown): Scenario {
  const r = checkScenario(data, MAP);
  if (!r.ok) fail('scenario', r.problems);
  return deepFreeze(r.value);
}
