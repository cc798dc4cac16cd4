/**
 * The after-action report in real Chromium: a game played by the command line, its report loaded
 * into a page (no console errors, nothing blocked by its own Content Security Policy), a
 * screenshot for the eye, then printed to PDF the way the app prints it; the PDF's text (read with
 * poppler's pdftotext) must carry the scenario, the three sides and the final coca hectares.
 */
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');

function cordillera(args: string[]): void {
  const r = spawnSync(TSX, [join(ROOT, 'cli', 'cordillera.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`cordillera ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
}

const hasPdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined;

const SIDES = {
  en: ['The State', 'Family clans', 'Insurgents'],
  es: ['El Estado', 'Clanes familiares', 'Insurgentes'],
};
const TITLES = { en: 'Resuming aerial interdiction (2016)', es: 'La reanudación de la interdicción aérea (2016)' };

let dir = '';
let finalCocaHa = 0;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cordillera-aar-e2e-'));
  cordillera([
    'sim',
    '--seed',
    '21',
    '--turns',
    '6',
    '--state',
    'policy:air-interdiction',
    '--clans',
    'bot',
    '--insurgents',
    'bot:hard',
    '--inject',
    '4:mistaken-shootdown:PE-AYA',
    '--override',
    '2:national.usSupport=75:the new ambassador, "a friend of Peru"',
    '--out',
    join(dir, 'run'),
  ]);
  for (const lang of ['en', 'es']) cordillera(['report', join(dir, 'run', 'log.json'), '--out', join(dir, lang), '--lang', lang]);
  const national = readFileSync(join(dir, 'run', 'national.csv'), 'utf8')
    .trim()
    .split('\n');
  const header = national[0]!.split(',');
  finalCocaHa = Number(national.at(-1)!.split(',')[header.indexOf('coca_ha')]);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const lang of ['en', 'es'] as const) {
  test(`the after-action report renders and prints to PDF (${lang})`, async ({ page }, info) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const html = readFileSync(join(dir, lang, 'aar.html'), 'utf8');
    await page.setContent(html, { waitUntil: 'load' });

    await expect(page).toHaveTitle(new RegExp(TITLES[lang].replace(/[()]/g, '\\$&')));
    await expect(page.getByRole('heading', { level: 1, name: TITLES[lang] })).toBeVisible();
    expect(await page.getByRole('heading', { level: 2 }).count()).toBe(7);
    expect(await page.getByRole('img').count()).toBeGreaterThanOrEqual(7);
    for (const side of SIDES[lang]) await expect(page.locator('.cards').getByText(side, { exact: true })).toBeVisible();
    const coca = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'es-PE', { maximumFractionDigits: 0 }).format(finalCocaHa);
    await expect(page.getByText(`${coca} ha`).first()).toBeVisible();
    // Every chart is laid out inside the page (nothing overflows the document's width).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.screenshot({ path: info.outputPath(`aar-${lang}.png`), fullPage: false });
    await page.locator('#charts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath(`aar-${lang}-charts.png`), fullPage: false });

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfPath = info.outputPath(`aar-${lang}.pdf`);
    writeFileSync(pdfPath, pdf);
    expect(errors).toEqual([]);

    if (!hasPdftotext) {
      console.log('skipping the PDF text check: pdftotext (Debian package poppler-utils) is not installed');
      test.skip(true, 'pdftotext (poppler-utils) is not installed');
      return;
    }
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toContain(TITLES[lang]);
    for (const side of SIDES[lang]) expect(text).toContain(side);
    expect(text).toContain(`${coca} ha`);
    // The override's reason (the table cell may wrap across the extracted lines).
    expect(text).toContain('the new ambassador');
    const info2 = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    if (info2.status === 0) expect(Number(/Pages:\s+(\d+)/.exec(info2.stdout)?.[1])).toBeGreaterThan(4);
  });
}

// Issue 10: the report prints on A4 and on Letter: at the narrower of the two pages' printable
// widths (A4 portrait 182 mm, Letter landscape 251 mm for the wide timeline), nothing runs off.
test('the after-action report fits the printable width of A4 and Letter pages', async ({ page }) => {
  const html = readFileSync(join(dir, 'en', 'aar.html'), 'utf8');
  const MM = 96 / 25.4;
  const offPage = (wide: boolean) =>
    page.evaluate((w) => {
      const inWide = (e: Element) => e.closest('.wide') !== null;
      return Array.from(document.querySelectorAll('body *'))
        .filter((e) => inWide(e) === w && e.getBoundingClientRect().width > 0)
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
        .slice(0, 5);
    }, wide);
  await page.setContent(html, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: Math.floor(182 * MM), height: 900 });
  expect(await offPage(false), 'portrait pages (A4 is the narrower)').toEqual([]);
  await page.setViewportSize({ width: Math.floor(251 * MM), height: 700 });
  expect(await offPage(true), 'the landscape timeline (Letter is the narrower)').toEqual([]);
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }
});
