/**
 * Validation and bad input: whatever arrives (from the UI, a log file, the CLI, a worker), an
 * invalid turn is refused with errors whose `path` and `code` name the problem, and the state it
 * was given is left exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import {
  bot,
  budgetUse,
  createGame,
  hashState,
  legalOrders,
  resolveTurn,
  validateOrders,
  type GameState,
  type Order,
  type TurnInput,
  type ValidationError,
} from '../../game';
import { SCENARIO, WITHOUT_LAW, clone, eventsOf, region, step, sum } from './helpers';

const fresh = (): GameState => createGame(SCENARIO, 42);

interface Expected {
  code: string;
  /** The exact path, or a pattern it must match. */
  path: string | RegExp;
}

/** Resolve `input` and expect it refused with (at least) the expected errors, the state untouched. */
function expectRefused(state: GameState, input: unknown, ...expected: Expected[]): ValidationError[] {
  const before = JSON.stringify(state);
  const hash = hashState(state);
  const r = resolveTurn(state, input as never);
  expect(r.ok, 'the turn should be refused').toBe(false);
  const errors = r.ok ? [] : r.errors;
  for (const e of expected) {
    const hit = errors.find((x) => x.code === e.code && (typeof e.path === 'string' ? x.path === e.path : e.path.test(x.path)));
    expect(hit, `expected ${e.code} at ${String(e.path)}; got ${JSON.stringify(errors.map((x) => [x.code, x.path]))}`).toBeDefined();
  }
  for (const e of errors) {
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
  }
  expect(hashState(state)).toBe(hash);
  expect(JSON.stringify(state)).toBe(before);
  return errors;
}

// Orders as they may arrive from outside: not necessarily well-typed.
const S = (orders: unknown[]): TurnInput => ({ orders: [{ side: 'state', orders: orders as Order[] }] });
const C = (orders: unknown[]): TurnInput => ({ orders: [{ side: 'clans', orders: orders as Order[] }] });
const I = (orders: unknown[]): TurnInput => ({ orders: [{ side: 'insurgents', orders: orders as Order[] }] });

describe('malformed turn input', () => {
  it.each([
    ['a number', 42],
    ['null', null],
    ['a string', 'end turn'],
    ['undefined', undefined],
  ])('input that is %s', (_label, input) => {
    expectRefused(fresh(), input, { code: 'turn.malformed', path: 'input' });
  });

  it.each([
    ['missing', {}],
    ['an object', { orders: {} }],
    ['a string', { orders: 'state' }],
  ])('orders %s', (_label, input) => {
    expectRefused(fresh(), input, { code: 'turn.malformed', path: 'orders' });
  });

  it('a side that is not an object, an unknown side, and a side without a list', () => {
    expectRefused(fresh(), { orders: [null] }, { code: 'orders.malformed', path: 'orders[0]' });
    expectRefused(fresh(), { orders: [{ side: 'army', orders: [] }] }, { code: 'orders.unknownSide', path: /side/ });
    expectRefused(fresh(), { orders: [{ side: 'state', orders: 'pilots' }] }, { code: 'orders.malformed', path: 'orders[state].orders' });
  });

  it('two sets of orders for one side', () => {
    expectRefused(
      fresh(),
      {
        orders: [
          { side: 'state', orders: [] },
          { side: 'state', orders: [] },
        ],
      },
      { code: 'orders.duplicateSide', path: 'orders[1].side' },
    );
  });

  it('a note that is too long, and too many orders', () => {
    expectRefused(
      fresh(),
      { orders: [{ side: 'state', orders: [], note: 'x'.repeat(10_001) }] },
      { code: 'orders.noteTooLong', path: 'orders[state].note' },
    );
    expectRefused(fresh(), S(Array.from({ length: 5001 }, () => ({ kind: 'pilots', amount: 0 }))), {
      code: 'orders.tooMany',
      path: 'orders[state].orders',
    });
  });
});

