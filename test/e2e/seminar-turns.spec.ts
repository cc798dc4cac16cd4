/**
 * Issue 10, "a turn that a seminar understands": three turns with every side human (hot seat),
 * checking what a seminar sees. Standing programmes (laboratories, river control) are ordered as
 * the level wanted, carried over and costed as shown; eradication's cap is shown before commit; a
 * refused value is named with its region; the report says why coca changed and what interdiction
 * waits on. Screenshots at 1366×768 and 1920×1080 go to test-results/screenshots/.
 */
import { type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { commit, expect, menu, newGame, screenshot, test } from './fixtures';

/** Every catalogue string of a language, flattened. */
function catalogue(lang: 'en' | 'es'): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (prefix: string, v: unknown) => {
    if (typeof v === 'string') out.set(prefix, v);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x);
  };
  for (const f of readdirSync(`i18n/${lang}`)) walk(f.replace(/\.json$/, ''), JSON.parse(readFileSync(`i18n/${lang}/${f}`, 'utf8')));
  return out;
}

/**
 * English text that must not appear in the Spanish interface: the fixed parts (between
 * placeholders) of every English string that differs from its Spanish one, at least two words and
 * ten letters long, and found in no Spanish string (so proper nouns and shared terms do not count).
 */
function englishFragments(): string[] {
  const en = catalogue('en'),
    es = catalogue('es');
  const spanish = [...es.values()].join('\n');
  const out = new Set<string>();
  for (const [k, v] of en) {
    if (es.get(k) === v) continue;
    for (const part of v.replace(/&(?!&)/g, '').split(/\{[^}]*\}/)) {
      const f = part.trim().replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
      if (f.length >= 10 && /\s/.test(f) && !spanish.includes(f)) out.add(f);
    }
  }
  return [...out];
}

async function openGroup(page: Page, activity: string) {
  const title = page.locator('.group-title', { hasText: new RegExp(`^${activity}$`) });
  const details = page.locator('details.plan-group').filter({ has: title });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await title.click();
}

const curtain = (page: Page, team: string) => page.getByRole('dialog', { name: `Pass to the ${team}` });
async function reveal(page: Page, team: string, who: string) {
  await expect(curtain(page, team)).toBeVisible();
  await curtain(page, team)
    .getByRole('button', { name: `I am the ${who} — show my plan` })
    .click();
}

/** The "now …" figure of a planning row, as a number. */
async function nowOf(page: Page, name: string): Promise<number> {
  const row = page.locator('.order-row').filter({ has: page.getByRole('spinbutton', { name, exact: true }) });
  const hint = await row.locator('.row-hint').innerText();
  return Number(/now ([\d,.]+)/.exec(hint)![1]!.replace(/,/g, ''));
}

