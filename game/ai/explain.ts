/**
 * Reasons as data for a computer side's decision: what each kind of order it gave does (one
 * reason per kind, with figures read off the orders themselves), and what in its view drove the
 * plan (figures read off the view: the side's own knowledge, never the true state). Keys are
 * i18n keys under `ai.`; `report/decision.ts` builds the sentences, in the reader's language.
 */
import type { Side } from '../content/scenario-schema';
import { staticCtx } from '../context';
import { totalCocaHa } from '../derive';
import type { Order, OrderKind } from '../orders';
import { kindsFor, specOf } from '../orders';
import { outlook } from '../phases/displacement';
import type { GameState, PlanSpec, Reason } from '../types';
import { recruitTarget } from './rules';

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Sum and spread of a regional amount: total, regions, and the region with the most. */
function regional(orders: readonly Order[]): { total: number; regions: number; region: string } {
  let total = 0;
  let top = '';
  let max = -Infinity;
  const where = new Set<string>();
  for (const o of orders) {
    if (!('region' in o) || !('amount' in o)) continue;
    total += o.amount;
    where.add(o.region);
    if (o.amount > max) {
      max = o.amount;
      top = o.region;
    }
  }
  return { total, regions: where.size, region: top };
}

/** Standing money programmes: a bot may stop them (an order of 0), and says so. */
const STOPPABLE: readonly OrderKind[] = (
  ['riverControl', 'portControl', 'development', 'leadership', 'pilots', 'precursors'] as const
).filter((k) => specOf(k).standing);

/** One reason per kind of order given, in the side's order of kinds, with figures from the orders. */
export function orderReasons(view: GameState, side: Side, orders: readonly Order[]): Reason[] {
  const out: Reason[] = [];
  const byKind = new Map<OrderKind, Order[]>();
  for (const o of orders) byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), o]);
  const index = new Map(view.regions.map((r, i) => [r.id, i]));
  for (const kind of kindsFor(side)) {
    let os = byKind.get(kind);
    if (!os?.length) continue;
    const key = `ai.order.${kind}`;
    // A programme ordered to 0 is stopped: said apart from the programmes it runs.
    if (STOPPABLE.includes(kind)) {
      const stops = os.filter((o) => 'amount' in o && o.amount === 0);
      if (stops.length) {
        const first = stops[0]!;
        out.push({
          key: `ai.order.stopped.${kind}`,
          values:
            'region' in first
              ? { regions: stops.length, region: first.region }
              : 'exit' in first
                ? { ports: stops.length, exit: first.exit }
                : {},
        });
      }
      os = os.filter((o) => !('amount' in o) || o.amount > 0);
      if (!os.length) continue;
    }
    const g = regional(os);
    switch (kind) {
      case 'deployArmy':
      case 'deployPolice': {
        const force = kind === 'deployArmy' ? 'army' : 'police';
        let moved = 0;
        let top = '';
        let most = 0;
        for (const o of os as Extract<Order, { kind: 'deployArmy' }>[]) {
          const before = view.regions[index.get(o.region)!]![force];
          const gain = o.amount - before;
          if (gain > 0) moved += gain;
          if (gain > most) {
            most = gain;
            top = o.region;
          }
        }
        out.push(moved > 0 ? { key: `${key}.moved`, values: { people: moved, region: top } } : { key: `${key}.kept`, values: {} });
        break;
      }
      case 'eradicate':
      case 'plant':
        out.push({ key, values: { ha: Math.round(g.total), regions: g.regions, region: g.region } });
        break;
      case 'buildLabs':
        out.push({ key, values: { labs: g.total, regions: g.regions, region: g.region } });
        break;
      case 'ambush':
      case 'attack':
        out.push({ key, values: { fighters: g.total, regions: g.regions, region: g.region } });
        break;
      case 'radar':
      case 'riverControl':
      case 'leadership':
      case 'development':
      case 'protection':
      case 'bribe':
      case 'mining':
      case 'recruit':
        out.push({ key, values: { musd: r2(g.total), regions: g.regions, region: g.region } });
        break;
      case 'pilots':
      case 'precursors':
      case 'propaganda':
        out.push({ key, values: { musd: r2(os.reduce((a, o) => a + ('amount' in o ? o.amount : 0), 0)) } });
        break;
      case 'portControl': {
        const ps = os as Extract<Order, { kind: 'portControl' }>[];
        const top = ps.reduce((a, o) => (o.amount > a.amount ? o : a), ps[0]!);
        out.push({ key, values: { musd: r2(ps.reduce((a, o) => a + o.amount, 0)), ports: ps.length, exit: top.exit } });
        break;
      }
      case 'route': {
        const rs = os as Extract<Order, { kind: 'route' }>[];
        const hi = rs.reduce((a, o) => (o.amount > a.amount ? o : a), rs[0]!);
        const lo = rs.reduce((a, o) => (o.amount < a.amount ? o : a), rs[0]!);
        out.push({ key, values: { exit: hi.exit, weight: Math.round(hi.amount), low: lo.exit, lowWeight: Math.round(lo.amount) } });
        break;
      }
      case 'relocateLabs':
      case 'move': {
        const ms = os as Extract<Order, { kind: 'move' }>[];
        const top = ms.reduce((a, o) => (o.amount > a.amount ? o : a), ms[0]!);
        const n = ms.reduce((a, o) => a + o.amount, 0);
        out.push({
          key,
          values: kind === 'move' ? { fighters: n, region: top.region, to: top.to } : { labs: n, region: top.region, to: top.to },
        });
        break;
      }
      case 'interdictionLaw':
        out.push({ key, values: { lagTurns: view.scenario.params.lawLagTurns } });
        break;
      case 'roe':
      case 'usStance':
      case 'posture': {
        const o = os[0] as Extract<Order, { kind: 'roe' | 'usStance' | 'posture' }>;
        out.push({ key: `${key}.${o.value}`, values: {} });
        break;
      }
      case 'finishShare':
      case 'taxRate': {
        const o = os[0] as Extract<Order, { kind: 'finishShare' | 'taxRate' }>;
        out.push({ key, values: { pct: kind === 'finishShare' ? Math.round(o.value * 100) : r1(o.value) } });
        break;
      }
    }
  }
  return out;
}

