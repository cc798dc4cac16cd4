/**
 * The facilitator's console by keyboard, on a 1366×768 laptop (issue 11): every control of every
 * section is reached by Tab (the sections themselves by the arrow keys, as a tab list), each shows
 * a visible focus ring, and a whole console action is done with the keyboard only: the facilitator
 * holds the quarter, the three teams commit, the last team's plan is read in the console and the
 * quarter released, all without the mouse. The public screen meanwhile shows only that the plans
 * are in.
 */
import type { Page } from '@playwright/test';
import { commit, expect, newGame, screenshot, test } from './fixtures';

const SECTIONS = ['Injects and MSEL', 'Rulings', "Teams' plans", 'Clock', 'Rewind and branches', 'Notes and log'];

/** Open the console with its shortcut (no mouse), sized as a 1366×768 laptop. */
async function openConsoleByKeys(page: Page): Promise<Page> {
  const opening = page.waitForEvent('popup');
  await page.keyboard.press('Control+Shift+F');
  const con = await opening;
  await con.setViewportSize({ width: 1366, height: 768 });
  await expect(con.getByRole('heading', { name: "Facilitator's console" })).toBeVisible();
  return con;
}

/** Press Tab until focus is on `target` (at most `max` presses); fails if it is never reached. */
async function tabTo(con: Page, matches: () => boolean | Promise<boolean>, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await matches()) return;
    await con.keyboard.press('Tab');
  }
  throw new Error('never reached by Tab');
}

/**
 * Every control in the console that a user can operate (buttons, fields, the selected tab), and
 * which of them Tab reached, with whether each showed a focus outline when it had focus.
 */
async function tabThrough(con: Page): Promise<{ all: string[]; reached: string[]; unringed: string[] }> {
  const all = await con.evaluate(() => {
    const els = Array.from(
      document.querySelectorAll<HTMLElement>(
        '.console button, .console select, .console input, .console textarea, .console [tabindex="0"]',
      ),
    );
    // A radio group is one Tab stop (its checked radio; the arrow keys choose within it).
    const otherRadio = (e: HTMLElement) =>
      e instanceof HTMLInputElement &&
      e.type === 'radio' &&
      !e.checked &&
      document.querySelector(`input[type="radio"][name="${e.name}"]:checked`) !== null;
    const visible = els.filter(
      (e) => !(e as HTMLButtonElement).disabled && e.getAttribute('tabindex') !== '-1' && e.getClientRects().length > 0 && !otherRadio(e),
    );
    visible.forEach((e, i) => {
      e.dataset.kbd = String(i);
    });
    return visible.map(
      (e) => `${e.dataset.kbd}:${e.tagName.toLowerCase()}:${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}`,
    );
  });
  await con.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const reached = new Set<string>();
  const unringed = new Set<string>();
  for (let i = 0; i < all.length + 10; i++) {
    await con.keyboard.press('Tab');
    const at = await con.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e?.dataset.kbd) return null;
      const s = getComputedStyle(e);
      return { id: e.dataset.kbd, ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
    });
    if (!at) continue;
    reached.add(at.id);
    if (!at.ring) unringed.add(at.id);
  }
  const label = (id: string) => all.find((x) => x.startsWith(`${id}:`)) ?? id;
  return { all, reached: [...reached].map(label), unringed: [...unringed].map(label) };
}

test('every console control is reached by Tab with a visible focus ring, at 1366×768', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await newGame(page, { seed: '3', turns: '4', seats: { state: 'Human', clans: 'Computer', insurgents: 'Computer' } });
  await commit(page);
  await expect(page.getByRole('heading', { name: 'Report on turn 1' })).toBeVisible();
  const con = await openConsoleByKeys(page);
  const tablist = con.getByRole('tablist', { name: 'Console sections' });
  for (const [i, name] of SECTIONS.entries()) {
    // Sections by the arrow keys from the selected tab (one Tab stop for the list, as WAI-ARIA tabs).
    const selected = tablist.getByRole('tab', { selected: true });
    if (i === 0) await tabTo(con, () => selected.evaluate((e) => e === document.activeElement));
    else {
      // Back to the tab list (the Tab walk below left focus at the end of the page), then the next section.
      await selected.focus();
      await con.keyboard.press('ArrowDown');
    }
    await expect(tablist.getByRole('tab', { name, selected: true })).toBeFocused();
    const { all, reached, unringed } = await tabThrough(con);
    expect(all.length, name).toBeGreaterThan(3);
    expect(reached.sort(), `${name}: controls Tab does not reach`).toEqual([...all].sort());
    expect(unringed, `${name}: controls without a visible focus ring`).toEqual([]);
  }
  // Home and End jump to the first and last sections.
  await tablist.getByRole('tab', { selected: true }).focus();
  await con.keyboard.press('Home');
  await expect(tablist.getByRole('tab', { name: 'Injects and MSEL', selected: true })).toBeFocused();
  await con.keyboard.press('End');
  await expect(tablist.getByRole('tab', { name: 'Notes and log', selected: true })).toBeFocused();
  await con.keyboard.press('Home');
  await expect(tablist.getByRole('tab', { name: 'Injects and MSEL', selected: true })).toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test("by keyboard only: hold the quarter, read the last team's plan, release it", async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await newGame(page, { seed: '4', turns: '4', seats: { state: 'Human', clans: 'Human', insurgents: 'Human' } });
  const con = await openConsoleByKeys(page);

  // To the "Teams' plans" section: Tab to the tab list, arrows to the section, Tab to the setting, Space.
  await tabTo(con, () => con.getByRole('tab', { selected: true }).evaluate((e) => e === document.activeElement));
  for (let i = 0; i < 2; i++) await con.keyboard.press('ArrowDown');
  await expect(con.getByRole('tab', { name: "Teams' plans" })).toBeFocused();
  const hold = con.getByRole('checkbox', { name: 'Hold each quarter for my review when the last team commits' });
  await tabTo(con, () => hold.evaluate((e) => e === document.activeElement));
  await con.keyboard.press('Space');
  await expect(hold).toBeChecked();

  // The three teams plan and commit at the public screen.
  for (const team of ['State team', 'Clans team', 'Insurgents team']) {
    await page
      .getByRole('dialog', { name: `Pass to the ${team}` })
      .getByRole('button', { name: `I am the ${team} — show my plan` })
      .click();
    if (team === 'Insurgents team')
      await page.getByRole('textbox', { name: 'Rationale and notes' }).fill('Hold the valleys; no attacks this quarter.');
    await commit(page);
  }
  // Every plan is in; the public screen says so and shows nothing else.
  const held = page.getByRole('dialog', { name: 'All plans are in' });
  await expect(held).toBeVisible();
  await expect(held).toContainText('The facilitator is reviewing the plans before the quarter is resolved.');
  await expect(page.locator('.status-phase')).toHaveText('Plans in: with the facilitator');
  await screenshot(page, 'public-held-1366x768-en');

  // The console: the last team's plan is there, with its rationale; release by keyboard.
  await expect(con.getByText('Quarter 1 of 4 · held for review · branch A')).toBeVisible();
  const insurgents = con.getByRole('region', { name: 'Insurgents' });
  await expect(insurgents).toContainText('committed');
  await expect(insurgents).toContainText('Hold the valleys; no attacks this quarter.');
  await screenshot(con, 'console-held-1366x768-en');
  const release = con.getByRole('button', { name: 'Release the quarter for resolution' });
  await tabTo(con, () => release.evaluate((e) => e === document.activeElement));
  const ring = await release.evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(ring).not.toBe('none');
  await con.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Report on turn 1' })).toBeVisible();
  await expect(held).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
