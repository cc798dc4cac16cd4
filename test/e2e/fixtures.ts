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
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
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
  await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLCanvasElement>('.cdl-board canvas')).every((c) => {
    const frame = c.parentElement?.getBoundingClientRect();
    return frame !== undefined && Math.abs(c.width - frame.width) <= 1 && Math.abs(c.height - frame.height) <= 1;
  }));
  await page.evaluate(() => new Promise((resolve) => { requestAnimationFrame(() => requestAnimationFrame(() => resolve(null))); }));
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
