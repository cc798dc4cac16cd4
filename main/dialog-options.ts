/**
 * Options for the native Open and Save dialogs (pure, tested): localised titles and filters, and a
 * default path in the user's documents folder with the right extension.
 */
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { extname, join } from 'node:path';
import type { SaveKind } from './ipc';
import type { MenuLabels } from './menu-labels';

const EXTENSIONS: Record<SaveKind, string> = { game: 'json', json: 'json', csv: 'csv', html: 'html', pdf: 'pdf' };

/** `name` with the kind's extension (added if missing; an existing other extension is kept and this one appended). */
export function withExtension(name: string, kind: SaveKind): string {
  const ext = `.${EXTENSIONS[kind]}`;
  return extname(name).toLowerCase() === ext ? name : `${name}${ext}`;
}

function filterFor(kind: SaveKind, l: MenuLabels): { name: string; extensions: string[] } {
  switch (kind) {
    case 'game':
      return { name: l.filterGame, extensions: ['json'] };
    case 'json':
      return { name: l.filterJson, extensions: ['json'] };
    case 'csv':
      return { name: l.filterCsv, extensions: ['csv'] };
    case 'html':
      return { name: l.filterHtml, extensions: ['html', 'htm'] };
    case 'pdf':
      return { name: l.filterPdf, extensions: ['pdf'] };
  }
}

export function openGameDialogOptions(l: MenuLabels, documentsDir: string): OpenDialogOptions {
  return {
    title: l.dialogOpenGame,
    defaultPath: documentsDir,
    properties: ['openFile'],
    filters: [filterFor('game', l), { name: l.filterAll, extensions: ['*'] }],
  };
}

export function saveDialogOptions(kind: SaveKind, suggestedName: string, l: MenuLabels, documentsDir: string): SaveDialogOptions {
  const title = kind === 'game' ? l.dialogSaveGame : kind === 'pdf' ? l.dialogExportPdf : l.dialogExport;
  return {
    title,
    defaultPath: join(documentsDir, withExtension(suggestedName, kind)),
    filters: [filterFor(kind, l)],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}
