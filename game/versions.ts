/**
 * Version numbers of the log format and of the rules. Kept in a module with no imports so that tools
 * outside the engine's bundle (the end-to-end tests, run by Node's own ESM loader, which refuses JSON
 * imports without an attribute) can read them without loading the scenario.
 */
export const LOG_FORMAT = 'cordillera-log';
export const LOG_VERSION = 2;
/**
 * The version of the rules a log was played with. A log replays exactly only under the rules that
 * made it: raise this whenever a change makes earlier games replay differently (and regenerate the
 * golden log), so that an older game is refused with a clear message instead of failing on a hash.
 * 1: the first model (logs of format 1); 2: deterrence, the world market and injects as data;
 * 3: orders as states (labs, river and port control), eradication bounded by escorts, air-route
 * waiting losses, exits priced by the scenario.
 */
export const MODEL_VERSION = 3;
