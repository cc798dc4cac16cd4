/**
 * A session's derived data. The log is the record; the states, events and turn reports are
 * computed from it (by the engine when a turn is played, by `replay` when a game is loaded) and
 * must come out the same either way. The computer sides' reasons are asked again of the same bots,
 * which are deterministic: what a loaded game shows is what was shown when it was played.
 */
import { SIDES, bot, canonicalJson, clipNote, hashState, type GameEvent, type GameLog, type GameState, type Side, type SideOrders } from './engine';
import { DIFFICULTIES, type Rationale, type Seat, type Session, type Setup, type TurnOutcome } from './types';

/** Bots give `{ key, values }`; tolerate a bare string too. */
export function normaliseRationale(r: unknown): Rationale {
  if (typeof r === 'string') return { key: r };
  if (r && typeof r === 'object' && 'key' in r && typeof (r).key === 'string') {
    const o = r as { key: string; values?: Record<string, string | number> };
    return o.values ? { key: o.key, values: o.values } : { key: o.key };
  }
  return { key: 'app.report.noRationale' };
}

/** The same orders, however their keys were ordered (compared as canonical JSON). */
const sameOrders = (a: SideOrders | undefined, b: SideOrders): boolean => a !== undefined && canonicalJson(a.orders) === canonicalJson(b.orders);

/**
 * The note a computer seat's orders carry in the log, in the command line's format
 * (`bot:hard: ai.state.radar(regions=3); ai.state.pushLaw`): who gave the orders and why, so the
 * after-action report and the replay viewer can say so from the log alone.
 */
export function botNote(difficulty: Seat['difficulty'], rationale: readonly Rationale[]): string {
  const why = rationale.map((r) => {
    const vals = Object.entries(r.values ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
    return vals ? `${r.key}(${vals})` : r.key;
  }).join('; ');
  const note = `bot:${difficulty}${why ? `: ${why}` : ''}`;
  return clipNote(note);
}

/** The difficulty a log's note names for a computer seat (`bot:hard…`), if it names one. */
export function noteDifficulty(note: string | undefined): Seat['difficulty'] | null {
  const m = /^bot:(easy|normal|hard)(?::|$)/.exec(note ?? '');
  return m ? (m[1] as Seat['difficulty']) : null;
}

/**
 * The computer's reasons for a side's orders on a turn, if the bot at `difficulty`, asked again on
 * the state before the turn, gives exactly the orders in the log; null otherwise.
 */
function botReasons(before: GameState, side: Side, difficulty: Seat['difficulty'], logged: SideOrders | undefined): Rationale[] | null {
  try {
    const b = bot(before, side, difficulty);
    return sameOrders(logged, b.orders) ? b.rationale.map(normaliseRationale) : null;
  } catch {
    return null;
  }
}

/**
 * The outcome of `turn` (1-based) as its report showed it: its events, every side's orders and the
 * computer sides' reasons. With `seats` (a save), the computer sides are known; without (a bare
 * log), a side counts as a computer when its note names a bot (`bot:hard: …`) whose orders, asked
 * again, are exactly the logged ones — or, for logs without such notes, when one of the bots gives
 * exactly its logged orders. The reasons shown are always the bot's own, asked again: never the note.
 */
export function outcomeOf(
  log: GameLog, states: readonly GameState[], turnEvents: readonly GameEvent[][], turn: number, seats: Record<Side, Seat> | null,
): { outcome: TurnOutcome; seats: Record<Side, Seat> } | null {
  const entry = log.entries[turn - 1];
  const before = states[turn - 1];
  if (!entry || !before) return null;
  const orders = entry.input.orders;
  const rationale: Partial<Record<Side, Rationale[]>> = {};
  const found = {} as Record<Side, Seat>;
  for (const side of SIDES) {
    const logged = orders.find((o) => o.side === side);
    const seat = seats?.[side];
    if (seat) {
      found[side] = seat;
      if (seat.kind === 'computer') {
        const r = botReasons(before, side, seat.difficulty, logged);
        if (r) rationale[side] = r;
      }
      continue;
    }
    found[side] = { kind: 'human', difficulty: 'normal' };
    const named = noteDifficulty(logged?.note);
    const tries = named ? [named] : logged?.note ? [] : ['normal', ...DIFFICULTIES.filter((x) => x !== 'normal')] as const;
    for (const d of tries) {
      const r = botReasons(before, side, d, logged);
      if (r) {
        rationale[side] = r;
        found[side] = { kind: 'computer', difficulty: d };
        break;
      }
    }
  }
  return { outcome: { turn, events: turnEvents[turn - 1] ?? [], orders, rationale }, seats: found };
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
    setup, gameId, game, queue: [], drafts: {}, history: {}, committed: {}, errors: [],
    last: turn > 0 ? outcomeOf(log, states, turnEvents, turn, setup.seats)?.outcome ?? null : null,
    states, turnEvents, events: turnEvents.flat(), log,
    saveHandle: file.handle, saveName: file.name,
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
    ...sessionFromLog({ setup: session.setup, log, states, turnEvents }, session.gameId, { handle: session.saveHandle, name: session.saveName }),
  };
}
