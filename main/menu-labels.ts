/**
 * Every string main shows to a user (menus, dialog titles, file-type filters), from the app's own
 * catalogues (`i18n/`): the menu commands the app's menu bar also has read `app.menu.*`, the parts
 * only a native menu has read `desktop.*`. `&` marks the access key on Windows and Linux.
 */
import { isLang, translateIn, type Lang } from '../i18n/catalogue';
import { CATALOGUES } from '../i18n/catalogues';

export type MenuLocale = Lang;

/** Each label main uses, and the catalogue key it is read from. */
export const MENU_KEYS = {
  appName: 'app.title',
  file: 'app.menu.file',
  newGame: 'app.menu.newGame',
  open: 'app.menu.open',
  save: 'app.menu.save',
  saveAs: 'app.menu.saveAs',
  export: 'app.menu.export',
  exportLog: 'app.menu.exportLog',
  exportCsv: 'app.menu.exportCsv',
  exportReport: 'app.menu.exportReport',
  exportPdf: 'app.menu.exportPdf',
  openReplay: 'app.menu.openReplay',
  openAutosave: 'app.menu.openAutosave',
  undoTurn: 'app.menu.undoTurn',
  quit: 'desktop.quit',
  edit: 'desktop.edit',
  undo: 'app.action.undo',
  redo: 'app.action.redo',
  cut: 'desktop.cut',
  copy: 'desktop.copy',
  paste: 'desktop.paste',
  selectAll: 'desktop.selectAll',
  view: 'app.menu.view',
  fullScreen: 'app.menu.fullScreen',
  presentation: 'app.menu.presentation',
  zoomIn: 'app.menu.zoomIn',
  zoomOut: 'app.menu.zoomOut',
  zoomReset: 'app.menu.zoomReset',
  devTools: 'desktop.devTools',
  window: 'desktop.window',
  minimize: 'desktop.minimize',
  close: 'desktop.close',
  help: 'app.menu.help',
  about: 'app.menu.about',
  facilitator: 'console.menu.facilitator',
  openConsole: 'console.menu.openConsole',
  hide: 'desktop.hide',
  hideOthers: 'desktop.hideOthers',
  showAll: 'desktop.showAll',
  dialogOpenGame: 'desktop.dialog.openGame',
  dialogSaveGame: 'desktop.dialog.saveGame',
  dialogExport: 'desktop.dialog.export',
  dialogExportPdf: 'desktop.dialog.exportPdf',
  filterGame: 'desktop.filter.game',
  filterJson: 'desktop.filter.json',
  filterCsv: 'desktop.filter.csv',
  filterHtml: 'desktop.filter.html',
  filterPdf: 'desktop.filter.pdf',
  filterAll: 'desktop.filter.all',
  loadFailedTitle: 'desktop.loadFailedTitle',
  loadFailed: 'desktop.loadFailed',
} as const;

export type MenuLabels = Record<keyof typeof MENU_KEYS, string>;

/**
 * The menu language: the app's own language setting if it is one we have (the renderer stores it
 * as `lang` in settings), else the system locale (`app.getLocale()`, e.g. `es-419`), else English.
 */
export function pickMenuLocale(appSetting: unknown, systemLocale: string): MenuLocale {
  for (const candidate of [appSetting, systemLocale]) {
    if (typeof candidate !== 'string') continue;
    const language = candidate.toLowerCase().split(/[-_]/)[0];
    if (isLang(language)) return language;
  }
  return 'en';
}

export function menuLabels(locale: MenuLocale): MenuLabels {
  const entries = Object.entries(MENU_KEYS).map(([name, key]) => [name, translateIn(CATALOGUES, locale, key)]);
  return Object.fromEntries(entries) as MenuLabels;
}
