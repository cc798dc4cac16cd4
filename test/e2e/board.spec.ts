/**
 * The board in real Chromium, through its harness page (`board-harness.html`: the board alone with
 * sample data). A user selects regions with the mouse, the keyboard and the accessible list,
 * switches overlays and language, and zooms; the board reports its load time and frame times.
 */
import { expect, test, type Page } from '@playwright/test';

const HARNESS = '/board-harness.html';

interface Metrics {
  renderer: 'webgl' | 'canvas';
  readyAt: number | null;
  frameIntervals: number[];
  frameWork: number[];
  flows: number;
  dots: number;
}

async function open(page: Page, query = ''): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${HARNESS}${query}`);
  await page.waitForFunction(() => (window as unknown as { __boardMetrics?: Metrics }).__boardMetrics?.readyAt != null,
    null, { timeout: 20_000 });
  return errors;
}

const board = (page: Page) => page.getByRole('application', { name: /Map of Peru|Mapa del Perú/ });
const selected = (page: Page) => page.getByTestId('selected');

test('the board loads, draws the flows and reports when it became interactive', async ({ page }) => {
  const errors = await open(page);
  await expect(board(page)).toBeVisible();
  await expect(page.locator('.cdl-board canvas')).toBeVisible();
  const m = await page.evaluate(() => (window as unknown as { __boardMetrics: Metrics }).__boardMetrics);
  expect(m.readyAt).toBeLessThan(10_000);
  expect(m.flows).toBeGreaterThan(10);
  expect(m.dots).toBeGreaterThan(m.flows - 1);
  test.info().annotations.push({ type: 'board ready (ms since navigation)', description: `${Math.round(m.readyAt ?? -1)} (${m.renderer})` });
  expect(errors).toEqual([]);
});

test('a region can be selected from the accessible list by its name', async ({ page }) => {
  await open(page);
  const list = page.getByRole('list', { name: 'Regions' });
  await expect(list.getByRole('button')).toHaveCount(26);
  const ayacucho = list.getByRole('button', { name: 'Ayacucho', exact: true });
  await ayacucho.press('Enter');
  await expect(selected(page)).toHaveText('Selected: Ayacucho');
  await expect(ayacucho).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Selected: Ayacucho');
});

test('keyboard: arrows move between regions with a tooltip, Enter selects, + and 0 zoom', async ({ page }) => {
  await open(page);
  await board(page).focus();
  await page.keyboard.press('ArrowDown');
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toBeVisible();
  const first = (await tooltip.locator('.cdl-board__tooltip-title').textContent()) ?? '';
  expect(first.length).toBeGreaterThan(2);
  await page.keyboard.press('ArrowDown');
  await expect(tooltip.locator('.cdl-board__tooltip-title')).not.toHaveText(first);
  const second = (await tooltip.locator('.cdl-board__tooltip-title').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(selected(page)).toHaveText(`Selected: ${second}`);

  const reset = page.getByRole('button', { name: 'Reset view' });
  await expect(reset).toBeDisabled();
  await page.keyboard.press('+');
  await expect(reset).toBeEnabled();
  await page.keyboard.press('0');
  await expect(reset).toBeDisabled();
});

test('mouse: hovering shows the region and its value, clicking selects it, dragging pans without selecting', async ({ page }) => {
  await open(page);
  const box = (await page.locator('.cdl-board canvas').boundingBox())!;
  // Walk across the middle of the board until the pointer is over a region.
  let name = '';
  for (let dx = -0.1; dx <= 0.1 && !name; dx += 0.02) {
    await page.mouse.move(box.x + box.width * (0.5 + dx), box.y + box.height * 0.45);
    const tip = page.getByRole('tooltip');
    if (await tip.isVisible()) name = (await tip.locator('.cdl-board__tooltip-title').textContent()) ?? '';
  }
  expect(name).not.toBe('');
  await expect(page.getByRole('tooltip')).toContainText(/Coca cultivation: /);
  await expect(page.getByTestId('hovered')).toHaveText(`Hover: ${name}`);
  await page.mouse.down();
  await page.mouse.up();
  await expect(selected(page)).toHaveText(`Selected: ${name}`);

  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const before = await selected(page).textContent();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5 + 120, box.y + box.height * 0.5 + 60, { steps: 6 });
  await page.mouse.up();
  await expect(selected(page)).toHaveText(before ?? '');
  await page.mouse.wheel(0, -400);
  await expect(page.getByRole('button', { name: 'Reset view' })).toBeEnabled();
});

test('overlays and language change what the board says', async ({ page }) => {
  await open(page);
  await expect(board(page)).toHaveAccessibleName(/Coca cultivation/);
  for (const title of ['Coca leaf price', 'Territorial control', 'Insurgent presence', 'Violence', 'Clan networks', 'State legitimacy']) {
    await page.getByRole('button', { name: title }).click();
    await expect(board(page)).toHaveAccessibleName(new RegExp(title));
  }
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(board(page)).toHaveAccessibleName(/Mapa del Perú, con Legitimidad del Estado/);
  await expect(page.getByRole('list', { name: 'Regiones' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Acercar' })).toBeVisible();
});

test('the Canvas renderer works too (the fallback when WebGL fails or is software-only)', async ({ page }) => {
  const errors = await open(page, '?renderer=canvas');
  const r = await page.evaluate(() => (window as unknown as { __boardMetrics: Metrics }).__boardMetrics.renderer);
  expect(r).toBe('canvas');
  await page.getByRole('list', { name: 'Regions' }).getByRole('button', { name: 'Cusco', exact: true }).press('Enter');
  await expect(selected(page)).toHaveText('Selected: Cusco');
  expect(errors).toEqual([]);
});

test('forced WebGL draws the same board and takes the same input', async ({ page }) => {
  const errors = await open(page, '?renderer=webgl');
  const r = await page.evaluate(() => (window as unknown as { __boardMetrics: Metrics }).__boardMetrics.renderer);
  expect(r).toBe('webgl');
  await board(page).focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(selected(page)).not.toHaveText('Selected: —');
  expect(errors).toEqual([]);
});

test('when WebGL cannot start, the board falls back to Canvas instead of blanking the page', async ({ page }) => {
  await page.addInitScript(() => {
    type GetContext = (this: HTMLCanvasElement, type: string, ...rest: unknown[]) => unknown;
    const proto = HTMLCanvasElement.prototype as unknown as { getContext: GetContext };
    const original = proto.getContext;
    proto.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (type.startsWith('webgl') || type === 'experimental-webgl') return null;
      return original.call(this, type, ...rest);
    };
  });
  const errors = await open(page, '?renderer=webgl');
  const r = await page.evaluate(() => (window as unknown as { __boardMetrics: Metrics }).__boardMetrics.renderer);
  expect(r).toBe('canvas');
  await expect(board(page)).toBeVisible();
  await page.getByRole('list', { name: 'Regions' }).getByRole('button', { name: 'Puno', exact: true }).press('Enter');
  await expect(selected(page)).toHaveText('Selected: Puno');
  expect(errors).toEqual([]);
});

test('flow animation stays smooth: p95 frame interval over 3 s', async ({ page }) => {
  await open(page, '?bare=1');
  await page.waitForTimeout(1000);
  const r = await page.evaluate(async () => {
    const m = (window as unknown as { __boardMetrics: Metrics }).__boardMetrics;
    m.frameIntervals.length = 0;
    m.frameWork.length = 0;
    await new Promise((res) => setTimeout(res, 3000));
    const q = (a: number[], p: number): number => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * a.length))] ?? NaN;
    return { renderer: m.renderer, frames: m.frameIntervals.length, p95: q(m.frameIntervals, 0.95), workP95: q(m.frameWork, 0.95) };
  });
  test.info().annotations.push({ type: 'board frames', description: JSON.stringify(r) });
  expect(r.frames).toBeGreaterThan(30);
  // The target is 20 ms; the assertion leaves room for a loaded CI machine.
  expect(r.p95).toBeLessThan(50);
});
