/**
 * A solo game against hard computer sides, through the web build (issue 13): the hard sides think
 * in a Web Worker while the board stays live (a thinking indicator in the status bar), the team
 * asks "What would the computer do?" and sees the hard computer's plan and reasons before
 * committing, applies it, and the turn report names the advice taken and explains each computer
 * side's decision. In Spanish too. Screenshots at 1920×1080 and 1366×768 in both languages.
 */
import type { Page } from '@playwright/test';
import { commit, expect, screenshot, settle, test } from './fixtures';

const SIDE_NAMES = { clans: 'Family clans', insurgents: 'Insurgents' } as const;

/** Remember, in the page, whether the thinking indicator was ever shown and what it said. */
async function watchThinking(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __thinking: string[] };
    w.__thinking = [];
    const seen = () => {
      const el = document.querySelector('[data-thinking]');
      if (el) w.__thinking.push(`${el.getAttribute('data-thinking')}|${el.textContent ?? ''}`);
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}
const thinkingSeen = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __thinking: string[] }).__thinking);

/** A new game: the State a team, the clans and insurgents hard computers. */
async function hardGame(page: Page, seed: string): Promise<void> {
  await page.getByRole('button', { name: 'New game', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New game' });
  await dialog.getByRole('radiogroup', { name: 'The State' }).getByRole('radio', { name: 'Human' }).check();
  for (const side of Object.values(SIDE_NAMES)) {
    await dialog.getByRole('radiogroup', { name: side }).getByRole('radio', { name: 'Computer' }).check();
    await dialog.getByLabel(`Difficulty of the computer playing ${side}`).selectOption('hard');
  }
  await dialog.getByLabel('Seed').fill(seed);
  await dialog.getByLabel('Number of turns').fill('4');
  await dialog.getByRole('button', { name: 'Start game' }).click();
  await expect(dialog).toBeHidden();
}

test('solo against hard computers: thinking off the UI thread, the advisor, and explanations in the report', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  test.setTimeout(180_000);
  await page.goto('/');
  await watchThinking(page);
  await hardGame(page, '2016');
  const planning = page.locator('section.planning');
  await expect(planning).toBeVisible();

  // The hard sides start thinking as the turn begins: the indicator names them, then goes.
  await expect.poll(async () => (await thinkingSeen(page)).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const seen = await thinkingSeen(page);
  expect(seen.some((x) => x.startsWith('clans insurgents|') && x.includes('Computer thinking: Family clans, Insurgents'))).toBe(true);
  await expect(page.locator('[data-thinking]')).toHaveCount(0, { timeout: 60_000 });

  // The advisor: the hard computer's plan for the State, from what the State sees.
  const advisor = page.locator('section.advisor');
  await advisor.getByRole('button', { name: 'What would the computer do?' }).click();
  await expect(advisor.getByRole('heading', { name: "The computer's advice (hard)" })).toBeVisible({ timeout: 60_000 });
  await expect(advisor.locator('.decision-plan')).toHaveText(/^(Chose|Kept to) .+: .*expected score -?[\d.,]+/);
  await expect(advisor.locator('ul.lines li').first()).toBeVisible();
  await expect(advisor.getByText(/If you commit, the log and the turn report will note/)).toBeVisible();
  await screenshot(page, 'ai-advisor-1920-en');
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, 'ai-advisor-1366-en');
  await page.setViewportSize({ width: 1920, height: 1080 });

  // Use the plan: the rows take its values (the summary counts them) and stay editable.
  await advisor.getByRole('button', { name: /^Use this plan \(\d+ orders?\)$/ }).click();
  await expect(advisor.getByText('Applied to your plan')).toBeVisible();
  await expect(planning.locator('.plan-summary li').first()).toBeVisible();
  await commit(page);

  // The report: the State's decision names the advice taken; the computer sides explain theirs.
  const report = page.locator('.col-left');
  await expect(report.getByText("The State — Players, applying the computer's advice (Hard) as given")).toBeVisible({ timeout: 60_000 });
  await expect(report.getByText('Family clans — Computer (Hard)')).toBeVisible();
  await expect(report.getByText('Insurgents — Computer (Hard)')).toBeVisible();
  await expect(report.locator('.rationale.side-clans .decision-plan')).toHaveText(/expected score/);
  await report.locator('.rationale.side-clans').scrollIntoViewIfNeeded();
  await screenshot(page, 'ai-report-1920-en');
  await page.setViewportSize({ width: 1366, height: 768 });
  await report.locator('.rationale.side-clans').scrollIntoViewIfNeeded();
  await screenshot(page, 'ai-report-1366-en');
  await page.setViewportSize({ width: 1920, height: 1080 });

  // Turn 2 in Spanish: the indicator, the advisor seen but not applied, and the report notes it.
  await page.getByRole('menubar').getByRole('menuitem', { name: 'View' }).click();
  await page.getByRole('menuitem', { name: 'Language' }).click();
  await page.getByRole('menuitemradio', { name: 'Español' }).click();
  await page.getByRole('button', { name: /^Planificar el turno 2/ }).click();
  await expect(page.locator('section.planning')).toBeVisible();
  const asesor = page.locator('section.advisor');
  await asesor.getByRole('button', { name: '¿Qué haría la computadora?' }).click();
  // While the computer sides and the advisor think, the status bar says so (in Spanish).
  const indicator = page.locator('[data-thinking]');
  if (await indicator.isVisible()) {
    await expect(indicator).toContainText('Computadora pensando');
    await page.screenshot({ path: 'test-results/screenshots/ai-thinking-1920-es.png' });
  }
  await expect(asesor.getByRole('heading', { name: 'El consejo de la computadora (difícil)' })).toBeVisible({ timeout: 60_000 });
  await expect(asesor.locator('.decision-plan')).toHaveText(/^(Eligió|Mantuvo) .+puntuación esperada/);
  await screenshot(page, 'ai-advisor-1920-es');
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, 'ai-advisor-1366-es');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: 'Revisar y confirmar…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmar órdenes' }).click();
  await expect(report.getByText('El Estado — Jugadores, tras ver el consejo de la computadora (Difícil)')).toBeVisible({ timeout: 60_000 });
  await expect(report.locator('.rationale.side-insurgents .decision-plan')).toHaveText(/puntuación esperada/);
  await report.locator('.rationale.side-clans').scrollIntoViewIfNeeded();
  await screenshot(page, 'ai-report-1920-es');
  await page.setViewportSize({ width: 1366, height: 768 });
  await report.locator('.rationale.side-clans').scrollIntoViewIfNeeded();
  await screenshot(page, 'ai-report-1366-es');
  await settle(page);
});

