/**
 * The replay viewer in the web build: play three turns, export the log, open it in the viewer;
 * step back and forth with the buttons and the keys, jump with the slider, auto-play to the end,
 * and view the game as the clans saw it. The board and the turn report follow the turn shown.
 * Screenshots of the viewer at 1920×1080 and 1366×768.
 */
import { type Page } from '@playwright/test';
import { expect, menu, newGame, playTurns, test, screenshot } from './fixtures';
import { readFileSync } from 'node:fs';

/** Play three turns as the State against the computer and export the log; returns its path. */
async function threeTurnLog(page: Page): Promise<string> {
  await page.goto('/');
  await newGame(page, { seed: '2016', turns: '3' });
  await playTurns(page, 3);
  await expect(page.getByRole('heading', { name: 'Game over' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await menu(page, 'File', 'Export', 'Replay log (JSON)…');
  return (await downloading).path();
}

async function openReplay(page: Page, path: string) {
  const choosing = page.waitForEvent('filechooser');
  await menu(page, 'File', 'Open log / replay…');
  await (
    await choosing
  ).setFiles({ name: 'cordillera-interdiction-2016-seed2016-t3-log.json', mimeType: 'application/json', buffer: readFileSync(path) });
  await expect(page.getByRole('heading', { name: 'Replay', exact: true })).toBeVisible();
}

const controls = (page: Page) => page.getByRole('group', { name: 'Replay controls' });
const reportTitle = (page: Page) => page.locator('.replay-panel .report-title');
/** What the map says about a region (its overlay value), from the board's region list. */
const regionSays = (page: Page, name: string) =>
  page.getByRole('list', { name: 'Regions' }).getByRole('button', { name, exact: true }).getAttribute('aria-description');

test('open a log, step, jump, auto-play and view as the clans', async ({ page, consoleErrors }) => {
  const path = await threeTurnLog(page);
  await openReplay(page, path);
  const c = controls(page);
  await expect(c).toContainText('Turn 3 of 3');
  await expect(reportTitle(page)).toHaveText('Report on turn 3');
  await expect(page.locator('.status-phase')).toHaveText('Replay');

  // Back and forth with the buttons: the report and the map follow.
  const at3 = await regionSays(page, 'Cusco');
  await c.getByRole('button', { name: 'Previous turn' }).click();
  await expect(c).toContainText('Turn 2 of 3');
  await expect(reportTitle(page)).toHaveText('Report on turn 2');
  await expect.poll(() => regionSays(page, 'Cusco')).not.toBe(at3);
  await c.getByRole('button', { name: 'First turn' }).click();
  await expect(reportTitle(page)).toHaveText('Starting position');
  await expect(c.getByRole('button', { name: 'Previous turn' })).toBeDisabled();
  await c.getByRole('button', { name: 'Next turn' }).click();
  await expect(reportTitle(page)).toHaveText('Report on turn 1');

  // The keys: → ← Home End (focus on the panel, not in a field).
  await page.getByRole('heading', { name: 'Replay', exact: true }).click();
  await page.keyboard.press('ArrowRight');
  await expect(reportTitle(page)).toHaveText('Report on turn 2');
  await page.keyboard.press('End');
  await expect(reportTitle(page)).toHaveText('Report on turn 3');
  await page.keyboard.press('Home');
  await expect(reportTitle(page)).toHaveText('Starting position');
  await page.keyboard.press('ArrowLeft');
  await expect(reportTitle(page)).toHaveText('Starting position');

  // Jump with the slider.
  const slider = c.getByRole('slider', { name: 'Turn' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(reportTitle(page)).toHaveText('Report on turn 3');
  await page.keyboard.press('ArrowLeft');
  await expect(reportTitle(page)).toHaveText('Report on turn 2');
  await expect(slider).toHaveAttribute('aria-valuetext', 'turn 2');

  // Auto-play from the start, fast, to the end; then it stops.
  await c.getByLabel('Speed').selectOption({ label: 'Very fast' });
  await c.getByRole('button', { name: 'First turn' }).click();
  await c.getByRole('button', { name: 'Play' }).click();
  await expect(c.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(reportTitle(page)).toHaveText('Report on turn 3', { timeout: 10_000 });
  await expect(c.getByRole('button', { name: 'Play' })).toBeVisible();
  // Space plays and pauses.
  await page.getByRole('heading', { name: 'Replay', exact: true }).click();
  await page.keyboard.press(' ');
  await expect(reportTitle(page)).not.toHaveText('Report on turn 3');
  await page.keyboard.press(' ');
  await expect(c.getByRole('button', { name: 'Play' })).toBeVisible();
  await c.getByRole('button', { name: 'Last turn' }).click();

  // As the clans saw it: what they knew of insurgent fighters was an estimate.
  await page.getByRole('radiogroup', { name: 'Map shows' }).getByRole('radio', { name: 'Insurgents' }).check();
  const facilitatorSees = await regionSays(page, 'Ayacucho');
  await c.getByRole('radio', { name: 'Clans' }).check();
  await expect(c.getByRole('radio', { name: 'Clans' })).toBeChecked();
  await expect(page.locator('.replay-panel')).toContainText('As Clans');
  await expect
    .poll(async () => {
      const names = ['Ayacucho', 'Cusco', 'Junín', 'Huánuco', 'Puno'];
      const facil = facilitatorSees;
      const seen = await Promise.all(names.map((n) => regionSays(page, n)));
      return seen[0] !== facil || seen.some((x, i) => i > 0 && x === null);
    })
    .toBe(true);
  await expect(reportTitle(page)).toHaveText('Report on turn 3');
  await screenshot(page, 'replay-clans-1920x1080');

  // Exports work from the viewer too, and the log exported is the log opened.
  const downloading = page.waitForEvent('download');
  await menu(page, 'File', 'Export', 'Replay log (JSON)…');
  const again = readFileSync(await (await downloading).path(), 'utf8');
  expect(again).toBe(readFileSync(path, 'utf8'));

  // Out of the viewer, back to the start screen.
  await page.getByRole('button', { name: 'Exit replay' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Cordillera' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a file that does not replay is refused with a clear message', async ({ page, consoleErrors }) => {
  const path = await threeTurnLog(page);
  const log = JSON.parse(readFileSync(path, 'utf8')) as {
    entries: { input: { orders: { side: string; orders: { kind: string; amount?: number }[] }[] } }[];
  };
  const clans = log.entries[1]!.input.orders.find((o) => o.side === 'clans')!;
  const order = clans.orders.find((o) => typeof o.amount === 'number')!;
  order.amount = order.amount! * 0.5;
  const choosing = page.waitForEvent('filechooser');
  await menu(page, 'File', 'Open log / replay…');
  await (await choosing).setFiles({ name: 'edited-log.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(log)) });
  const alert = page.getByRole('alert').filter({ hasText: 'Could not open edited-log.json.' });
  await expect(alert).toContainText('The file was changed after saving: turn 2 does not match.');
  // The game that was on screen is still there.
  await expect(page.getByRole('heading', { name: 'Game over' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

for (const [w, h] of [
  [1920, 1080],
  [1366, 768],
] as const) {
  test(`the replay viewer fits ${w}×${h}`, async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width: w, height: h });
    const path = await threeTurnLog(page);
    await openReplay(page, path);
    await controls(page).getByRole('button', { name: 'Previous turn' }).click();
    await expect(reportTitle(page)).toHaveText('Report on turn 2');
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth > window.innerWidth,
      y: document.documentElement.scrollHeight > window.innerHeight,
      culprits: Array.from(document.querySelectorAll<HTMLElement>('body *'))
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > window.innerHeight + 1 && !el.closest('.col-left, .col-right') && getComputedStyle(el).position !== 'fixed';
        })
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className}`),
    }));
    expect(overflow).toEqual({ x: false, y: false, culprits: [] });
    for (const name of ['First turn', 'Previous turn', 'Play', 'Next turn', 'Last turn']) {
      await expect(controls(page).getByRole('button', { name })).toBeInViewport();
    }
    await expect(controls(page).getByRole('slider', { name: 'Turn' })).toBeInViewport();
    await screenshot(page, `replay-${w}x${h}`);
    // Scrolled down to the report, the controls stay in view.
    await page.locator('.col-left').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect(controls(page).getByRole('button', { name: 'Play' })).toBeInViewport();
    await screenshot(page, `replay-scrolled-${w}x${h}`);
    expect(consoleErrors).toEqual([]);
  });
}
