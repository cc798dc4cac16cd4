/** The pure parts of the command line: CSV text, tables, statistics, argument checks, seats. */
import { describe, expect, it } from 'vitest';
import { createGame, findScenario, POLICIES, resolveTurn, SIDES, type GameState } from '../../game/index';
import { MAX_SEED, parseArgs, seedList, wholeNumber } from '../../cli/args';
import { UsageError } from '../../cli/errors';
import { parseSeat, playGame, repairOrders, DEFAULT_SEAT } from '../../cli/play';
import {
  csvField,
  csvNumber as formatNumber,
  nationalTable,
  quantile,
  regionRows,
  summaryTable,
  toCsv,
  batchOutcome,
  NATIONAL_COLUMNS,
  REGION_COLUMNS,
} from '../../game/tables';

describe('CSV text', () => {
  it('formats numbers with at most 4 decimals and never an exponent', () => {
    expect(formatNumber(1)).toBe('1');
    expect(formatNumber(1.23456)).toBe('1.2346');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-0.00001)).toBe('0');
    expect(formatNumber(1e-7)).toBe('0');
    expect(formatNumber(123456789012)).toBe('123456789012');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(-2.5)).toBe('-2.5');
    expect(formatNumber(NaN)).toBe('');
    expect(formatNumber(Infinity)).toBe('');
  });

  it('quotes fields with commas, quotes or line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('Apurímac')).toBe('Apurímac');
    expect(toCsv({ columns: ['a', 'b'], rows: [[1, 'x,y']] })).toBe('a,b\n1,"x,y"\n');
    expect(() => toCsv({ columns: ['a', 'b'], rows: [[1]] })).toThrow();
  });

  it('interpolates quantiles like R type 7', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 0], 0.1)).toBeCloseTo(1);
    expect(quantile([7], 0.9)).toBe(7);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
  });
});

describe('tables from a game', () => {
  const scenario = findScenario('interdiction-2016')!;
  const states: GameState[] = [];
  const { state } = playGame(
    { scenario, seed: 3, turns: 2, seats: { state: DEFAULT_SEAT, clans: DEFAULT_SEAT, insurgents: DEFAULT_SEAT } },
    (s) => states.push(s),
  );

  it("has one national row per turn, in column order, with the record's own calendar", () => {
    const t = nationalTable(state.history);
    expect(t.columns).toBe(NATIONAL_COLUMNS);
    expect(t.rows).toHaveLength(2);
    expect(t.rows.map((r) => r.slice(0, 3))).toEqual([
      [1, 2016, 1],
      [2, 2016, 2],
    ]);
    expect(t.rows[0]![NATIONAL_COLUMNS.indexOf('coca_ha')]).toBe(state.history[0]!.cocaHa);
    for (const r of t.rows) expect(r).toHaveLength(NATIONAL_COLUMNS.length);
  });

  it('has a regional row per region with total coca, forces and annualised yield', () => {
    const rows = regionRows(states[1]!);
    expect(rows).toHaveLength(states[1]!.regions.length);
    const col = (name: (typeof REGION_COLUMNS)[number]) => REGION_COLUMNS.indexOf(name);
    states[1]!.regions.forEach((r, i) => {
      const row = rows[i]!;
      expect(row[col('turn')]).toBe(2);
      expect(row[col('region')]).toBe(r.id);
      expect(row[col('coca_ha')]).toBeCloseTo(r.cocaHa + r.immatureHa.reduce((a, x) => a + x, 0), 9);
      expect(row[col('state_forces')]).toBe(r.army + r.police);
      const ha = row[col('coca_ha')] as number;
      expect(row[col('yield_t_ha')]).toBe(ha > 0 ? (r.flow.leafT * 4) / ha : 0);
    });
  });

  it('summarises a batch per policy', () => {
    const o = [batchOutcome('a', 1, state, 'h'), batchOutcome('a', 2, state, 'h'), batchOutcome('b', 1, state, 'h')];
    const s = summaryTable(o);
    expect(s.rows.filter((r) => r[0] === 'a' && r[1] === 'coca_ha_final')[0]!.slice(2, 4)).toEqual([2, state.history[1]!.cocaHa]);
    expect(new Set(s.rows.map((r) => r[0]))).toEqual(new Set(['a', 'b']));
  });
});

describe('arguments', () => {
  it('accepts only plain whole numbers in range', () => {
    expect(wholeNumber('seed', '42', 0, MAX_SEED)).toBe(42);
    for (const bad of ['-1', '1.5', '1e3', '0x10', '', ' ', 'NaN', 'Infinity', '4294967296', '99999999999999999999'])
      expect(() => wholeNumber('seed', bad, 0, MAX_SEED)).toThrow(UsageError);
  });

  it('reads seed lists and ranges', () => {
    expect(seedList('seeds', '1-3,7,10-11')).toEqual([1, 2, 3, 7, 10, 11]);
    expect(() => seedList('seeds', '5-1')).toThrow(/backwards/);
    expect(() => seedList('seeds', '1,1')).toThrow(/twice/);
    expect(() => seedList('seeds', '0-999999999')).toThrow(/more than/);
    expect(() => seedList('seeds', 'a-b')).toThrow(UsageError);
  });

  it('rejects unknown and repeated options, and options missing their value', () => {
    const specs = { seed: { value: true }, inject: { value: true, repeat: true } };
    expect(parseArgs(['--seed=3', '--inject', 'a', '--inject', 'b'], specs, 'sim').options.get('inject')).toEqual(['a', 'b']);
    expect(() => parseArgs(['--sede', '3'], specs, 'sim')).toThrow(/unknown option --sede/);
    expect(() => parseArgs(['--seed', '1', '--seed', '2'], specs, 'sim')).toThrow(/twice/);
    expect(() => parseArgs(['--seed'], specs, 'sim')).toThrow(/needs a value/);
  });

  it('parses seats per side', () => {
    expect(parseSeat('state', 'bot')).toEqual({ ok: true, seat: { kind: 'bot', difficulty: 'normal' } });
    expect(parseSeat('clans', 'bot:hard')).toEqual({ ok: true, seat: { kind: 'bot', difficulty: 'hard' } });
    expect(parseSeat('state', 'policy:air-interdiction').ok).toBe(true);
    expect(parseSeat('clans', 'policy:air-interdiction').ok).toBe(false);
    expect(parseSeat('state', 'policy:toString').ok).toBe(false);
    expect(parseSeat('state', 'human').ok).toBe(false);
  });
});

describe('order repair', () => {
  it('leaves legal orders alone and drops the orders that overdraw a pool', () => {
    const s = createGame(findScenario('interdiction-2016')!, 1);
    const ok = POLICIES.state['status-quo']!(s).orders;
    expect(repairOrders(s, ok).errors).toEqual([]);
    const over = { side: 'state' as const, orders: [...ok.orders, { kind: 'deployArmy' as const, region: 'PE-LIM', amount: 100_000 }] };
    const fixed = repairOrders(s, over);
    expect(fixed.errors.length).toBeGreaterThan(0);
    expect(fixed.orders.orders.some((o) => o.kind === 'deployArmy')).toBe(false);
    const r = resolveTurn(s, { orders: [fixed.orders, ...SIDES.slice(1).map((side) => POLICIES[side]['status-quo']!(s).orders)] });
    expect(r.ok).toBe(true);
  });
});
