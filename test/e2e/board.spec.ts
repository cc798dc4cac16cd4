/**
 * The board in real Chromium, through its harness page (`board-harness.html`: the board alone with
 * sample data). A user selects regions with the mouse, the keyboard and the accessible list,
 * switches overlays and language, and zooms; the board reports its load time and frame times.
 * After a turn resolves (the harness's sample turn, and a real turn in the app) the board animates
 * it: the animation runs and ends, Skip, Escape and a click end it early, reduced motion shows the
 * end state at once, and the markers that stay have accessible names and tooltips. Screenshots of
 * the end state at 1920×1080 and 1366×768, normal and presentation scale, go to
 * test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { BoardMetrics } from '../../renderer/board/layer-host';
import { newGame, settle } from './fixtures';

const HARNESS = '/board-harness.html';

/** What the board reports on `window.__boardMetrics` (harness and performance pages). */
type Metrics = BoardMetrics;

async function open(page: Page, query = ''): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${HARNESS}${query}`);
  await page.waitForFunction(() => (window as unknown as { __boardMetrics?: Metrics }).__boardMetrics?.readyAt != null, null, {
    timeout: 20_000,
  });
  return errors;
}

const board = (page: Page) => page.getByRole('application', { name: /Map of Peru|Mapa del Perú/ });
const selected = (page: Page) => page.getByTestId('selected');

test('the board loads, draws the flows and reports when it became interactive', async ({ page }) => {
  const errors = await open(page);
  await expect(board(page)).toBeVisible();
  await expect(page.locator('.cdl-board canvas')).toBeVisible();
  const m = await page.evaluate(() => (window as unknown as { __boardMetrics: Metrics }).__boardMetrics);
  expect(m.readyAt).toBeGreaterThan(0);
  expect(m.flows).toBeGreaterThan(10);
  expect(m.dots).toBeGreaterThan(m.flows - 1);
  test
    .info()
    .annotations.push({ type: 'board ready (ms since navigation)', description: `${Math.round(m.readyAt ?? -1)} (${m.renderer})` });
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

// Frame times are measured by `npm run bench` (resolution_frame_p95_ms), not asserted here.
test('the flows keep animating: frames keep being drawn after the board is ready', async ({ page }) => {
  await open(page, '?bare=1');
  await page.evaluate(() => {
    const m = (window as unknown as { __boardMetrics: Metrics }).__boardMetrics;
    m.frameIntervals.length = 0;
    m.frameWork.length = 0;
  });
  // Thirty-one new frames, however long the machine takes to draw them.
  await page.waitForFunction(() => (window as unknown as { __boardMetrics: Metrics }).__boardMetrics.frameIntervals.length > 30, null, {
    timeout: 20_000,
  });
  const r = await page.evaluate(() => {
    const m = (window as unknown as { __boardMetrics: Metrics }).__boardMetrics;
    const q = (a: number[], p: number): number => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * a.length))] ?? NaN;
    return { renderer: m.renderer, frames: m.frameIntervals.length, p95: q(m.frameIntervals, 0.95), workP95: q(m.frameWork, 0.95) };
  });
  test.info().annotations.push({ type: 'board frames', description: JSON.stringify(r) });
  expect(r.frames).toBeGreaterThan(30);
});

// ---------------------------------------------------------------------------------------------
// The turn's resolution on the board

const metrics = (page: Page): Promise<Metrics> => page.evaluate(() => (window as unknown as { __boardMetrics: Metrics }).__boardMetrics);
const animState = (page: Page) => page.locator('.cdl-board');

async function screenshot(page: Page, name: string): Promise<void> {
  await settle(page);
  mkdirSync('test-results/screenshots', { recursive: true });
  const path = `test-results/screenshots/${name}.png`;
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

test('a resolved turn is animated on the board, then its markers stay, named and with tooltips', async ({ page }) => {
  const errors = await open(page, '?events=sample');
  await expect(animState(page)).toHaveAttribute('data-animation', 'playing');
  // While it plays: what is shown, and the way out.
  await expect(page.getByText('Turn 3 resolved')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Skip/ })).toBeVisible();
  await expect(animState(page)).toHaveAttribute('data-animation', 'done', { timeout: 8_000 });
  await expect(page.getByRole('button', { name: /^Skip/ })).toBeHidden();
  const m = await metrics(page);
  expect(m.animation.plays).toBe(1);
  const ms = (m.animation.endedAt ?? 0) - (m.animation.startedAt ?? 0);
  expect(ms).toBeGreaterThan(2_500);
  expect(ms).toBeLessThan(7_000);
  test.info().annotations.push({ type: 'animation length (ms)', description: String(Math.round(ms)) });

  // The summary is announced once the animation has played.
  await expect(page.getByRole('main').getByRole('status')).toContainText('Turn 3 on the map: 6 movements, 8 seizures and interdictions');

  // The markers stay, each with an accessible name (and details) in the list of this turn's events.
  const list = page.getByRole('list', { name: 'On the map after turn 3' });
  await expect(list.getByRole('button')).toHaveCount(m.animation.markers.length + 6);
  const seizure = list.getByRole('button', { name: '2.5 t seized on routes out of Ayacucho' });
  await expect(seizure).toHaveAttribute('aria-description', '2 shipments stopped on the way to the exits');
  await seizure.press('Enter');
  await expect(selected(page)).toHaveText('Selected: Ayacucho');
  await expect(list.getByRole('button', { name: 'Control of Junín: Contested → Insurgents' })).toBeAttached();
  await expect(list.getByRole('button', { name: '900 ha of coca moved from Cusco to Puno' })).toBeAttached();

  // Where markers crowd (the VRAEM), one marker with their count stands for them; hovering it spreads them.
  const box = (await page.locator('.cdl-board canvas').boundingBox())!;
  const vraem = m.animation.clusters.find((c) => c.members.includes('clash:PE-AYA'))!;
  expect(vraem).toBeTruthy();
  expect(vraem.collapsed).toBe(true);
  expect(vraem.members.length).toBeGreaterThanOrEqual(3);
  // A gathered marker covers fewer of the board than its members would.
  expect(m.animation.clusters.every((c) => !c.collapsed || c.splitK > 1)).toBe(true);
  await page.mouse.move(box.x + vraem.x, box.y + vraem.y);
  await expect.poll(async () => (await metrics(page)).animation.clusters.find((c) => c.id === vraem.id)!.collapsed).toBe(false);
  // Hovering a marker shows its tooltip.
  const mk = (await metrics(page)).animation.markers.find((x) => x.id === 'clash:PE-AYA')!;
  expect(mk).toBeTruthy();
  await page.mouse.move(box.x + mk.x, box.y + mk.y);
  const tip = page.getByRole('tooltip');
  await expect(tip.locator('.cdl-board__tooltip-title')).toHaveText('Clashes in Ayacucho: 8 killed');
  await expect(tip).toContainText('Killed: security forces 2, insurgents 5, civilians 1');
  // Away from them, they gather again; zoomed in far enough, they sit by their own regions.
  await page.mouse.move(box.x + 5, box.y + box.height - 5);
  await expect.poll(async () => (await metrics(page)).animation.clusters.find((c) => c.id === vraem.id)!.collapsed).toBe(true);
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  for (let i = 0; i < 6 && (await metrics(page)).animation.clusters.some((c) => c.id === vraem.id && c.collapsed); i++)
    await zoomIn.click();
  await expect.poll(async () => (await metrics(page)).animation.clusters.find((c) => c.id === vraem.id)!.collapsed).toBe(false);
  await page.getByRole('button', { name: 'Reset view' }).click();
  // The legend explains them.
  expect(m.legend.expanded).toBe(true);
  expect(errors).toEqual([]);
});

test('Skip, Escape and a click on the board end the animation at once', async ({ page }) => {
  const errors = await open(page, '?events=sample');
  await expect(animState(page)).toHaveAttribute('data-animation', 'playing');
  await page.getByRole('button', { name: /^Skip/ }).click();
  await expect(animState(page)).toHaveAttribute('data-animation', 'done');
  let m = await metrics(page);
  expect((m.animation.endedAt ?? 0) - (m.animation.startedAt ?? 0)).toBeLessThan(2_500);
  expect(m.animation.markers.length).toBeGreaterThan(8);

  // A new turn plays again; Escape (focus anywhere) skips it.
  await page.getByRole('button', { name: 'Play a turn' }).click();
  await expect(animState(page)).toHaveAttribute('data-animation', 'playing');
  await expect(page.getByText('Turn 4 resolved')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(animState(page)).toHaveAttribute('data-animation', 'done');
  m = await metrics(page);
  expect(m.animation.plays).toBe(2);

  // A click on the board skips too, and selects nothing.
  await page.getByRole('button', { name: 'Play a turn' }).click();
  await expect(animState(page)).toHaveAttribute('data-animation', 'playing');
  const box = (await page.locator('.cdl-board canvas').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.45);
  await expect(animState(page)).toHaveAttribute('data-animation', 'done');
  await expect(selected(page)).toHaveText('Selected: —');
  expect((await metrics(page)).animation.plays).toBe(3);
  expect(errors).toEqual([]);
});

test('with reduced motion the end state shows at once, with the same markers', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const errors = await open(page, '?events=sample');
  await expect(animState(page)).toHaveAttribute('data-animation', 'done');
  await expect(page.getByRole('button', { name: /^Skip/ })).toBeHidden();
  const m = await metrics(page);
  expect(m.animation.plays).toBe(0);
  expect(m.animation.markers.length).toBeGreaterThan(8);
  await expect(
    page.getByRole('list', { name: 'On the map after turn 3' }).getByRole('button', { name: 'Clashes in Ayacucho: 8 killed' }),
  ).toBeAttached();
  expect(errors).toEqual([]);
});

test("the resolution animation draws frames while it plays (timings are the benchmark's job)", async ({ page }) => {
  const errors = await open(page, '?events=sample&bare=1');
  await expect(animState(page)).toHaveAttribute('data-animation', 'done', { timeout: 8_000 });
  // Once more, after load, so start-up work does not count.
  await page.goto(`${HARNESS}?events=sample&bare=1`);
  await expect(animState(page)).toHaveAttribute('data-animation', 'done', { timeout: 10_000 });
  const r = await page.evaluate(() => {
    const a = (window as unknown as { __boardMetrics: Metrics }).__boardMetrics.animation;
    const f = [...a.frameIntervals].sort((x, y) => x - y);
    return { frames: f.length, p50: f[f.length >> 1] ?? NaN, p95: f[Math.min(f.length - 1, Math.floor(f.length * 0.95))] ?? NaN };
  });
  test.info().annotations.push({ type: 'animation frames', description: JSON.stringify(r) });
  expect(r.frames).toBeGreaterThan(60);
  expect(errors).toEqual([]);
});

test('the legend: full where it leaves the map clear, compact where it would cover it, and the Legend button switches', async ({
  page,
}) => {
  // The board's size in the app at 1366×768 in presentation mode.
  await page.setViewportSize({ width: 612, height: 576 });
  const errors = await open(page, '?events=sample&bare=1&scale=1.4');
  const toggle = page.getByRole('button', { name: 'Legend' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  let m = await metrics(page);
  expect(m.legend.expanded).toBe(false);
  // The full legend would lie over the regions, or over ports, crossings or zone names.
  expect(m.legend.cover > 0.12 || m.legend.covered > 0).toBe(true);
  expect(m.legend.rects).toHaveLength(1);
  const canvas = (await page.locator('.cdl-board canvas').boundingBox())!;
  // The compact legend takes a small corner of the board.
  const [r] = m.legend.rects;
  expect(r!.w * r!.h).toBeLessThan(canvas.width * canvas.height * 0.1);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  m = await metrics(page);
  expect(m.legend.expanded).toBe(true);
  // One panel open at a time beside the overlay's classes: this turn's markers, or the map key.
  expect(m.legend.rects).toHaveLength(2);
  expect(m.legend.open).toBe('turn');
  await page.getByRole('button', { name: 'Map key' }).click();
  await expect(page.getByRole('button', { name: 'Map key' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'This turn' })).toHaveAttribute('aria-pressed', 'false');
  m = await metrics(page);
  expect(m.legend.open).toBe('key');
  expect(m.legend.rects).toHaveLength(2);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  // A wide board has room beside Peru: the full legend.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${HARNESS}?events=sample`);
  await expect(page.getByRole('button', { name: 'Legend' })).toHaveAttribute('aria-expanded', 'true');
  m = await metrics(page);
  expect(m.legend.cover).toBeLessThanOrEqual(0.12);
  expect(m.legend.covered).toBe(0);
  expect(m.legend.rects.length).toBeLessThanOrEqual(2);
  expect(errors).toEqual([]);
});