/** Which drivers speak to which kinds of order and levers. */
const DRIVER_FOR: Record<string, readonly string[]> = {
  flights: ['radar', 'pilots', 'interdictionLaw', 'roe', 'lever:roe', 'lever:air', 'base:air-interdiction'],
  readiness: ['roe', 'lever:roe'],
  coca: ['eradicate', 'development', 'lever:eradication', 'base:eradication-surge', 'base:development-first', 'base:status-quo'],
  legitimacy: ['development', 'lever:development', 'lever:eradication'],
  fighters: ['leadership', 'deployArmy', 'lever:army', 'lever:leadership', 'base:vraem-offensive'],
  usSupport: ['usStance', 'lever:stance'],
  routeLoss: ['route', 'lever:routes'],
  precursors: ['finishShare', 'lever:finish'],
  frontier: ['plant', 'lever:plant'],
  eradicated: ['plant', 'buildLabs', 'relocateLabs'],
  labsShort: ['buildLabs', 'lever:labs'],
  protectionDue: ['protection', 'lever:protection'],
  cash: ['mining', 'bribe', 'lever:mining', 'lever:bribe'],
  army: ['posture', 'move', 'ambush', 'attack', 'lever:posture', 'lever:disperse', 'lever:ambush', 'lever:attack'],
  cohesion: ['posture', 'lever:posture'],
  protection: ['taxRate', 'lever:tax'],
  front: ['propaganda', 'lever:spend'],
  poverty: ['recruit', 'lever:spend'],
};

const DRIVERS: Record<Side, readonly string[]> = {
  state: ['flights', 'readiness', 'coca', 'legitimacy', 'fighters', 'usSupport'],
  clans: ['routeLoss', 'precursors', 'frontier', 'eradicated', 'labsShort', 'protectionDue', 'cash'],
  insurgents: ['army', 'cohesion', 'protection', 'front', 'poverty'],
};

/** A change's direction as a key part: up, down or flat (within `eps`). */
const trend = (now: number, before: number | undefined, eps: number): 'up' | 'down' | 'flat' | 'new' =>
  before === undefined ? 'new' : now > before + eps ? 'up' : now < before - eps ? 'down' : 'flat';

