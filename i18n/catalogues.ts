/**
 * The catalogues themselves: every `<lang>/<namespace>.json` in this folder, imported statically,
 * so the app (Vite), the desktop menus (main), the command line (Node) and the tests all read the
 * same strings through one module, with no file access at run time. A new namespace file is added
 * to both lists below (a test fails if a file in the folder is missing here).
 */
import { buildCatalogues, type Catalogues } from './catalogue';
import enAdvisor from './en/advisor.json';
import enAi from './en/ai.json';
import enApp from './en/app.json';
import enBoard from './en/board.json';
import enConsole from './en/console.json';
import enDesktop from './en/desktop.json';
import enError from './en/error.json';
import enEvents from './en/events.json';
import enHelp from './en/help.json';
import enOrders from './en/orders.json';
import enPlan from './en/plan.json';
import enReport from './en/report.json';
import enValidation from './en/validation.json';
import enWhy from './en/why.json';
import esAdvisor from './es/advisor.json';
import esAi from './es/ai.json';
import esApp from './es/app.json';
import esBoard from './es/board.json';
import esConsole from './es/console.json';
import esDesktop from './es/desktop.json';
import esError from './es/error.json';
import esEvents from './es/events.json';
import esHelp from './es/help.json';
import esOrders from './es/orders.json';
import esPlan from './es/plan.json';
import esReport from './es/report.json';
import esValidation from './es/validation.json';
import esWhy from './es/why.json';

/** The catalogue files by path (`./<lang>/<namespace>.json`), as `buildCatalogues` reads them. */
export const CATALOGUE_FILES: Readonly<Record<string, unknown>> = {
  './en/ai.json': enAi,
  './en/app.json': enApp,
  './en/board.json': enBoard,
  './en/desktop.json': enDesktop,
  './en/error.json': enError,
  './en/events.json': enEvents,
  './en/help.json': enHelp,
  './en/orders.json': enOrders,
  './en/plan.json': enPlan,
  './en/report.json': enReport,
  './en/validation.json': enValidation,
  './en/why.json': enWhy,
  './es/ai.json': esAi,
  './es/app.json': esApp,
  './es/board.json': esBoard,
  './es/desktop.json': esDesktop,
  './es/error.json': esError,
  './es/events.json': esEvents,
  './es/help.json': esHelp,
  './es/orders.json': esOrders,
  './es/plan.json': esPlan,
  './es/report.json': esReport,
  './es/validation.json': esValidation,
  './es/why.json': esWhy,
  './en/console.json': enConsole,
  './es/console.json': esConsole,
  './en/advisor.json': enAdvisor,
  './es/advisor.json': esAdvisor,
};

/** Every string, by language: `CATALOGUES.es['app.menu.file']`. */
export const CATALOGUES: Catalogues = buildCatalogues(CATALOGUE_FILES);
