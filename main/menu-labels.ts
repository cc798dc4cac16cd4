/**
 * Every string main shows to a user (menus, dialog titles, file-type filters), in English and
 * Spanish. The renderer has its own catalogues; these are only the native parts. `&` marks the
 * access key on Windows and Linux.
 */

export type MenuLocale = 'en' | 'es';

export interface MenuLabels {
  appName: string;
  file: string;
  newGame: string;
  open: string;
  save: string;
  saveAs: string;
  export: string;
  exportLog: string;
  exportCsv: string;
  exportReport: string;
  exportPdf: string;
  openReplay: string;
  openAutosave: string;
  undoTurn: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  fullScreen: string;
  presentation: string;
  zoomIn: string;
  zoomOut: string;
  zoomReset: string;
  devTools: string;
  window: string;
  minimize: string;
  close: string;
  help: string;
  about: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  dialogOpenGame: string;
  dialogSaveGame: string;
  dialogExport: string;
  dialogExportPdf: string;
  filterGame: string;
  filterJson: string;
  filterCsv: string;
  filterHtml: string;
  filterPdf: string;
  filterAll: string;
  loadFailedTitle: string;
  loadFailed: string;
}

export const MENU_LABELS: Record<MenuLocale, MenuLabels> = {
  en: {
    appName: 'Cordillera',
    file: '&File',
    newGame: 'New game',
    open: 'Open…',
    save: 'Save',
    saveAs: 'Save as…',
    export: 'Export',
    exportLog: 'Replay log (JSON)…',
    exportCsv: 'CSV tables…',
    exportReport: 'After-action report (HTML)…',
    exportPdf: 'After-action report (PDF)…',
    openReplay: 'Open log / replay…',
    openAutosave: 'Open autosave…',
    undoTurn: 'Undo last turn',
    quit: 'Quit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: '&View',
    fullScreen: 'Full screen',
    presentation: 'Presentation mode',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Actual size',
    devTools: 'Developer tools',
    window: '&Window',
    minimize: 'Minimise',
    close: 'Close window',
    help: '&Help',
    about: 'About Cordillera',
    hide: 'Hide Cordillera',
    hideOthers: 'Hide others',
    showAll: 'Show all',
    dialogOpenGame: 'Open a game',
    dialogSaveGame: 'Save the game',
    dialogExport: 'Export',
    dialogExportPdf: 'Export the report as PDF',
    filterGame: 'Cordillera games',
    filterJson: 'JSON files',
    filterCsv: 'CSV tables',
    filterHtml: 'Web pages (HTML)',
    filterPdf: 'PDF documents',
    filterAll: 'All files',
    loadFailedTitle: 'Cordillera could not start',
    loadFailed: 'The game screens could not be loaded. Please reinstall Cordillera.',
  },
  es: {
    appName: 'Cordillera',
    file: '&Archivo',
    newGame: 'Nueva partida',
    open: 'Abrir…',
    save: 'Guardar',
    saveAs: 'Guardar como…',
    export: 'Exportar',
    exportLog: 'Registro de repetición (JSON)…',
    exportCsv: 'Tablas CSV…',
    exportReport: 'Informe posterior a la acción (HTML)…',
    exportPdf: 'Informe posterior a la acción (PDF)…',
    openReplay: 'Abrir registro / repetición…',
    openAutosave: 'Abrir guardado automático…',
    undoTurn: 'Deshacer el último turno',
    quit: 'Salir',
    edit: '&Edición',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    selectAll: 'Seleccionar todo',
    view: '&Ver',
    fullScreen: 'Pantalla completa',
    presentation: 'Modo presentación',
    zoomIn: 'Ampliar',
    zoomOut: 'Reducir',
    zoomReset: 'Tamaño real',
    devTools: 'Herramientas de desarrollo',
    window: 'Ve&ntana',
    minimize: 'Minimizar',
    close: 'Cerrar ventana',
    help: 'A&yuda',
    about: 'Acerca de Cordillera',
    hide: 'Ocultar Cordillera',
    hideOthers: 'Ocultar otras',
    showAll: 'Mostrar todo',
    dialogOpenGame: 'Abrir una partida',
    dialogSaveGame: 'Guardar la partida',
    dialogExport: 'Exportar',
    dialogExportPdf: 'Exportar el informe en PDF',
    filterGame: 'Partidas de Cordillera',
    filterJson: 'Archivos JSON',
    filterCsv: 'Tablas CSV',
    filterHtml: 'Páginas web (HTML)',
    filterPdf: 'Documentos PDF',
    filterAll: 'Todos los archivos',
    loadFailedTitle: 'Cordillera no pudo iniciarse',
    loadFailed: 'No se pudieron cargar las pantallas del juego. Vuelva a instalar Cordillera.',
  },
};

/**
 * The menu language: the app's own language setting if it is one we have (the renderer stores it
 * as `lang` in settings), else the system locale (`app.getLocale()`, e.g. `es-419`), else English.
 */
export function pickMenuLocale(appSetting: unknown, systemLocale: string): MenuLocale {
  for (const candidate of [appSetting, systemLocale]) {
    if (typeof candidate !== 'string') continue;
    const language = candidate.toLowerCase().split(/[-_]/)[0];
    if (language === 'es' || language === 'en') return language;
  }
  return 'en';
}

export function menuLabels(locale: MenuLocale): MenuLabels {
  return MENU_LABELS[locale];
}
