/**
 * Files in the web build: save a game and open it again, refuse a bad file with a translated
 * alert (the app keeps running), and export the log, the CSV tables and the report.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
});

async function menu(page: Page, top: string, ...path: string[]) {
  await page.getByRole('menubar').getByRole('menuitem', { name: top, exact: true }).click();
  for (const name of path) await page.getByRole('menuitem', { name, exact: true }).click();
}

async function playOneTurn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'New game', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New game' });
  await dialog.getByLabel('Seed').fill('99');
  await dialog.getByLabel('Number of turns').fill('6');
  await dialog.getByRole('button', { name: 'Start game' }).click();
  await page.getByRole('button', { name: 'Review and commit…' }).click();
  await page.getByRole('dialog', { name: /^Commit the orders of/ }).getByRole('button', { name: 'Commit orders' }).click();
  await expect(page.getByRole('heading', { name: 'Report on turn 1' })).toBeVisible();
}

test('save a game, reload, and open it again', async ({ page, consoleErrors }) => {
  await playOneTurn(page);
  const saving = page.waitForEvent('download');
  await menu(page, 'File', 'Save');
  const download = await saving;
  expect(download.suggestedFilename()).toBe('cordillera-interdiction-2016-t1.json');
  const path = await download.path();
  const saved = JSON.parse(readFileSync(path, 'utf8')) as { format: string; state: { turn: number } };
  expect(saved.format).toBe('cordillera-save');
  expect(saved.state.turn).toBe(1);
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Saved as cordillera-interdiction-2016-t1.json');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Cordillera' })).toBeVisible();
  const choosing = page.waitForEvent('filechooser');
  await menu(page, 'File', 'Open…');
  await (await choosing).setFiles(path);
  await expect(page.getByRole('heading', { name: 'Plan: The State' })).toBeVisible();
  await expect(page.getByText('Turn 2 of 6').first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a file that is not a saved game is refused with a clear message', async ({ page, consoleErrors }) => {
  await page.goto('/');
  for (const [name, text, message] of [
    ['notes.json', 'this is not json', 'Could not open notes.json: it is not a JSON file.'],
    ['other.json', '{"hello":"world"}', 'Could not open other.json: it is not a Cordillera saved game.'],
    ['future.json', '{"format":"cordillera-save","version":7}', 'Could not open future.json: it was saved by a newer version of Cordillera (format 7).'],
  ] as const) {
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open a saved game' }).click();
    await (await choosing).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const alert = page.getByRole('alert').filter({ hasText: message });
    await expect(alert).toBeVisible();
    await alert.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(alert).toBeHidden();
  }
  // Still running: a game can start.
  await page.getByRole('button', { name: 'New game', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'New game' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('export the replay log, the CSV tables and the report', async ({ page, consoleErrors }) => {
  await playOneTurn(page);
  const cases = [
    ['Replay log (JSON)…', /-log\.json$/, '"format": "cordillera-log"'],
    ['Turn tables (CSV)…', /-turns\.csv$/, 'turn,year,quarter,cocaHa'],
    ['After-action report (HTML)…', /-report\.html$/, 'After-action report'],
  ] as const;
  for (const [item, name, content] of cases) {
    const downloading = page.waitForEvent('download');
    await menu(page, 'File', 'Export', item);
    const d = await downloading;
    expect(d.suggestedFilename()).toMatch(name);
    expect(readFileSync(await d.path(), 'utf8')).toContain(content);
  }
  expect(consoleErrors).toEqual([]);
});
