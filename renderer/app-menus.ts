/** The in-app menu bar's menus (the desktop menu's commands, plus the single tables and the language). */
import type { Lang, TFunction } from './i18n';
import type { AppCommand } from './hooks/use-commands';
import type { MenuDef } from './panels/MenuBar';

export function appMenus(a: {
  t: TFunction;
  lang: Lang;
  setLang: (l: Lang) => void;
  run: (c: AppCommand) => void;
  hasGame: boolean;
  canExport: boolean;
  canUndo: boolean;
  presentation: boolean;
}): MenuDef[] {
  const { t, lang, setLang, run, hasGame, canExport, canUndo } = a;
  return [
    {
      id: 'file',
      label: t('app.menu.file'),
      items: [
        { id: 'new', label: t('app.menu.newGame'), onSelect: () => run('new-game') },
        { id: 'open', label: t('app.menu.open'), hint: t('app.shortcut.open'), onSelect: () => run('open') },
        { id: 'openReplay', label: t('app.menu.openReplay'), onSelect: () => run('open-replay') },
        { id: 'openAutosave', label: t('app.menu.openAutosave'), onSelect: () => run('open-autosave') },
        {
          id: 'save',
          label: t('app.menu.save'),
          hint: t('app.shortcut.save'),
          disabled: !hasGame,
          onSelect: () => run('save'),
          separatorBefore: true,
        },
        { id: 'saveAs', label: t('app.menu.saveAs'), hint: t('app.shortcut.saveAs'), disabled: !hasGame, onSelect: () => run('save-as') },
        { id: 'undoTurn', label: t('app.menu.undoTurn'), disabled: !canUndo, onSelect: () => run('undo-turn') },
        {
          id: 'export',
          label: t('app.menu.export'),
          separatorBefore: true,
          submenu: [
            { id: 'exportLog', label: t('app.menu.exportLog'), disabled: !canExport, onSelect: () => run('export-log') },
            {
              id: 'exportCsv',
              label: t('app.menu.exportCsv'),
              disabled: !canExport,
              onSelect: () => run('export-csv'),
              separatorBefore: true,
            },
            { id: 'exportNational', label: t('app.menu.exportNational'), disabled: !canExport, onSelect: () => run('export-national') },
            { id: 'exportRegions', label: t('app.menu.exportRegions'), disabled: !canExport, onSelect: () => run('export-regions') },
            { id: 'exportEvents', label: t('app.menu.exportEvents'), disabled: !canExport, onSelect: () => run('export-events') },
            { id: 'exportDecisions', label: t('app.menu.exportDecisions'), disabled: !canExport, onSelect: () => run('export-decisions') },
            {
              id: 'exportReport',
              label: t('app.menu.exportReport'),
              disabled: !canExport,
              onSelect: () => run('export-report'),
              separatorBefore: true,
            },
            { id: 'exportPdf', label: t('app.menu.exportPdf'), disabled: !canExport, onSelect: () => run('export-pdf') },
          ],
        },
      ],
    },
    {
      id: 'view',
      label: t('app.menu.view'),
      items: [
        { id: 'full', label: t('app.menu.fullScreen'), onSelect: () => run('toggle-fullscreen') },
        {
          id: 'pres',
          label: t('app.menu.presentation'),
          role: 'menuitemcheckbox',
          checked: a.presentation,
          onSelect: () => run('toggle-presentation'),
        },
        { id: 'zin', label: t('app.menu.zoomIn'), hint: t('app.shortcut.zoomIn'), onSelect: () => run('zoom-in'), separatorBefore: true },
        { id: 'zout', label: t('app.menu.zoomOut'), hint: t('app.shortcut.zoomOut'), onSelect: () => run('zoom-out') },
        { id: 'zreset', label: t('app.menu.zoomReset'), hint: t('app.shortcut.zoomReset'), onSelect: () => run('zoom-reset') },
        {
          id: 'lang',
          label: t('app.menu.language'),
          separatorBefore: true,
          submenu: (['en', 'es'] as const).map((l) => ({
            id: `lang-${l}`,
            label: t(`app.lang.${l}`),
            role: 'menuitemradio' as const,
            checked: lang === l,
            onSelect: () => setLang(l),
          })),
        },
      ],
    },
    {
      id: 'facilitator',
      label: t('console.menu.facilitator'),
      items: [
        { id: 'openConsole', label: t('console.menu.openConsole'), hint: t('console.menu.shortcut'), onSelect: () => run('open-console') },
      ],
    },
    {
      id: 'help',
      label: t('app.menu.help'),
      items: [
        { id: 'helpRules', label: t('help.menu.rules'), onSelect: () => run('help-rules') },
        { id: 'helpGlossary', label: t('help.menu.glossary'), onSelect: () => run('help-glossary') },
        { id: 'helpScores', label: t('help.menu.scores'), onSelect: () => run('help-scores') },
        { id: 'about', label: t('app.menu.about'), onSelect: () => run('about'), separatorBefore: true },
      ],
    },
  ];
}
