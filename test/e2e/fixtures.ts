/**
 * Shared end-to-end fixtures: every test collects the page's console errors and fails on any, and
 * screenshots go to test-results/screenshots/ and are attached to the report.
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

/** A screenshot of the settled screen: a turn's animation on the board is skipped first. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const skip = page.locator('.cdl-board__skip');
  if (await skip.isVisible()) await skip.click();
  mkdirSync('test-results/screenshots', { recursive: true });
  const path = `test-results/screenshots/${name}.png`;
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
}
