/**
 * The turn cycle in the web build, as a user does it: start a game, plan and commit, read the
 * report; a hot-seat game with all three sides human behind the hand-over curtain; overlays; a
 * region chosen by keyboard; screenshots of planning and review at 1920×1080 and 1366×768.
 */
import { type Page } from '@playwright/test';
import { commit, expect, newGame, test, screenshot } from './fixtures';

/** Open an activity group in the planning panel. */
async function openGroup(page: Page, activity: string) {
  const title = page.locator('.group-title', { hasText: new RegExp(`^${activity}$`) });
  const details = page.locator('details.plan-group').filter({ has: title });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await title.click();
}

test('a solo game: the State plans and commits a turn against the computer, then reads the report', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await newGame(page, { seed: '2016', turns: '4', seats: { state: 'Human', clans: 'Computer', insurgents: 'Computer' } });
  await expect(page.getByRole('heading', { name: 'Plan: The State' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Budget' })).toContainText('Money');

  await openGroup(page, 'Eradicate coca');
  const cusco = page.getByRole('spinbutton', { name: 'Eradicate coca — Cusco' });
  await cusco.fill('1500');
  await expect(page.locator('.plan-summary')).toContainText('Eradicate coca — Cusco');
  // Undo and redo the edit.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cusco).toHaveValue('0');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(cusco).toHaveValue('1500');

  await openGroup(page, 'Rules of engagement for narco-flights');
  await page.getByRole('combobox', { name: 'Rules of engagement for narco-flights' }).selectOption({ label: 'Track and report' });
  await page.getByLabel('Rationale and notes').fill('Pressure La Convención before the balloon moves.');
  await screenshot(page, 'planning-state-1920x1080');

  await commit(page);
  await expect(page.getByRole('heading', { name: 'Report on turn 1' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Key national numbers' })).toContainText('Coca');
  await expect(page.getByRole('heading', { name: 'Displacement (the balloon effect)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What the computer sides did, and why' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Family clans — Computer \(Normal\)/ })).toBeVisible();

  // Charts and the event log, with a filter.
  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(page.getByRole('img', { name: /^Coca cultivation and eradication/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Event log' }).click();
  await expect(page.getByText(/of \d+ events/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Cultivation' });
  await expect(page.locator('.log-item').first()).toBeVisible();
  await screenshot(page, 'report-1920x1080');

  // The next turn's planning starts with a fresh plan.
  await page.getByRole('button', { name: 'Plan turn 2' }).click();
  await expect(page.getByRole('heading', { name: 'Plan: The State' })).toBeVisible();
  await expect(page.getByText('Turn 2 of 4').first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test("hot seat: three human sides pass the curtain and never see each other's orders", async ({ page, consoleErrors }) => {
  await page.goto('/');
  await newGame(page, { seed: '2016', turns: '4', seats: { state: 'Human', clans: 'Human', insurgents: 'Human' } });

  const curtain = (team: string) => page.getByRole('dialog', { name: `Pass to the ${team}` });
  await expect(curtain('State team')).toBeVisible();
  await curtain('State team').getByRole('button', { name: 'I am the State team — show my plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plan: The State' })).toBeVisible();
  await openGroup(page, 'Eradicate coca');
  await page.getByRole('spinbutton', { name: 'Eradicate coca — Cusco' }).fill('1234');
  await page.getByLabel('Rationale and notes').fill('SECRET-STATE-PLAN');
  await commit(page);

  // The curtain hides everything; nothing of the State's plan is left in the page.
  await expect(curtain('Clans team')).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain('SECRET-STATE-PLAN');
  expect(html).not.toContain('1234');
  expect(html).not.toContain('1,234');
  await screenshot(page, 'curtain-1920x1080');
  await curtain('Clans team').getByRole('button', { name: 'I am the Clans team — show my plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plan: Family clans' })).toBeVisible();
  const clansHtml = await page.content();
  expect(clansHtml).not.toContain('SECRET-STATE-PLAN');
  expect(clansHtml).not.toMatch(/1,?234/);
  await openGroup(page, 'Protection money');
  await page.getByRole('spinbutton', { name: 'Protection money — Ayacucho' }).fill('3');
  await page.getByLabel('Rationale and notes').fill('SECRET-CLANS-PLAN');
  await commit(page);

  await expect(curtain('Insurgents team')).toBeVisible();
  await curtain('Insurgents team').getByRole('button', { name: 'I am the Insurgents team — show my plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plan: Insurgents' })).toBeVisible();
  const insHtml = await page.content();
  expect(insHtml).not.toContain('SECRET-STATE-PLAN');
  expect(insHtml).not.toContain('SECRET-CLANS-PLAN');
  await openGroup(page, 'Posture');
  await page.getByRole('combobox', { name: 'Posture' }).selectOption({ label: 'Hide' });
  await commit(page);

  await expect(page.getByRole('heading', { name: 'Report on turn 1' })).toBeVisible();
  // After resolution, the next turn starts behind the curtain again.
  await page.getByRole('button', { name: 'Plan turn 2' }).click();
  await expect(curtain('State team')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('overlays switch, and a region is selected by keyboard', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await newGame(page, { seed: '2016', turns: '4', seats: { state: 'Human', clans: 'Computer', insurgents: 'Computer' } });
  const overlays = page.getByRole('radiogroup', { name: 'Map shows' });
  await overlays.getByRole('radio', { name: 'Control' }).check();
  await expect(overlays.getByRole('radio', { name: 'Control' })).toBeChecked();
  await expect(page.getByRole('application')).toHaveAccessibleName(/control/i);
  await overlays.getByRole('radio', { name: 'Violence' }).check();
  await expect(page.getByRole('application')).toHaveAccessibleName(/violen/i);

  const board = page.getByRole('application');
  await board.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('combobox', { name: 'Region' });
  await expect(inspector).not.toHaveValue('');
  const id = await inspector.inputValue();
  expect(id).toMatch(/^PE-[A-Z]{3}$/);
  await expect(page.getByRole('table', { name: 'Coca' })).toBeVisible();

  // The inspector's own list is keyboard-reachable too.
  await inspector.selectOption({ label: 'Ayacucho' });
  await expect(page.locator('.inspector-name')).toContainText('Ayacucho');
  expect(consoleErrors).toEqual([]);
});

test('Spanish in the middle of a game: the planning panel and report follow', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await newGame(page, { seed: '2016', turns: '4', seats: { state: 'Human', clans: 'Computer', insurgents: 'Computer' } });
  await page.getByRole('menubar').getByRole('menuitem', { name: 'View' }).click();
  await page.getByRole('menuitem', { name: 'Language' }).click();
  await page.getByRole('menuitemradio', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { name: 'Plan: El Estado' })).toBeVisible();
  await openGroup(page, 'Erradicar coca');
  await page.getByRole('spinbutton', { name: 'Erradicar coca — Cusco' }).fill('2000');
  await expect(page.locator('.plan-summary')).toContainText('Erradicar coca — Cusco: 2,000 ha');
  await screenshot(page, 'planning-es-1920x1080');
  await expect(page.getByRole('button', { name: 'Revisar y confirmar…' })).toBeVisible();
  await page.getByRole('button', { name: 'Revisar y confirmar…' }).click();
  await page
    .getByRole('dialog', { name: /^¿Confirmar las órdenes/ })
    .getByRole('button', { name: 'Confirmar órdenes' })
    .click();
  await expect(page.getByRole('heading', { name: 'Informe del turno 1' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Cifras nacionales clave' })).toBeVisible();
  await screenshot(page, 'report-es-1920x1080');
  expect(consoleErrors).toEqual([]);
});

test("a one-turn game ends with a summary and every side's score", async ({ page, consoleErrors }) => {
  await page.goto('/');
  await newGame(page, { seed: '3', turns: '1', seats: { state: 'Human', clans: 'Computer', insurgents: 'Computer' } });
  await commit(page);
  await expect(page.getByRole('heading', { name: 'Game over' })).toBeVisible();
  for (const side of ['The State', 'Family clans', 'Insurgents']) {
    await expect(page.locator('.scores-final').getByText(side, { exact: true })).toBeVisible();
  }
  await expect(page.getByText('Each side is scored against its own aims, on its own scale')).toBeVisible();
  await expect(page.getByText('Game over', { exact: true }).last()).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.locator('.game-end').getByRole('button', { name: 'Turn tables (CSV)…' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/\.csv$/);
  expect(consoleErrors).toEqual([]);
});

for (const [w, h] of [
  [1920, 1080],
  [1366, 768],
] as const) {
  test(`planning and review fit ${w}×${h}, also in presentation mode`, async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/');
    await newGame(page, { seed: '2016', turns: '4', seats: { state: 'Human', clans: 'Computer', insurgents: 'Computer' } });
    await openGroup(page, 'Army deployment');
    // Nothing overflows the window, and nothing is cut off sideways inside the side columns.
    const noOverflow = () =>
      page.evaluate(
        () =>
          document.documentElement.scrollWidth <= window.innerWidth &&
          document.documentElement.scrollHeight <= window.innerHeight &&
          Array.from(document.querySelectorAll<HTMLElement>('.col-left, .col-right')).every((c) => c.scrollWidth <= c.clientWidth + 1),
      );
    const togglePresentation = async () => {
      await page.getByRole('menubar').getByRole('menuitem', { name: 'View' }).click();
      await page.getByRole('menuitemcheckbox', { name: 'Presentation mode' }).click();
    };
    expect(await noOverflow()).toBe(true);
    await expect(page.getByRole('button', { name: 'Review and commit…' })).toBeAttached();
    await screenshot(page, `planning-${w}x${h}`);
    const mapWidth = async () => (await page.locator('.cdl-board canvas').boundingBox())!.width;
    const normalMap = await mapWidth();
    await togglePresentation();
    expect(await noOverflow()).toBe(true);
    // Presentation mode enlarges the map, not only the text (issue 10).
    await expect.poll(mapWidth).toBeGreaterThan(normalMap);
    await screenshot(page, `planning-presentation-${w}x${h}`);
    await commit(page);
    await expect(page.getByRole('heading', { name: 'Report on turn 1' })).toBeInViewport();
    expect(await noOverflow()).toBe(true);
    await screenshot(page, `report-presentation-${w}x${h}`);
    await togglePresentation();
    await expect(page.getByRole('tab', { name: 'Charts' })).toHaveAttribute('aria-selected', 'true');
    expect(await noOverflow()).toBe(true);
    await screenshot(page, `report-${w}x${h}`);
    expect(consoleErrors).toEqual([]);
  });
}

test('the new-game dialog offers both scenarios with their briefings, and the 1995 air bridge plays a turn', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New game', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New game' });
  const select = dialog.getByLabel('Scenario');
  await expect(select.locator('option')).toHaveText(['Resuming aerial interdiction (2016)', 'Breaking the air bridge (1995)']);
  await expect(dialog.getByText(/Congress debates shooting down narco-flights/)).toBeVisible();
  await select.selectOption({ label: 'Breaking the air bridge (1995)' });
  await expect(dialog.getByText(/fly the coca base to Colombia's cartels/)).toBeVisible();
  await dialog.getByRole('radiogroup', { name: 'The State' }).getByRole('radio', { name: 'Human' }).check();
  await dialog.getByLabel('Seed').fill('7');
  await dialog.getByLabel('Number of turns').fill('2');
  await dialog.getByRole('button', { name: 'Start game' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/1995/).first()).toBeVisible();
  await commit(page);
  // The report names the quarter it reports on: the first, Q1 1995.
  await expect(page.getByRole('heading', { name: 'Report on turn 1' })).toBeVisible();
  await expect(page.getByText(/Q1 1995|1995 Q1/).first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
