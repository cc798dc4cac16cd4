/** What the screen shows, read off the app state: who is looking, the turn's label, what can be exported. */
import type { TFunction } from '../i18n';
import { humanSides } from './reducer';
import { branchesForReport } from '../console/fac-reducer';
import type { GameState, Side } from './engine';
import type { ExportSource } from './exports';
import type { AppState } from './types';

/** Who is looking at the screen now, for `viewFor`. */
export function viewerFor(s: AppState): Side | 'facilitator' {
  if (s.phase.kind === 'replay') return s.replay?.viewer ?? 'facilitator';
  if (s.phase.kind === 'planning' || s.phase.kind === 'curtain') return s.phase.side;
  const humans = s.session ? humanSides(s.session.setup) : [];
  return humans.length === 1 && humans[0] ? humans[0] : 'facilitator';
}

/** The year and quarter a turn is played in, counted from the scenario's start (turn 1 is the start quarter). */
export function dateOfTurn(g: GameState, turn: number): { year: number; quarter: number } {
  const QUARTERS = 4;
  const k = g.scenario.start.year * QUARTERS + (g.scenario.start.quarter - 1) + Math.max(0, turn - 1);
  return { year: Math.floor(k / QUARTERS), quarter: (k % QUARTERS) + 1 };
}

/**
 * "Turn 3 of 8 · Q3 2016": the turn being planned, or `turn` (the turn a report is about: after
 * turn 6 resolves, the report and the status bar say turn 6 and its own quarter, not the next).
 */
export function turnLabel(t: TFunction, g: GameState, turn?: number): string {
  const n = turn ?? Math.min(g.turn + 1, g.turnsTotal);
  const d = dateOfTurn(g, n);
  return t('app.status.turn', { turn: n, total: g.turnsTotal, date: t('app.time.quarter', { year: String(d.year), q: d.quarter }) });
}

/** The label for the screen now: the reported turn while reviewing or after the end, else the turn being planned. */
export function screenTurnLabel(t: TFunction, g: GameState, phase: AppState['phase']['kind']): string {
  return (phase === 'review' || phase === 'ended') && g.turn > 0 ? turnLabel(t, g, g.turn) : turnLabel(t, g);
}

/** What can be exported now: the game in progress, or the log in the replay viewer. */
export function exportSource(s: AppState): ExportSource | null {
  if (s.phase.kind === 'replay' && s.replay) {
    const r = s.replay;
    return { log: r.log, states: r.states, turnEvents: r.turnEvents, setup: r.seats ? { seats: r.seats } : null };
  }
  const sess = s.session;
  if (!sess) return null;
  const branches = branchesForReport(sess);
  return { log: sess.log, states: sess.states, turnEvents: sess.turnEvents, setup: sess.setup, ...(branches ? { branches } : {}) };
}
