/**
 * `cordillera batch`: Monte Carlo comparison of State policies. Every policy plays every seed with
 * the other seats fixed; the table of outcomes (`batch.csv`) and their distribution per policy
 * (`summary.csv`, printed too) show the spread of outcomes, not one lucky playthrough.
 */
import {
  batchOutcome,
  batchTable,
  chanceThreshold,
  checkScenario,
  hashState,
  latinHypercube,
  MAP,
  POLICIES,
  sensitivityRows,
  sensitivityTable,
  SENSITIVITY_METRICS,
  SUMMARY_COLUMNS,
  summaryTable,
  textTable,
  toCsv,
  withParams,
  type BatchOutcome,
  type ParamDraw,
  type Scenario,
} from '../game/index';
import { isLang } from '../i18n/catalogue';
import { buildBatchReport } from '../report/batch-report';
import { MAX_BATCH_GAMES, MAX_SEED, one, parseArgs, seedList, wholeNumber } from './args';
import { cliI18n } from './i18n';
import { appVersion } from './report';
import { UsageError } from './errors';
import {
  checkFacilitatorInputs,
  GAME_OPTIONS,
  injectsOption,
  overridesOption,
  scenarioOption,
  seatsOption,
  turnsOption,
} from './game-options';
import { writeOutputDir } from './output';
import { parseSeat, playGame, seatLabel, TurnRejected, type Repair, type Seat } from './play';

export const BATCH_OPTIONS = {
  ...GAME_OPTIONS,
  policies: { value: true },
  seeds: { value: true },
  'sample-params': { value: false },
  'param-seed': { value: true },
  lang: { value: true },
};

/** Parameters ranked in the printed sensitivity table for each outcome (all are in sensitivity.csv). */
const PRINTED_SENSITIVITY = 5;

/**
 * One scenario per seed: the scenario itself, or with `--sample-params` the scenario with its
 * uncertain parameters drawn by Latin hypercube (run i of every policy uses draw i, so policies are
 * compared under the same assumptions). Every drawn scenario is validated like a file.
 */
export function scenariosForRuns(
  scenario: Scenario,
  runs: number,
  sample: boolean,
  paramSeed: number,
): { scenario: Scenario; draw?: ParamDraw }[] {
  if (!sample) return Array.from({ length: runs }, () => ({ scenario }));
  if (Object.keys(scenario.paramRanges).length === 0)
    throw new UsageError(`--sample-params: scenario ${scenario.id} gives no parameter ranges (paramRanges)`);
  return latinHypercube(scenario.paramRanges, runs, paramSeed).map((draw, i) => {
    const sc = withParams(scenario, draw);
    const r = checkScenario(sc, MAP);
    if (!r.ok)
      throw new UsageError(
        `--sample-params: draw ${i + 1} breaks the scenario`,
        r.problems.map((p) => `${p.path}: ${p.message}`),
      );
    return { scenario: r.value, draw };
  });
}

/** `--policies`: State policy names (or any State seat: `bot:hard`, `policy:<name>`). */
export function policiesOption(text: string | undefined): { label: string; seat: Seat }[] {
  const names = text === undefined ? Object.keys(POLICIES.state) : text.split(',').map((s) => s.trim());
  const out: { label: string; seat: Seat }[] = [];
  for (const name of names) {
    if (!name) throw new UsageError(`--policies: an empty name in "${text}"`);
    const spec = name.startsWith('bot') || name.startsWith('policy:') ? name : `policy:${name}`;
    const r = parseSeat('state', spec);
    if (!r.ok)
      throw new UsageError(
        `--policies: unknown state policy "${name}" (choose ${Object.keys(POLICIES.state).join(', ')}, or bot[:easy|normal|hard])`,
      );
    const label = r.seat.kind === 'policy' ? r.seat.name : seatLabel(r.seat);
    if (out.some((o) => o.label === label)) throw new UsageError(`--policies: "${name}" is listed twice`);
    out.push({ label, seat: r.seat });
  }
  return out;
}