describe('malformed and impossible orders', () => {
  it('an order of the wrong side', () => {
    expectRefused(fresh(), S([{ kind: 'plant', region: 'PE-AYA', amount: 10 }]), {
      code: 'order.wrongSide',
      path: 'orders[state][0].kind',
    });
    expectRefused(fresh(), I([{ kind: 'eradicate', region: 'PE-AYA', amount: 10 }]), {
      code: 'order.wrongSide',
      path: 'orders[insurgents][0].kind',
    });
  });

  it('an unknown kind or an extra field', () => {
    expectRefused(fresh(), S([{ kind: 'nuke', region: 'PE-AYA' }]), { code: 'order.malformed', path: /^orders\[state\]\[0\]/ });
    expectRefused(fresh(), S([{ kind: 'pilots', amount: 1, region: 'PE-AYA' }]), {
      code: 'order.malformed',
      path: /^orders\[state\]\[0\]/,
    });
  });

  it('an unknown region (well-formed and malformed ids) and an unknown exit', () => {
    expectRefused(fresh(), S([{ kind: 'eradicate', region: 'PE-XYZ', amount: 10 }]), {
      code: 'order.unknownRegion',
      path: 'orders[state][0].region',
    });
    expectRefused(fresh(), S([{ kind: 'eradicate', region: 'Lima', amount: 10 }]), {
      code: 'order.malformed',
      path: 'orders[state][0].region',
    });
    expectRefused(fresh(), S([{ kind: 'portControl', exit: 'sea-lima', amount: 1 }]), {
      code: 'order.unknownExit',
      path: 'orders[state][0].exit',
    });
  });

  it.each([
    ['negative', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['huge', 1e12],
    ['a string', '5'],
  ])('a %s amount', (_label, amount) => {
    expectRefused(fresh(), S([{ kind: 'pilots', amount }]), { code: 'order.malformed', path: 'orders[state][0].amount' });
    expectRefused(fresh(), S([{ kind: 'deployArmy', region: 'PE-AYA', amount }]), {
      code: 'order.malformed',
      path: 'orders[state][0].amount',
    });
  });

  it('a non-finite setting', () => {
    expectRefused(fresh(), I([{ kind: 'taxRate', value: Number.NaN }]), { code: 'order.malformed', path: 'orders[insurgents][0].value' });
    expectRefused(fresh(), C([{ kind: 'finishShare', value: 2 }]), { code: 'order.malformed', path: 'orders[clans][0].value' });
    expectRefused(fresh(), S([{ kind: 'roe', value: 'nuke' }]), { code: 'order.malformed', path: 'orders[state][0].value' });
  });

  it('more than an option allows', () => {
    const s = fresh();
    expectRefused(s, S([{ kind: 'eradicate', region: 'PE-AYA', amount: Math.floor(region(s, 'PE-AYA').cocaHa) + 1 }]), {
      code: 'order.overMax',
      path: 'orders[state][0].amount',
    });
    expectRefused(s, I([{ kind: 'ambush', region: 'PE-AYA', amount: region(s, 'PE-AYA').insurgentFighters + 1 }]), {
      code: 'order.overMax',
      path: 'orders[insurgents][0].amount',
    });
  });

  it('an order that is not possible now', () => {
    const s = fresh();
    // No fighters or leaders in Lima; no coca in Tacna; no fighters to move from Lima.
    expectRefused(s, S([{ kind: 'leadership', region: 'PE-LMA', amount: 1 }]), { code: 'order.notAllowed', path: 'orders[state][0]' });
    expectRefused(s, S([{ kind: 'eradicate', region: 'PE-TAC', amount: 1 }]), { code: 'order.notAllowed', path: 'orders[state][0]' });
    expectRefused(s, I([{ kind: 'move', region: 'PE-LMA', to: 'PE-LIM', amount: 1 }]), {
      code: 'order.notAllowed',
      path: 'orders[insurgents][0]',
    });
    // The law cannot be proposed when it is already in force (the 2016 scenario starts with Law 30339),
    // nor twice.
    expectRefused(s, S([{ kind: 'interdictionLaw' }]), { code: 'order.notAllowed', path: 'orders[state][0]' });
    const lawless = createGame(WITHOUT_LAW, 1);
    const pending = step(lawless, S([{ kind: 'interdictionLaw' }])).state;
    expectRefused(pending, S([{ kind: 'interdictionLaw' }]), { code: 'order.notAllowed', path: 'orders[state][0]' });
  });

  it('money over the budget', () => {
    const s = fresh();
    const money = s.budgets.state.moneyMusd;
    const errors = expectRefused(
      s,
      S([
        { kind: 'pilots', amount: money * 0.6 },
        { kind: 'precursors', amount: money * 0.6 },
      ]),
      { code: 'order.overBudget', path: 'orders[state]' },
    );
    expect(errors.find((e) => e.code === 'order.overBudget')?.values?.pool).toBe('money');
    // Eradication costs money by the hectare.
    const clans = s.budgets.clans.moneyMusd;
    const ha = Math.ceil((clans * 1e6) / s.scenario.params.plantCostUsdPerHa) + 10;
    const roomy = legalOrders(s, 'clans').filter((o) => o.kind === 'plant' && o.max >= ha / 2);
    expect(roomy.length).toBeGreaterThanOrEqual(2);
    expectRefused(
      s,
      C([
        { kind: 'plant', region: roomy[0]!.region, amount: ha / 2 },
        { kind: 'plant', region: roomy[1]!.region, amount: ha / 2 },
      ]),
      { code: 'order.overBudget', path: 'orders[clans]' },
    );
  });

  it('army deployments summing above the pool', () => {
    const s = fresh();
    // Lima has no army; the other garrisons already use the whole pool.
    const errors = expectRefused(s, S([{ kind: 'deployArmy', region: 'PE-LIM', amount: 1000 }]), {
      code: 'order.overBudget',
      path: 'orders[state]',
    });
    expect(errors.find((e) => e.code === 'order.overBudget')?.values?.pool).toBe('army');
    // Moving troops (naming both ends) within the pool is fine.
    const aya = region(s, 'PE-AYA').army;
    expect(
      validateOrders(s, {
        side: 'state',
        orders: [
          { kind: 'deployArmy', region: 'PE-LIM', amount: 1000 },
          { kind: 'deployArmy', region: 'PE-AYA', amount: aya - 1000 },
        ],
      }),
    ).toEqual([]);
  });

  it('duplicate orders', () => {
    expectRefused(
      fresh(),
      S([
        { kind: 'pilots', amount: 1 },
        { kind: 'pilots', amount: 2 },
      ]),
      { code: 'order.duplicate', path: 'orders[state][1]' },
    );
    expectRefused(
      fresh(),
      S([
        { kind: 'radar', region: 'PE-AYA', amount: 1 },
        { kind: 'radar', region: 'PE-AYA', amount: 1 },
      ]),
      { code: 'order.duplicate', path: 'orders[state][1]' },
    );
  });

  it('a move to a region that is not a neighbour', () => {
    expectRefused(fresh(), I([{ kind: 'move', region: 'PE-AYA', to: 'PE-TUM', amount: 5 }]), {
      code: 'order.notNeighbor',
      path: 'orders[insurgents][0].to',
    });
    expectRefused(fresh(), I([{ kind: 'move', region: 'PE-AYA', to: 'PE-AYA', amount: 5 }]), {
      code: 'order.notNeighbor',
      path: 'orders[insurgents][0].to',
    });
  });

  it('fighters committed above those present', () => {
    const s = fresh();
    const here = region(s, 'PE-AYA').insurgentFighters;
    expectRefused(
      s,
      I([
        { kind: 'ambush', region: 'PE-AYA', amount: here },
        { kind: 'attack', region: 'PE-AYA', amount: here },
      ]),
      { code: 'order.overFighters', path: 'orders[insurgents]' },
    );
    // Fighters that leave cannot also fight where they left.
    expectRefused(
      s,
      I([
        { kind: 'move', region: 'PE-AYA', to: 'PE-JUN', amount: here - 2 },
        { kind: 'ambush', region: 'PE-AYA', amount: 5 },
      ]),
      { code: 'order.overFighters', path: 'orders[insurgents]' },
    );
  });

  it('every problem is reported at once, across sides', () => {
    const errors = expectRefused(
      fresh(),
      {
        orders: [
          {
            side: 'state',
            orders: [
              { kind: 'pilots', amount: -1 },
              { kind: 'eradicate', region: 'PE-XYZ', amount: 1 },
            ],
          },
          { side: 'insurgents', orders: [{ kind: 'move', region: 'PE-AYA', to: 'PE-TUM', amount: 5 }] },
        ],
        injects: [{ id: 'alien-invasion' }],
        overrides: [{ target: 'national.usSupport', value: 10, reason: '' }],
      },
      { code: 'order.malformed', path: 'orders[state][0].amount' },
      { code: 'order.unknownRegion', path: 'orders[state][1].region' },
      { code: 'order.notNeighbor', path: 'orders[insurgents][0].to' },
      { code: 'inject.unknown', path: 'injects[0].id' },
      { code: 'override.noReason', path: 'overrides[0].reason' },
    );
    expect(errors).toHaveLength(5);
  });
});

describe('injects and overrides', () => {
  it('injects that are not a list, have an unknown id or region, or extra fields', () => {
    expectRefused(fresh(), { orders: [], injects: 'pcc-arrives' }, { code: 'turn.malformed', path: 'injects' });
    expectRefused(fresh(), { orders: [], injects: [{ id: 'alien-invasion' }] }, { code: 'inject.unknown', path: 'injects[0].id' });
    expectRefused(
      fresh(),
      { orders: [], injects: [{ id: 'radar-delivered', region: 'PE-XYZ' }] },
      { code: 'inject.unknownRegion', path: 'injects[0].region' },
    );
    expectRefused(
      fresh(),
      { orders: [], injects: [{ id: 'radar-delivered', extra: 1 }] },
      { code: 'inject.malformed', path: 'injects[0]' },
    );
  });

  it('overrides without a reason, with an unknown target, a bad value or an unknown region', () => {
    const ok = { target: 'national.usSupport', value: 10, reason: 'facilitator ruling' };
    expectRefused(fresh(), { orders: [], overrides: ok }, { code: 'turn.malformed', path: 'overrides' });
    expectRefused(fresh(), { orders: [], overrides: [null] }, { code: 'override.malformed', path: 'overrides[0]' });
    expectRefused(
      fresh(),
      { orders: [], overrides: [{ ...ok, reason: undefined }] },
      { code: 'override.noReason', path: 'overrides[0].reason' },
    );
    expectRefused(
      fresh(),
      { orders: [], overrides: [{ ...ok, reason: '   ' }] },
      { code: 'override.noReason', path: 'overrides[0].reason' },
    );
    expectRefused(
      fresh(),
      { orders: [], overrides: [{ ...ok, target: 'national.gold' }] },
      { code: 'override.unknownTarget', path: 'overrides[0].target' },
    );
    expectRefused(
      fresh(),
      { orders: [], overrides: [{ ...ok, value: Number.NaN }] },
      { code: 'override.badValue', path: 'overrides[0].value' },
    );
    expectRefused(
      fresh(),
      { orders: [], overrides: [{ ...ok, target: 'region.cocaHa' }] },
      { code: 'override.unknownRegion', path: 'overrides[0].region' },
    );
    expectRefused(
      fresh(),
      { orders: [], overrides: [{ ...ok, target: 'region.cocaHa', region: 'PE-XYZ' }] },
      { code: 'override.unknownRegion', path: 'overrides[0].region' },
    );
  });

  it('a valid override is applied, clamped to its range, and recorded with its reason', () => {
    const s = fresh();
    const r = step(s, {
      orders: [],
      overrides: [{ target: 'region.cocaHa', region: 'PE-LIM', value: 5000, reason: 'no coca on the coast' }],
    });
    const ev = eventsOf(r.events, 'overrideApplied');
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ target: 'region.cocaHa', region: 'PE-LIM', from: 0, to: 0, reason: 'no coca on the coast' });
  });
});

