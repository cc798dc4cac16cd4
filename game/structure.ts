/**
 * Structural helpers for JSON-safe values (plain objects, arrays, numbers, strings, booleans,
 * null): the state's shape, so no class, Map or Date needs handling.
 */

/** A deep copy of a JSON-safe value: every object and array is new, so writing to the copy can
 * never reach the original, whatever fields the state gains later. */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepCopy(value[i]);
    return out as T;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k in value) out[k] = deepCopy((value as Record<string, unknown>)[k]);
    return out as T;
  }
  return value;
}

/** Freeze a value and everything in it (subtrees already frozen are skipped). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
