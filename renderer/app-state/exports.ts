/**
 * What File ▸ Export writes, during a game, after it and from the replay viewer: the replayable
 * log (the command line's `log.json`, byte for byte the same format), the per-turn tables the
 * command line writes (`national.csv`, `regions.csv`) plus the events and the decisions, and the
 * after-action report (HTML, and PDF through the platform). Everything is built from the log and
 * the states and events recomputed from it; the table and report builders are shared with the
 * command line (`game/tables.ts`, `report/`).
 */
import { LOCALE, translate, type Lang } from '../i18n';
import { buildAar, type AarBranches } from '../../report/aar';
import { CSV_TABLES, csvTableText, type CsvTable } from '../../report/csv';
import type { GameEvent, GameLog, GameState } from './engine';
import type { Setup } from './types';

/** A game to export: its log and what was recomputed from it; seats when known. */
export interface ExportSource {
  log: GameLog;
  /** The state after each turn, index 0 the start. */
  states: readonly GameState[];
  /** Each turn's events, index 0 turn 1. */
  turnEvents: readonly (readonly GameEvent[])[];
  setup: Pick<Setup, 'seats'> | null;
  /** The facilitator's branches and rewinds, listed in the report (a game with one line of play has none). */
  branches?: AarBranches;
}

export const TABLES = CSV_TABLES;
export type TableId = CsvTable;

const finalState = (src: ExportSource): GameState => {
  const s = src.states[src.states.length - 1];
  if (!s) throw new Error('nothing to export: the game has no state');
  return s;
};

/** `cordillera-<scenario>-seed<seed>-t<turn>`: the stem of every export's file name. */
export function exportStem(src: ExportSource): string {
  const g = finalState(src);
  return `cordillera-${g.scenarioId}-seed${g.seed}-t${g.turn}`;
}

/** The engine's replayable log, written exactly as the command line writes `log.json`. */
export function logText(src: Pick<ExportSource, 'log'>): string {
  return `${JSON.stringify(src.log, null, 1)}\n`;
}

/**
 * One table as CSV. `bom` starts it with a byte-order mark, which Excel needs to read accented
 * names; the app's downloads have one, the command line's files do not (R and Python read both).
 */
export function tableCsv(id: TableId, src: ExportSource, lang: Lang, opts: { bom?: boolean } = {}): string {
  finalState(src);
  return csvTableText(id, { log: src.log, states: src.states, events: src.turnEvents }, (k, v) => translate(lang, k, v), opts);
}

export const tableFileName = (src: ExportSource, id: TableId): string => `${exportStem(src)}-${id}.csv`;

/**
 * The after-action report (`report/aar.ts`): one self-contained HTML document, in `lang`,
 * that prints well to PDF.
 */
export function reportHtml(src: ExportSource, lang: Lang, appVersion: string): string {
  return buildAar({
    log: src.log,
    states: src.states,
    events: src.turnEvents,
    lang,
    t: (k, v) => translate(lang, k, v),
    locale: LOCALE[lang],
    appVersion,
    ...(src.branches ? { branches: src.branches } : {}),
  });
}