test('three hard computers: the thinking indicator while the board plays, and the turn waits for them', async ({ page, consoleErrors }) => {
  void consoleErrors;
  test.setTimeout(180_000);
  await page.goto('/');
  await watchThinking(page);
  await page.getByRole('button', { name: 'New game', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New game' });
  for (const side of ['The State', 'Family clans', 'Insurgents']) {
    await dialog.getByRole('radiogroup', { name: side }).getByRole('radio', { name: 'Computer' }).check();
    await dialog.getByLabel(`Difficulty of the computer playing ${side}`).selectOption('hard');
  }
  await dialog.getByLabel('Seed').fill('7');
  await dialog.getByLabel('Number of turns').fill('3');
  await dialog.getByRole('button', { name: 'Start game' }).click();
  // Play at once: the turn waits for the sides still thinking, with the waiting panel, then resolves.
  await page.getByRole('button', { name: 'Play the next turn' }).click();
  const waited = page.getByRole('heading', { name: 'The computer is deciding' });
  if (await waited.isVisible()) {
    await expect(page.locator('[data-thinking]')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/ai-thinking-1920-en.png' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: 'test-results/screenshots/ai-thinking-1366-en.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
  }
  await expect(page.getByText('The State — Computer (Hard)')).toBeVisible({ timeout: 90_000 });
  expect((await thinkingSeen(page)).some((x) => x.startsWith('state clans insurgents|'))).toBe(true);
  // The board animated the turn while the next turn's decisions were being made.
  await expect(page.locator('.cdl-board[data-animation="done"]')).toHaveCount(1, { timeout: 30_000 });
});
