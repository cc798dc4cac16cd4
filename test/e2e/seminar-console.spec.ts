/**
 * A seminar with the facilitator's console (issue 11), in the web build: three human teams; the
 * facilitator opens the console in a second tab (behind the passphrase set at the start), schedules a
 * triggered inject and fires another, rules on a figure with a reason, lets a clock run out, rewinds
 * two turns and plays a branch, compares the branches and exports the report. The public page never
 * holds the console, the teams' plans or the MSEL; the save reopens with every branch, and each
 * branch's log replays exactly in the engine.
 */
import { type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { commit, expect, menu, newGame, screenshot, settle, test } from './fixtures';

interface GameLog {
  entries: { input: { notes?: unknown } }[];
}

const ROOT = resolve(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');

/** The command line's replay (the same engine): exit 0 when every turn's hash matches the log's. */
function replaysExactly(log: unknown): { ok: boolean; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cdl-branch-'));
  try {
    const file = join(dir, 'log.json');
    writeFileSync(file, JSON.stringify(log));
    const r = spawnSync(TSX, [join(ROOT, 'cli', 'cordillera.ts'), 'replay', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const TEAMS = [
  ['State team', 'State'],
  ['Clans team', 'Clans'],
  ['Insurgents team', 'Insurgents'],
] as const;

/** What only the facilitator may see: none of it may ever be in the public page. */
const CONSOLE_ONLY = [
  "Facilitator's console",
  'Queued for the resolution',
  'Queued for this quarter',
  'Master scenario events list',
  "Teams' plans",
  'Branch tree',
  'facilitator-',
];

async function publicPageIsClean(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  for (const s of CONSOLE_ONLY) expect(text, `the public page shows "${s}"`).not.toContain(s);
  await expect(page.locator('.console')).toHaveCount(0);
}

/** Each team in turn: pass the curtain, commit; ends on the report of `turn`. */
async function playTurnAsTeams(page: Page, turn: number, skip: readonly string[] = []): Promise<void> {
  for (const [team] of TEAMS) {
    if (skip.includes(team)) continue;
    const curtain = page.getByRole('dialog', { name: `Pass to the ${team}` });
    await curtain.getByRole('button', { name: `I am the ${team} — show my plan` }).click();
    await commit(page);
  }
  await expect(page.getByRole('heading', { name: `Report on turn ${turn}` })).toBeVisible();
}

/** The Facilitator menu; behind the hand-over curtain (a modal), its shortcut. */
async function openConsole(page: Page, how: 'menu' | 'keys' = 'menu'): Promise<Page> {
  const opening = page.waitForEvent('popup');
  if (how === 'menu') await menu(page, 'Facilitator', "Open the facilitator's console");
  else await page.keyboard.press('Control+Shift+F');
  const con = await opening;
  await con.setViewportSize({ width: 1366, height: 768 });
  return con;
}

async function unlock(con: Page, passphrase: string): Promise<void> {
  await con.getByLabel("Facilitator's passphrase").fill(passphrase);
  await con.getByRole('button', { name: 'Open the console' }).click();
}

test('a seminar: console, injects, a ruling, the clock, a rewind into a branch, the comparison, the report and the save', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await newGameWithPassphrase(page);

  // The console, in a second tab, asks for the passphrase first (the curtain is up: by the keyboard).
  const con = await openConsole(page, 'keys');
  await unlock(con, 'wrong');
  await expect(con.getByRole('alert')).toHaveText('That is not the passphrase set for this game.');
  await unlock(con, 'white cell');
  await expect(con.getByRole('heading', { name: "Facilitator's console" })).toBeVisible();
  await expect(con.getByText('Quarter 1 of 6 · hand-over · branch A')).toBeVisible();
  await publicPageIsClean(page);

  // A triggered inject: the PCC arrives when narco-flights were above 0 last quarter.
  const schedule = con.getByRole('region', { name: 'Schedule an inject' });
  await schedule.getByLabel(/^Inject/).selectOption({ label: 'The PCC arrives from Brazil' });
  await schedule.getByLabel(/^Figure \(last quarter's\)/).selectOption({ label: 'Narco-flights' });
  await schedule.getByRole('textbox', { name: 'Level', exact: true }).fill('0');
  await schedule.getByRole('button', { name: 'Add to the MSEL' }).click();
  await expect(con.getByRole('region', { name: 'Queued for the resolution of quarter 1' }).first()).toContainText(
    'New MSEL line facilitator-2',
  );

  // Another fired now: the teams see the news flash at once.
  const fire = con.getByRole('region', { name: 'Fire an inject now' });
  await fire.getByLabel(/^Inject/).selectOption({ label: 'The United States suspends support' });
  await fire.getByRole('button', { name: 'Fire now' }).click();
  const flash = page.getByRole('alert').filter({ hasText: 'News flash' });
  await expect(flash).toContainText('The United States suspends support');
  // Behind the curtain the teams cannot reach it: the facilitator takes it off the screen.
  await expect(con.getByRole('status').filter({ hasText: 'On the public screen' })).toContainText('The United States suspends support');
  await con.getByRole('button', { name: 'Take it off the screen' }).click();
  await expect(flash).toHaveCount(0);

  // A custom inject with a problem is refused in words, and nothing is queued.
  await con.getByRole('region', { name: 'Write a new inject' }).getByRole('button', { name: 'Check and fire now' }).click();
  await expect(con.getByRole('region', { name: 'Write a new inject' }).getByRole('alert')).toContainText(
    'The title in English: is missing or too small.',
  );

  // A ruling needs a reason; with one, the teams see before → after.
  await con.getByRole('tab', { name: 'Rulings' }).click();
  await con.getByLabel(/^Figure/).selectOption({ label: 'US support' });
  await con.getByRole('textbox', { name: 'New value', exact: true }).fill('40');
  await con.getByRole('button', { name: 'Rule' }).click();
  await expect(con.getByRole('alert')).toHaveText('Write the reason for the ruling (at least 3 characters).');
  await con.getByRole('textbox', { name: 'Reason (required)', exact: true }).fill('Congressional hearing after the shootdown');
  await con.getByRole('button', { name: 'Rule' }).click();
  const ruling = page.getByRole('alert').filter({ hasText: "Facilitator's ruling" });
  await expect(ruling).toContainText(/US support: 60 → 40/);
  await expect(ruling).toContainText('Reason: Congressional hearing after the shootdown');
  await con.getByRole('button', { name: 'Take it off the screen' }).click();
  await expect(ruling).toHaveCount(0);

  // The clock: two seconds, started; at zero the facilitator lets the computer plan for the State.
  await con.getByRole('tab', { name: 'Clock' }).click();
  await con.getByRole('textbox', { name: 'Minutes', exact: true }).fill('0');
  await con.getByRole('textbox', { name: 'Seconds', exact: true }).fill('2');
  await con.getByRole('button', { name: 'Set' }).click();
  await con.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('timer', { name: 'Planning clock' })).toBeVisible();
  const expiry = con.getByRole('alertdialog', { name: 'Planning time is up' });
  await expect(expiry).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('timer', { name: 'Planning clock' })).toContainText('Time is up');
  await expect(expiry).toContainText('The State has not committed.');
  await expiry.getByRole('button', { name: 'Let the computer plan' }).click();
  await expect(page.getByRole('dialog', { name: 'Pass to the Clans team' })).toBeVisible();

  // The State's plan (the computer's) is in the console, never on the public screen.
  await con.getByRole('tab', { name: "Teams' plans" }).click();
  await expect(con.getByRole('region', { name: 'The State' })).toContainText('committed');
  await publicPageIsClean(page);
  await playTurnAsTeams(page, 1, ['State team']);
  await publicPageIsClean(page);

  // What fired and why, in the console's log and the public event log.
  await con.getByRole('tab', { name: 'Notes and log' }).click();
  const timeline = con.getByRole('region', { name: 'What the facilitator did, and what fired and why' });
  await expect(timeline).toContainText('The United States suspends support (National) — fired by the facilitator.');
  await expect(timeline).toContainText(
    'The facilitator set US support in National from 20 to 40: Congressional hearing after the shootdown',
  );
  await con.getByRole('textbox', { name: 'Observation', exact: true }).fill('The State team chose to wait out the suspension.');
  await con.getByRole('button', { name: 'Add the note' }).click();

  for (const turn of [2, 3]) {
    await page.getByRole('button', { name: `Plan turn ${turn}` }).click();
    await playTurnAsTeams(page, turn);
  }
  await con.getByRole('tab', { name: 'Injects and MSEL' }).click();
  await expect(con.getByRole('row', { name: /facilitator-2/ })).toContainText('Fired in quarter 2');

  // Rewind two turns, into a new branch, and play it differently (another inject).
  await con.getByRole('tab', { name: 'Rewind and branches' }).click();
  await con.getByLabel(/^Back to/).selectOption({ label: 'Quarter 1' });
  await con.getByRole('button', { name: 'Rewind…' }).click();
  await con.getByRole('alertdialog').getByRole('button', { name: 'Rewind and branch' }).click();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText(
    'Rewound to the end of quarter 1: play continues on branch B.',
  );
  await expect(page.getByRole('heading', { name: 'Report on turn 1' })).toBeVisible();
  await expect(con.getByText('Quarter 1 of 6 · review · branch B')).toBeVisible();
  await con.getByRole('tab', { name: 'Injects and MSEL' }).click();
  await con
    .getByRole('region', { name: 'Fire an inject now' })
    .getByLabel(/^Inject/)
    .selectOption({ label: 'An insurgent leader killed' });
  await con.getByRole('region', { name: 'Fire an inject now' }).getByRole('button', { name: 'Fire now' }).click();
  await page.getByRole('alert').filter({ hasText: 'News flash' }).getByRole('button', { name: 'Dismiss' }).click();
  for (const turn of [2, 3]) {
    await page.getByRole('button', { name: `Plan turn ${turn}` }).click();
    await playTurnAsTeams(page, turn);
  }

  // The branch tree and the comparison: where they diverged and why.
  await con.getByRole('tab', { name: 'Rewind and branches' }).click();
  const tree = con.getByRole('region', { name: 'Branch tree' });
  await expect(tree).toContainText('Branch A the original line of play · 3 quarters played');
  await expect(tree).toContainText('Branch B from branch A after quarter 1 · 3 quarters played');
  const compare = con.getByRole('region', { name: 'Compare two branches' });
  await compare.getByRole('combobox').nth(0).selectOption({ label: 'A' });
  await compare.getByRole('combobox').nth(1).selectOption({ label: 'B' });
  await expect(compare.getByRole('status').first()).toContainText('They diverge in quarter 2:');
  await expect(compare.getByRole('status').first()).toContainText('the injects fired');
  await expect(compare.getByRole('table')).toContainText('Insurgent fighters');
  // Why, quarter by quarter: what branch B alone had (the inject fired by the facilitator, with why).
  const why = compare.getByRole('region', { name: 'Why they differ, quarter by quarter' });
  await expect(why).toContainText('What differs: the injects fired');
  await expect(why).toContainText('Only in branch B: An insurgent leader killed (National)');
  await expect(why).toContainText('fired by the facilitator');
  // The map of differences: every department coloured, the largest differences in words.
  const map = compare.getByRole('region', { name: 'Map of differences' });
  await expect(
    map.getByRole('img', { name: /^Map of Peru’s departments: .+ at the end of quarter 3, branch B minus branch A$/ }),
  ).toBeVisible();
  expect(await map.locator('path[data-region]').count()).toBeGreaterThan(20);
  await map.getByRole('combobox', { name: 'Figure' }).selectOption({ label: 'Insurgent fighters' });
  await expect(map).toContainText(/Largest differences, quarter 3: Insurgent fighters|Insurgent fighters: no department differs/);
  await screenshot(con, 'console-branches-1366x768-en');
  await map.scrollIntoViewIfNeeded();
  await screenshot(con, 'console-diffmap-1366x768-en');
  await map.getByRole('combobox', { name: 'At the end of' }).selectOption({ label: 'Quarter 1' });
  await expect(map).toContainText('Insurgent fighters: no department differs at the end of quarter 1.');
  await why.scrollIntoViewIfNeeded();
  await screenshot(con, 'console-why-1366x768-en');
  await publicPageIsClean(page);

  // The report lists the injects, the ruling with its reason and the note (branch B's own: its note is in A).
  const exporting = page.waitForEvent('download');
  await menu(page, 'File', 'Export', 'After-action report (HTML)…');
  const html = readFileSync(await (await exporting).path(), 'utf8');
  expect(html).toContain('An insurgent leader killed');
  expect(html).toContain('Congressional hearing after the shootdown');
  expect(html).toContain('fired by the facilitator');

  // The save holds both branches; each replays exactly.
  const saving = page.waitForEvent('download');
  await menu(page, 'File', 'Save');
  const savePath = await (await saving).path();
  const saved = JSON.parse(readFileSync(savePath, 'utf8')) as {
    version: number;
    log: GameLog;
    branches: { current: string; list: { id: string; name: string; log: GameLog | null; forkTurn: number }[] };
  };
  expect(saved.version).toBe(3);
  expect(saved.branches.current).toBe('b2');
  expect(saved.branches.list.map((b) => [b.name, b.forkTurn])).toEqual([
    ['A', 0],
    ['B', 1],
  ]);
  const logs = saved.branches.list.map((b) => b.log ?? saved.log);
  for (const log of logs) {
    expect(log.entries).toHaveLength(3);
    const r = replaysExactly(log);
    expect(r.ok, r.out).toBe(true);
  }
  const noteEntry = logs[0]!.entries[1]!.input.notes;
  expect(noteEntry).toEqual([{ turn: 1, phase: 'review', text: 'The State team chose to wait out the suspension.' }]);

  // Reopen the save in a fresh tab: every branch is there, and switching replays branch A.
  await con.close();
  await page.reload();
  await page.getByRole('dialog', { name: 'Resume the interrupted game?' }).getByRole('button', { name: 'Start fresh' }).click();
  const choosing = page.waitForEvent('filechooser');
  await menu(page, 'File', 'Open…');
  await (await choosing).setFiles({ name: 'seminar.json', mimeType: 'application/json', buffer: readFileSync(savePath) });
  await expect(page.getByRole('heading', { name: 'Report on turn 3' })).toBeVisible();
  const con2 = await openConsole(page);
  await con2.getByRole('tab', { name: 'Rewind and branches' }).click();
  await expect(con2.getByRole('region', { name: 'Branch tree' })).toContainText('Branch B from branch A after quarter 1');
  await con2.getByRole('button', { name: 'Continue branch A' }).click();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Now playing branch A.');
  await expect(con2.getByText('Quarter 3 of 6 · review · branch A')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

async function newGameWithPassphrase(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New game', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New game' });
  for (const side of ['The State', 'Family clans', 'Insurgents'])
    await dialog.getByRole('radiogroup', { name: side }).getByRole('radio', { name: 'Human' }).check();
  await dialog.getByLabel('Seed').fill('2016');
  await dialog.getByLabel('Number of turns').fill('6');
  await dialog.getByLabel("Facilitator's passphrase (optional)").fill('white cell');
  await dialog.getByRole('button', { name: 'Start game' }).click();
  await expect(dialog).toBeHidden();
}

for (const lang of ['en', 'es'] as const) {
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    test(`screenshots: console and public screen, ${w}x${h}, ${lang}`, async ({ page, consoleErrors }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto('/');
      await newGame(page, { seed: '7', turns: '6', seats: { state: 'Human', clans: 'Computer', insurgents: 'Computer' } });
      await commit(page);
      await expect(page.getByRole('heading', { name: 'Report on turn 1' })).toBeVisible();
      // The turn's animation is skipped now: later the news flash covers the board's skip button.
      const skip = page.locator('.cdl-board__skip');
      if (await skip.isVisible()) await skip.click();
      await settle(page);
      const con = await openConsole(page, 'keys');
      await con.setViewportSize({ width: w, height: h });
      await expect(con.getByRole('heading', { name: "Facilitator's console" })).toBeVisible();
      if (lang === 'es') {
        await con.getByRole('button', { name: 'ES' }).click();
        await expect(con.getByRole('heading', { name: 'Consola del facilitador' })).toBeVisible();
      }
      const fireName = lang === 'en' ? 'Fire now' : 'Lanzar ahora';
      await con.getByRole('button', { name: fireName, exact: true }).click();
      await con.getByRole('tab', { name: lang === 'en' ? 'Clock' : 'Reloj' }).click();
      await con.getByRole('button', { name: lang === 'en' ? 'Set' : 'Fijar', exact: true }).click();
      await con.getByRole('button', { name: lang === 'en' ? 'Start' : 'Iniciar', exact: true }).click();
      await expect(page.getByRole('timer')).toBeVisible();
      await screenshot(page, `public-flash-${w}x${h}-${lang}`);
      await con.getByRole('tab', { name: lang === 'en' ? 'Injects and MSEL' : 'Eventos y MSEL' }).click();
      await screenshot(con, `console-injects-${w}x${h}-${lang}`);
      await con.getByRole('tab', { name: lang === 'en' ? 'Rulings' : 'Dictámenes' }).click();
      await con.getByRole('textbox', { name: lang === 'en' ? 'New value' : 'Valor nuevo', exact: true }).fill('55');
      await con
        .getByRole('textbox', { name: lang === 'en' ? 'Reason (required)' : 'Motivo (obligatorio)', exact: true })
        .fill(lang === 'en' ? 'Adjudicated: the embassy intervened' : 'Dictaminado: intervino la embajada');
      await con.getByRole('button', { name: lang === 'en' ? 'Rule' : 'Dictaminar', exact: true }).click();
      await screenshot(page, `public-ruling-${w}x${h}-${lang}`);
      await screenshot(con, `console-rulings-${w}x${h}-${lang}`);
      // The other sections, as the facilitator sees them with a quarter played.
      const tabs =
        lang === 'en'
          ? [
              ['plans', "Teams' plans"],
              ['clock', 'Clock'],
              ['branches', 'Rewind and branches'],
              ['notes', 'Notes and log'],
            ]
          : [
              ['plans', 'Planes de los equipos'],
              ['clock', 'Reloj'],
              ['branches', 'Retroceso y ramas'],
              ['notes', 'Notas y registro'],
            ];
      for (const [id, name] of tabs) {
        await con.getByRole('tab', { name }).click();
        await expect(con.getByRole('tab', { name, selected: true })).toBeVisible();
        await screenshot(con, `console-${id}-${w}x${h}-${lang}`);
      }
      await publicPageIsClean(page);
      expect(consoleErrors).toEqual([]);
    });
  }
}
