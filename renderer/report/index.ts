/**
 * Exports for the debrief, for the app (File ▸ Export, desktop and web) and the command line:
 *
 *   const r = replayForReport(log);                       // recompute every turn from the log
 *   if (r.ok) {
 *     const html = buildAar({ log, states: r.states, events: r.events, lang, t, locale: LOCALE[lang], appVersion });
 *     const csvs = reportCsvFiles({ log, states: r.states, events: r.events }, t, { bom: true });
 *   }
 *
 * The log itself (log.json) is `JSON.stringify(log, null, 1) + '\n'`, as the command line writes it.
 * PDF: print the AAR's HTML (Electron's printToPDF on desktop, the browser's print in the web build);
 * its print stylesheet lays it out on A4 with page breaks and page numbers.
 */
import { replay, type GameEvent, type GameLog, type GameState } from '../../game';

export { buildAar, AAR_SECTIONS, type AarInput } from './aar';
export { reportCsvFiles, eventsCsvText, decisionsCsvText, type ReportFile, type GameRecord } from './csv';
export { findTurningPoints, type TurningPoint, type Cause } from './turning-points';
export { describeEvent, describeOrder } from './describe';

/** Replay a log, keeping every state, for the report; an error message if it does not replay exactly. */
export function replayForReport(log: GameLog): { ok: true; states: GameState[]; events: GameEvent[][] } | { ok: false; code: string; message: string } {
  const r = replay(log, { keepStates: true });
  if (!r.ok) return { ok: false, code: r.code, message: r.message };
  return { ok: true, states: r.states, events: r.events };
}

