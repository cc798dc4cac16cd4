/**
 * A session's derived data. The log is the record; the states, events and turn reports are
 * computed from it (by the engine when a turn is played, by `replay` when a game is loaded) and
 * must come out the same either way. The computer sides' decisions are read from the log, where
 * they are recorded as data: what a loaded game shows is what was shown when it was played.
 */
import {
  SIDES,
  bot,
  canonicalJson,
  hashState,
  type Author,
  type GameEvent,
  type GameLog,
  type GameState,
  type Side,
  type SideOrders,
} from './engine';
import { DIFFICULTIES, type Seat, type Session, type Setup, type TurnOutcome } from './types';

/** The same orders, however their keys were ordered (compared as canonical JSON). */
const sameOrders = (a: SideOrders | undefined, b: SideOrders): boolean =>
  a !== undefined && canonicalJson(a.orders) === canonicalJson(b.orders);

/** The difficulty a log's note names for a computer seat (`bot:hard…`, logs written before decisions were recorded), if any. */
export function noteDifficulty(note: string | undefined): Seat['difficulty'] | null {
  const m = /^bot:(easy|normal|hard)(?::|$)/.exec(note ?? '');
  return m ? (m[1] as Seat['difficulty']) : null;
}

/**
 * For logs written before decisions were recorded: the decision of the bot at `difficulty`, asked
 * again on the state before the turn, if it gives exactly the orders in the log; null otherwise.
 * Only the rule-based levels are asked again (cheap); a hard seat's decision is in its log.
 */
function askedAgain(before: GameState, side: Side, difficulty: Seat['difficulty'], logged: SideOrders | undefined): Author | null {
  if (difficulty === 'hard') return null;
  try {
    const b = bot(before, side, difficulty);
    return sameOrders(logged, b.orders) ? (b.orders.author ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * The outcome of `turn` (1-based) as its report showed it: its events, every side's orders and who
 * decided them and why. The log records the computer's decisions as data (`author`), so they are
 * read, never recomputed. With `seats` (a save), the computer sides are known; without (a bare
 * log), a side counts as a computer when its orders' author is a bot — or, for logs written before
 * authors were recorded, when a note names a bot (`bot:normal: …`) or a rule-based bot asked again
 * gives exactly the logged orders.
 */
export function outcomeOf(
  log: GameLog,
  states: readonly GameState[],
  turnEvents: readonly GameEvent[][],
  turn: number,
  seats: Record<Side, Seat> | null,
): { outcome: TurnOutcome; seats: Record<Side, Seat> } | null {
  const entry = log.entries[turn - 1];
  const before = states[turn - 1];
  if (!entry || !before) return null;
  const orders = entry.input.orders;
  const authors: Partial<Record<Side, Author>> = {};
  const found = {} as Record<Side, Seat>;
  for (const side of SIDES) {
    const logged = orders.find((o) => o.side === side);
    const seat = seats?.[side];
    const author = logged?.author;
    if (author) {
      authors[side] = author;
      found[side] =
        seat ?? (author.kind === 'bot' ? { kind: 'computer', difficulty: author.difficulty } : { kind: 'human', difficulty: 'normal' });
      continue;
    }
    if (seat) {
      found[side] = seat;
      if (seat.kind === 'computer') {
        const a = askedAgain(before, side, seat.difficulty, logged);
        if (a) authors[side] = a;
      }
      continue;
    }
    found[side] = { kind: 'human', difficulty: 'normal' };
    const named = noteDifficulty(logged?.note);
    const tries = named ? [named] : logged?.note ? [] : (['normal', ...DIFFICULTIES.filter((x) => x !== 'normal')] as const);
    for (const d of tries) {
      const a = askedAgain(before, side, d, logged);
      if (a) {
        authors[side] = a;
        found[side] = { kind: 'computer', difficulty: d };
        break;
      }
    }
  }
  return { outcome: { turn, events: turnEvents[turn - 1] ?? [], orders, authors }, seats: found };
}

/** A short id for this game's autosave slots: lower-case letters and digits. */
export function newGameId(random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < 6; i++) id += Math.floor(random() * 36).toString(36);
  return id;
}

/** A session from a game recomputed from its log (a file, an autosave, a rewind). */
export function sessionFromLog(
  input: { setup: Setup; log: GameLog; states: GameState[]; turnEvents: GameEvent[][] },
  gameId: string,
  file: { handle: string | null; name: string | null } = { handle: null, name: null },
): Session {
  const { setup, log, states, turnEvents } = input;
  const game = states[states.length - 1];
  if (!game) throw new Error('a session needs at least the starting state');
  const turn = states.length - 1;
  return {
    setup,
    gameId,
    game,
    queue: [],
    drafts: {},
    history: {},
    committed: {},
    errors: [],
    last: turn > 0 ? (outcomeOf(log, states, turnEvents, turn, setup.seats)?.outcome ?? null) : null,
    states,
    turnEvents,
    events: turnEvents.flat(),
    log,
    saveHandle: file.handle,
    saveName: file.name,
  };
}

/**
 * The session as it was before its last turn was resolved (undo): the log, states and events cut
 * back one turn, the previous report shown again. Null when no turn has been played.
 */
export function withoutLastTurn(session: Session): Session | null {
  const n = session.states.length - 1;
  if (n < 1) return null;
  const states = session.states.slice(0, n);
  const prev = states[n - 1]!;
  const log: GameLog = { ...session.log, entries: session.log.entries.slice(0, n - 1), finalHash: hashState(prev) };
  const turnEvents = session.turnEvents.slice(0, n - 1);
  return {
    ...sessionFromLog({ setup: session.setup, log, states, turnEvents }, session.gameId, {
      handle: session.saveHandle,
      name: session.saveName,
    }),
  };
}
