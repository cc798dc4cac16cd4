/**
 * Older scenario files, brought to the current format before they are checked.
 *
 * Format 1 (the first release) had the seed's shocks in code and the engine's behavioural numbers
 * as literals in the phases. Format 2 moved both into the scenario: an inject library, an MSEL, and
 * every coefficient as a parameter with its source and, where uncertain, its range, and each exit's
 * prices and baseline share (the map's in format 1). A format-1 file
 * behaved as if it had the values that were then in code, which are the defaults of the built-in
 * scenario for its map (`base`); migrating fills exactly those in and keeps everything the author
 * wrote. Pure: returns a new object, never edits its input.
 */
import type { Scenario } from './scenario-schema';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The file's format version when it is an older scenario this Cordillera can migrate, else null. */
export function olderScenarioVersion(data: unknown): number | null {
  if (!isObj(data) || data.format !== 'cordillera-scenario') return null;
  return data.version === 1 ? 1 : null;
}

/** A format-1 scenario in format 2: the author's values kept, what format 1 had in code taken from `base`. */
export function migrateScenarioV1(data: Obj, base: Scenario): Obj {
  const params = { ...base.params, ...(isObj(data.params) ? data.params : {}) };
  const paramSources = { ...base.paramSources, ...(isObj(data.paramSources) ? data.paramSources : {}) };
  const injects = Array.isArray(data.injects) ? data.injects : [];
  const msel = injects.map((raw, i) => {
    const line = isObj(raw) ? raw : {};
    return { id: `scheduled-${i + 1}`, inject: line.inject, when: { turn: line.turn } };
  });
  const out: Obj = { ...data, version: 2, exits: base.exits, params, paramSources, injectLibrary: base.injectLibrary, msel };
  delete out.injects;
  // The base's ranges, widened where the author's value lies outside (a range must hold its value).
  const ranges: Obj = {};
  for (const [key, r] of Object.entries(base.paramRanges)) {
    const v = (params as Obj)[key];
    if (typeof v !== 'number' || (v >= r.low && v <= r.high)) ranges[key] = r;
    else
      ranges[key] = { low: Math.min(r.low, v), high: Math.max(r.high, v), reason: `${r.reason} (widened to hold this scenario's value)` };
  }
  out.paramRanges = isObj(data.paramRanges) ? data.paramRanges : ranges;
  return out;
}
