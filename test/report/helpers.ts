/**
 * For the report's tests: a short bot game with the awkward inputs a real seminar produces (notes
 * with accents, commas, quotes and line breaks; a facilitator's inject; an override with a reason
 * that needs quoting), replayed with every state kept; and a CSV parser written from RFC 4180,
 * independent of the code that writes the files.
 */
import {
  appendTurn,
  bot,
  createGame,
  findScenario,
  newLog,
  replay,
  resolveTurn,
  SIDES,
  type GameEvent,
  type GameLog,
  type GameState,
  type TurnInput,
} from '../../game/index';

/** Parse CSV text (RFC 4180: quoted fields, doubled quotes, commas and line breaks in quotes; a leading BOM ignored). */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (field !== '') throw new Error(`CSV: a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (ch === ',') endField();
    else if (ch === '\r' && src[i + 1] === '\n') {
      endRow();
      i++;
    } else if (ch === '\n') endRow();
    else field += ch;
    i++;
  }
  if (quoted) throw new Error('CSV: an unterminated quoted field');
  if (field !== '' || row.length) endRow();
  return rows;
}

/** Rows as objects keyed by the header. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('CSV: no header');
  for (const r of rows)
    if (r.length !== header.length) throw new Error(`CSV: a row of ${r.length} fields for ${header.length} columns: ${r.join('|')}`);
  return { header, records: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))) };
}

/** The notes the teams "typed": every CSV and HTML hazard at once. */
export const NOTES: Record<string, string> = {
  state: 'Presión en Junín y Apurímac, luego "Lobo" en el VRAEM,\nsegunda línea: <no HTML> & más',
  insurgents: 'Hide, wait; then strike — "Camarada José" says so.',
};

export interface Game {
  log: GameLog;
  states: GameState[];
  events: GameEvent[][];
}

/**
 * Six turns: the State and the insurgents are computer players whose notes are the teams' text
 * above; the clans are the normal bot, its decision recorded as the orders' author. A mistaken
 * shootdown (turn 3) and an override of Junín's coca with a reason that needs quoting (turn 2).
 */
export function sixTurnGame(seed = 5, turns = 6): Game {
  const scenario = findScenario('interdiction-2016')!;
  let state = createGame(scenario, seed, { turns });
  let log = newLog(state);
  while (state.status === 'playing') {
    const turn = state.turn + 1;
    const input: TurnInput = {
      orders: SIDES.map((side) => {
        const b = bot(state, side, 'normal');
        // The clans are a computer side: who decided and why is recorded as data (the orders' author).
        return side === 'clans' ? b.orders : { side, orders: b.orders.orders, note: NOTES[side]! };
      }),
    };
    if (turn === 3) input.injects = [{ id: 'mistaken-shootdown', region: 'PE-CUS' }];
    if (turn === 2)
      input.overrides = [{ target: 'region.cocaHa', region: 'PE-JUN', value: 30000, reason: 'new survey, "DEVIDA 2016", Junín' }];
    const r = resolveTurn(state, input);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
    state = r.state;
    log = appendTurn(log, input, state);
  }
  const rp = replay(log, { keepStates: true });
  if (!rp.ok) throw new Error(rp.message);
  return { log, states: rp.states, events: rp.events };
}
