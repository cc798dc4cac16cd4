/** `cordillera validate <scenario.json>`: every problem in a scenario file, each with its path. */
import { BUILTIN_SCENARIOS, checkScenarioText, MAP } from '../game/index';
import { parseArgs } from './args';
import { UsageError } from './errors';
import { readText } from './files';

export function validateCommand(argv: readonly string[], out: (s: string) => void): number {
  const a = parseArgs(argv, {}, 'validate');
  if (a.positionals.length !== 1) throw new UsageError(`validate needs one scenario file, got ${a.positionals.length}`);
  const path = a.positionals[0]!;
  const r = checkScenarioText(readText(path, 'scenario file'), MAP, BUILTIN_SCENARIOS[0]);
  if (r.migratedFrom !== undefined)
    out(`${path}: format ${r.migratedFrom}, read as the current format (what it had in code taken from ${BUILTIN_SCENARIOS[0]!.id})`);
  if (r.ok) {
    out(`valid: ${path} (scenario ${r.value.id}, ${r.value.turns} turns)`);
    return 0;
  }
  out(`${path}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`);
  for (const p of r.problems) out(`  ${p.path}: ${p.message}`);
  return 2;
}
