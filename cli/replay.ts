/** `cordillera replay <log.json>`: recompute a game from its log and check every turn's hash. */
import { checkLog, findScenario, hashState, replay, scenarioHash } from '../game/index';
import { parseArgs } from './args';
import { UsageError } from './errors';
import { readJson } from './files';

export function replayCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const a = parseArgs(argv, {}, 'replay');
  if (a.positionals.length !== 1) throw new UsageError(`replay needs one log file, got ${a.positionals.length}`);
  const path = a.positionals[0]!;
  const checked = checkLog(readJson(path, 'log'));
  if (!checked.ok) throw new UsageError(`log ${path}: ${checked.message} [${checked.code}]`);
  const log = checked.log;
  // The log carries its scenario; say so when this build ships a different version of it.
  const builtin = findScenario(log.scenarioId);
  if (builtin && scenarioHash(builtin) !== log.scenarioHash)
    err(
      `note: ${path} embeds its own version of scenario ${log.scenarioId} (hash ${log.scenarioHash}), not this build's (${scenarioHash(builtin)}); replaying the embedded one`,
    );
  const r = replay(log);
  if (r.ok) {
    out(`replay ok: ${log.entries.length} turns, final hash ${log.finalHash}`);
    if (log.entries.length < log.turns) out(`(an unfinished game: ${log.entries.length} of ${log.turns} turns played)`);
    return 0;
  }
  if (r.turn !== undefined) {
    const entry = log.entries.find((e) => e.turn === r.turn);
    const hashes =
      r.code === 'replay.diverged' && r.state ? ` (recomputed hash ${hashState(r.state)}, the log says ${entry?.hash ?? '?'})` : '';
    err(`replay failed at turn ${r.turn}: ${r.message}${hashes} [${r.code}]`);
  } else {
    err(
      `replay failed after the last turn (${log.entries.length}): ${r.message} (recomputed ${r.state ? hashState(r.state) : '?'}, the log says ${log.finalHash}) [${r.code}]`,
    );
  }
  return 1;
}