test('three human turns: orders mean what they say, caps before commit, reports say why', async ({ page, consoleErrors }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await newGame(page, { seed: '2016', turns: '4', seats: { state: 'Human', clans: 'Human', insurgents: 'Human' } });

  // --- Turn 1, the State: river control (a standing programme) and eradication beyond the escorts.
  await reveal(page, 'State team', 'State team');
  await openGroup(page, 'River control');
  const river = page.getByRole('spinbutton', { name: 'River control — Ucayali', exact: true });
  await river.fill('3');
  const riverRow = page.locator('.order-row').filter({ has: river });
  await expect(riverRow).toContainText('runs until changed');
  await openGroup(page, 'Eradicate coca');
  const erad = page.getByRole('spinbutton', { name: 'Eradicate coca — Ayacucho', exact: true });
  await erad.fill('9000');
  // The cap, and why, before commit: the police escorts in Ayacucho.
  const reach = page.locator('.order-row').filter({ has: erad }).locator('.row-reach');
  await expect(reach).toContainText(/Can achieve only about [\d,]+ ha to [\d,]+ ha this quarter: the [\d,]+ police here can escort/);
  await expect(reach).toContainText('The State pays only for the hectares actually eradicated.');
  // Development and pilot training are programmes too; radar is a purchase whose coverage stays.
  await openGroup(page, 'Alternative development');
  await page.getByRole('spinbutton', { name: 'Alternative development — Ayacucho', exact: true }).fill('2');
  await openGroup(page, 'Train pilots');
  const pilots = page.getByRole('spinbutton', { name: 'Train pilots', exact: true });
  await pilots.fill('1');
  await expect(page.locator('.order-row').filter({ has: pilots })).toContainText('runs until changed');
  await openGroup(page, 'Buy radar');
  const radar = page.getByRole('spinbutton', { name: 'Buy radar — Ayacucho', exact: true });
  await radar.fill('2');
  const radarRow = page.locator('.order-row').filter({ has: radar });
  await expect(radarRow).toContainText('bought once: what it buys stays');
  await expect(radarRow.locator('.row-reach')).toContainText(
    /Radar coverage here now \d+ %.*this buys \+\d+ %, online from Q\d 20\d\d: \d+ % in all\. Paid once/,
  );
  const summary = page.locator('.plan-summary');
  await expect(summary.locator('li[data-kind="development"]')).toContainText(
    'Alternative development — Ayacucho: US$ 0 M → US$ 2 M · US$ 2 M a quarter until changed',
  );
  await expect(summary.locator('li[data-kind="pilots"]')).toContainText(
    'Train pilots: US$ 0 M → US$ 1 M · US$ 1 M a quarter until changed',
  );
  await expect(summary.locator('li[data-kind="radar"]')).toContainText('Buy radar — Ayacucho: US$ 2 M · US$ 2 M this quarter');
  await expect(summary.locator('li[data-kind="riverControl"]')).toContainText(
    'River control — Ucayali: US$ 0 M → US$ 3 M · US$ 3 M a quarter until changed',
  );
  await expect(summary.locator('li[data-kind="eradicate"]')).toContainText(
    /Eradicate coca — Ayacucho: 9,000 ha · up to [\d,]+ ha \(of 9,000 ha\) this quarter, paid as done/,
  );
  await screenshot(page, 'seminar-plan-state-1366x768');
  await commit(page);

  // --- Turn 1, the clans: laboratories as the number to run, and a value the engine refuses.
  await reveal(page, 'Clans team', 'Clans team');
  await openGroup(page, 'Laboratories');
  const labsName = 'Laboratories — Ayacucho';
  const labs = page.getByRole('spinbutton', { name: labsName, exact: true });
  const before = await nowOf(page, labsName);
  await labs.fill(String(before + 0.5));
  // Refused in the player's words: the activity, the region, what is wrong and the fix.
  await expect(page.locator('.problems')).toContainText(
    `Laboratories in Ayacucho: ${before + 0.5} is not a whole number. Round it to a whole number.`,
  );
  await expect(page.locator('.problems')).not.toContainText('orders[');
  await labs.fill(String(before + 11));
  await expect(page.locator('.problems')).toHaveCount(0);
  const labLine = summary.locator('li[data-kind="buildLabs"]');
  await expect(labLine).toContainText(
    `Laboratories — Ayacucho: ${before.toLocaleString('en-GB')} labs → ${(before + 11).toLocaleString('en-GB')} labs · 11 new laboratories, US$`,
  );
  await screenshot(page, 'seminar-plan-clans-1366x768');
  await commit(page);

  await reveal(page, 'Insurgents team', 'Insurgents team');
  await commit(page);

  // --- The report: why coca changed, the programmes' status, and the labs as ordered.
  await expect(page.getByRole('heading', { name: 'Report on turn 1' })).toBeVisible();
  const why = page.getByRole('region', { name: 'Why the figures changed' });
  await expect(why).toContainText(/Coca: [\d,]+ ha → [\d,]+ ha/);
  await expect(why.locator('tr[data-part="eradicated"]')).toContainText('Eradicated');
  await expect(why.locator('tr[data-part="replanted"]')).toBeVisible();
  await expect(why.locator('tr[data-part="displacedIn"]')).toBeVisible();
  await expect(why).toContainText('What interdiction waits on');
  await expect(why).toContainText('Radar coverage by region');
  await expect(
    page.getByRole('table', { name: 'Key national numbers' }).locator('tr', { hasText: 'Coca' }).first().locator('td').nth(1),
  ).not.toHaveText('');
  await screenshot(page, 'seminar-report-1366x768');
  await page.getByRole('tab', { name: 'Event log' }).click();
  await expect(page.getByText('11 laboratories set up in Ayacucho.')).toBeVisible();

  // --- Turn 2: the programmes carried over, with their cost, without being re-entered.
  await page.getByRole('button', { name: 'Plan turn 2' }).click();
  await reveal(page, 'State team', 'State team');
  await expect(summary).toContainText('Kept running: 3 programmes');
  await expect(summary).toContainText('River control — Ucayali: US$ 3 M a quarter');
  await expect(summary).toContainText('Alternative development — Ayacucho: US$ 2 M a quarter');
  await expect(summary).toContainText('Train pilots — National: US$ 1 M a quarter');
  // The budget counts them: what is kept is spent before anything is ordered.
  await expect(page.getByRole('group', { name: 'Budget' }).locator('.budget-line').first().locator('.budget-nums')).toHaveText(
    /^6 of US\$ [\d,.]+ M$/,
  );
  await openGroup(page, 'Train pilots');
  await expect(page.locator('.order-row').filter({ has: pilots }).locator('.row-hint')).toContainText('now US$ 1 M');
  // Nothing of the radar runs on: bought once.
  await expect(summary.locator('li[data-kind="radar"]')).toHaveCount(0);
  await openGroup(page, 'River control');
  await expect(page.locator('.order-row').filter({ has: river }).locator('.row-hint')).toContainText('now US$ 3 M');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'seminar-plan-state-t2-1920x1080');
  await commit(page);
  await reveal(page, 'Clans team', 'Clans team');
  await openGroup(page, 'Laboratories');
  // The labs now are the labs after turn 1 (the ordered 11 more, less any raided, plus any the clans' networks set up).
  expect(await nowOf(page, labsName)).toBeGreaterThan(0);
  await commit(page);
  await reveal(page, 'Insurgents team', 'Insurgents team');
  await commit(page);
  await expect(page.getByRole('heading', { name: 'Report on turn 2' })).toBeVisible();
  await expect(page.locator('.status-turn')).toContainText('Turn 2 of 4 · Q2 2016');
  // Prices: the leaf price before → after, with what it follows.
  const price = page.getByRole('region', { name: 'Why the figures changed' }).locator('.why-price');
  await price.locator('summary').click();
  await expect(price).toContainText(/Leaf price: US\$ [\d.]+\/kg → US\$ [\d.]+\/kg/);
  await expect(price.locator('tr[data-driver="seizedShare"]')).toContainText('→');
  await price.scrollIntoViewIfNeeded();
  await screenshot(page, 'seminar-report-why-t2-1920x1080');
  // The State's programmes that run on, with what each costs a quarter.
  const running = page.getByRole('region', { name: 'Why the figures changed' }).locator('.why-running');
  await expect(running).toContainText('River control — Ucayali: US$ 3 M a quarter');
  await expect(running).toContainText('Alternative development — Ayacucho: US$ 2 M a quarter');
  await running.scrollIntoViewIfNeeded();
  await screenshot(page, 'seminar-report-programmes-t2-1920x1080');
  await screenshot(page, 'seminar-report-t2-1920x1080');

  // --- Turn 3: plain commits; the report still explains.
  await page.getByRole('button', { name: 'Plan turn 3' }).click();
  for (const [team, who] of [
    ['State team', 'State team'],
    ['Clans team', 'Clans team'],
    ['Insurgents team', 'Insurgents team'],
  ] as const) {
    await reveal(page, team, who);
    await commit(page);
  }
  await expect(page.getByRole('heading', { name: 'Report on turn 3' })).toBeVisible();
  await expect(page.locator('.status-turn')).toContainText('Turn 3 of 4 · Q3 2016');
  await expect(page.getByRole('region', { name: 'Why the figures changed' })).toContainText('Coca:');
  expect(consoleErrors).toEqual([]);
});

