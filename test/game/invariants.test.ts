/**
 * Invariants under random legal play (fast-check). Each game is a random seed and, each turn, random
 * orders for all three sides built from `legalOrders` (see `random-play.ts`). Every turn must keep
 * the books: no negative or non-finite numbers, budgets respected, drug mass and coca hectares
 * conserved, events agreeing with the state, and the previous state untouched.
 *
 * Each invariant family is its own property over the same games (the games are memoised), so one
 * broken family does not hide the others. Runs are reproducible: fast-check's seed is fixed unless
 * FC_SEED is set (FC_SEED=random for a fresh one), and a failure prints the turn, the problem and
 * the orders that caused it after shrinking.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { REGION_IDS, budgetUse, hashState, type InjectInput } from '../../game';
import { SCENARIO } from './helpers';

const INJECT_IDS = SCENARIO.injectLibrary.map((d) => d.id);
import { eventsOf, near, numbersIn, sum } from './helpers';
import { playPlan, type GamePlan, type Step } from './random-play';

const RUNS = Number(process.env.FC_RUNS ?? 25);
const TURNS = Number(process.env.FC_TURNS ?? 6);
/** The most one property may take, in ms. */
const TIME_MS = Number(process.env.FC_TIME_MS ?? 15_000);
const envSeed = process.env.FC_SEED;
const FC_SEED = envSeed === 'random' ? Date.now() % 2 ** 31 : envSeed ? Number(envSeed) : 20_160_401;

const sidePlan = fc.record({
  rng: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  density: fc.double({ min: 0, max: 1, noNaN: true }),
  whole: process.env.FC_WHOLE ? fc.constant(true) : fc.boolean(),
});
// A facilitator's inject on about a third of the turns (null shrinks first: no inject).
const injectArb: fc.Arbitrary<InjectInput | null> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.record({ id: fc.constantFrom(...INJECT_IDS), region: fc.constantFrom(...REGION_IDS) }, { requiredKeys: ['id'] }),
  },
);
const planArb: fc.Arbitrary<GamePlan> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  turns: fc.array(fc.record({ state: sidePlan, clans: sidePlan, insurgents: sidePlan, inject: injectArb }), {
    minLength: TURNS,
    maxLength: TURNS,
  }),
});

type Check = (s: Step) => string[];

/** The path of the first object or array inside `v` that is not frozen, or null. */
function unfrozen(v: unknown, path: string): string | null {
  if (v === null || typeof v !== 'object') return null;
  if (!Object.isFrozen(v)) return path;
  for (const [k, x] of Object.entries(v)) {
    const hit = unfrozen(x, `${path}.${k}`);
    if (hit) return hit;
  }
  return null;
}

/** Assert `check` on every turn of every random game; on failure, say which turn and what was ordered. */
function holds(check: Check, { legalOnly = false } = {}): void {
  fc.assert(
    fc.property(planArb, (plan) => {
      const played = playPlan(plan);
      if (legalOnly) {
        const first = played.refused[0];
        if (first) {
          const orders = JSON.stringify(first.orders).slice(0, 3000);
          // When even no orders are refused, the turn before left the state outside a pool: show it.
          const before = played.steps.at(-1);
          const cause = before ? `\nprevious turn's input: ${JSON.stringify(before.input).slice(0, 3000)}` : '';
          throw new Error(
            `turn ${first.turn}, ${first.side}: ${first.errors.map((e) => `${e.path} ${e.code}: ${e.message}`).join('; ')}\norders: ${orders}${cause}`,
          );
        }
        return;
      }
      for (const step of played.steps) {
        const problems = check(step);
        if (problems.length) {
          const input = JSON.stringify(step.input).slice(0, 3000);
          throw new Error(`turn ${step.next.turn} (game seed ${plan.seed}):\n  ${problems.slice(0, 12).join('\n  ')}\ninput: ${input}`);
        }
      }
    }),
    // All RUNS games or a failure: a property that runs out of time fails rather than passing on
    // fewer games than it claims (raise FC_TIME_MS on a slow machine, lower FC_RUNS on purpose).
    { seed: FC_SEED, numRuns: RUNS, plugins: [fc.interruptAfterTimeLimit(TIME_MS, { failOnInterrupt: true })] },
  );
}