test('at 1366×768 no legend covers the middle of the map, whichever panel is open', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const errors = await open(page, '?events=sample&legend=full');
  await page.getByRole('button', { name: /^Skip/ }).click();
  await expect(animState(page)).toHaveAttribute('data-animation', 'done');
  const canvas = (await page.locator('.cdl-board canvas').boundingBox())!;
  const centre = { x: canvas.width * 0.3, y: canvas.height * 0.3, w: canvas.width * 0.4, h: canvas.height * 0.4 };
  const clear = (r: { x: number; y: number; w: number; h: number }) =>
    r.x + r.w <= centre.x || centre.x + centre.w <= r.x || r.y + r.h <= centre.y || centre.y + centre.h <= r.y;
  for (const name of ['This turn', 'Map key']) {
    await page.getByRole('button', { name }).click();
    await expect(page.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
    const m = await metrics(page);
    expect(m.legend.rects.length).toBeLessThanOrEqual(2);
    for (const r of m.legend.rects) expect(clear(r), `${name}: ${JSON.stringify(r)}`).toBe(true);
  }
  expect(errors).toEqual([]);
});

for (const [w, h] of [
  [1920, 1080],
  [1366, 768],
] as const) {
  test(`end state of the sample turn at ${w}×${h}, normal and presentation scale`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    for (const scale of [1, 1.4]) {
      const errors = await open(page, `?events=sample&bare=1&scale=${scale}`);
      await page.getByRole('button', { name: /^Skip/ }).click();
      await expect(animState(page)).toHaveAttribute('data-animation', 'done');
      await page.mouse.move(0, 0);
      await expect(page.getByRole('tooltip')).toBeHidden();
      await screenshot(page, `board-turn-${scale > 1 ? 'presentation-' : ''}${w}x${h}`);
      expect(errors).toEqual([]);
    }
  });
}