/** The figure behind a driver, read off the view (null when it says nothing here). */
function driver(view: GameState, side: Side, id: string): Reason | null {
  const sc = staticCtx(view.scenario);
  const h = view.history;
  const last = h.at(-1);
  const prev = h.at(-2);
  const n = view.national;
  const k = (name: string) => `ai.driver.${name}`;
  switch (id) {
    case 'flights': {
      if (!last) return null;
      const top = view.regions.reduce((a, r) => (r.flow.flights > a.flow.flights ? r : a), view.regions[0]!);
      return {
        key: k(`flights.${trend(last.narcoFlights, prev?.narcoFlights, 5)}`),
        values: { flights: last.narcoFlights, before: prev?.narcoFlights ?? 0, region: top.id },
      };
    }
    case 'readiness':
      return { key: k(`readiness.${n.interdictionLaw}`), values: { pct: Math.round(n.pilotReadiness * 100), turns: n.lawTurnsLeft } };
    case 'coca': {
      const ha = view.regions.reduce((a, r) => a + totalCocaHa(r), 0);
      const before = prev?.cocaHa ?? n.ref.cocaHa;
      const grew = view.regions.reduce(
        (a, r) =>
          r.flow.plantedHa + r.flow.displacedInHa + r.flow.colonizedInHa > a.flow.plantedHa + a.flow.displacedInHa + a.flow.colonizedInHa
            ? r
            : a,
        view.regions[0]!,
      );
      const t = last ? trend(last.cocaHa, before, 50) : 'new';
      return {
        key: k(`coca.${t}`),
        values: { ha: Math.round(ha), change: last ? Math.abs(Math.round(last.cocaHa - before)) : 0, region: grew.id },
      };
    }
    case 'legitimacy': {
      const low = view.regions
        .filter((r) => totalCocaHa(r) > 0)
        .reduce<GameState['regions'][number] | null>((a, r) => (!a || r.legitimacy < a.legitimacy ? r : a), null);
      return low
        ? {
            key: k('legitimacy'),
            values: { pct: Math.round(n.legitimacy * 100), region: low.id, regionPct: Math.round(low.legitimacy * 100) },
          }
        : null;
    }
    case 'fighters': {
      const total = view.regions.reduce((a, r) => a + r.insurgentFighters, 0);
      if (total === 0) return null;
      const top = view.regions.reduce((a, r) => (r.insurgentFighters > a.insurgentFighters ? r : a), view.regions[0]!);
      return {
        key: k(side === 'state' ? 'fighters.estimated' : 'fighters.known'),
        values: { fighters: total, region: top.id, there: top.insurgentFighters },
      };
    }
    case 'usSupport':
      return n.usSuspendedTurns > 0
        ? { key: k('usSupport.suspended'), values: { support: Math.round(n.usSupport), turns: n.usSuspendedTurns } }
        : { key: k('usSupport.level'), values: { support: Math.round(n.usSupport) } };
    case 'routeLoss': {
      let worst = -1;
      let loss = 0;
      view.exits.forEach((e, i) => {
        const l = e.flow.shippedT > 0 ? e.flow.seizedT / e.flow.shippedT : 0;
        if (l > loss) {
          loss = l;
          worst = i;
        }
      });
      if (worst < 0) return last ? { key: k('routeLoss.none'), values: {} } : null;
      return { key: k('routeLoss.worst'), values: { exit: view.exits[worst]!.id, pct: Math.round(loss * 100) } };
    }
    case 'precursors':
      return { key: k('precursors'), values: { pct: Math.round(n.precursorControl * 100), fear: Math.round(n.airFear * 100) } };
    case 'frontier': {
      let best = -1;
      let att = 0;
      view.regions.forEach((r, i) => {
        const a = outlook(r, sc, i).attractiveness;
        if (a > att) {
          att = a;
          best = i;
        }
      });
      if (best < 0) return null;
      const o = outlook(view.regions[best]!, sc, best);
      return { key: k('frontier'), values: { region: view.regions[best]!.id, ratio: r1(o.ratio) } };
    }
    case 'eradicated': {
      const top = view.regions.reduce((a, r) => (r.flow.eradicatedHa > a.flow.eradicatedHa ? r : a), view.regions[0]!);
      return top.flow.eradicatedHa > 0 ? { key: k('eradicated'), values: { region: top.id, ha: Math.round(top.flow.eradicatedHa) } } : null;
    }
    case 'labsShort': {
      const p = view.scenario.params;
      let worst = -1;
      let short = 0;
      view.regions.forEach((r, i) => {
        const def = sc.defs[i]!;
        const potentialT = Math.max(0, (r.cocaHa * def.yieldTPerHaYear) / 4 - def.traditionalLeafTYear / 4) / sc.leafKgPerKg[i]!;
        const s = potentialT / p.labCapacityTPerQuarter - r.labs;
        if (s > short) {
          short = s;
          worst = i;
        }
      });
      return worst >= 0 ? { key: k('labsShort'), values: { region: view.regions[worst]!.id, labs: Math.ceil(short) } } : null;
    }
    case 'protectionDue': {
      const armed = view.regions.filter((r) => r.insurgentFighters > 0 && r.cocaHa > 0).length;
      return { key: k('protectionDue'), values: { pct: r1(n.insurgentTaxPct), regions: armed } };
    }
    case 'cash':
      return { key: k('cash'), values: { musd: Math.round(view.budgets[side].moneyMusd * 10) / 10 } };
    case 'army': {
      const hot = view.regions
        .filter((r) => r.insurgentFighters > 0)
        .reduce<GameState['regions'][number] | null>((a, r) => (!a || r.army > a.army ? r : a), null);
      if (!hot) return null;
      return { key: k('army'), values: { region: hot.id, army: hot.army, fighters: hot.insurgentFighters } };
    }
    case 'cohesion':
      return {
        key: k(n.insurgentCohesion < 0.6 ? 'cohesion.low' : 'cohesion.high'),
        values: { pct: Math.round(n.insurgentCohesion * 100) },
      };
    case 'protection':
      return last
        ? {
            key: k(`protection.${trend(last.insurgentRevenueMusd, prev?.insurgentRevenueMusd, 0.05)}`),
            values: { musd: r1(last.insurgentRevenueMusd), pct: r1(n.insurgentTaxPct) },
          }
        : null;
    case 'front':
      return { key: k('front'), values: { pct: Math.round(n.insurgentFront * 100) } };
    case 'poverty': {
      const best = recruitTarget(view);
      return best
        ? {
            key: k('poverty'),
            values: { region: best.r.id, pct: Math.round(sc.defs[best.i]!.povertyPct), presence: Math.round(best.r.statePresence * 100) },
          }
        : null;
    }
    default:
      return null;
  }
}

