/**
 * The app's one reducer. Data flows one way: the engine's state goes to views; user intent arrives
 * here as actions, becomes orders, and goes to the engine. The engine is pure and deterministic, so
 * calling it from the reducer keeps the reducer pure too.
 */
import { hasKey, type Values } from '../i18n';
import { errorMessage } from '../view-model/planning';
import { draftFromOrders, sideOrdersFor, emptyDraft } from './drafts';
import {
  BUILTIN_SCENARIOS,
  SIDES,
  appendTurn,
  bot,
  createGame,
  newLog,
  regionName,
  resolveTurn,
  validateOrders,
  canonicalJson,
  legalOrders,
  type Author,
  type Decision,
  type GameState,
  type Order,
  type Side,
  type SideOrders,
  type TurnInput,
  type Viewer,
} from './engine';
import * as replayModel from './replay';
import type { LoadedGame } from './save-file';
import { sessionFromLog, withoutLastTurn } from './session';
import { clampZoom } from './settings';
import { afterTurn, facilitatorReducer, type FacAction } from '../console/fac-reducer';
import { newFacState, pendingFields } from '../console/fac-types';
import type { Advice, AppState, DialogId, Draft, DraftValue, PlanHistory, Session, Settings, Setup, Toast, TurnOutcome } from './types';

export type Action =
  | { type: 'settings/set'; patch: Partial<Settings> }
  | { type: 'settings/zoom'; by: number | 'reset' }
  | { type: 'dialog/open'; dialog: Exclude<DialogId, null> }
  | { type: 'dialog/close' }
  | { type: 'game/new'; setup: Setup; gameId?: string }
  /** A game recomputed from a file or an autosave (see `save-file.ts`). */
  | { type: 'game/loaded'; loaded: LoadedGame; gameId: string; file: { handle: string | null; name: string | null } }
  | { type: 'game/saved'; handle: string; name: string }
  /** Take back the last resolved turn: plan it again (the orders given for it are discarded). */
  | { type: 'turn/undo' }
  /** Leave the game or the replay viewer for the start screen. */
  | { type: 'app/home' }
  | { type: 'replay/open'; replay: replayModel.ReplaySession }
  | { type: 'replay/seek'; turn: number }
  | { type: 'replay/step'; by: number }
  | { type: 'replay/first' }
  | { type: 'replay/last' }
  | { type: 'replay/toggle' }
  | { type: 'replay/tick' }
  | { type: 'replay/viewer'; viewer: Viewer }
  | { type: 'replay/speed'; speedMs: number }
  | { type: 'curtain/reveal' }
  | { type: 'plan/set'; key: string; value: DraftValue }
  | { type: 'plan/note'; note: string }
  | { type: 'plan/undo' }
  | { type: 'plan/redo' }
  | { type: 'plan/reset' }
  | { type: 'plan/commit' }
  | { type: 'turn/continue' }
  | { type: 'region/select'; id: string | null }
  | { type: 'toast/push'; toast: Omit<Toast, 'id'> }
  | { type: 'toast/dismiss'; id: number }
  /** The worker starts deciding for the hard computer sides of `game` (see hooks/use-computer.ts). */
  | { type: 'ai/start'; game: GameState; sides: Side[] }
  /** A computer side's orders decided in the worker for `game`. */
  | { type: 'ai/decided'; game: GameState; side: Side; orders: SideOrders }
  /** The worker could not decide: the side decides on this thread when the turn is resolved. */
  | { type: 'ai/failed'; game: GameState; side: Side }
  /** The planning team asks what the computer (hard) would do in its place. */
  | { type: 'advice/ask' }
  | { type: 'advice/ready'; game: GameState; side: Side; orders: Order[]; decision: Decision }
  | { type: 'advice/failed'; game: GameState; side: Side; error: string }
  /** The planning team takes the advice as its draft (still editable). */
  | { type: 'advice/apply' }
  | FacAction;

export function initialState(settings: Settings): AppState {
  return { phase: { kind: 'idle' }, session: null, replay: null, settings, dialog: null, selectedRegion: null, toasts: [], nextToastId: 1 };
}

const MAX_TOASTS = 4;
const MAX_UNDO = 200;