test('in the app, a real turn resolution plays on the board and leaves its markers (screenshots at both sizes)', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto('/');
  await newGame(page, { seed: '2016', turns: '4', seats: { state: 'Computer', clans: 'Computer', insurgents: 'Computer' } });
  await page.getByRole('button', { name: 'Play the next turn' }).click();
  await expect(animState(page)).toHaveAttribute('data-animation', 'playing');
  await expect(page.getByRole('button', { name: /^Skip/ })).toBeVisible();
  await expect(animState(page)).toHaveAttribute('data-animation', 'done', { timeout: 10_000 });
  const list = page.getByRole('list', { name: 'On the map after turn 1' });
  expect(await list.getByRole('button').count()).toBeGreaterThan(3);
  await expect(page.getByRole('main').getByRole('status').first()).toBeAttached();

  const togglePresentation = async () => {
    await page.getByRole('menubar').getByRole('menuitem', { name: 'View' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Presentation mode' }).click();
  };
  for (const [w, h] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.mouse.move(0, 0);
    await expect(page.getByRole('tooltip')).toBeHidden();
    await screenshot(page, `app-board-turn-${w}x${h}`);
    await togglePresentation();
    await page.mouse.move(0, 0);
    await expect(page.getByRole('tooltip')).toBeHidden();
    // The markers stay through a change of scale, without playing again.
    await expect(animState(page)).toHaveAttribute('data-animation', 'done');
    await screenshot(page, `app-board-turn-presentation-${w}x${h}`);
    await togglePresentation();
  }
  // At 1366×768 in presentation mode the legend starts compact; the Legend button shows the rest.
  await togglePresentation();
  await expect(page.getByRole('button', { name: 'Legend' })).toHaveAttribute('aria-expanded', 'false');
  expect(errors).toEqual([]);
});
