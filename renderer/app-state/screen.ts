/** What the screen shows, read off the app state: who is looking, the turn's label, what can be exported. */
import type { TFunction } from '../i18n';
import { humanSides } from './reducer';
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

/** "Turn 3 of 8 · Q3 2016": the turn being played (the last one once the game has ended). */
export function turnLabel(t: TFunction, g: GameState): string {
  const turn = Math.min(g.turn + 1, g.turnsTotal);
  return t('app.status.turn', { turn, total: g.turnsTotal, date: t('app.time.quarter', { year: String(g.year), q: g.quarter }) });
}

/** What can be exported now: the game in progress, or the log in the replay viewer. */
export function exportSource(s: AppState): ExportSource | null {
  if (s.phase.kind === 'replay' && s.replay) {
    const r = s.replay;
    return { log: r.log, states: r.states, turnEvents: r.turnEvents, setup: r.seats ? { seats: r.seats } : null };
  }
  const sess = s.session;
  return sess ? { log: sess.log, states: sess.states, turnEvents: sess.turnEvents, setup: sess.setup } : null;
}
