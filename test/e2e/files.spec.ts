/**
 * Files in the web build: save a game and open it again (the same game, turn for turn); refuse a
 * damaged file with a translated alert while the game on screen carries on; export the log, the
 * four CSV tables and the report (HTML, and PDF through the browser's print); autosave after each
 * turn, and after the tab is reloaded with a game in progress, offer to resume it.
 */
import { type Download, type Page } from '@playwright/test';
import { commit, expect, menu, newGame, playTurns, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { LOG_VERSION, MODEL_VERSION } from '../../game/versions';

/** The in-progress record the app keeps with its settings (the browser's IndexedDB). */
function inProgressTurn(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        const open = indexedDB.open('cordillera');
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('settings').objectStore('settings').get('settings');
          get.onsuccess = () => {
            const raw = typeof get.result === 'string' ? (JSON.parse(get.result) as { gameInProgress?: { turn: number } | null }) : {};
            db.close();
            resolve(raw.gameInProgress?.turn ?? null);
          };
        };
        open.onerror = () => resolve(null);
      }),
  );
}

/** A solo game as the State, `turns` turns played; ends on the report of the last one. */
async function play(page: Page, turns = 1) {
  await page.goto('/');
  await newGame(page, { seed: '99', turns: '6' });
  await playTurns(page, turns);
}

const text = async (d: Download) => readFileSync(await d.path(), 'utf8');