const rel = (a: number, b: number, what: string, out: string[], tol = 1e-6): void => {
  if (!near(a, b, tol, 1e-6)) out.push(`${what}: ${a} vs ${b} (diff ${a - b})`);
};

const TOTAL_HA = (r: Step['next']['regions'][number]) => r.cocaHa + sum(r.immatureHa);

describe('invariants under random legal play', () => {
  it('orders built from legalOrders (fitted to the budgets) pass validateOrders and resolveTurn', () => {
    holds(() => [], { legalOnly: true });
  });

  it('no negative, NaN or infinite number anywhere in the state', () => {
    holds(({ next }) => {
      const { scenario: _scenario, ...rest } = next;
      return numbersIn(rest)
        .filter(({ value }) => !Number.isFinite(value) || value < 0)
        .map(({ path, value }) => `${path} = ${value}`);
    });
  });

  it('budgets are respected: the orders fit every pool, and what happened fits too', () => {
    holds(({ prev, next, input }) => {
      const out: string[] = [];
      for (const so of input.orders) {
        for (const use of budgetUse(prev, so))
          if (use.used > use.available + 1e-6) out.push(`${so.side} ${use.pool}: ${use.used} > ${use.available}`);
      }
      // After rounding and resolution the garrisons still fit the pools, and the State spent at most its budget.
      const army = sum(next.regions.map((r) => r.army));
      const police = sum(next.regions.map((r) => r.police));
      if (army > prev.budgets.state.army) out.push(`army deployed ${army} > pool ${prev.budgets.state.army}`);
      if (police > prev.budgets.state.police) out.push(`police deployed ${police} > pool ${prev.budgets.state.police}`);
      const spend = next.history.at(-1)!.stateSpendMusd;
      if (spend > prev.budgets.state.moneyMusd + 1e-6) out.push(`state spent ${spend} > ${prev.budgets.state.moneyMusd}`);
      return out;
    });
  });

  it('drug mass is conserved: produced = Δstock + seized + exported + consumed + lost while waiting for a pilot', () => {
    holds(({ prev, next }) => {
      const out: string[] = [];
      const produced = sum(next.regions.map((r) => r.flow.producedT));
      const dStock = sum(next.regions.map((r) => r.stockT)) - sum(prev.regions.map((r) => r.stockT));
      const seized = sum(next.regions.map((r) => r.flow.seizedT));
      const exported = sum(next.exits.map((e) => e.flow.exportedT));
      const consumed = sum(next.regions.map((r) => r.flow.consumedT));
      const lost = sum(next.regions.map((r) => r.flow.waitingLostT));
      rel(produced, dStock + seized + exported + consumed + lost, 'produced vs Δstock+seized+exported+consumed+lost', out);
      rel(
        sum(next.regions.map((r) => r.flow.shippedT)),
        sum(next.exits.map((e) => e.flow.shippedT)),
        'shipped from regions vs shipped to exits',
        out,
      );
      const rec = next.history.at(-1)!;
      rel(rec.exportedT, exported, 'history.exportedT', out);
      rel(rec.exportAirT + rec.exportSeaT + rec.exportLandT + rec.exportRiverT, exported, 'exports by mode vs exported', out);
      rel(rec.seizedT, seized, 'history.seizedT', out);
      return out;
    });
  });

  it('every exit balances: shipped = seized + exported (+ what pilots refused to fly, on the air route)', () => {
    holds(({ next }) => {
      const out: string[] = [];
      const refused = sum(next.regions.map((r) => r.flow.refusedT));
      for (const e of next.exits)
        rel(e.flow.shippedT, e.flow.seizedT + e.flow.exportedT + (e.id === 'air-bolivia' ? refused : 0), `exit ${e.id}`, out);
      return out;
    });
  });

  it('coca hectares are accounted for in every region, and displacement balances nationally', () => {
    holds(({ prev, next }) => {
      const out: string[] = [];
      next.regions.forEach((r, i) => {
        const before = TOTAL_HA(prev.regions[i]!);
        const f = r.flow;
        const gained = f.plantedHa + f.replantedHa + f.colonizedInHa + f.displacedInHa;
        rel(
          TOTAL_HA(r) - before,
          gained - f.eradicatedHa - f.abandonedHa,
          `${r.id} Δha vs planted+replanted+colonized+displaced in−eradicated−abandoned`,
          out,
        );
      });
      rel(
        sum(next.regions.map((r) => r.flow.displacedInHa)),
        sum(next.regions.map((r) => r.flow.displacedOutHa)),
        'displaced in vs out',
        out,
      );
      rel(
        sum(next.regions.map((r) => r.flow.colonizedInHa)),
        sum(next.regions.map((r) => r.flow.colonizedOutHa)),
        'colonized in vs out',
        out,
      );
      return out;
    });
  });

  it('events agree with the state', () => {
    holds(({ next, events }) => {
      const out: string[] = [];
      const flows = next.regions.map((r) => r.flow);
      // Eradication, nationally and by region.
      rel(
        sum(eventsOf(events, 'cocaEradicated').map((e) => e.ha)),
        sum(flows.map((f) => f.eradicatedHa)),
        'cocaEradicated.ha vs eradicatedHa',
        out,
      );
      for (const r of next.regions) {
        const ev = sum(
          eventsOf(events, 'cocaEradicated')
            .filter((e) => e.region === r.id)
            .map((e) => e.ha),
        );
        rel(ev, r.flow.eradicatedHa, `${r.id} cocaEradicated`, out);
      }
      // Seizures: shipments on the ground and at exits, lab raids, and narco-flights forced down.
      const seizedEvents =
        sum(eventsOf(events, 'shipmentSeized').map((e) => e.tonnes)) +
        sum(eventsOf(events, 'labsDestroyed').map((e) => e.seizedT)) +
        sum(eventsOf(events, 'flightsInterdicted').map((e) => e.seizedT));
      rel(seizedEvents, sum(flows.map((f) => f.seizedT)), 'seizure events vs flow.seizedT', out);
      // Casualties: clashes, ambushes and installation attacks (including the inject) add up to the flows.
      const fights = [
        ...eventsOf(events, 'clashOccurred'),
        ...eventsOf(events, 'ambushSprung'),
        ...eventsOf(events, 'installationAttacked'),
      ];
      for (const k of ['securityKilled', 'insurgentsKilled', 'civiliansKilled'] as const) {
        const ev = sum(fights.map((e) => e[k]));
        const fl = sum(flows.map((f) => f[k]));
        if (ev !== fl) out.push(`${k}: events ${ev} vs flows ${fl}`);
      }
      const rec = next.history.at(-1)!;
      if (rec.securityForcesKilled !== sum(flows.map((f) => f.securityKilled))) out.push('history.securityForcesKilled vs flows');
      if (rec.flightsInterdicted !== sum(eventsOf(events, 'flightsInterdicted').map((e) => e.interdicted)))
        out.push('history.flightsInterdicted vs events');
      const recruits = sum(eventsOf(events, 'insurgentsRecruited').map((e) => e.fighters));
      if (recruits !== sum(flows.map((f) => f.recruits)))
        out.push(`recruits: events ${recruits} vs flows ${sum(flows.map((f) => f.recruits))}`);
      for (const e of events) if (e.turn !== next.turn) out.push(`event ${e.type} stamped turn ${e.turn}, not ${next.turn}`);
      return out;
    });
  });

  it('the turn advances by one with one history record, the previous state is never mutated (it is deep-frozen), and the new one is frozen throughout', () => {
    holds(({ prev, prevJson, next }) => {
      const out: string[] = [];
      if (next.turn !== prev.turn + 1) out.push(`turn ${prev.turn} → ${next.turn}`);
      if (next.history.length !== next.turn) out.push(`history has ${next.history.length} records at turn ${next.turn}`);
      if (next.history.at(-1)!.turn !== next.turn) out.push('last history record is for another turn');
      if (JSON.stringify(prev) !== prevJson) out.push('resolveTurn mutated its input state');
      const thawed = unfrozen(next, 'state');
      if (thawed) out.push(`${thawed} of the resolved state is not frozen`);
      if (hashState(prev) === hashState(next)) out.push('the state did not change');
      return out;
    });
  });
});
