/**
 * Engine values as sentences in the reader's language, for the report and the CSV files: events
 * (the app's own event-log wording), orders ("Eradicate coca — Cusco: 1,912 ha"), who sat in each
 * seat and the computer sides' reasons, read back from the notes the command line records.
 * Pure: no DOM, no React, no Vite, so the command line builds the same text.
 */
import { ORDER_SPECS, POLICIES, regionName, type GameEvent, type Order, type Side, type SideOrders, type Unit } from '../game';
import type { TFunction, Values } from '../i18n/catalogue';
import { eventMessage } from './event-log';
import { localiseValues } from './values';

/** An order amount with its unit, for people: shares (0–1) read as percentages. */
export function amountText(t: TFunction, unit: Unit, n: number): string {
  if (unit === 'share') return t('app.unit.pct', { n: Math.round(n * 1000) / 10 });
  return t(`app.unit.${unit}`, { n });
}

/** An engine event as the event log words it. */
export function describeEvent(t: TFunction, e: GameEvent): string {
  const m = eventMessage(e, regionName);
  return t(m.key, m.values);
}

export interface OrderParts {
  /** What kind of order ("Eradicate coca"). */
  label: string;
  /** Where or what it acts on (a region, an exit, "Cusco → Puno"), or ''. */
  target: string;
  /** How much or which setting ("1,912 ha", "Shoot down"), or ''. */
  amount: string;
}

/** An order's parts, translated. */
export function orderParts(t: TFunction, o: Order): OrderParts {
  const spec = ORDER_SPECS[o.kind];
  const label = t(`orders.${o.kind}.label`);
  let target = '';
  if ('to' in o) target = t('report.order.move', { from: regionName(o.region), to: regionName(o.to) });
  else if ('region' in o) target = regionName(o.region);
  else if ('exit' in o) target = t(`app.exit.${o.exit}`);
  let amount = '';
  if ('value' in o) {
    amount = typeof o.value === 'string' ? t(`orders.choice.${o.kind}.${o.value}`) : amountText(t, spec.unit, o.value);
  } else if ('amount' in o) {
    amount = amountText(t, spec.unit, o.amount);
  }
  return { label, target, amount };
}

/** An order as one line: "Eradicate coca — Cusco: 1,912 ha". */
export function describeOrder(t: TFunction, o: Order): string {
  const { label, target, amount } = orderParts(t, o);
  if (target && amount) return t('report.order.full', { label, target, amount });
  if (amount) return t('report.order.amount', { label, amount });
  if (target) return t('report.order.target', { label, target });
  return label;
}

// --- Seats and the computer sides' reasons, from the log's notes ---

/** Who gave a side's orders, as far as the log says. */
export type SeatInfo = { kind: 'bot'; difficulty: string } | { kind: 'policy'; name: string } | { kind: 'human' } | { kind: 'unknown' };

/** A note the command line wrote for a computer seat: its label, its reasons, and anything else. */
export interface SeatNote {
  seat: SeatInfo;
  reasons: { key: string; values: Values }[];
  /** Text after the reasons (the engine's refusals), verbatim. */
  extra: string;
}

const SEAT_NOTE = /^(?:bot:(easy|normal|hard)|policy:([\w-]+))(?::\s([\s\S]*))?$/;
const REASON = /^(ai\.[\w.]+)(?:\((.*)\))?$/;

/**
 * Read a note written as `bot:hard: ai.state.radar(regions=3); ai.state.pushLaw` (the command
 * line's seats) back into its parts; null for anything else (a team's own rationale).
 */
export function parseSeatNote(note: string): SeatNote | null {
  const m = SEAT_NOTE.exec(note.trim());
  if (!m) return null;
  const seat: SeatInfo = m[1] ? { kind: 'bot', difficulty: m[1] } : { kind: 'policy', name: m[2]! };
  let rest = m[3] ?? '';
  let extra = '';
  const bracket = rest.indexOf(' [');
  if (bracket >= 0) {
    extra = rest.slice(bracket + 1);
    rest = rest.slice(0, bracket);
  } else if (rest.startsWith('[')) {
    extra = rest;
    rest = '';
  }
  const reasons: { key: string; values: Values }[] = [];
  for (const part of rest.split('; ').filter((p) => p.trim() !== '')) {
    const r = REASON.exec(part.trim());
    if (!r) return null;
    const values: Record<string, string | number> = {};
    for (const kv of (r[2] ?? '').split(', ').filter((x) => x !== '')) {
      const eq = kv.indexOf('=');
      if (eq <= 0) return null;
      const v = kv.slice(eq + 1);
      values[kv.slice(0, eq)] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    }
    reasons.push({ key: r[1]!, values: localiseValues(values, regionName) });
  }
  return { seat, reasons, extra };
}

/** The seat of each side over the game, from the notes: one kind throughout, or unknown. */
export function seatOf(notes: readonly string[]): SeatInfo {
  const given = notes.filter((n) => n.trim() !== '');
  if (given.length === 0) return { kind: 'unknown' };
  const parsed = given.map(parseSeatNote);
  if (parsed.every((p) => p === null)) return { kind: 'human' };
  const first = parsed[0]?.seat;
  if (first && parsed.every((p) => p !== null && JSON.stringify(p.seat) === JSON.stringify(first))) return first;
  return { kind: 'unknown' };
}

/** Who gave one turn's orders: the `author` the log records, or (older logs) what the note says; null when nothing says. */
export function seatOfTurn(so: Pick<SideOrders, 'note' | 'author'> | undefined): SeatInfo | null {
  const a = so?.author;
  if (a)
    return a.kind === 'bot'
      ? { kind: 'bot', difficulty: a.difficulty }
      : a.kind === 'policy'
        ? { kind: 'policy', name: a.policy }
        : { kind: 'human' };
  const note = so?.note ?? '';
  if (note.trim() === '') return null;
  return parseSeatNote(note)?.seat ?? { kind: 'human' };
}

/** The seat of a side over the game, from each turn's orders: one seat throughout, or unknown. */
export function seatOfGame(turns: readonly (Pick<SideOrders, 'note' | 'author'> | undefined)[]): SeatInfo {
  const seats = turns.map(seatOfTurn).filter((x): x is SeatInfo => x !== null);
  const first = seats[0];
  if (!first) return { kind: 'unknown' };
  return seats.every((x) => JSON.stringify(x) === JSON.stringify(first)) ? first : { kind: 'unknown' };
}

/** A seat in words: "Computer (hard)", "Policy: air interdiction", "Players". */
export function describeSeat(t: TFunction, seat: SeatInfo, side: Side): string {
  switch (seat.kind) {
    case 'bot':
      return t('report.seat.bot', {
        level: ['easy', 'normal', 'hard'].includes(seat.difficulty) ? `@app.difficulty.${seat.difficulty}` : seat.difficulty,
      });
    case 'policy':
      return t('report.seat.policy', {
        policy: Object.prototype.hasOwnProperty.call(POLICIES[side], seat.name) ? `@report.policy.${seat.name}` : seat.name,
      });
    case 'human':
      return t('report.seat.human');
    default:
      return t('report.seat.unknown');
  }
}
