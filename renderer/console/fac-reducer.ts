/**
 * The facilitator's commands applied to the app state. Each command is checked before it changes
 * anything: what reaches the engine (injects, MSEL changes, scheduled lines, rulings, notes) is
 * queued for the next turn only if the engine's own turn-input validation accepts the queue with it;
 * a refused command leaves the state as it was and says why. The reducer's own steps (starting and
 * resolving a turn, committing a plan) come in as `deps`, so the two modules do not import each other.
 */
import { hasKey, type Values } from '../i18n';
import { errorMessage } from '../view-model/planning';
import {
  ADJUST_TARGETS,
  bot,
  hashState,
  regionName,
  replay,
  validateTurnInput,
  type GameState,
  type Override,
  type Side,
} from '../app-state/engine';
import { sessionFromLog } from '../app-state/session';
import type { AppState, Session, Toast } from '../app-state/types';
import type { ConsoleCommand } from './protocol';
import type { AarBranches } from '../../report/aar';
import { emptyPending, newFacState, pendingFields, type Branch, type FacState, type Flash, type PendingInput } from './fac-types';

export type FacAction = { type: 'fac/command'; command: ConsoleCommand; now: number } | { type: 'fac/clockExpired'; now: number };

export interface FacDeps {
  startTurn(s: AppState, session: Session): AppState;
  resolve(s: AppState, session: Session): AppState;
  /** Every plan is in: resolve, or hold the quarter for the facilitator if the console asks to. */
  resolveOrHold(s: AppState, session: Session): AppState;
  resumeAt(s: AppState, session: Session): AppState;
  commit(s: AppState): AppState;
}

export const facOf = (session: Session): FacState => session.fac ?? newFacState(session.log);

/** The branches with the current one's log brought up to date from the session. */
export function syncedBranches(session: Session): Branch[] {
  const fac = facOf(session);
  return fac.branches.map((b) => (b.id === fac.branchId ? { ...b, log: session.log } : b));
}

/** The branches and rewinds as the after-action report lists them (nothing for a single line of play). */
export function branchesForReport(session: Session): AarBranches | undefined {
  const fac = session.fac;
  if (!fac || (fac.branches.length < 2 && fac.rewinds.length === 0)) return undefined;
  const name = (id: string): string => fac.branches.find((b) => b.id === id)?.name ?? id;
  return {
    list: syncedBranches(session).map((b) => ({
      name: b.name,
      parent: b.parent === null ? null : name(b.parent),
      forkTurn: b.forkTurn,
      played: b.log.entries.length,
      current: b.id === fac.branchId,
    })),
    rewinds: fac.rewinds.map((r) => ({ from: name(r.from), fromTurn: r.fromTurn, toTurn: r.toTurn, branch: name(r.branch) })),
  };
}

function toast(s: AppState, t: Omit<Toast, 'id'>): AppState {
  const toasts = [...s.toasts, { ...t, id: s.nextToastId }].slice(-4);
  return { ...s, toasts, nextToastId: s.nextToastId + 1 };
}

const refuse = (s: AppState, key: string, values?: Values, details?: Toast['details']): AppState =>
  toast(s, { kind: 'error', key, ...(values ? { values } : {}), ...(details ? { details } : {}) });

function withFac(s: AppState, session: Session, fac: FacState): AppState {
  return { ...s, session: { ...session, fac } };
}

/** The figure an override would change, as it stands now. */
export function currentValue(game: GameState, o: Pick<Override, 'target' | 'region'>): number | null {
  const [scope, field] = o.target.split('.') as ['region' | 'national', string];
  if (scope === 'national') return (game.national as unknown as Record<string, number>)[field] ?? null;
  const r = game.regions.find((x) => x.id === o.region);
  return r ? ((r as unknown as Record<string, number>)[field] ?? null) : null;
}

const OVERRIDE_RANGE: Partial<Record<Override['target'], readonly [number, number]>> = {
  'national.usSupport': ADJUST_TARGETS['national.usSupport'],
};

/** The value an override will set (the engine clamps to the same ranges; shown in the ruling). */
function rulingValue(o: Override): number {
  const r =
    OVERRIDE_RANGE[o.target] ??
    (/legitimacy|Presence|corruption|pilotReadiness|insurgentFront/.test(o.target) ? [0, 1] : [0, Number.POSITIVE_INFINITY]);
  const v = Math.min(r[1], Math.max(r[0], o.value));
  return /labs|Fighters/.test(o.target) ? Math.round(v) : v;
}

/** Queue `next` if the engine accepts it on this turn; else say what is wrong. */
function queue(s: AppState, session: Session, fac: FacState, next: PendingInput, flash: Omit<Flash, 'id'> | null): AppState {
  const errors = validateTurnInput(session.game, { orders: [], ...pendingFields(next) });
  if (errors.length > 0) {
    return refuse(
      s,
      'console.error.refused',
      { count: errors.length },
      errors.map((e) => errorMessage(e, regionName, (k) => hasKey(k))),
    );
  }
  const withFlash: FacState = flash
    ? { ...fac, pending: next, flash: { ...flash, id: fac.nextFlashId } as Flash, nextFlashId: fac.nextFlashId + 1 }
    : { ...fac, pending: next };
  return withFac(s, session, withFlash);
}