function pushToast(s: AppState, toast: Omit<Toast, 'id'>): AppState {
  const toasts = [...s.toasts, { ...toast, id: s.nextToastId }].slice(-MAX_TOASTS);
  return { ...s, toasts, nextToastId: s.nextToastId + 1 };
}

export const humanSides = (setup: Setup): Side[] => SIDES.filter((side) => setup.seats[side].kind === 'human');

/** Start planning a new turn: drafts cleared, the human sides queued, the curtain down if needed. */
function startTurn(s: AppState, session: Session): AppState {
  const queue = humanSides(session.setup);
  const next: Session = { ...session, queue, drafts: {}, history: {}, committed: {}, errors: [], advice: {}, awaiting: false };
  if (session.game.status === 'ended') return { ...s, session: next, phase: { kind: 'ended' } };
  const first = queue[0];
  if (!first) return { ...s, session: next, phase: { kind: 'review' } };
  return { ...s, session: next, phase: queue.length > 1 ? { kind: 'curtain', side: first } : { kind: 'planning', side: first } };
}

function errorToast(key: string, values?: Values, details?: Toast['details']): Omit<Toast, 'id'> {
  const t: Omit<Toast, 'id'> = { kind: 'error', key };
  if (values) t.values = values;
  if (details) t.details = details;
  return t;
}

/** Everyone has committed (or is a computer): ask the bots, then resolve the turn. */
function resolve(s: AppState, session: Session): AppState {
  const game = session.game;
  const ai = session.aiFor === game;
  // Computer sides still thinking in the worker: the turn waits for them (the board stays live).
  if (ai && session.thinking?.length) {
    return { ...s, session: { ...session, queue: [], awaiting: true }, phase: { kind: 'review' } };
  }
  const orders: SideOrders[] = [];
  const authors: Partial<Record<Side, Author>> = {};
  try {
    for (const side of SIDES) {
      const seat = session.setup.seats[side];
      const committed = session.committed[side];
      if (seat.kind === 'human' && committed) {
        orders.push(committed);
        if (committed.author) authors[side] = committed.author; // the computer decided for a team out of time
      } else {
        // The log records who gave these orders and why (the decision as data), for the report and the AAR.
        const b = (ai ? session.decided?.[side] : undefined) ?? bot(game, side, seat.difficulty).orders;
        orders.push(b);
        if (b.author) authors[side] = b.author;
      }
    }
    // The facilitator's queued injects, MSEL changes, rulings and notes go in with the orders.
    const input: TurnInput = { orders, ...pendingFields(session.fac?.pending) };
    const result = resolveTurn(game, input);
    if (!result.ok) {
      const details = result.errors.map((e) => errorMessage(e, regionName, (k) => hasKey(k)));
      const back = startTurn(s, { ...session });
      return pushToast(back, errorToast('app.error.resolve', undefined, details));
    }
    const outcome: TurnOutcome = { turn: result.state.turn, events: result.events, orders, authors };
    const next: Session = {
      ...session,
      game: result.state,
      queue: [],
      drafts: {},
      history: {},
      committed: {},
      errors: [],
      last: outcome,
      states: [...session.states, result.state],
      turnEvents: [...session.turnEvents, result.events],
      events: [...session.events, ...result.events],
      log: appendTurn(session.log, input, result.state),
      fac: afterTurn(session.fac),
      awaiting: false,
      thinking: [],
      decided: {},
      advice: {},
    };
    return { ...s, session: next, phase: result.state.status === 'ended' ? { kind: 'ended' } : { kind: 'review' } };
  } catch (err) {
    return pushToast(s, errorToast('app.error.engine', { detail: err instanceof Error ? err.message : String(err) }));
  }
}

/**
 * The last plan is in: resolve the quarter, unless the facilitator holds it for review (a console
 * setting), in which case the public screen waits, covered, until the console releases it.
 */
function resolveOrHold(s: AppState, session: Session): AppState {
  if (session.fac?.holdTurn && humanSides(session.setup).length > 0) return { ...s, session, phase: { kind: 'held' } };
  return resolve(s, session);
}

function withReplay(s: AppState, f: (r: replayModel.ReplaySession) => replayModel.ReplaySession): AppState {
  if (!s.replay || s.phase.kind !== 'replay') return s;
  const replay = f(s.replay);
  return replay === s.replay ? s : { ...s, replay };
}

