/**
 * `npm run ai-ladder`: are the computer's levels of play different in strength? For each side and
 * each seed, the side plays the same game (scenario, seed, the other two sides at normal) at easy,
 * at normal and at hard; a level beats the one below on a seed when its final score for that side
 * (the last turn's, as the game-over panel shows it) is higher. Prints a table, then one JSON line:
 *
 *   {"state":{"normal_vs_easy":…,"hard_vs_normal":…},"clans":{…},"insurgents":{…}}
 *
 * each the share of seeds the stronger level won (goal ≥ 0.65 with --games 100). A benchmark, not
 * a test: games run in worker threads (`cli/ai-pool.ts`), and take a while at hard.
 *
 *   npm run ai-ladder -- [--games 100] [--first-seed 1] [--jobs N] [--scenario interdiction-2016] [--turns N]
 */
import { SIDES, type Difficulty, type Side } from '../game/index';
import { AiPool } from '../cli/ai-pool';
import type { Seat } from '../cli/play';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} needs a whole number`);
  return v;
}
const text = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
};

const LEVELS: Difficulty[] = ['easy', 'normal', 'hard'];

async function main(): Promise<void> {
  const games = option('games', 20);
  const first = option('first-seed', 1);
  const turns = option('turns', 0);
  const scenarioId = text('scenario', 'interdiction-2016');
  const pool = new AiPool(option('jobs', 0) || undefined);
  const seeds = Array.from({ length: games }, (_, i) => first + i);
  process.stderr.write(`ai-ladder: ${games} seeds × 3 sides × 3 levels on ${pool.size} worker thread(s)\n`);
  const started = process.hrtime.bigint();
  let done = 0;
  const total = seeds.length * SIDES.length * LEVELS.length;
  const final: Record<Side, Record<Difficulty, number[]>> = Object.fromEntries(
    SIDES.map((s) => [s, { easy: [], normal: [], hard: [] }]),
  ) as never;
  const mean: Record<Side, Record<Difficulty, number[]>> = Object.fromEntries(
    SIDES.map((s) => [s, { easy: [], normal: [], hard: [] }]),
  ) as never;
  const jobs: Promise<void>[] = [];
  // Hard games first (the long ones), so the threads stay busy to the end.
  for (const level of [...LEVELS].reverse()) {
    for (const side of SIDES) {
      seeds.forEach((seed, k) => {
        const seats = Object.fromEntries(
          SIDES.map((s) => [s, { kind: 'bot', difficulty: s === side ? level : 'normal' } satisfies Seat]),
        ) as Record<Side, Seat>;
        jobs.push(
          pool.game({ scenarioId, seed, seats, ...(turns ? { turns } : {}) }).then((g) => {
            final[side][level][k] = g.scores.at(-1)![side];
            mean[side][level][k] = g.scores.reduce((a, x) => a + x[side], 0) / g.scores.length;
            done++;
            if (done % Math.max(1, Math.round(total / 20)) === 0) process.stderr.write(`ai-ladder: ${done}/${total} games\n`);
          }),
        );
      });
    }
  }
  await Promise.all(jobs);
  await pool.close();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const share = (a: number[], b: number[]) => Math.round((a.filter((x, i) => x > b[i]!).length / a.length) * 100) / 100;
  const avg = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  const f1 = (x: number) => x.toFixed(1).padStart(6);
  const lines = [
    `ai-ladder: ${scenarioId}, ${games} seeds (${first}–${first + games - 1}), other sides normal, ${seconds.toFixed(0)} s`,
    '',
    'side          final score (mean)        game mean score         share of seeds won',
    '              easy  normal    hard      easy  normal    hard    normal>easy  hard>normal',
  ];
  const json: Record<string, { normal_vs_easy: number; hard_vs_normal: number }> = {};
  for (const side of SIDES) {
    const f = final[side];
    const m = mean[side];
    const ne = share(f.normal, f.easy);
    const hn = share(f.hard, f.normal);
    json[side] = { normal_vs_easy: ne, hard_vs_normal: hn };
    lines.push(
      `${side.padEnd(11)} ${f1(avg(f.easy))}  ${f1(avg(f.normal))}  ${f1(avg(f.hard))}    ${f1(avg(m.easy))}  ${f1(avg(m.normal))}  ${f1(avg(m.hard))}    ` +
        `${ne.toFixed(2).padStart(11)}  ${hn.toFixed(2).padStart(11)}`,
    );
  }
  lines.push(
    '',
    `(game-mean shares: ${SIDES.map((s) => `${s} ${share(mean[s].normal, mean[s].easy).toFixed(2)}/${share(mean[s].hard, mean[s].normal).toFixed(2)}`).join(', ')})`,
  );
  process.stdout.write(lines.join('\n') + '\n' + JSON.stringify(json) + '\n');
}

void main().catch((e: unknown) => {
  process.stderr.write(`ai-ladder: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
