/** The built-in scenarios, in menu order. */
import { checkedBuiltin, SCENARIO_FILES } from './content/builtin';
import type { Scenario } from './content/scenario-schema';

export const BUILTIN_SCENARIOS: readonly Scenario[] = SCENARIO_FILES.map(checkedBuiltin);

export function findScenario(id: string): Scenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.id === id);
}