test('the map names departments where they fit, without hiding the zones', async ({ page }) => {
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/board-harness.html?events=sample&bare=1');
    await page.waitForFunction(
      () =>
        ((window as unknown as { __boardMetrics?: { readyAt: number | null; labels: string[] } }).__boardMetrics?.labels.length ?? 0) > 0,
    );
    const labels = await page.evaluate(() => (window as unknown as { __boardMetrics: { labels: string[] } }).__boardMetrics.labels);
    const regions = labels.filter((l) => l.startsWith('region:'));
    expect(regions.length, `department names shown at ${w}×${h}`).toBeGreaterThanOrEqual(8);
    expect(labels.filter((l) => l.startsWith('zone:')).length, 'every zone name still shown').toBeGreaterThanOrEqual(4);
    await screenshot(page, `seminar-board-names-${w}x${h}`);
  }
});

test('en español: the plan, the report, the help and the question before closing a game, with no English left', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(120_000);
  const english = englishFragments();
  expect(english.length).toBeGreaterThan(200);
  const noEnglish = async (where: string) => {
    const text = await page.locator('body').innerText();
    const found = english.filter((f) => text.includes(f));
    expect(found, `English in the Spanish ${where}`).toEqual([]);
  };
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await newGame(page, { seed: '2016', turns: '4', seats: { state: 'Human', clans: 'Human', insurgents: 'Computer' } });
  await reveal(page, 'State team', 'State team');
  await menu(page, 'View', 'Language', 'Español');
  const curtainEs = (team: string) => page.getByRole('dialog', { name: `Pasen al ${team}` });
  await expect(page.getByRole('heading', { name: 'Plan: El Estado' })).toBeVisible();
  await openGroup(page, 'Erradicar coca');
  const erad = page.getByRole('spinbutton', { name: 'Erradicar coca — Ayacucho', exact: true });
  await erad.fill('9000');
  await expect(page.locator('.order-row').filter({ has: erad }).locator('.row-reach')).toContainText('Solo puede lograr entre');
  await openGroup(page, 'Control fluvial');
  await page.getByRole('spinbutton', { name: 'Control fluvial — Ucayali', exact: true }).fill('2');
  await expect(page.locator('.plan-summary li[data-kind="riverControl"]')).toContainText('por trimestre hasta que lo cambie');
  await noEnglish('plan');
  await screenshot(page, 'seminar-plan-es-1366x768');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'seminar-plan-es-1920x1080');
  await page.getByRole('button', { name: 'Revisar y confirmar…' }).click();
  await page
    .getByRole('dialog', { name: /^¿Confirmar las órdenes/ })
    .getByRole('button', { name: 'Confirmar órdenes' })
    .click();

  await expect(curtainEs('equipo de los clanes')).toBeVisible();
  await curtainEs('equipo de los clanes')
    .getByRole('button', { name: /mostrar nuestro plan/ })
    .click();
  await openGroup(page, 'Laboratorios');
  const labs = page.getByRole('spinbutton', { name: 'Laboratorios — Ayacucho', exact: true });
  const now = Number(await labs.inputValue());
  await labs.fill(String(now + 0.5));
  await expect(page.locator('.problems')).toContainText(`Laboratorios en Ayacucho: ${now + 0.5} no es un número entero.`);
  await labs.fill(String(now + 4));
  await expect(page.locator('.plan-summary li[data-kind="buildLabs"]')).toContainText('4 laboratorios nuevos');
  await noEnglish('clans plan');
  await page.getByRole('button', { name: 'Revisar y confirmar…' }).click();
  await page
    .getByRole('dialog', { name: /^¿Confirmar las órdenes/ })
    .getByRole('button', { name: 'Confirmar órdenes' })
    .click();

  await expect(page.getByRole('heading', { name: 'Informe del turno 1' })).toBeVisible();
  const why = page.getByRole('region', { name: 'Por qué cambiaron las cifras' });
  await expect(why).toContainText('Erradicada');
  await expect(why).toContainText('De qué depende la interdicción');
  await expect(page.locator('.status-turn')).toContainText('T1 2016');
  await noEnglish('report');
  await why.scrollIntoViewIfNeeded();
  await screenshot(page, 'seminar-report-why-es-1920x1080');
  await page.setViewportSize({ width: 1366, height: 768 });
  await why.locator('.why-programmes').scrollIntoViewIfNeeded();
  await screenshot(page, 'seminar-report-why-es-1366x768');

  // The autosave is named in the reader's language.
  await menu(page, 'Ver', 'Idioma', 'English');
  await menu(page, 'File', 'Open autosave…');
  await expect(page.getByRole('dialog', { name: 'Open an autosave' })).toContainText('(seed 2016), after turn 1');
  await page.getByRole('dialog', { name: 'Open an autosave' }).getByRole('button', { name: 'Close' }).click();
  await menu(page, 'View', 'Language', 'Español');
  await menu(page, 'Archivo', 'Abrir autoguardado…');
  const saves = page.getByRole('dialog', { name: 'Abrir un autoguardado' });
  await expect(saves).toContainText('(semilla 2016), tras el turno 1');
  await noEnglish('autosaves');
  await screenshot(page, 'seminar-autosaves-es-1366x768');
  await saves.getByRole('button', { name: /^Abrir .*tras el turno 1$/ }).click();
  await expect(page.getByText(/Se abrió .*\(semilla 2016\), tras el turno 1\./)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Informe del turno 1' })).toBeVisible();
  await noEnglish('report after opening an autosave');

  // Help: the rules, the glossary and the score guide.
  await menu(page, 'Ayuda', 'Glosario');
  const help = page.getByRole('dialog', { name: 'Glosario' });
  await expect(help).toContainText('PBC');
  await expect(help).toContainText('CORAH');
  await expect(help).toContainText('VRAEM');
  await noEnglish('glossary');
  await screenshot(page, 'seminar-help-glossary-es-1366x768');
  await help.getByRole('tab', { name: 'Guía de los puntajes' }).click();
  await expect(page.getByRole('dialog', { name: 'Guía de los puntajes' })).toContainText('no son una carrera');
  await page.getByRole('dialog', { name: 'Guía de los puntajes' }).getByRole('tab', { name: 'Resumen de las reglas' }).click();
  await expect(page.getByRole('dialog', { name: 'Resumen de las reglas' })).toContainText('escolta policial');
  await noEnglish('rules');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'seminar-help-rules-es-1920x1080');
  await page.getByRole('dialog', { name: 'Resumen de las reglas' }).getByRole('button', { name: 'Cerrar' }).click();

  // A new game does not close this one without asking.
  await menu(page, 'Archivo', 'Nueva partida…');
  const ask = page.getByRole('dialog', { name: '¿Cerrar la partida en curso?' });
  await expect(ask).toContainText('turno 2 de 4');
  await screenshot(page, 'seminar-discard-es-1920x1080');
  await ask.getByRole('button', { name: 'Cancelar' }).click();
  await expect(page.getByRole('heading', { name: 'Informe del turno 1' })).toBeVisible();
  await menu(page, 'Archivo', 'Nueva partida…');
  await page
    .getByRole('dialog', { name: '¿Cerrar la partida en curso?' })
    .getByRole('button', { name: 'Cerrarla y empezar una nueva' })
    .click();
  await expect(page.getByRole('dialog', { name: 'Nueva partida' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('help in English: rules, glossary and the score guide from the Help menu', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await menu(page, 'Help', 'Guide to the scores');
  const d = page.getByRole('dialog', { name: 'Guide to the scores' });
  await expect(d).toContainText('they are not a race');
  await expect(d).toContainText('legitimacy (30 %)');
  await screenshot(page, 'seminar-help-scores-1366x768');
  await d.getByRole('tab', { name: 'Glossary' }).click();
  await expect(page.getByRole('dialog', { name: 'Glossary' })).toContainText('Pasta básica de cocaína');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'seminar-help-glossary-1920x1080');
  expect(consoleErrors).toEqual([]);
});
