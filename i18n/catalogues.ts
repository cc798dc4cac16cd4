/**
 * The catalogues themselves: every `<lang>/<namespace>.json` in this folder, imported statically,
 * so the app (Vite), the desktop menus (main), the command line (Node) and the tests all read the
 * same strings through one module, with no file access at run time. A new namespace file is added
 * to both lists below (a test fails if a file in the folder is missing here).
 */
import { buildCatalogues, type Catalogues } from './catalogue';
import enAi from './en/ai.json';
import enApp from './en/app.json';
import enBoard from './en/board.json';
import enConsole from './en/console.json';
import enDesktop from './en/desktop.json';
import enError from './en/error.json';
import enEvents from './en/events.json';
import enOrders from './en/orders.json';
import enReport from './en/report.json';
import enValidation from './en/validation.json';
import esAi from './es/ai.json';
import esApp from './es/app.json';
import esBoard from './es/board.json';
import esConsole from './es/console.json';
import esDesktop from './es/desktop.json';
import esError from './es/error.json';
import esEvents from './es/events.json';
import esOrders from './es/orders.json';
import esReport from './es/report.json';
import esValidation from './es/validation.json';

/** The catalogue files by path (`./<lang>/<namespace>.json`), as `buildCatalogues` reads them. */
export const CATALOGUE_FILES: Readonly<Record<string, unknown>> = {
  './en/ai.json': enAi, './en/app.json': enApp, './en/board.json': enBoard, './en/desktop.json': enDesktop, './en/error.json': enError,
  './en/events.json': enEvents, './en/orders.json': enOrders, './en/report.json': enReport, './en/validation.json': enValidation,
  './es/ai.json': esAi, './es/app.json': esApp, './es/board.json': esBoard, './es/desktop.json': esDesktop, './es/error.json': esError,
  './es/events.json': esEvents, './es/orders.json': esOrders, './es/report.json': esReport, './es/validation.json': esValidation,
  './en/console.json': enConsole, './es/console.json': esConsole,
};

/** Every string, by language: `CATALOGUES.es['app.menu.file']`. */
export const CATALOGUES: Catalogues = buildCatalogues(CATALOGUE_FILES);