/**
 * What in the side's view drove the plan: the facts that speak to the kinds of order given, the
 * levers set and the base (at most `max`, in the side's order of drivers).
 */
export function drivers(view: GameState, side: Side, plan: PlanSpec, orders: readonly Order[], max = 4): Reason[] {
  const tags = new Set<string>([
    ...orders.map((o) => o.kind as string),
    ...Object.keys(plan.levers).map((l) => `lever:${l}`),
    `base:${plan.base}`,
  ]);
  const relevant = DRIVERS[side].filter((id) => (DRIVER_FOR[id] ?? []).some((t) => tags.has(t)));
  const out: Reason[] = [];
  for (const id of relevant) {
    const d = driver(view, side, id);
    if (d) out.push(d);
    if (out.length >= max) break;
  }
  return out;
}

/** Every key a decision's reasons and drivers may carry (for the i18n coverage test). */
export const DECISION_KEYS: readonly string[] = [
  ...['deployArmy', 'deployPolice'].flatMap((k) => [`ai.order.${k}.moved`, `ai.order.${k}.kept`]),
  ...[
    'eradicate',
    'radar',
    'pilots',
    'interdictionLaw',
    'portControl',
    'riverControl',
    'precursors',
    'leadership',
    'development',
    'plant',
    'buildLabs',
    'relocateLabs',
    'finishShare',
    'route',
    'protection',
    'bribe',
    'mining',
    'move',
    'ambush',
    'attack',
    'recruit',
    'taxRate',
    'propaganda',
  ].map((k) => `ai.order.${k}`),
  ...STOPPABLE.map((k) => `ai.order.stopped.${k}`),
  ...['off', 'track', 'force-down', 'shoot-down'].map((v) => `ai.order.roe.${v}`),
  ...['seek', 'maintain', 'distance'].map((v) => `ai.order.usStance.${v}`),
  ...['hide', 'balanced', 'offensive'].map((v) => `ai.order.posture.${v}`),
  ...['up', 'down', 'flat', 'new'].flatMap((t) => [`ai.driver.flights.${t}`, `ai.driver.coca.${t}`, `ai.driver.protection.${t}`]),
  ...['none', 'pending', 'passed'].map((v) => `ai.driver.readiness.${v}`),
  'ai.driver.legitimacy',
  'ai.driver.fighters.estimated',
  'ai.driver.fighters.known',
  'ai.driver.usSupport.suspended',
  'ai.driver.usSupport.level',
  'ai.driver.routeLoss.worst',
  'ai.driver.routeLoss.none',
  'ai.driver.precursors',
  'ai.driver.frontier',
  'ai.driver.eradicated',
  'ai.driver.labsShort',
  'ai.driver.protectionDue',
  'ai.driver.cash',
  'ai.driver.army',
  'ai.driver.cohesion.low',
  'ai.driver.cohesion.high',
  'ai.driver.front',
  'ai.driver.poverty',
];
