/**
 * Shared end-to-end fixtures: every test collects the page's console errors and fails on any, and
 * screenshots (of a settled screen: no sleeps, a wait on what must be true) go to
 * test-results/screenshots/ and are attached to the report.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
});

export { expect };

/**
 * Wait until the screen is still: the app has finished starting (settings read, any resume offer
 * decided), no turn is being animated on the board, the board's canvas fills its frame at the
 * current window size and presentation scale, and two frames have been painted since.
 */
export async function settle(page: Page): Promise<void> {
  await expect(page.locator('.app[aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('.cdl-board[data-animation="playing"]')).toHaveCount(0);
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLCanvasElement>('.cdl-board canvas')).every((c) => {
      const frame = c.parentElement?.getBoundingClientRect();
      return frame !== undefined && Math.abs(c.width - frame.width) <= 1 && Math.abs(c.height - frame.height) <= 1;
    }),
  );
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)));
      }),
  );
}

/** A screenshot of the settled screen: a turn's animation on the board is skipped first. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const skip = page.locator('.cdl-board__skip');
  if (await skip.isVisible()) await skip.click();
  await settle(page);
  mkdirSync('test-results/screenshots', { recursive: true });
  const path = `test-results/screenshots/${name}.png`;
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/** Choose a command in the in-app menu bar: `menu(page, 'File', 'Export', 'Turn tables (CSV)…')`. */
export async function menu(page: Page, top: string, ...path: string[]): Promise<void> {
  await page.getByRole('menubar').getByRole('menuitem', { name: top, exact: true }).click();
  for (const name of path)
    await page
      .getByRole('menu')
      .getByRole(/^(Español|English)$/.test(name) ? 'menuitemradio' : 'menuitem', { name, exact: true })
      .click();
}

export type SeatKind = 'Human' | 'Computer';
const SIDE_NAMES = { state: 'The State', clans: 'Family clans', insurgents: 'Insurgents' } as const;

/** Start a game from the start screen's New game button (seats left as they are unless given). */
export async function newGame(
  page: Page,
  opts: { seed: string; turns: string; seats?: Partial<Record<keyof typeof SIDE_NAMES, SeatKind>> },
): Promise<void> {
  await page.getByRole('button', { name: 'New game', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New game' });
  await expect(dialog).toBeVisible();
  for (const [side, seat] of Object.entries(opts.seats ?? {}) as [keyof typeof SIDE_NAMES, SeatKind][]) {
    await dialog.getByRole('radiogroup', { name: SIDE_NAMES[side] }).getByRole('radio', { name: seat }).check();
  }
  await dialog.getByLabel('Seed').fill(opts.seed);
  await dialog.getByLabel('Number of turns').fill(opts.turns);
  await dialog.getByRole('button', { name: 'Start game' }).click();
  await expect(dialog).toBeHidden();
}

/** Review the planning side's orders and commit them. */
export async function commit(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Review and commit…' }).click();
  const confirm = page.getByRole('dialog', { name: /^Commit the orders of/ });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Commit orders' }).click();
}

/** Play `turns` turns as the State (the other sides as set up), ending on the report of the last. */
export async function playTurns(page: Page, turns: number): Promise<void> {
  for (let i = 1; i <= turns; i++) {
    if (i > 1) await page.getByRole('button', { name: `Plan turn ${i}` }).click();
    await commit(page);
    await expect(page.getByRole('heading', { name: `Report on turn ${i}` })).toBeVisible();
  }
}