export function batchCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const a = parseArgs(argv, BATCH_OPTIONS, 'batch');
  if (a.positionals.length) throw new UsageError(`batch takes no positional arguments, got "${a.positionals[0]}"`);
  const scenario = scenarioOption(a);
  const turns = turnsOption(a, scenario);
  const policies = policiesOption(one(a, 'policies'));
  const seeds = seedList('seeds', one(a, 'seeds') ?? '1-50');
  const others = seatsOption(a, ['clans', 'insurgents']);
  const injects = injectsOption(a);
  const overrides = overridesOption(a);
  checkFacilitatorInputs(scenario, turns, injects, overrides);
  const games = policies.length * seeds.length;
  if (games > MAX_BATCH_GAMES)
    throw new UsageError(`--policies × --seeds is ${games} games, more than ${MAX_BATCH_GAMES.toLocaleString('en')}`);
  const dir = one(a, 'out') ?? `runs/batch-${scenario.id}`;
  if (!dir.trim()) throw new UsageError('--out is empty');
  const lang = one(a, 'lang') ?? 'en';
  if (!isLang(lang)) throw new UsageError(`--lang must be en or es, got "${lang}"`);
  const sample = a.options.has('sample-params');
  const seedText = one(a, 'param-seed');
  if (seedText !== undefined && !sample) throw new UsageError('--param-seed needs --sample-params');
  const paramSeed = seedText === undefined ? 1 : wholeNumber('param-seed', seedText, 0, MAX_SEED);
  const runs = scenariosForRuns(scenario, seeds.length, sample, paramSeed);
  const started = performance.now();

  const outcomes: BatchOutcome[] = [];
  const repairs = new Map<string, { games: Set<number>; turns: number; first: Repair }>();
  const step = Math.max(1, Math.round(games / 10));
  for (const { label, seat } of policies) {
    for (const [i, seed] of seeds.entries()) {
      const run = runs[i]!;
      try {
        const { state } = playGame(
          { scenario: run.scenario, seed, turns, seats: { ...others, state: seat }, injects, overrides },
          undefined,
          (r) => {
            const key = `${label}|${r.side}|${r.seat}`;
            const entry = repairs.get(key) ?? { games: new Set<number>(), turns: 0, first: r };
            entry.games.add(seed);
            entry.turns += 1;
            repairs.set(key, entry);
          },
        );
        outcomes.push({ ...batchOutcome(label, seed, state, hashState(state)), ...(run.draw ? { params: run.draw } : {}) });
      } catch (e) {
        if (e instanceof TurnRejected)
          throw new UsageError(
            `${label}, seed ${seed}: turn ${e.turn} could not be resolved`,
            e.errors.map((x) => `${x.path}: ${x.message}`),
          );
        throw e;
      }
      if (outcomes.length % step === 0 || outcomes.length === games) err(`batch: ${outcomes.length}/${games} games`);
    }
  }
  for (const [key, { games: g, turns: t, first }] of repairs) {
    err(
      `warning: with state ${key.split('|')[0]}, the ${first.side} seat (${first.seat}) gave orders the engine refused on ${t} turn(s) in ${g.size} game(s); ` +
        `they were dropped (first: seed ${[...g][0]}, turn ${first.turn}: ${first.errors[0]})`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const summary = summaryTable(outcomes);
  const sens = sensitivityRows(outcomes);
  const { t, locale } = cliI18n(lang);
  const files = [
    { name: 'batch.csv', content: toCsv(batchTable(outcomes)) },
    { name: 'summary.csv', content: toCsv(summary) },
    ...(sample ? [{ name: 'sensitivity.csv', content: toCsv(sensitivityTable(sens)) }] : []),
    {
      name: 'batch.html',
      content: buildBatchReport({
        scenario,
        policies: policies.map((p) => p.label),
        seeds,
        turns,
        others: { clans: seatLabel(others.clans), insurgents: seatLabel(others.insurgents) },
        outcomes,
        sensitivity: sens,
        paramSeed: sample ? paramSeed : null,
        t,
        lang,
        locale,
        appVersion: appVersion(),
      }),
    },
  ];
  const written = writeOutputDir(dir, files);
  out(
    `batch ${scenario.id}: ${policies.length} polic${policies.length === 1 ? 'y' : 'ies'} × ${seeds.length} seed${seeds.length === 1 ? '' : 's'} × ${turns} turn${turns === 1 ? '' : 's'} ` +
      `(clans ${seatLabel(others.clans)}, insurgents ${seatLabel(others.insurgents)})`,
  );
  for (const { label } of policies) {
    out('');
    out(`policy ${label}`);
    const rows = summary.rows.filter((r) => r[0] === label).map((r) => r.slice(1));
    out(textTable(SUMMARY_COLUMNS.slice(1), rows));
    if (sample) {
      const mine = sens.filter((r) => r.policy === label && r.rank <= PRINTED_SENSITIVITY);
      out('');
      out(
        `sensitivity over ${seeds.length} runs: the ${PRINTED_SENSITIVITY} parameters with the strongest rank correlation (rho) with each outcome; ` +
          `swing = mean outcome in the runs that drew the parameter's top third minus the bottom third; |rho| below ${chanceThreshold(seeds.length, Object.keys(scenario.paramRanges).length).toFixed(2)} could be chance with ${Object.keys(scenario.paramRanges).length} parameters tried`,
      );
      out(
        textTable(
          ['metric', 'rank', 'param', 'rho', 'swing', 'beyond_chance'],
          SENSITIVITY_METRICS.flatMap(([m]) =>
            mine.filter((r) => r.metric === m).map((r) => [m, r.rank, r.param, r.rho, r.swing, r.beyondChance ? 'yes' : 'no']),
          ),
          2,
        ),
      );
    }
  }
  out('');
  out(`wrote ${written}: ${files.map((f) => f.name).join(', ')} (${outcomes.length} games in ${seconds.toFixed(1)} s)`);
  return 0;
}
