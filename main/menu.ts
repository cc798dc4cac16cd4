/**
 * The application menu as a template (pure data, tested without Electron). Game commands are sent
 * to the renderer as `MenuCommand`s; only quitting, editing and DevTools are native roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './contract';
import type { MenuLabels } from './menu-labels';

export interface MenuTemplateInput {
  labels: MenuLabels;
  platform: NodeJS.Platform;
  /** Adds DevTools to the View menu. */
  isDev: boolean;
  send: (command: MenuCommand) => void;
}

export function buildMenuTemplate({ labels: l, platform, isDev, send }: MenuTemplateInput): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(cmd),
  });
  const isMac = platform === 'darwin';
  const about = command(l.about, 'about');

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: l.appName,
          submenu: [
            about,
            { type: 'separator' },
            { role: 'hide', label: l.hide },
            { role: 'hideOthers', label: l.hideOthers },
            { role: 'unhide', label: l.showAll },
            { type: 'separator' },
            { role: 'quit', label: l.quit },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: l.file,
    submenu: [
      command(l.newGame, 'new-game', 'CmdOrCtrl+N'),
      command(l.open, 'open', 'CmdOrCtrl+O'),
      command(l.openReplay, 'open-replay'),
      command(l.openAutosave, 'open-autosave'),
      { type: 'separator' },
      command(l.save, 'save', 'CmdOrCtrl+S'),
      command(l.saveAs, 'save-as', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      command(l.undoTurn, 'undo-turn'),
      { type: 'separator' },
      {
        label: l.export,
        submenu: [
          command(l.exportLog, 'export-log'),
          command(l.exportCsv, 'export-csv'),
          command(l.exportReport, 'export-report'),
          command(l.exportPdf, 'export-pdf'),
        ],
      },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: l.quit } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: l.edit,
    submenu: [
      { role: 'undo', label: l.undo },
      { role: 'redo', label: l.redo },
      { type: 'separator' },
      { role: 'cut', label: l.cut },
      { role: 'copy', label: l.copy },
      { role: 'paste', label: l.paste },
      { role: 'selectAll', label: l.selectAll },
    ],
  };

  const facilitator: MenuItemConstructorOptions = {
    label: l.facilitator,
    submenu: [command(l.openConsole, 'open-console', 'CmdOrCtrl+Shift+F')],
  };

  const view: MenuItemConstructorOptions = {
    label: l.view,
    submenu: [
      command(l.fullScreen, 'toggle-fullscreen', isMac ? 'Ctrl+Cmd+F' : 'F11'),
      command(l.presentation, 'toggle-presentation', 'F5'),
      { type: 'separator' },
      command(l.zoomIn, 'zoom-in', 'CmdOrCtrl+='),
      command(l.zoomOut, 'zoom-out', 'CmdOrCtrl+-'),
      command(l.zoomReset, 'zoom-reset', 'CmdOrCtrl+0'),
      ...(isDev ? [{ type: 'separator' } as const, { role: 'toggleDevTools', label: l.devTools } as const] : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: l.window,
          submenu: [
            { role: 'minimize', label: l.minimize },
            { role: 'close', label: l.close },
          ],
        },
      ]
    : [];

  const help: MenuItemConstructorOptions = {
    label: l.help,
    role: 'help',
    submenu: [command(l.about, 'about')],
  };

  return [...appMenu, file, edit, view, facilitator, ...windowMenu, help];
}
