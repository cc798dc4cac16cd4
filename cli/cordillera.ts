/**
 * Cordillera's headless command line: the same engine as the app, for facilitators and analysts.
 *
 *   npm run cordillera -- sim | replay | report | validate | batch [options]     (--help for each)
 *
 * Exit codes: 0 success; 1 a replay that does not match its log; 2 bad input (arguments, files,
 * logs) or an invalid scenario, with a message naming the field and the value; 70 an internal
 * error (a bug: please report it with the command line).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILTIN_SCENARIOS, DIFFICULTIES, OVERRIDE_TARGETS, POLICIES } from '../game/index';
import { batchCommand } from './batch';
import { UsageError } from './errors';
import { replayCommand } from './replay';
import { reportCommand } from './report';
import { simCommand } from './sim';
import { validateCommand } from './validate';

const seats = (side: 'state' | 'clans' | 'insurgents') =>
  `bot, bot:${DIFFICULTIES.join('|')}, ${Object.keys(POLICIES[side])
    .map((p) => `policy:${p}`)
    .join(', ')}`;

const HELP: Record<string, string> = {
  main: `Cordillera — headless command line

Usage: npm run cordillera -- <command> [options]

Commands:
  sim       play one game and write log.json, national.csv and regions.csv
  replay    recompute a game from its log.json and check it matches
  report    write the after-action report (aar.html, optionally the CSV tables) from a log.json
  validate  check a scenario file and list every problem
  batch     Monte Carlo: compare State policies over many seeds

Run "npm run cordillera -- <command> --help" for a command's options.
Exit codes: 0 ok, 1 replay mismatch, 2 bad input or invalid scenario, 70 internal error.`,
  sim: `Usage: npm run cordillera -- sim [options]

  --scenario <id|file.json>  built-in id (${BUILTIN_SCENARIOS.map((s) => s.id).join(', ')}) or a scenario file [interdiction-2016]
  --seed <n>                 whole number 0–4294967295 [1]
  --turns <n>                1–200 [the scenario's]
  --state <seat>             ${seats('state')}
  --clans <seat>             ${seats('clans')}
  --insurgents <seat>        ${seats('insurgents')}
                             (every seat defaults to policy:status-quo; "bot" is bot:normal)
  --seat <side>=<seat>       the same, by side name (repeatable)
  --inject <turn>:<id>[:<region>]
                             a facilitator inject on a turn (repeatable), e.g. 5:leader-killed:PE-AYA
                             ids: the scenario's inject library; ${BUILTIN_SCENARIOS[0]!.id}: ${BUILTIN_SCENARIOS[0]!.injectLibrary.map((d) => d.id).join(', ')}
  --override <turn>:<target>[:<region>]=<value>:<reason>
                             an adjudication override (repeatable), e.g. "3:region.cocaHa:PE-AYA=12000:new survey"
                             targets: ${OVERRIDE_TARGETS.join(', ')}
  --out <dir>                output directory [runs/<scenario>-seed<seed>]

Writes atomically (all three files or none): log.json (replayable), national.csv (one row per
turn), regions.csv (one row per turn and region).`,
  replay: `Usage: npm run cordillera -- replay <log.json>

Recomputes the game from the log's embedded scenario, seed and inputs. Prints
"replay ok: N turns, final hash H" and exits 0 when every turn's state hash matches; otherwise
names the first turn that diverges and exits 1. A malformed log, a log whose scenario does not
match its recorded hash, or a log from a newer version exits 2.`,
  report: `Usage: npm run cordillera -- report <log.json> [options]

  --out <dir>     output directory [the log's directory]
  --lang <en|es>  the report's language [en]
  --csv           also write national.csv, regions.csv, events.csv (every engine event, with its
                  sentence in the report's language) and decisions.csv (every order, with the
                  side's rationale note)

Checks the log and replays it; writes aar.html, one self-contained HTML document (inline charts,
no scripts) that prints to PDF from any browser. A log that does not replay exactly exits 1 and
writes nothing; a malformed log exits 2. Writes atomically (all files or none).`,
  validate: `Usage: npm run cordillera -- validate <scenario.json>

Lists every problem (path: message) and exits 2 if there is any; prints "valid" and exits 0 if none.`,
  batch: `Usage: npm run cordillera -- batch [options]

  --scenario <id|file.json>  [interdiction-2016]
  --policies <a,b,...>       State policies to compare: ${Object.keys(POLICIES.state).join(', ')}
                             (also bot, bot:easy|normal|hard) [all policies]
  --seeds <list>             e.g. 1-50 or 1,2,10-20 [1-50]
  --turns <n>                1–200 [the scenario's]
  --clans <seat>, --insurgents <seat>, --seat <side>=<seat>
                             the other seats [policy:status-quo]
  --inject, --override       as for sim, applied to every game
  --out <dir>                output directory [runs/batch-<scenario>]

Writes batch.csv (one row per policy and seed) and summary.csv (mean, p10, p50, p90 of the main
outcomes per policy; percentiles by linear interpolation), and prints the summary.`,
};

export function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    // Asked for help: stdout, success. No command at all: usage on stderr, a usage error.
    (command === undefined ? err : out)(HELP[topic && topic in HELP ? topic : 'main']!);
    return command === undefined ? 2 : 0;
  }
  if (!(command in HELP) || command === 'main')
    throw new UsageError(`unknown command "${command}" (commands: sim, replay, report, validate, batch; --help for usage)`);
  if (rest.includes('--help') || rest.includes('-h')) {
    out(HELP[command]!);
    return 0;
  }
  switch (command) {
    case 'sim':
      return simCommand(rest, out, err);
    case 'replay':
      return replayCommand(rest, out, err);
    case 'report':
      return reportCommand(rest, out, err);
    case 'validate':
      return validateCommand(rest, out);
    default:
      return batchCommand(rest, out, err);
  }
}

export function main(argv: readonly string[]): number {
  const out = (s: string) => process.stdout.write(s + '\n');
  const err = (s: string) => process.stderr.write(s + '\n');
  try {
    return run(argv, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`cordillera: ${e.message}`);
      for (const d of e.details) err(`  ${d}`);
      return e.exitCode;
    }
    err(`cordillera: internal error: ${(e as Error)?.stack ?? String(e)}`);
    return 70;
  }
}

// Run when executed directly (not when a test imports `run`).
const self = fileURLToPath(import.meta.url);
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(self)) process.exitCode = main(process.argv.slice(2));