/**
 * A loaded game continues where it stopped: the report of the last turn played (as it was shown
 * after that turn), or the end of the game, or planning the first turn of a game not yet begun.
 */
function resumeAt(s: AppState, session: Session): AppState {
  const ready: Session = { ...session, queue: [], drafts: {}, history: {}, committed: {}, errors: [] };
  if (session.game.status === 'ended') return { ...s, session: ready, phase: { kind: 'ended' } };
  if (session.game.turn >= 1) return { ...s, session: ready, phase: { kind: 'review' } };
  return startTurn(s, ready);
}

function planningSide(s: AppState): Side | null {
  return s.phase.kind === 'planning' ? s.phase.side : null;
}

function withDraft(s: AppState, side: Side, draft: Draft, history: PlanHistory): AppState {
  const session = s.session;
  if (!session) return s;
  return {
    ...s,
    session: {
      ...session,
      drafts: { ...session.drafts, [side]: draft },
      history: { ...session.history, [side]: history },
    },
  };
}

const emptyHistory = (): PlanHistory => ({ past: [], future: [], lastKey: null });

export function appReducer(s: AppState, a: Action): AppState {
  if (a.type === 'fac/command' || a.type === 'fac/clockExpired') {
    return facilitatorReducer(s, a, { startTurn, resolve, resolveOrHold, resumeAt, commit: (x) => appReducer(x, { type: 'plan/commit' }) });
  }
  switch (a.type) {
    case 'settings/set':
      return { ...s, settings: { ...s.settings, ...a.patch } };
    case 'settings/zoom': {
      const zoom = a.by === 'reset' ? 1 : clampZoom(s.settings.zoom + a.by);
      return { ...s, settings: { ...s.settings, zoom } };
    }
    case 'dialog/open':
      return { ...s, dialog: a.dialog };
    case 'dialog/close':
      return { ...s, dialog: null };
    case 'game/new': {
      const scenario = BUILTIN_SCENARIOS.find((x) => x.id === a.setup.scenarioId);
      if (!scenario) return pushToast(s, errorToast('app.error.noScenario', { id: a.setup.scenarioId }));
      let game: GameState;
      try {
        game = createGame(scenario, a.setup.seed, { turns: a.setup.turns });
      } catch (err) {
        return pushToast(s, errorToast('app.error.engine', { detail: err instanceof Error ? err.message : String(err) }));
      }
      const session = sessionFromLog({ setup: a.setup, log: newLog(game), states: [game], turnEvents: [] }, a.gameId ?? `s${a.setup.seed}`);
      session.fac = newFacState(session.log, a.setup.facilitatorPassphrase ?? null);
      return startTurn({ ...s, replay: null, dialog: null, selectedRegion: null }, session);
    }
    case 'game/loaded': {
      let session: Session;
      try {
        session = sessionFromLog(a.loaded, a.gameId, a.file);
        const b = a.loaded.branches;
        session.fac = b
          ? { ...newFacState(session.log), branches: b.list, branchId: b.current, rewinds: b.rewinds }
          : newFacState(session.log);
      } catch (err) {
        return pushToast(s, errorToast('app.error.engine', { detail: err instanceof Error ? err.message : String(err) }));
      }
      return resumeAt({ ...s, replay: null, dialog: null, selectedRegion: a.loaded.selectedRegion }, session);
    }
    case 'turn/undo': {
      const session = s.session;
      if (!session || s.phase.kind === 'replay') return s;
      const back = withoutLastTurn(session);
      if (!back) return { ...s, dialog: null };
      // Back to planning the turn that was undone, from a clean sheet.
      const undone = session.game.turn;
      const next = startTurn({ ...s, dialog: null }, back);
      return pushToast(next, { kind: 'info', key: 'app.toast.turnUndone', values: { turn: undone } });
    }
    case 'app/home':
      return { ...s, phase: { kind: 'idle' }, session: null, replay: null, dialog: null, selectedRegion: null };
    case 'replay/open':
      return { ...s, phase: { kind: 'replay' }, session: null, replay: a.replay, dialog: null, selectedRegion: null };
    case 'replay/seek':
      return withReplay(s, (r) => replayModel.seek(r, a.turn));
    case 'replay/step':
      return withReplay(s, (r) => replayModel.step(r, a.by));
    case 'replay/first':
      return withReplay(s, replayModel.first);
    case 'replay/last':
      return withReplay(s, replayModel.last);
    case 'replay/toggle':
      return withReplay(s, replayModel.togglePlay);
    case 'replay/tick':
      return withReplay(s, replayModel.tick);
    case 'replay/viewer':
      return withReplay(s, (r) => replayModel.setViewer(r, a.viewer));
    case 'replay/speed':
      return withReplay(s, (r) => replayModel.setSpeed(r, a.speedMs));
    case 'game/saved':
      return s.session ? { ...s, session: { ...s.session, saveHandle: a.handle, saveName: a.name } } : s;
    case 'curtain/reveal':
      return s.phase.kind === 'curtain' ? { ...s, phase: { kind: 'planning', side: s.phase.side } } : s;
    case 'plan/set': {
      const side = planningSide(s);
      if (!side || !s.session) return s;
      const draft = s.session.drafts[side] ?? emptyDraft();
      const h = s.session.history[side] ?? emptyHistory();
      const coalesce = h.lastKey === a.key;
      const history: PlanHistory = {
        past: coalesce ? h.past : [...h.past, draft].slice(-MAX_UNDO),
        future: [],
        lastKey: a.key,
      };
      const prev = draft.values[a.key] ?? {};
      return withDraft(s, side, { ...draft, values: { ...draft.values, [a.key]: { ...prev, ...a.value } } }, history);
    }
    case 'plan/note': {
      const side = planningSide(s);
      if (!side || !s.session) return s;
      const draft = s.session.drafts[side] ?? emptyDraft();
      const h = s.session.history[side] ?? emptyHistory();
      const coalesce = h.lastKey === '#note';
      const history: PlanHistory = { past: coalesce ? h.past : [...h.past, draft], future: [], lastKey: '#note' };
      return withDraft(s, side, { ...draft, note: a.note }, history);
    }
    case 'plan/undo':
    case 'plan/redo': {
      const side = planningSide(s);
      if (!side || !s.session) return s;
      const draft = s.session.drafts[side] ?? emptyDraft();
      const h = s.session.history[side] ?? emptyHistory();
      if (a.type === 'plan/undo') {
        const prev = h.past[h.past.length - 1];
        if (!prev) return s;
        return withDraft(s, side, prev, { past: h.past.slice(0, -1), future: [draft, ...h.future], lastKey: null });
      }
      const [next, ...rest] = h.future;
      if (!next) return s;
      return withDraft(s, side, next, { past: [...h.past, draft], future: rest, lastKey: null });
    }
    case 'plan/reset': {
      const side = planningSide(s);
      if (!side || !s.session) return s;
      const draft = s.session.drafts[side] ?? emptyDraft();
      const h = s.session.history[side] ?? emptyHistory();
      return withDraft(s, side, { ...emptyDraft(), note: draft.note }, { past: [...h.past, draft], future: [], lastKey: null });
    }
    case 'plan/commit': {
      const side = planningSide(s);
      const session = s.session;
      if (!side || !session) return s;
      const draft = session.drafts[side] ?? emptyDraft();
      let orders: SideOrders;
      let errors: ReturnType<typeof validateOrders>;
      try {
        orders = sideOrdersFor(session.game, side, draft);
        errors = validateOrders(session.game, orders);
      } catch (err) {
        return pushToast(s, errorToast('app.error.engine', { detail: err instanceof Error ? err.message : String(err) }));
      }
      if (errors.length > 0) {
        const withErrors = { ...s, session: { ...session, errors } };
        return pushToast(
          withErrors,
          errorToast(
            'app.error.invalidOrders',
            { count: errors.length },
            errors.map((e) => errorMessage(e, regionName, (k) => hasKey(k))),
          ),
        );
      }
      const advice = session.advice?.[side];
      if (advice?.status === 'ready' && advice.game === session.game && advice.decision) {
        // The log records that the team saw the computer's advice, and whether its orders are the advice's.
        const applied = !advice.applied
          ? 'seen'
          : canonicalJson(orders.orders) === canonicalJson(advice.given ?? [])
            ? 'as-given'
            : 'edited';
        orders = { ...orders, author: { kind: 'human', advice: { difficulty: 'hard', applied, decision: advice.decision } } };
      }
      const queue = session.queue.filter((x) => x !== side);
      const next: Session = { ...session, queue, committed: { ...session.committed, [side]: orders }, errors: [] };
      // Messages about this side's plan must not stay on screen for the next side.
      const cleared: AppState = { ...s, toasts: [] };
      const head = queue[0];
      if (head) return { ...cleared, session: next, phase: { kind: 'curtain', side: head } };
      return resolveOrHold(cleared, next);
    }
    case 'turn/continue': {
      const session = s.session;
      if (!session || s.phase.kind !== 'review' || session.awaiting) return s;
      // With no human side, "continue" plays the computers' next turn directly.
      if (humanSides(session.setup).length === 0) return resolve(s, session);
      return startTurn(s, session);
    }
    case 'region/select':
      return { ...s, selectedRegion: a.id };
    case 'toast/push':
      return pushToast(s, a.toast);
    case 'toast/dismiss':
      return { ...s, toasts: s.toasts.filter((t) => t.id !== a.id) };
    case 'ai/start': {
      const session = s.session;
      if (!session || session.game !== a.game || a.game.status !== 'playing') return s;
      const sides = a.sides.filter((side) => session.setup.seats[side].kind === 'computer');
      return { ...s, session: { ...session, aiFor: a.game, thinking: sides, decided: {} } };
    }
    case 'ai/decided':
    case 'ai/failed': {
      const session = s.session;
      if (!session || session.game !== a.game || session.aiFor !== a.game || !session.thinking?.includes(a.side)) return s;
      const thinking = session.thinking.filter((x) => x !== a.side);
      const decided = { ...session.decided };
      // Orders from the worker are used only if they are this side's, a computer's, and legal here.
      if (
        a.type === 'ai/decided' &&
        a.orders.side === a.side &&
        a.orders.author?.kind === 'bot' &&
        session.setup.seats[a.side].kind === 'computer'
      ) {
        let ok: boolean;
        try {
          ok = validateOrders(a.game, a.orders).length === 0;
        } catch {
          ok = false;
        }
        if (ok) decided[a.side] = a.orders;
      }
      const next: Session = { ...session, thinking, decided };
      if (session.awaiting && thinking.length === 0) return resolve(s, next);
      return { ...s, session: next };
    }
    case 'advice/ask': {
      const side = planningSide(s);
      const session = s.session;
      if (!side || !session) return s;
      const now = session.advice?.[side];
      if (now && now.game === session.game && now.status !== 'failed') return s;
      const advice: Advice = { game: session.game, status: 'thinking' };
      return { ...s, session: { ...session, advice: { ...session.advice, [side]: advice } } };
    }
    case 'advice/ready':
    case 'advice/failed': {
      const session = s.session;
      const now = session?.advice?.[a.side];
      if (!session || !now || now.game !== a.game || session.game !== a.game || now.status !== 'thinking') return s;
      const advice: Advice =
        a.type === 'advice/ready'
          ? { game: a.game, status: 'ready', decision: a.decision, orders: a.orders }
          : { game: a.game, status: 'failed', error: a.error };
      return { ...s, session: { ...session, advice: { ...session.advice, [a.side]: advice } } };
    }
    case 'advice/apply': {
      const side = planningSide(s);
      const session = s.session;
      const advice = side ? session?.advice?.[side] : undefined;
      if (!side || !session || advice?.status !== 'ready' || advice.game !== session.game || !advice.orders) return s;
      const draft = session.drafts[side] ?? emptyDraft();
      const h = session.history[side] ?? emptyHistory();
      let next: Draft;
      let given: Order[];
      let left: number;
      try {
        ({ draft: next, left } = draftFromOrders(legalOrders(session.game, side), advice.orders, draft.note));
        given = sideOrdersFor(session.game, side, next).orders;
      } catch (err) {
        return pushToast(s, errorToast('app.error.engine', { detail: err instanceof Error ? err.message : String(err) }));
      }
      const withAdvice: AppState = {
        ...s,
        session: { ...session, advice: { ...session.advice, [side]: { ...advice, applied: true, given } } },
      };
      const applied = withDraft(withAdvice, side, next, { past: [...h.past, draft].slice(-MAX_UNDO), future: [], lastKey: null });
      return left > 0 ? pushToast(applied, { kind: 'info', key: 'advisor.left', values: { count: left } }) : applied;
    }
  }
}
