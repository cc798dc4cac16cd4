/**
 * The desktop build's renderer (`out/renderer`, written by `npm run build`) as the desktop window
 * loads it: from file:// URLs (main's `win.loadFile`). No Electron binary can be downloaded on these
 * machines (electron.spec.ts skips), so this drives the same bundle in Chromium, which is what
 * Electron embeds, with file pages allowed to load their own files (as Electron's file:// pages
 * are). It checks the part of the desktop path the web build does not cover: the hard computer
 * sides' Web Worker starts from the bundle's own file, every request the page and the worker make
 * is one main's network block lets through (`isAllowedRequest`, the function main uses), and the
 * worker's decisions reach the game (its progress shows; the report explains the search).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumLaunch } from '../../playwright.config';
import { isAllowedRequest, type AppOrigin } from '../../main/security-policy';
import { commit, expect, settle, test } from './fixtures';

const rendererDir = resolve(import.meta.dirname, '../../out/renderer');
const origin: AppOrigin = { rendererIndex: join(rendererDir, 'index.html'), rendererDir };

test.use({ launchOptions: { ...chromiumLaunch, args: [...chromiumLaunch.args, '--allow-file-access-from-files'] } });

test('the desktop renderer, loaded from its files, thinks in its worker within what main allows', async ({ page, consoleErrors }) => {
  void consoleErrors;
  test.setTimeout(180_000);
  expect(existsSync(origin.rendererIndex), `${origin.rendererIndex} is missing: run npm run build first`).toBe(true);
  const requests: string[] = [];
  const workers: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('worker', (w) => workers.push(w.url()));

  await page.goto(pathToFileURL(origin.rendererIndex).href);
  await expect(page.locator('.cdl-board[data-ready-ms]')).toBeAttached({ timeout: 30_000 });
  // Remember the thinking indicator's progress: only the worker reports progress.
  await page.evaluate(() => {
    const w = window as unknown as { __pct: string[] };
    w.__pct = [];
    new MutationObserver(() => {
      const el = document.querySelector('[data-thinking] .thinking-pct');
      if (el?.textContent) w.__pct.push(el.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  await page.getByRole('button', { name: 'New game', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New game' });
  await dialog.getByRole('radiogroup', { name: 'The State' }).getByRole('radio', { name: 'Human' }).check();
  for (const side of ['Family clans', 'Insurgents']) {
    await dialog.getByRole('radiogroup', { name: side }).getByRole('radio', { name: 'Computer' }).check();
    await dialog.getByLabel(`Difficulty of the computer playing ${side}`).selectOption('hard');
  }
  await dialog.getByLabel('Seed').fill('11');
  await dialog.getByLabel('Number of turns').fill('2');
  await dialog.getByRole('button', { name: 'Start game' }).click();
  await expect(dialog).toBeHidden();

  // The worker is the bundle's own file, and it reports progress while the hard sides think.
  await expect.poll(() => workers.length, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(workers.every((url) => url.startsWith(pathToFileURL(rendererDir).href + '/') && isAllowedRequest(url, origin))).toBe(true);
  await expect(page.locator('[data-thinking]')).toHaveCount(0, { timeout: 60_000 });
  const pct = await page.evaluate(() => (window as unknown as { __pct: string[] }).__pct);
  expect(pct.some((x) => /[1-9]\d* ?%/.test(x))).toBe(true);

  // The team commits; the report explains each hard side's search (expected scores come from it).
  await commit(page);
  const report = page.locator('.col-left');
  await expect(report.locator('.rationale.side-clans .decision-plan')).toHaveText(/expected score/, { timeout: 60_000 });
  await expect(report.locator('.rationale.side-insurgents .decision-plan')).toHaveText(/expected score/);
  await settle(page);

  // Nothing the page or its worker asked for would have been refused by main's network block.
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((url) => !isAllowedRequest(url, origin))).toEqual([]);
});
