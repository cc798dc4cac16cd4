/**
 * `cordillera batch`: Monte Carlo comparison of State policies. Every policy plays every seed with
 * the other seats fixed; the table of outcomes (`batch.csv`) and their distribution per policy
 * (`summary.csv`, printed too) show the spread of outcomes, not one lucky playthrough.
 */
import { batchOutcome, batchTable, hashState, POLICIES, SUMMARY_COLUMNS, summaryTable, textTable, toCsv, type BatchOutcome } from '../game/index';
import { MAX_BATCH_GAMES, one, parseArgs, seedList } from './args';
import { UsageError } from './errors';
import { checkFacilitatorInputs, GAME_OPTIONS, injectsOption, overridesOption, scenarioOption, seatsOption, turnsOption } from './game-options';
import { writeOutputDir } from './output';
import { parseSeat, playGame, seatLabel, TurnRejected, type Repair, type Seat } from './play';

export const BATCH_OPTIONS = { ...GAME_OPTIONS, policies: { value: true }, seeds: { value: true } };

/** `--policies`: State policy names (or any State seat: `bot:hard`, `policy:<name>`). */
export function policiesOption(text: string | undefined): { label: string; seat: Seat }[] {
  const names = text === undefined ? Object.keys(POLICIES.state) : text.split(',').map((s) => s.trim());
  const out: { label: string; seat: Seat }[] = [];
  for (const name of names) {
    if (!name) throw new UsageError(`--policies: an empty name in "${text}"`);
    const spec = name.startsWith('bot') || name.startsWith('policy:') ? name : `policy:${name}`;
    const r = parseSeat('state', spec);
    if (!r.ok) throw new UsageError(`--policies: unknown state policy "${name}" (choose ${Object.keys(POLICIES.state).join(', ')}, or bot[:easy|normal|hard])`);
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
  if (games > MAX_BATCH_GAMES) throw new UsageError(`--policies × --seeds is ${games} games, more than ${MAX_BATCH_GAMES.toLocaleString('en')}`);
  const dir = one(a, 'out') ?? `runs/batch-${scenario.id}`;
  if (!dir.trim()) throw new UsageError('--out is empty');

  const outcomes: BatchOutcome[] = [];
  const repairs = new Map<string, { games: Set<number>; turns: number; first: Repair }>();
  const step = Math.max(1, Math.round(games / 10));
  for (const { label, seat } of policies) {
    for (const seed of seeds) {
      try {
        const { state } = playGame({ scenario, seed, turns, seats: { ...others, state: seat }, injects, overrides }, undefined, (r) => {
          const key = `${label}|${r.side}|${r.seat}`;
          const entry = repairs.get(key) ?? { games: new Set<number>(), turns: 0, first: r };
          entry.games.add(seed);
          entry.turns += 1;
          repairs.set(key, entry);
        });
        outcomes.push(batchOutcome(label, seed, state, hashState(state)));
      } catch (e) {
        if (e instanceof TurnRejected) throw new UsageError(`${label}, seed ${seed}: turn ${e.turn} could not be resolved`, e.errors.map((x) => `${x.path}: ${x.message}`));
        throw e;
      }
      if (outcomes.length % step === 0 || outcomes.length === games) err(`batch: ${outcomes.length}/${games} games`);
    }
  }
  for (const [key, { games: g, turns: t, first }] of repairs) {
    err(`warning: with state ${key.split('|')[0]}, the ${first.side} seat (${first.seat}) gave orders the engine refused on ${t} turn(s) in ${g.size} game(s); `
      + `they were dropped (first: seed ${[...g][0]}, turn ${first.turn}: ${first.errors[0]})`);
  }
  const summary = summaryTable(outcomes);
  const written = writeOutputDir(dir, [
    { name: 'batch.csv', content: toCsv(batchTable(outcomes)) },
    { name: 'summary.csv', content: toCsv(summary) },
  ]);
  out(`batch ${scenario.id}: ${policies.length} polic${policies.length === 1 ? 'y' : 'ies'} × ${seeds.length} seed${seeds.length === 1 ? '' : 's'} × ${turns} turn${turns === 1 ? '' : 's'} `
    + `(clans ${seatLabel(others.clans)}, insurgents ${seatLabel(others.insurgents)})`);
  for (const { label } of policies) {
    out('');
    out(`policy ${label}`);
    const rows = summary.rows.filter((r) => r[0] === label).map((r) => r.slice(1));
    out(textTable(SUMMARY_COLUMNS.slice(1), rows));
  }
  out('');
  out(`wrote ${written}: batch.csv (${outcomes.length} rows), summary.csv`);
  return 0;
}