/** RFC 4180 CSV: quoted fields, doubled quotes, line breaks inside quotes. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

test('save a game, reload, and open it again: the same game', async ({ page, consoleErrors }) => {
  await play(page, 2);
  const saving = page.waitForEvent('download');
  await menu(page, 'File', 'Save');
  const download = await saving;
  expect(download.suggestedFilename()).toBe('cordillera-interdiction-2016-t2.json');
  const path = await download.path();
  const saved = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & {
    log: { format: string; entries: unknown[]; finalHash: string };
  };
  expect(saved).toMatchObject({ format: 'cordillera-save', version: 3, setup: { seats: { state: { kind: 'human' } } } });
  expect(Object.keys(saved).sort()).toEqual(['app', 'format', 'log', 'savedAt', 'setup', 'version']);
  expect(saved.log.format).toBe('cordillera-log');
  expect(saved.log.entries).toHaveLength(2);
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Saved as cordillera-interdiction-2016-t2.json');

  // A reload with a game in progress offers to resume it; here we open the file instead.
  await page.reload();
  const resume = page.getByRole('dialog', { name: 'Resume the interrupted game?' });
  await resume.getByRole('button', { name: 'Start fresh' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Cordillera' })).toBeVisible();
  const choosing = page.waitForEvent('filechooser');
  await menu(page, 'File', 'Open…');
  await (await choosing).setFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(path) });
  await expect(page.getByRole('heading', { name: 'Report on turn 2' })).toBeVisible();
  await expect(page.getByText('Turn 2 of 6 · Q2 2016').first()).toBeVisible(); // the reported turn and its own quarter
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Opened cordillera-interdiction-2016-t2.json');

  // The game reopened is the game saved: its log (exported) is the saved log, byte for byte.
  const exporting = page.waitForEvent('download');
  await menu(page, 'File', 'Export', 'Replay log (JSON)…');
  expect(JSON.parse(await text(await exporting))).toEqual(saved.log);
  await page.getByRole('button', { name: 'Plan turn 3' }).click();
  await expect(page.getByRole('heading', { name: 'Plan: The State' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a damaged or foreign file is refused with a translated message; the game carries on', async ({ page, consoleErrors }) => {
  await play(page, 1);
  const saving = page.waitForEvent('download');
  await menu(page, 'File', 'Save');
  const good = await text(await saving);
  const tampered = JSON.parse(good) as { log: { entries: { hash: string }[] } };
  tampered.log.entries[0]!.hash = '0123456789abcdef';
  const open = async (name: string, body: string) => {
    const choosing = page.waitForEvent('filechooser');
    await menu(page, 'File', 'Open…');
    await (await choosing).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
  };
  for (const [name, body, reason] of [
    ['cut.json', good.slice(0, Math.floor(good.length * 0.6)), 'The file is incomplete: it stops before the end of the save'],
    ['notes.json', 'this is not json', 'This file is not a Cordillera save: it is not valid JSON'],
    ['other.json', '{"hello":"world"}', 'This file is not a Cordillera save: it has no format field.'],
    ['future.json', '{"format":"cordillera-save","version":7}', 'Saved by a newer Cordillera (version 7); this one reads up to 3.'],
    ['edited.json', JSON.stringify(tampered), 'The file was changed after saving: turn 1 does not match.'],
  ] as const) {
    await open(name, body);
    const alert = page.getByRole('alert').filter({ hasText: `Could not open ${name}.` });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(reason);
    await alert.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(alert).toBeHidden();
    // Still the same game, still running.
    await expect(page.getByRole('heading', { name: 'Report on turn 1' })).toBeVisible();
  }
  // In Spanish too.
  await menu(page, 'View', 'Language', 'Español');
  const choosing = page.waitForEvent('filechooser');
  await menu(page, 'Archivo', 'Abrir…');
  await (await choosing).setFiles({ name: 'corta.json', mimeType: 'application/json', buffer: Buffer.from(good.slice(0, 100)) });
  const alerta = page.getByRole('alert').filter({ hasText: 'No se pudo abrir corta.json.' });
  await expect(alerta).toContainText('El archivo está incompleto');
  await alerta.getByRole('button', { name: 'Cerrar el mensaje' }).click();
  // Save still writes a good file: nothing was overwritten or changed by the failed opens.
  await menu(page, 'Ver', 'Idioma', 'English');
  const again = page.waitForEvent('download');
  await menu(page, 'File', 'Save');
  const after = JSON.parse(await text(await again)) as { log: unknown };
  expect(after.log).toEqual((JSON.parse(good) as { log: unknown }).log);
  await page.getByRole('button', { name: 'Plan turn 2' }).click();
  await expect(page.getByRole('heading', { name: 'Plan: The State' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('export the replay log, the four CSV tables and the report', async ({ page, consoleErrors }) => {
  await play(page, 2);
  const stem = 'cordillera-interdiction-2016-seed99-t2';
  const get = async (item: string) => {
    const downloading = page.waitForEvent('download');
    await menu(page, 'File', 'Export', item);
    return downloading;
  };

  const log = await get('Replay log (JSON)…');
  expect(log.suggestedFilename()).toBe(`${stem}-log.json`);
  const logText = await text(log);
  // The command line's log.json format: pretty-printed with one space, a final newline.
  expect(logText).toMatch(new RegExp(`^\\{\\n "format": "cordillera-log",\\n "version": ${LOG_VERSION},\\n "model": ${MODEL_VERSION},`));
  expect(logText.endsWith('}\n')).toBe(true);
  expect((JSON.parse(logText) as { entries: unknown[] }).entries).toHaveLength(2);

  const tables: Record<string, string[][]> = {};
  for (const [item, id] of [
    ['National series (national.csv)…', 'national'],
    ['Regions (regions.csv)…', 'regions'],
    ['Events (events.csv)…', 'events'],
    ['Decisions (decisions.csv)…', 'decisions'],
  ] as const) {
    const d = await get(item);
    expect(d.suggestedFilename()).toBe(`${stem}-${id}.csv`);
    const body = await text(d);
    expect(body.charCodeAt(0), 'a byte-order mark for Excel').toBe(0xfeff);
    tables[id] = parseCsv(body.slice(1));
    const [header, ...rows] = tables[id];
    expect(
      rows.every((r) => r.length === header!.length),
      `${id}: every row has every column`,
    ).toBe(true);
  }
  // The command line's columns.
  expect(tables.national![0]!.slice(0, 6)).toEqual(['turn', 'year', 'quarter', 'coca_ha', 'leaf_t', 'eradicated_ha']);
  expect(tables.national!.slice(1).map((r) => r[0])).toEqual(['1', '2']);
  expect(tables.regions![0]!.slice(0, 13)).toEqual([
    'turn',
    'region',
    'coca_ha',
    'leaf_t',
    'yield_t_ha',
    'eradicated_ha',
    'leaf_price_usd_kg',
    'labs',
    'state_forces',
    'insurgent_fighters',
    'clan_presence',
    'violence_events',
    'control',
  ]);
  expect(tables.regions!.length - 1).toBe(2 * 26);
  expect(tables.events![0]).toEqual(['turn', 'type', 'region', 'side', 'to', 'numbers', 'text']);
  expect(tables.events!.length).toBeGreaterThan(5);
  expect(tables.decisions![0]).toEqual([
    'turn',
    'side',
    'kind',
    'region',
    'target',
    'amount',
    'value',
    'description',
    'note',
    'author',
    'reasons',
  ]);
  // The computer's orders name their author and carry its reasons in words.
  expect(tables.decisions!.slice(1).some((r) => r[1] === 'clans' && /computer/i.test(r[9]!) && r[10]!.length > 20)).toBe(true);

  // All four at once.
  const names: string[] = [];
  page.on('download', (d) => names.push(d.suggestedFilename()));
  await menu(page, 'File', 'Export', 'Turn tables (CSV)…');
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Exported 4 files');
  await expect.poll(() => names.sort()).toEqual(['decisions', 'events', 'national', 'regions'].map((id) => `${stem}-${id}.csv`));

  const report = await get('After-action report (HTML)…');
  expect(report.suggestedFilename()).toBe(`${stem}-report.html`);
  const html = await text(report);
  expect(html).toMatch(/^<!doctype html>/i);
  expect(html).toContain('<html lang="en"');
  expect(html).toContain('<svg');

  // PDF in the browser: the print dialog, from a hidden frame holding the report.
  await menu(page, 'File', 'Export', 'After-action report (PDF)…');
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('The print dialog is open');
  expect(consoleErrors).toEqual([]);
});

test('autosave after each turn; after a reload, resume the game where it was', async ({ page, consoleErrors }) => {
  await play(page, 2);
  // The autosave and the record are written in the background just after the turn.
  await expect.poll(() => inProgressTurn(page)).toBe(2);
  await page.reload();
  const resume = page.getByRole('dialog', { name: 'Resume the interrupted game?' });
  await expect(resume).toBeVisible();
  await expect(resume).toContainText('Resuming aerial interdiction (2016) (seed 99), after turn 2');
  await resume.getByRole('button', { name: /^Resume the game from turn 2 \(autosaved .+\)$/ }).click();
  await expect(resume).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Report on turn 2' })).toBeVisible();
  await expect(page.getByText('Turn 2 of 6 · Q2 2016').first()).toBeVisible(); // the reported turn and its own quarter
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Resumed');

  // Every autosave is listed, newest first; an older one opens too.
  await menu(page, 'File', 'Open autosave…');
  const list = page.getByRole('dialog', { name: 'Open an autosave' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('after turn 2');
  await list.getByRole('button', { name: 'Open Resuming aerial interdiction (2016) (seed 99), after turn 1' }).click();
  await expect(page.getByRole('heading', { name: 'Report on turn 1' })).toBeVisible();

  // Played on from there, the next turn is autosaved again; a clean start clears the offer.
  await page.getByRole('button', { name: 'Plan turn 2' }).click();
  await commit(page);
  await expect(page.getByRole('heading', { name: 'Report on turn 2' })).toBeVisible();
  await expect.poll(() => inProgressTurn(page)).toBe(2);
  await page.reload();
  await page.getByRole('dialog', { name: 'Resume the interrupted game?' }).getByRole('button', { name: 'Start fresh' }).click();
  await expect.poll(() => inProgressTurn(page)).toBeNull();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Cordillera' })).toBeVisible();
  // Once the app has read its settings and decided (aria-busy false), no offer to resume.
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('dialog', { name: 'Resume the interrupted game?' })).toBeHidden();
  expect(consoleErrors).toEqual([]);
});

test('undo the last turn: back to planning it, after a confirmation', async ({ page, consoleErrors }) => {
  await play(page, 2);
  await page.getByRole('button', { name: 'Undo this turn…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Undo turn 2?' });
  await expect(confirm).toContainText('The orders every side gave for it are discarded');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Report on turn 2' })).toBeVisible();
  await menu(page, 'File', 'Undo last turn…');
  await page.getByRole('dialog', { name: 'Undo turn 2?' }).getByRole('button', { name: 'Undo turn 2' }).click();
  await expect(page.getByRole('heading', { name: 'Plan: The State' })).toBeVisible();
  await expect(page.getByText('Turn 2 of 6').first()).toBeVisible();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Turn 2 was taken back');
  await commit(page);
  await expect(page.getByRole('heading', { name: 'Report on turn 2' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
