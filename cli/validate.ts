/** `cordillera validate <scenario.json>`: every problem in a scenario file, each with its path. */
import { checkScenarioText, MAP } from '../game/index';
import { parseArgs } from './args';
import { UsageError } from './errors';
import { readText } from './files';

export function validateCommand(argv: readonly string[], out: (s: string) => void): number {
  const a = parseArgs(argv, {}, 'validate');
  if (a.positionals.length !== 1) throw new UsageError(`validate needs one scenario file, got ${a.positionals.length}`);
  const path = a.positionals[0]!;
  const r = checkScenarioText(readText(path, 'scenario file'), MAP);
  if (r.ok) {
    out(`valid: ${path} (scenario ${r.value.id}, ${r.value.turns} turns)`);
    return 0;
  }
  out(`${path}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`);
  for (const p of r.problems) out(`  ${p.path}: ${p.message}`);
  return 2;
}
