import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../main/contract';
import { openGameDialogOptions, saveDialogOptions, withExtension } from '../../main/dialog-options';
import { buildMenuTemplate } from '../../main/menu';
import { MENU_KEYS, menuLabels, pickMenuLocale } from '../../main/menu-labels';
import { CATALOGUES } from '../../i18n/catalogues';

const MENU_LABELS = { en: menuLabels('en'), es: menuLabels('es') };

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, isDev = false, locale: 'en' | 'es' = 'en') {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ labels: menuLabels(locale), platform, isDev, send: (c) => sent.push(c) });
  return { template, all: items(template), sent };
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('menu labels', () => {
  it("come from the app's catalogues, in English and Spanish, none missing or empty", () => {
    for (const [name, key] of Object.entries(MENU_KEYS)) {
      for (const lang of ['en', 'es'] as const) {
        expect(CATALOGUES[lang][key], `${lang} ${key}`).toBeDefined();
        expect(MENU_LABELS[lang][name as keyof typeof MENU_KEYS]).toBe(CATALOGUES[lang][key]);
        expect(CATALOGUES[lang][key]!.trim(), key).not.toBe('');
      }
    }
  });

  it('Spanish is actually translated', () => {
    const same = Object.keys(MENU_LABELS.en).filter(
      (k) => MENU_LABELS.en[k as keyof typeof MENU_LABELS.en] === MENU_LABELS.es[k as keyof typeof MENU_LABELS.es],
    );
    expect(same.sort()).toEqual(['appName']);
  });

  it('follows the app language setting, then the system locale, then English', () => {
    expect(pickMenuLocale(undefined, 'es-419')).toBe('es');
    expect(pickMenuLocale(undefined, 'es_PE')).toBe('es');
    expect(pickMenuLocale(undefined, 'en-GB')).toBe('en');
    expect(pickMenuLocale(undefined, 'qu-PE')).toBe('en');
    expect(pickMenuLocale('en', 'es-PE')).toBe('en');
    expect(pickMenuLocale('es', 'en-US')).toBe('es');
    expect(pickMenuLocale('fr', 'es-ES')).toBe('es');
    expect(pickMenuLocale(42, '')).toBe('en');
  });
});

describe('application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`${platform}: every menu command is reachable and sent to the renderer`, () => {
      const { all, sent } = build(platform);
      for (const item of all.filter((i) => typeof i.click === 'function')) click(item);
      expect([...new Set(sent)].sort()).toEqual([...MENU_COMMANDS].sort());
      expect(all.some((i) => i.role === 'quit')).toBe(true);
      expect(all.some((i) => i.role === 'toggleDevTools')).toBe(false);
    });
  }

  it('has File, Edit, View and Help with shortcuts for the file commands', () => {
    const { template, all } = build('linux');
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', 'F&acilitator', '&Help']);
    const accel = (label: string) => all.find((i) => i.label === label)?.accelerator;
    expect([accel('New game…'), accel('Open…'), accel('Save'), accel('Save as…'), accel('Full screen')]).toEqual([
      'CmdOrCtrl+N',
      'CmdOrCtrl+O',
      'CmdOrCtrl+S',
      'CmdOrCtrl+Shift+S',
      'F11',
    ]);
    const exportMenu = all.find((i) => i.label === 'Export');
    expect((exportMenu?.submenu as MenuItemConstructorOptions[]).map((i) => i.label)).toEqual([
      'Replay log (JSON)…',
      'Turn tables (CSV)…',
      'After-action report (HTML)…',
      'After-action report (PDF)…',
    ]);
  });

  it('every label comes from the table (Spanish menu has no English left)', () => {
    const { all } = build('darwin', true, 'es');
    const english = new Set(Object.values(MENU_LABELS.en).filter((t) => t !== 'Cordillera'));
    for (const item of all) if (item.label) expect(english.has(item.label), item.label).toBe(false);
    for (const item of all) if (item.role || item.click) expect(item.label, JSON.stringify(item.role)).toBeTruthy();
    expect(all.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});

describe('dialog options', () => {
  it('suggests a file in Documents with the right extension and filter', () => {
    const l = menuLabels('es');
    const o = saveDialogOptions('csv', 'turnos', l, '/home/ana/Documents');
    expect(o).toMatchObject({
      title: 'Exportar',
      defaultPath: '/home/ana/Documents/turnos.csv',
      filters: [{ name: 'Tablas CSV', extensions: ['csv'] }],
    });
    expect(saveDialogOptions('game', 'partida.json', l, '/d').defaultPath).toBe('/d/partida.json');
    expect(saveDialogOptions('pdf', 'aar', l, '/d').title).toBe(l.dialogExportPdf);
    expect(withExtension('AAR.PDF', 'pdf')).toBe('AAR.PDF');
    expect(withExtension('aar.html', 'pdf')).toBe('aar.html.pdf');
    expect(openGameDialogOptions(l, '/d')).toMatchObject({ title: 'Abrir una partida', properties: ['openFile'] });
  });
});
