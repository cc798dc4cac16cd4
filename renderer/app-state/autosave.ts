/**
 * Autosaves and crash recovery, as data. After every resolved turn the game is written to an
 * autosave slot (the platform keeps the newest five), and the settings record that a game is in
 * progress and where its latest autosave is. A clean end (the game over, a new game, another game
 * opened, the desktop app closed) clears the record. On start, a record that is still there means
 * the app did not end cleanly: the app offers to resume from that autosave.
 */
import type { Session } from './types';

/** The settings key of the "game in progress" record. */
export const IN_PROGRESS_KEY = 'gameInProgress';

export interface InProgress {
  /** The autosave slot holding the latest resolved turn. */
  autosaveId: string;
  scenarioId: string;
  /** The turns resolved in that autosave. */
  turn: number;
}

/** The platform's slot id rule: lower-case letters, digits and hyphens, at most 64. */
const SLOT_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export function autosaveId(session: Pick<Session, 'gameId' | 'game'>): string {
  const gid =
    session.gameId
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 20) || 'game';
  return `autosave-${gid}-t${session.game.turn}`;
}

/**
 * Is an autosave due after this change of session? Only when the same game moved on (a turn
 * resolved, or undone): never for a game just started, opened, resumed or left, and never because
 * a file was read.
 */
export function autosaveDue(prev: Pick<Session, 'gameId' | 'log'> | null, next: Pick<Session, 'gameId' | 'log' | 'game'> | null): boolean {
  return Boolean(prev && next && prev.gameId === next.gameId && prev.log !== next.log && next.game.turn >= 1);
}

/** Read the record from stored settings, trusting nothing. */
export function readInProgress(raw: Record<string, unknown>): InProgress | null {
  const x = raw[IN_PROGRESS_KEY];
  if (!x || typeof x !== 'object' || Array.isArray(x)) return null;
  const r = x as Record<string, unknown>;
  if (typeof r.autosaveId !== 'string' || !SLOT_ID.test(r.autosaveId)) return null;
  if (typeof r.scenarioId !== 'string' || r.scenarioId.length > 100) return null;
  if (typeof r.turn !== 'number' || !Number.isSafeInteger(r.turn) || r.turn < 0) return null;
  return { autosaveId: r.autosaveId, scenarioId: r.scenarioId, turn: r.turn };
}

/** The record for a session whose latest turn was just autosaved in `id`; null once it has ended. */
export function inProgressFor(session: Pick<Session, 'game'>, id: string): InProgress | null {
  if (session.game.status === 'ended') return null;
  return { autosaveId: id, scenarioId: session.game.scenarioId, turn: session.game.turn };
}

/**
 * An autosave's label, as data: the scenario's titles in every language, the seed and the turn
 * (JSON, at most 200 characters). It is named in the reader's language when shown
 * (`autosaveName`), so a game autosaved in English is listed in Spanish after a switch.
 */
export function autosaveLabel(g: Pick<Session['game'], 'scenario' | 'seed' | 'turn'>): string {
  const MAX_TITLE = 60;
  const title = Object.fromEntries(Object.entries(g.scenario.title).map(([k, v]) => [k, String(v).slice(0, MAX_TITLE)]));
  return JSON.stringify({ autosave: 1, title, seed: g.seed, turn: g.turn });
}

/** An autosave's name in `lang`: from the label's data, or the label as written (autosaves of earlier versions). */
export function autosaveName(t: (key: string, values?: Record<string, string | number>) => string, lang: string, label: string): string {
  if (!label.startsWith('{')) return label;
  try {
    const d = JSON.parse(label) as { autosave?: unknown; title?: Record<string, unknown>; seed?: unknown; turn?: unknown };
    if (d.autosave !== 1 || typeof d.title !== 'object' || d.title === null || typeof d.seed !== 'number' || typeof d.turn !== 'number')
      return label;
    const title = d.title[lang] ?? d.title.en ?? Object.values(d.title)[0];
    return t('app.autosave.label', { scenario: typeof title === 'string' ? title : '', seed: String(d.seed), turn: d.turn });
  } catch {
    return label;
  }
}
