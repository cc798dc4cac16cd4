/**
 * Command-line arguments: `--name value` or `--name=value` options declared per command, with
 * every value checked and every problem reported by the option's name and the value given.
 */
import { UsageError } from './errors';

export interface OptionSpec {
  /** Takes a value (otherwise a flag). */
  value: boolean;
  /** May be given more than once. */
  repeat?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
  help: boolean;
}

export function parseArgs(argv: readonly string[], specs: Record<string, OptionSpec>, command: string): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq >= 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs)
        .map((k) => `--${k}`)
        .join(', ');
      throw new UsageError(
        `unknown option ${arg.slice(0, eq >= 0 ? eq : undefined)} for "${command}"${known ? ` (options: ${known})` : ''}`,
      );
    }
    let value = '';
    if (spec.value) {
      if (eq >= 0) value = arg.slice(eq + 1);
      else {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`--${name} needs a value`);
        value = next;
        i++;
      }
    } else if (eq >= 0) throw new UsageError(`--${name} takes no value, got "${arg.slice(eq + 1)}"`);
    const list = options.get(name) ?? [];
    if (list.length && !spec.repeat) throw new UsageError(`--${name} is given twice ("${list[0]}" and "${value}")`);
    list.push(value);
    options.set(name, list);
  }
  return { positionals, options, help };
}

export const one = (a: ParsedArgs, name: string): string | undefined => a.options.get(name)?.[0];

/** A whole number in [min, max] written as plain decimal digits (no sign, exponent, hex or fraction). */
export function wholeNumber(name: string, text: string, min: number, max: number): number {
  const t = text.trim();
  if (!/^\d+$/.test(t)) throw new UsageError(`--${name} must be a whole number ${min}–${max}, got "${text}"`);
  const n = Number(t);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number ${min}–${max}, got "${text}"`);
  return n;
}

/** Seeds seed the engine's 32-bit generator: larger values would repeat smaller seeds' games. */
export const MAX_SEED = 0xffffffff;
export const MAX_TURNS = 200;
export const MAX_BATCH_GAMES = 100_000;

/** A seed list: `7`, `1-50`, `1,2,10-12`; in the order written, duplicates refused. */
export function seedList(name: string, text: string): number[] {
  const out: number[] = [];
  const parts = text.split(',');
  for (const part of parts) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new UsageError(`--${name}: "${part}" in "${text}" is not a seed or a range like 1-50`);
    const lo = wholeNumber(name, m[1]!, 0, MAX_SEED);
    const hi = m[2] === undefined ? lo : wholeNumber(name, m[2], 0, MAX_SEED);
    if (hi < lo) throw new UsageError(`--${name}: range "${part.trim()}" runs backwards`);
    if (out.length + (hi - lo + 1) > MAX_BATCH_GAMES)
      throw new UsageError(`--${name}: "${text}" is more than ${MAX_BATCH_GAMES.toLocaleString('en')} seeds`);
    for (let s = lo; s <= hi; s++) out.push(s);
  }
  const seen = new Set<number>();
  for (const s of out) {
    if (seen.has(s)) throw new UsageError(`--${name}: seed ${s} is listed twice in "${text}"`);
    seen.add(s);
  }
  return out;
}