describe('the end of the game', () => {
  it('after the last turn resolveTurn refuses, and nothing is legal', () => {
    const s = createGame(SCENARIO, 42, { turns: 1 });
    const end = step(s, { orders: [] });
    expect(end.state.status).toBe('ended');
    expect(eventsOf(end.events, 'gameEnded')).toHaveLength(1);
    expectRefused(end.state, { orders: [] }, { code: 'game.ended', path: 'state' });
    expectRefused(end.state, S([{ kind: 'pilots', amount: 1 }]), { code: 'game.ended', path: 'state' });
    for (const side of ['state', 'clans', 'insurgents'] as const) {
      expect(legalOrders(end.state, side)).toEqual([]);
      expect(validateOrders(end.state, { side, orders: [] }).map((e) => e.code)).toEqual(['game.ended']);
    }
  });
});

describe('whole units: what validation accepts is what resolution does', () => {
  // Personnel, fighters and labs are whole; deployments, moves and lab building round the ordered
  // amount (phases/deployments.ts), while validation and budgetUse count the unrounded amount.

  it('fractional deployments cannot put more police in the field than the pool', () => {
    const s = fresh();
    const pool = s.budgets.state.police;
    expect(sum(s.regions.map((r) => r.police))).toBe(pool);
    // 150 + 100 = 250 = 150.5 + 99.5: the same total, but each rounds up.
    const so = {
      side: 'state' as const,
      orders: [
        { kind: 'deployPolice' as const, region: 'PE-AMA', amount: region(s, 'PE-AMA').police + 0.5 },
        { kind: 'deployPolice' as const, region: 'PE-ANC', amount: region(s, 'PE-ANC').police - 0.5 },
      ],
    };
    const errors = validateOrders(s, so);
    if (errors.length === 0) {
      expect(budgetUse(s, so).find((u) => u.pool === 'police')!.used).toBeLessThanOrEqual(pool);
      const next = step(s, { orders: [so] }).state;
      expect(sum(next.regions.map((r) => r.police)), 'police in the field after resolution').toBeLessThanOrEqual(pool);
    }
  });

  it('a State that orders nothing can always play the next turn (the game cannot get stuck)', () => {
    const s = fresh();
    // Any accepted orders; here the fractional deployments above.
    const r = resolveTurn(
      s,
      S([
        { kind: 'deployPolice', region: 'PE-AMA', amount: region(s, 'PE-AMA').police + 0.5 },
        { kind: 'deployPolice', region: 'PE-ANC', amount: region(s, 'PE-ANC').police - 0.5 },
      ]),
    );
    if (!r.ok) return; // refusing fractional personnel is a fine fix too
    const next = r.state;
    expect(validateOrders(next, { side: 'state', orders: [] }), 'no orders at all').toEqual([]);
    const b = bot(next, 'state');
    expect(validateOrders(next, b.orders), 'the State bot').toEqual([]);
  });

  it('a fractional laboratory count is refused (labs are ordered as a whole number to run)', () => {
    const s = fresh();
    const so = {
      side: 'clans' as const,
      orders: [{ kind: 'buildLabs' as const, region: 'PE-AYA', amount: region(s, 'PE-AYA').labs + 2.5 }],
    };
    expect(validateOrders(s, so).map((e) => e.code)).toEqual(['order.malformed']);
  });
});

describe('the input state is never touched, accepted or refused', () => {
  it('a refused turn and an accepted one leave the given state as it was', () => {
    const s = clone(fresh());
    const json = JSON.stringify(s);
    resolveTurn(s, S([{ kind: 'pilots', amount: -1 }]));
    step(s, {
      orders: [
        {
          side: 'state',
          orders: [
            { kind: 'pilots', amount: 3 },
            { kind: 'roe', value: 'track' },
          ],
        },
      ],
      injects: [{ id: 'installation-attack' }],
    });
    expect(JSON.stringify(s)).toBe(json);
  });
});
