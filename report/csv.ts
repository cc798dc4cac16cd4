/**
 * The per-turn tables of a game as CSV files, in the reader's language where they carry words:
 * national.csv and regions.csv (the command line's columns), events.csv (every engine event with
 * its sentence) and decisions.csv (every order with its description and the players' rationale).
 * The app passes `{ bom: true }` so Excel reads accented names right; the command line does not.
 */
import { decisionsCsv, eventsCsv, nationalCsv, regionsCsv, type CsvOptions, type GameEvent, type GameLog, type GameState } from '../game';
import type { TFunction } from '../i18n/catalogue';
import { eventSide } from './event-log';
import { describeEvent, describeOrder } from './describe';
import { authorName, decisionOf, decisionText } from './decision';

export interface ReportFile {
  name: string;
  content: string;
}

export interface GameRecord {
  log: Pick<GameLog, 'entries'>;
  /** `states[0]` the start, `states[i]` after turn i. */
  states: readonly GameState[];
  /** `events[i]` are turn i+1's. */
  events: readonly (readonly GameEvent[])[];
}

/** events.csv text: every event, its side as the event log attributes it, its sentence in `t`'s language. */
export function eventsCsvText(events: GameRecord['events'], t: TFunction, opts: CsvOptions = {}): string {
  return eventsCsv(events, (e) => describeEvent(t, e), { ...opts, sideOf: eventSide });
}

/**
 * decisions.csv text: every order, described in `t`'s language, with the side's rationale note,
 * who decided (`author`) and, for a computer side or advice applied, its decision in words (`reasons`).
 */
export function decisionsCsvText(log: GameRecord['log'], t: TFunction, opts: CsvOptions = {}): string {
  return decisionsCsv(
    log,
    (o) => describeOrder(t, o),
    opts,
    (so): [string, string] => {
      const a = so.author;
      if (!a) return ['', ''];
      const d = decisionOf(a);
      return [authorName(t, so.side, a), d ? decisionText(t, so.side, d).join('\n') : ''];
    },
  );
}

/** The tables, in the order they are written and listed. */
export const CSV_TABLES = ['national', 'regions', 'events', 'decisions'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** One table's CSV text (the app's File ▸ Export and the command line's `report --csv` both write these). */
export function csvTableText(id: CsvTable, game: GameRecord, t: TFunction, opts: CsvOptions = {}): string {
  switch (id) {
    case 'national':
      return nationalCsv(game.states[game.states.length - 1]?.history ?? [], opts);
    case 'regions':
      return regionsCsv(game.states, opts);
    case 'events':
      return eventsCsvText(game.events, t, opts);
    case 'decisions':
      return decisionsCsvText(game.log, t, opts);
  }
}

/** The four CSV files, in this order: national.csv, regions.csv, events.csv, decisions.csv. */
export function reportCsvFiles(game: GameRecord, t: TFunction, opts: CsvOptions = {}): ReportFile[] {
  return CSV_TABLES.map((id) => ({ name: `${id}.csv`, content: csvTableText(id, game, t, opts) }));
}
