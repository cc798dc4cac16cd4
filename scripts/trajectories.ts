/**
 * The whole trajectory of a policy, year by year: every department's coca, the national figures and
 * the world market, averaged over seeds. For reading the model as a sceptic would before trusting a
 * headline number (docs/model.md §8 explains what to look for).
 *
 *   npm run trajectories -- [--scenario interdiction-2016] [--state status-quo] [--clans status-quo]
 *                           [--insurgents status-quo] [--seeds 1-5] [--years 10]
 *
 * Seats take the same values as the CLI's (`policy:<name>`, a bare policy name, or `bot:<level>`).
 */
import { parseArgs } from 'node:util';
import { findScenario, MAP, totalCocaHa, type GameState, type Side } from '../game/index';
import { parseSeat, playGame, type Seat } from '../cli/play';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'interdiction-2016' },
    state: { type: 'string', default: 'status-quo' },
    clans: { type: 'string', default: 'status-quo' },
    insurgents: { type: 'string', default: 'status-quo' },
    seeds: { type: 'string', default: '1-5' },
    years: { type: 'string', default: '10' },
  },
});
const scenario = findScenario(values.scenario);
if (!scenario) throw new Error(`unknown scenario ${values.scenario}`);
const [lo, hi] = values.seeds.split('-').map(Number) as [number, number];
const seeds = Array.from({ length: (hi ?? lo) - lo + 1 }, (_x, i) => lo + i);
const turns = Number(values.years) * 4;
const seat = (side: Side, text: string): Seat => {
  const r = parseSeat(side, text);
  if (!r.ok) throw new Error(r.message);
  return r.seat;
};
const seats = { state: seat('state', values.state), clans: seat('clans', values.clans), insurgents: seat('insurgents', values.insurgents) };

const runs: GameState[][] = seeds.map((seed) => {
  const states: GameState[] = [];
  playGame({ scenario, seed, turns, seats }, (s) => states.push(s));
  return states;
});
const ids = MAP.regions.map((r) => r.id);
const vraem = new Map(MAP.zones.find((z) => z.id === 'vraem')!.members.map((m) => [m.region, m.cocaShare]));
const shown = ids.filter((_id, i) => runs.some((st) => st.some((s) => totalCocaHa(s.regions[i]!) > 100)));
const mean = (f: (run: GameState[]) => number) => runs.reduce((a, run) => a + f(run), 0) / runs.length;
const yearSum = (run: GameState[], y: number, f: (s: GameState) => number) => run.slice(4 * y, 4 * y + 4).reduce((a, s) => a + f(s), 0);
const rec = (s: GameState) => s.history[s.history.length - 1]!;
const pad = (x: string | number, w: number) => String(x).padStart(w);

console.log(
  `${values.scenario}: state ${values.state}, clans ${values.clans}, insurgents ${values.insurgents}; seeds ${values.seeds}; means of end-of-year values (flows summed over the year)\n`,
);
console.log(
  `year ${shown.map((id) => pad(id.slice(3), 6)).join('')}  | ${pad('total', 7)}${pad('VRAEM%', 7)}${pad('leaf$', 6)}${pad('vrLeaf', 7)}${pad('erad', 7)}${pad('flts', 6)}${pad('eng', 5)}${pad('shot', 5)}${pad('mist', 5)}${pad('fear', 5)}${pad('expT', 6)}${pad('air%', 5)}${pad('sea%', 5)}${pad('fight', 6)}${pad('legit', 6)}${pad('wIdx', 6)}${pad('frgnKha', 8)}`,
);
for (let y = 0; y < turns / 4; y++) {
  const end = (run: GameState[]) => run[4 * y + 3]!;
  const dept = shown.map((id) => pad(Math.round(mean((run) => totalCocaHa(end(run).regions[ids.indexOf(id)]!))), 6)).join('');
  const total = mean((run) => rec(end(run)).cocaHa);
  const vr = mean((run) => end(run).regions.reduce((a, r) => a + (vraem.get(r.id) ?? 0) * totalCocaHa(r), 0));
  const vrLeaf = mean((run) => {
    const s = end(run);
    let w = 0;
    let v = 0;
    s.regions.forEach((r) => {
      const k = (vraem.get(r.id) ?? 0) * r.flow.leafT;
      w += k;
      v += k * r.leafPriceUsdPerKg;
    });
    return w > 0 ? v / w : 0;
  });
  const exp = mean((run) => yearSum(run, y, (s) => rec(s).exportedT));
  const air = mean((run) => yearSum(run, y, (s) => rec(s).exportAirT));
  const sea = mean((run) => yearSum(run, y, (s) => rec(s).exportSeaT));
  console.log(
    `${rec(runs[0]![4 * y + 3]!).year} ${dept}  | ${pad(Math.round(total), 7)}${pad(((100 * vr) / total).toFixed(0), 7)}${pad(mean((run) => rec(end(run)).leafPriceUsdPerKg).toFixed(2), 6)}${pad(vrLeaf.toFixed(2), 7)}` +
      `${pad(Math.round(mean((run) => yearSum(run, y, (s) => rec(s).eradicatedHa))), 7)}${pad(Math.round(mean((run) => yearSum(run, y, (s) => rec(s).narcoFlights))), 6)}` +
      `${pad(mean((run) => yearSum(run, y, (s) => rec(s).flightsInterdicted)).toFixed(0), 5)}${pad(mean((run) => yearSum(run, y, (s) => rec(s).aircraftShotDown)).toFixed(1), 5)}` +
      `${pad(mean((run) => end(run).national.totals.mistakenShootdowns).toFixed(1), 5)}${pad(mean((run) => end(run).national.airFear).toFixed(2), 5)}` +
      `${pad(Math.round(exp), 6)}${pad(((100 * air) / exp).toFixed(0), 5)}${pad(((100 * sea) / exp).toFixed(0), 5)}${pad(Math.round(mean((run) => rec(end(run)).insurgentFighters)), 6)}` +
      `${pad(mean((run) => rec(end(run)).legitimacy).toFixed(1), 6)}${pad(mean((run) => end(run).world.priceIndex).toFixed(2), 6)}${pad((mean((run) => rec(end(run)).foreignCocaHa) / 1000).toFixed(0), 8)}`,
  );
}
