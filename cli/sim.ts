/** `cordillera sim`: play one game headless and write its log and per-turn tables. */
import { nationalTable, regionRows, REGION_COLUMNS, SIDES, toCsv, type Cell, type Scenario } from '../game/index';
import { one, parseArgs, type ParsedArgs } from './args';
import {
  checkFacilitatorInputs,
  GAME_OPTIONS,
  injectsOption,
  overridesOption,
  scenarioOption,
  seatsOption,
  seedOption,
  turnsOption,
} from './game-options';
import { writeOutputDir } from './output';
import { playGame, seatLabel, TurnRejected, type GameSetup, type Repair } from './play';
import { UsageError } from './errors';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const SIM_OPTIONS = { ...GAME_OPTIONS, seed: { value: true }, state: { value: true } };

export interface SimFiles {
  log: string;
  national: string;
  regions: string;
  turns: number;
  finalHash: string;
  regionRows: number;
  repairs: Repair[];
}

/** The whole output of one game, in memory. */
export function simulate(setup: GameSetup): SimFiles {
  const rows: Cell[][] = [];
  const repairs: Repair[] = [];
  const { state, log } = playGame(
    setup,
    (s) => rows.push(...regionRows(s)),
    (r) => repairs.push(r),
  );
  return {
    log: JSON.stringify(log, null, 1) + '\n',
    national: toCsv(nationalTable(state.history)),
    regions: toCsv({ columns: REGION_COLUMNS, rows }),
    turns: state.turn,
    finalHash: log.finalHash,
    regionRows: rows.length,
    repairs,
  };
}

export function setupFrom(a: ParsedArgs): { setup: GameSetup; scenario: Scenario } {
  const scenario = scenarioOption(a);
  const turns = turnsOption(a, scenario);
  const seed = seedOption(a);
  const seats = seatsOption(a, SIDES);
  const injects = injectsOption(a);
  const overrides = overridesOption(a);
  checkFacilitatorInputs(scenario, turns, injects, overrides);
  return { setup: { scenario, seed, turns, seats, injects, overrides }, scenario };
}

export function simCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const a = parseArgs(argv, SIM_OPTIONS, 'sim');
  if (a.positionals.length) throw new UsageError(`sim takes no positional arguments, got "${a.positionals[0]}"`);
  const { setup, scenario } = setupFrom(a);
  const dir = one(a, 'out') ?? `runs/${scenario.id}-seed${setup.seed}`;
  if (!dir.trim()) throw new UsageError('--out is empty');
  let files: SimFiles;
  try {
    files = simulate(setup);
  } catch (e) {
    if (e instanceof TurnRejected)
      throw new UsageError(
        `turn ${e.turn} could not be resolved`,
        e.errors.map((x) => `${x.path}: ${x.message}`),
      );
    throw e;
  }
  for (const r of files.repairs)
    err(
      `warning: turn ${r.turn}: the ${r.side} seat (${r.seat}) gave orders the engine refused (${r.errors.join('; ')}); dropped ${r.dropped} order(s), as recorded in the log`,
    );
  const written = writeOutputDir(dir, [
    { name: 'log.json', content: files.log },
    { name: 'national.csv', content: files.national },
    { name: 'regions.csv', content: files.regions },
  ]);
  out(
    `sim ${scenario.id}, seed ${setup.seed}, ${plural(files.turns, 'turn')} (state ${seatLabel(setup.seats.state)}, clans ${seatLabel(setup.seats.clans)}, insurgents ${seatLabel(setup.seats.insurgents)})`,
  );
  out(`final hash ${files.finalHash}`);
  out(`wrote ${written}: log.json, national.csv (${plural(files.turns, 'row')}), regions.csv (${plural(files.regionRows, 'row')})`);
  return 0;
}
