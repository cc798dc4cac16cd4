/**
 * The app shell in the web build: it loads with no console errors, shows the title and the menu,
 * every menu action is reachable, About names the bundled data and its licences, the language can
 * be switched to Spanish at any time, and presentation mode and zoom scale the text.
 */
import { type Page } from '@playwright/test';
import { expect, test, screenshot } from './fixtures';

async function openMenu(page: Page, name: string) {
  await page.getByRole('menubar').getByRole('menuitem', { name, exact: true }).click();
}

test('the shell loads with its title, menu and board area, and no console errors', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Cordillera');
  await expect(page.getByRole('heading', { level: 1, name: 'Cordillera' })).toBeVisible();
  await expect(page.getByRole('menubar', { name: 'Application menu' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Map of Peru' })).toBeVisible();
  await expect(page.getByRole('application')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New game' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('every menu action is reachable', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await openMenu(page, 'File');
  const file = page.getByRole('menu', { name: 'File' });
  for (const name of ['New game…', 'Open…', 'Save', 'Save as…', 'Export']) {
    await expect(file.getByRole('menuitem', { name, exact: true })).toBeVisible();
  }
  await file.getByRole('menuitem', { name: 'Export' }).hover();
  const exp = page.getByRole('menu', { name: 'Export' });
  for (const name of ['Replay log (JSON)…', 'Turn tables (CSV)…', 'After-action report (HTML)…']) {
    await expect(exp.getByRole('menuitem', { name })).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  await openMenu(page, 'View');
  const view = page.getByRole('menu', { name: 'View' });
  for (const name of ['Full screen', 'Zoom in', 'Zoom out', 'Actual size', 'Language']) {
    await expect(view.getByRole('menuitem', { name })).toBeVisible();
  }
  await expect(view.getByRole('menuitemcheckbox', { name: 'Presentation mode' })).toBeVisible();
  await page.keyboard.press('Escape');

  await openMenu(page, 'Help');
  await page.getByRole('menu', { name: 'Help' }).getByRole('menuitem', { name: 'About Cordillera' }).click();
  const about = page.getByRole('dialog', { name: 'About Cordillera' });
  await expect(about).toBeVisible();
  await expect(about.getByText('Map data: amCharts 5 geodata')).toBeVisible();
  await expect(about.getByText(/Version \d+\.\d+\.\d+/)).toBeVisible();
  for (const name of ['Phaser', 'React', 'Immer', 'zod', 'Natural Earth']) {
    await expect(about.getByRole('rowheader', { name })).toBeVisible();
  }
  await screenshot(page, 'about-1920x1080');
  await about.getByRole('button', { name: 'Close' }).click();
  await expect(about).toBeHidden();

  // Keyboard: the menu bar is one tab stop; arrows move, Enter opens, Escape closes.
  await page.getByRole('menubar').getByRole('menuitem', { name: 'File' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('menubar').getByRole('menuitem', { name: 'View' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu', { name: 'View' }).getByRole('menuitem', { name: 'Full screen' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu', { name: 'View' })).toBeHidden();
  expect(consoleErrors).toEqual([]);
});

test('Save without a game says so in a translated alert, and nothing breaks', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await openMenu(page, 'File');
  const save = page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: 'Save', exact: true });
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('heading', { name: 'Welcome to Cordillera' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the language switches to Spanish and back at any time', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await openMenu(page, 'View');
  await page.getByRole('menu', { name: 'View' }).getByRole('menuitem', { name: 'Language' }).click();
  await page.getByRole('menuitemradio', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { name: 'Bienvenidos a Cordillera' })).toBeVisible();
  await expect(page.getByRole('menubar').getByRole('menuitem', { name: 'Archivo' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nueva partida' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // The board's own strings follow the language too.
  await expect(page.getByRole('application', { name: /Mapa|mapa/ })).toBeVisible();
  await screenshot(page, 'start-es-1920x1080');

  await openMenu(page, 'Ver');
  await page.getByRole('menu', { name: 'Ver' }).getByRole('menuitem', { name: 'Idioma' }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Cordillera' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('presentation mode and zoom scale the root font size', async ({ page, consoleErrors }) => {
  await page.goto('/');
  const rootPx = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(await rootPx()).toBe(16);
  await openMenu(page, 'View');
  await page.getByRole('menuitem', { name: 'Zoom in' }).click();
  expect(await rootPx()).toBeCloseTo(17.6, 1);
  await openMenu(page, 'View');
  await page.getByRole('menuitem', { name: 'Actual size' }).click();
  expect(await rootPx()).toBe(16);
  await openMenu(page, 'View');
  await page.getByRole('menuitemcheckbox', { name: 'Presentation mode' }).click();
  expect(await rootPx()).toBeGreaterThan(20);
  await expect(page.locator('html')).toHaveClass(/presentation/);
  await screenshot(page, 'start-presentation-1920x1080');
  await openMenu(page, 'View');
  await expect(page.getByRole('menuitemcheckbox', { name: 'Presentation mode' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('menuitemcheckbox', { name: 'Presentation mode' }).click();
  expect(await rootPx()).toBe(16);
  expect(consoleErrors).toEqual([]);
});

for (const [w, h] of [
  [1920, 1080],
  [1366, 768],
] as const) {
  test(`the start screen fits ${w}×${h} with nothing clipped`, async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/');
    await expect(page.getByRole('application')).toBeVisible();
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth > window.innerWidth,
      y: document.documentElement.scrollHeight > window.innerHeight,
    }));
    expect(overflow).toEqual({ x: false, y: false });
    await expect(page.getByRole('menubar').getByRole('menuitem', { name: 'Help' })).toBeInViewport();
    await screenshot(page, `start-${w}x${h}`);
    await page.getByRole('button', { name: 'New game', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New game' });
    await expect(dialog.getByRole('button', { name: 'Start game' })).toBeInViewport();
    await screenshot(page, `new-game-${w}x${h}`);
    // Bad input in the form is explained, not accepted.
    await dialog.getByLabel('Number of turns').fill('0');
    await dialog.getByRole('button', { name: 'Start game' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('The number of turns must be a whole number from 1 to 200.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(consoleErrors).toEqual([]);
  });
}
