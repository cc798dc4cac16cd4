/** Reading the user's files (scenarios, logs) with messages that say which file and what is wrong. */
import { readFileSync, statSync } from 'node:fs';
import { BUILTIN_SCENARIOS, checkScenarioText, findScenario, MAP, type Scenario } from '../game/index';
import { UsageError } from './errors';

/** Largest file the command line reads (scenarios and logs are well under 1 MB). */
const MAX_BYTES = 64 * 1024 * 1024;

export function readText(path: string, what: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UsageError(`${what} ${path} is a directory, not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${what} ${path} does not exist` : `cannot read ${what} ${path}: ${(e as Error).message}`);
  }
  if (size > MAX_BYTES) throw new UsageError(`${what} ${path} is ${Math.round(size / 1e6)} MB, more than a ${what} can be`);
  const buf = readFileSync(path);
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(buf)) throw new UsageError(`${what} ${path} is not UTF-8 text`);
  // A byte-order mark from a Windows editor is not an error.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function readJson(path: string, what: string): unknown {
  const text = readText(path, what);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

const looksLikePath = (arg: string) => /[/\\]/.test(arg) || /\.json$/i.test(arg);

/** `--scenario`: a built-in scenario id or a scenario file, fully validated. */
export function loadScenario(arg: string): Scenario {
  const builtin = findScenario(arg);
  if (builtin) return builtin;
  if (!looksLikePath(arg)) {
    throw new UsageError(
      `--scenario: unknown scenario "${arg}" (built-in: ${BUILTIN_SCENARIOS.map((s) => s.id).join(', ')}; or give a .json file)`,
    );
  }
  const checked = checkScenarioText(readText(arg, 'scenario file'), MAP, BUILTIN_SCENARIOS[0]);
  if (!checked.ok) {
    throw new UsageError(
      `--scenario: ${arg} has ${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'}`,
      checked.problems.map((p) => `${p.path}: ${p.message}`),
    );
  }
  return checked.value;
}