const branchName = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : `Z${n - 25}`);

function currentSide(s: AppState): Side | null {
  return s.phase.kind === 'planning' || s.phase.kind === 'curtain' ? s.phase.side : null;
}

export function facilitatorReducer(s: AppState, a: FacAction, deps: FacDeps): AppState {
  const session = s.session;
  if (!session || s.phase.kind === 'replay') return s;
  const fac = facOf(session);
  const game = session.game;
  if (a.type === 'fac/clockExpired') {
    if (fac.clock.runningSince === null || fac.clock.expired) return s;
    return withFac(s, session, { ...fac, clock: { ...fac.clock, remainingMs: 0, runningSince: null, expired: true } });
  }
  const c = a.command;
  const ended = game.status === 'ended';
  switch (c.type) {
    case 'fireInject': {
      if (ended) return refuse(s, 'console.error.ended');
      const inj = c.inject;
      const def = 'custom' in inj ? inj.custom : game.scenario.injectLibrary.find((d) => d.id === inj.id);
      const flash = def ? { kind: 'inject' as const, title: def.title, brief: def.brief, region: inj.region ?? null } : null;
      return queue(s, session, fac, { ...fac.pending, injects: [...fac.pending.injects, inj] }, flash);
    }
    case 'msel': {
      if (ended) return refuse(s, 'console.error.ended');
      const line = game.national.msel.find((l) => l.id === c.action.entry);
      const entry = line ? (line.entry ?? game.scenario.msel.find((m) => m.id === line.id)) : undefined;
      const def = entry ? game.scenario.injectLibrary.find((d) => d.id === entry.inject.id) : undefined;
      const flash =
        c.action.action === 'fire' && def
          ? { kind: 'inject' as const, title: def.title, brief: def.brief, region: entry?.inject.region ?? null }
          : null;
      const msel = [...fac.pending.msel.filter((m) => m.entry !== c.action.entry), c.action];
      return queue(s, session, fac, { ...fac.pending, msel }, flash);
    }
    case 'schedule':
      if (ended) return refuse(s, 'console.error.ended');
      return queue(s, session, fac, { ...fac.pending, schedule: [...fac.pending.schedule, c.entry] }, null);
    case 'override': {
      if (ended) return refuse(s, 'console.error.ended');
      const from = currentValue(game, c.override);
      const flash =
        from === null
          ? null
          : {
              kind: 'ruling' as const,
              target: c.override.target,
              region: c.override.target.startsWith('region.') ? (c.override.region ?? null) : null,
              from,
              to: rulingValue(c.override),
              reason: c.override.reason,
            };
      const o: Override = c.override.target.startsWith('region.')
        ? c.override
        : { target: c.override.target, value: c.override.value, reason: c.override.reason };
      return queue(s, session, fac, { ...fac.pending, overrides: [...fac.pending.overrides, o] }, flash);
    }
    case 'note': {
      if (ended) return refuse(s, 'console.error.ended');
      const planning = s.phase.kind === 'planning' || s.phase.kind === 'curtain';
      const note = {
        turn: planning ? game.turn + 1 : game.turn,
        phase: planning ? ('planning' as const) : ('review' as const),
        text: c.text.trim(),
      };
      return queue(s, session, fac, { ...fac.pending, notes: [...fac.pending.notes, note] }, null);
    }
    case 'withdraw': {
      const list = fac.pending[c.part] as unknown[];
      if (c.index >= list.length) return s;
      return withFac(s, session, { ...fac, pending: { ...fac.pending, [c.part]: list.filter((_, i) => i !== c.index) } });
    }
    case 'clock': {
      const left = Math.max(
        0,
        fac.clock.runningSince === null ? fac.clock.remainingMs : fac.clock.remainingMs - (a.now - fac.clock.runningSince),
      );
      const running = fac.clock.runningSince !== null;
      switch (c.op) {
        case 'set': {
          const ms = Math.round(c.seconds * 1000);
          return withFac(s, session, { ...fac, clock: { limitMs: ms, remainingMs: ms, runningSince: null, expired: false } });
        }
        case 'extend':
          return withFac(s, session, {
            ...fac,
            clock: {
              ...fac.clock,
              remainingMs: left + Math.round(c.seconds * 1000),
              runningSince: running || fac.clock.expired ? a.now : null,
              expired: false,
            },
          });
        case 'start':
          if (running || left <= 0) return s;
          return withFac(s, session, { ...fac, clock: { ...fac.clock, remainingMs: left, runningSince: a.now } });
        case 'pause':
          return withFac(s, session, { ...fac, clock: { ...fac.clock, remainingMs: left, runningSince: null } });
      }
      return s;
    }
    case 'expiry': {
      const cleared = withFac(s, session, { ...fac, clock: { ...fac.clock, expired: false, runningSince: null, remainingMs: 0 } });
      if (c.choice === 'wait') return cleared;
      const side = currentSide(cleared);
      if (!side || !cleared.session) return cleared;
      if (c.choice === 'commit') return deps.commit({ ...cleared, phase: { kind: 'planning', side } });
      const sess = cleared.session;
      const seat = sess.setup.seats[side];
      try {
        // The clock ran out and the facilitator lets the computer decide for this team: its orders
        // carry their author (the bot and its reasons), as a computer seat's do.
        const b = bot(game, side, seat.difficulty);
        const committed = { ...sess.committed, [side]: b.orders };
        const queueLeft = sess.queue.filter((x) => x !== side);
        const next: Session = { ...sess, committed, queue: queueLeft, errors: [] };
        const head = queueLeft[0];
        const base: AppState = { ...cleared, toasts: [] };
        if (head) return { ...base, session: next, phase: { kind: 'curtain', side: head } };
        return deps.resolveOrHold(base, next);
      } catch (err) {
        return refuse(cleared, 'app.error.engine', { detail: err instanceof Error ? err.message : String(err) });
      }
    }
    case 'rewind': {
      if (c.turn >= game.turn) return refuse(s, 'console.error.rewindTurn', { turn: c.turn, current: game.turn });
      const branches = syncedBranches(session);
      const id = `b${branches.length + 1}`;
      const states = session.states.slice(0, c.turn + 1);
      const log = { ...session.log, entries: session.log.entries.slice(0, c.turn), finalHash: hashState(states[c.turn]!) };
      const branch: Branch = { id, name: branchName(branches.length), parent: fac.branchId, forkTurn: c.turn, log };
      const back = sessionFromLog({ setup: session.setup, log, states, turnEvents: session.turnEvents.slice(0, c.turn) }, session.gameId, {
        handle: session.saveHandle,
        name: session.saveName,
      });
      const nextFac: FacState = {
        ...fac,
        branches: [...branches, branch],
        branchId: id,
        pending: emptyPending(),
        flash: null,
        sentBack: {},
        clock: { ...fac.clock, remainingMs: fac.clock.limitMs, runningSince: null, expired: false },
        rewinds: [...fac.rewinds, { from: fac.branchId, fromTurn: game.turn, toTurn: c.turn, branch: id }],
      };
      const started = c.turn === 0 ? deps.startTurn(s, { ...back, fac: nextFac }) : deps.resumeAt(s, { ...back, fac: nextFac });
      return toast(started, {
        kind: 'info',
        key: c.turn === 0 ? 'console.toast.rewoundStart' : 'console.toast.rewound',
        values: { turn: c.turn, branch: branch.name },
      });
    }
    case 'switchBranch': {
      const branches = syncedBranches(session);
      const target = branches.find((b) => b.id === c.id);
      if (!target || target.id === fac.branchId) return s;
      const r = replay(target.log, { keepStates: true });
      if (!r.ok) return refuse(s, 'console.error.branchReplay', { branch: target.name });
      const next = sessionFromLog({ setup: session.setup, log: target.log, states: r.states, turnEvents: r.events }, session.gameId, {
        handle: session.saveHandle,
        name: session.saveName,
      });
      const nextFac: FacState = { ...fac, branches, branchId: target.id, pending: emptyPending(), flash: null, sentBack: {} };
      return toast(deps.resumeAt(s, { ...next, fac: nextFac }), {
        kind: 'info',
        key: 'console.toast.switched',
        values: { branch: target.name },
      });
    }
    case 'sendBack': {
      if (!session.committed[c.side]) return refuse(s, 'console.error.notCommitted');
      const committed = { ...session.committed };
      delete committed[c.side];
      const next: Session = {
        ...session,
        committed,
        queue: [...session.queue, c.side],
        fac: { ...fac, sentBack: { ...fac.sentBack, [c.side]: c.note.trim() } },
      };
      // A quarter held for review goes back to the hand-over curtain of the team whose plan returns.
      const phase = s.phase.kind === 'held' ? { kind: 'curtain' as const, side: c.side } : s.phase;
      return toast(
        { ...s, session: next, phase },
        { kind: 'info', key: 'console.toast.sentBack', values: { side: `@app.side.${c.side}` } },
      );
    }
    case 'holdTurn':
      return withFac(s, session, { ...fac, holdTurn: c.on });
    case 'release':
      if (s.phase.kind !== 'held') return refuse(s, 'console.error.notHeld');
      return deps.resolve(s, session);
    case 'seat': {
      if (s.phase.kind !== 'review') return refuse(s, 'console.error.seatBoundary');
      return { ...s, session: { ...session, setup: { ...session.setup, seats: { ...session.setup.seats, [c.side]: c.seat } } } };
    }
    case 'lang':
      return { ...s, settings: { ...s.settings, lang: c.lang } };
    case 'dismissFlash':
      return withFac(s, session, { ...fac, flash: null });
  }
}

/** What a resolved turn leaves of the facilitator's state: nothing queued, the clock reset. */
export function afterTurn(fac: FacState | undefined): FacState | undefined {
  if (!fac) return fac;
  return {
    ...fac,
    pending: emptyPending(),
    sentBack: {},
    clock: { ...fac.clock, remainingMs: fac.clock.limitMs, runningSince: null, expired: false },
  };
}
