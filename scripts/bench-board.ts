/**
 * The board's figures for `npm run bench` (merged into bench.ts's one JSON object; also runnable on
 * its own: `tsx scripts/bench-board.ts` prints its keys as one JSON object). Progress goes to stderr.
 *
 * It builds nothing itself: it needs the static web build in `out/web` (and runs `npm run
 * build:web` only if that is missing), serves it from a tiny static server on 127.0.0.1 (a free
 * port), and drives Debian's Chromium through Playwright with the same launch options as the
 * end-to-end tests (`playwright.config.ts`), at 1920×1080.
 *
 * - board_interactive_ms: page load → board interactive, in the app (its start screen draws the
 *   board): the board's `data-ready-ms`, `performance.now()` (ms since navigation start) when the
 *   scene had drawn its first model and accepted input. Median of 5 loads, each in a fresh browser
 *   context (no HTTP cache). `board_interactive_harness_ms`: the same on the board's harness page.
 * - resolution_frame_p95_ms: p95 of the requestAnimationFrame intervals measured in the page from
 *   the click on "Play the next turn" (a real turn resolution in the app: the engine, the bots, the
 *   turn report and the board's animation) until the animation has ended; over 3 turns of an
 *   all-computer game. Also its p50, the frame count, each animation's length as seen in the page
 *   (first frame playing → first frame done), and the p95 on the harness's sample turn
 *   (`resolution_frame_p95_harness_ms`).
 * - ai_frame_p95_ms: p95 of the requestAnimationFrame intervals while hard computer sides think
 *   in the app's worker (intervals with the status bar's indicator, `[data-thinking]`, shown at
 *   both ends: the frame in which the UI thread resolves a turn and puts the indicator up is the
 *   resolution's, measured above), over the first 3 turns of a game with the three sides hard
 *   computers: the search of each turn runs while the board animates the turn before. Also the
 *   frame count and the time thought. No frame while thinking is an error, not a null.
 * - renderer_bundle_bytes / renderer_largest_chunk_bytes: sizes of out/web/assets/*.js, and their
 *   gzip sizes (node:zlib, level 9).
 *
 * Without Chromium the browser figures are null and `board_skipped_reason` says why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunch } from '../playwright.config';

const ROOT = resolve(import.meta.dirname, '..');
const WEB = join(ROOT, 'out', 'web');
const VIEWPORT = { width: 1920, height: 1080 };
const LOADS = 5;
const TURNS = 3;

const log = (s: string): void => {
  process.stderr.write(`bench-board: ${s}\n`);
};
const r1 = (x: number): number => Math.round(x * 10) / 10;
const median = (xs: readonly number[]): number => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};
const quantile = (xs: readonly number[], p: number): number => {
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.floor(p * v.length))] ?? NaN;
};

export interface BoardBench {
  board_interactive_ms: number | null;
  board_interactive_samples_ms: number[] | null;
  board_interactive_harness_ms: number | null;
  resolution_frame_p95_ms: number | null;
  resolution_frame_p50_ms: number | null;
  resolution_frames: number | null;
  resolution_animation_ms: number[] | null;
  resolution_frame_p95_harness_ms: number | null;
  board_renderer: string | null;
  renderer_bundle_bytes: number | null;
  renderer_bundle_gzip_bytes: number | null;
  renderer_largest_chunk_bytes: number | null;
  renderer_largest_chunk_gzip_bytes: number | null;
  renderer_largest_chunk: string | null;
  ai_frame_p95_ms: number | null;
  ai_frame_p50_ms: number | null;
  ai_frames: number | null;
  ai_thinking_ms: number | null;
  board_limits: { board_interactive_ms: number; resolution_frame_p95_ms: number; ai_frame_p95_ms: number };
  board_within_limits: boolean | null;
  board_skipped_reason?: string;
}

// ---------------------------------------------------------------------------------------------
// The web build and its bundle

function ensureBuild(): void {
  if (existsSync(join(WEB, 'index.html')) && existsSync(join(WEB, 'board-harness.html'))) return;
  log('out/web is missing: npm run build:web');
  // Its output goes to stderr: stdout carries the one JSON object.
  const r = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`npm run build:web failed (exit ${r.status ?? r.signal ?? '?'})`);
}

function bundleSizes(): Pick<
  BoardBench,
  | 'renderer_bundle_bytes'
  | 'renderer_bundle_gzip_bytes'
  | 'renderer_largest_chunk_bytes'
  | 'renderer_largest_chunk_gzip_bytes'
  | 'renderer_largest_chunk'
> {
  const dir = join(WEB, 'assets');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort();
  let total = 0,
    totalGz = 0;
  let largest = { name: '', bytes: -1, gz: 0 };
  for (const f of files) {
    const buf = readFileSync(join(dir, f));
    const gz = gzipSync(buf, { level: 9 }).length;
    total += buf.length;
    totalGz += gz;
    if (buf.length > largest.bytes) largest = { name: f, bytes: buf.length, gz };
  }
  return {
    renderer_bundle_bytes: total,
    renderer_bundle_gzip_bytes: totalGz,
    renderer_largest_chunk_bytes: largest.bytes < 0 ? null : largest.bytes,
    renderer_largest_chunk_gzip_bytes: largest.bytes < 0 ? null : largest.gz,
    renderer_largest_chunk: largest.bytes < 0 ? null : largest.name,
  };
}

// ---------------------------------------------------------------------------------------------
// A tiny static server

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      let file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(500).end();
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      ok({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Measurements in the page

function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
}

/** Run `measure` in a fresh page; a page that logged errors fails the measurement. */
async function inFreshPage<T>(browser: Browser, measure: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    const result = await measure(page);
    if (errors.length > 0) throw new Error(`errors in the page: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/** One fresh load of `path`: ms since navigation start when the board became interactive. */
function loadOnce(browser: Browser, url: string): Promise<number> {
  return inFreshPage(browser, async (page) => {
    await page.goto(url);
    const board = page.locator('.cdl-board[data-ready-ms]');
    await board.waitFor({ state: 'attached', timeout: 30_000 });
    const ms = Number(await board.getAttribute('data-ready-ms'));
    if (!Number.isFinite(ms)) throw new Error('the board reported no ready time');
    return ms;
  });
}

// In-page code is passed as source text: tsx's transform adds helpers (`__name`) to compiled
// functions, which do not exist in the page.

/** Record every requestAnimationFrame from now on: [timestamp, interval, the board's animation state]. */
const FRAME_LOG = `(() => {
  if (window.__frameLog) return;
  const out = [];
  window.__frameLog = out;
  let last = null;
  let wasThinking = false;
  const tick = (t) => {
    const el = document.querySelector('.cdl-board');
    const state = (el && el.dataset.animation) || '';
    const now = document.querySelector('[data-thinking]') !== null;
    // A frame drawn while the computer thought: the indicator was up when it began and when it ended
    // (not the frame in which the UI thread resolved the turn and put the indicator up).
    if (last !== null) out.push([t, t - last, state, now && wasThinking]);
    last = t;
    wasThinking = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

async function startFrameLog(page: Page): Promise<void> {
  await page.evaluate(FRAME_LOG);
}

/**
 * Frame intervals from `since` (page time) until the first frame after the animation had played and
 * ended, and how long it played (first frame seen playing → first frame seen done).
 */
/** Press `button` (which plays a turn's animation), wait for the animation to end, and return its frames. */
async function playAndMeasure(page: Page, button: string): Promise<{ frames: number[]; playedMs: number }> {
  const since = await now(page);
  await page.getByRole('button', { name: button }).click();
  await page.locator('.cdl-board[data-animation="playing"]').waitFor({ timeout: 15_000 });
  await page.locator('.cdl-board[data-animation="done"]').waitFor({ timeout: 15_000 });
  await page.waitForTimeout(100);
  return framesSince(page, since);
}

async function framesSince(page: Page, since: number): Promise<{ frames: number[]; playedMs: number }> {
  return page.evaluate(`(() => {
    const frames = [];
    let start = null, end = null;
    for (const [t, dt, state] of window.__frameLog) {
      if (t < ${JSON.stringify(since)}) continue;
      frames.push(dt);
      if (state === 'playing' && start === null) start = t;
      else if (start !== null && state === 'done') { end = t; break; }
    }
    return { frames, playedMs: start !== null && end !== null ? end - start : NaN };
  })()`);
}

const now = (page: Page): Promise<number> => page.evaluate('performance.now()');

function resolutionInApp(browser: Browser, url: string): Promise<{ frames: number[]; lengths: number[] }> {
  return inFreshPage(browser, async (page) => {
    await page.goto(url);
    await page.locator('.cdl-board[data-ready-ms]').waitFor({ state: 'attached', timeout: 30_000 });
    // A new all-computer game: "Play the next turn" resolves one turn at a time.
    await page.getByRole('button', { name: 'New game', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New game' });
    for (const side of ['The State', 'Family clans', 'Insurgents']) {
      await dialog.getByRole('radiogroup', { name: side }).getByRole('radio', { name: 'Computer' }).check();
    }
    await dialog.getByLabel('Seed').fill('2016');
    await dialog.getByLabel('Number of turns').fill(String(TURNS + 1));
    await dialog.getByRole('button', { name: 'Start game' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await startFrameLog(page);
    const board = page.locator('.cdl-board');
    const frames: number[] = [];
    const lengths: number[] = [];
    for (let turn = 1; turn <= TURNS; turn++) {
      await page.waitForTimeout(600);
      const f = await playAndMeasure(page, 'Play the next turn');
      lengths.push(Math.round(f.playedMs));
      log(`turn ${turn}: ${f.frames.length} frames, animation ${Math.round(f.playedMs)} ms, p95 ${r1(quantile(f.frames, 0.95))} ms`);
      frames.push(...f.frames);
      if ((await board.getAttribute('data-animation')) !== 'done') throw new Error('the animation did not end');
    }
    return { frames, lengths };
  });
}

/**
 * Frames while hard computer sides think: a game with three hard computer sides; the worker
 * starts on each turn as soon as it begins (and during the previous turn's animation).
 */
function thinkingInApp(browser: Browser, url: string): Promise<{ frames: number[]; thinkingMs: number }> {
  return inFreshPage(browser, async (page) => {
    await page.goto(url);
    await page.locator('.cdl-board[data-ready-ms]').waitFor({ state: 'attached', timeout: 30_000 });
    await startFrameLog(page);
    await page.getByRole('button', { name: 'New game', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New game' });
    for (const side of ['The State', 'Family clans', 'Insurgents']) {
      await dialog.getByRole('radiogroup', { name: side }).getByRole('radio', { name: 'Computer' }).check();
      await dialog.getByLabel(`Difficulty of the computer playing ${side}`).selectOption('hard');
    }
    await dialog.getByLabel('Seed').fill('2016');
    await dialog.getByLabel('Number of turns').fill(String(TURNS + 1));
    const since = await now(page);
    await dialog.getByRole('button', { name: 'Start game' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const indicator = page.locator('[data-thinking]');
    for (let turn = 1; turn <= TURNS; turn++) {
      await indicator.waitFor({ state: 'hidden', timeout: 60_000 });
      await page.getByRole('button', { name: 'Play the next turn' }).click();
      await page.locator('.cdl-board[data-animation="playing"]').waitFor({ timeout: 30_000 });
      await page.locator('.cdl-board[data-animation="done"]').waitFor({ timeout: 30_000 });
    }
    await indicator.waitFor({ state: 'hidden', timeout: 60_000 });
    return page.evaluate(`(() => {
      const frames = [];
      let thinkingMs = 0;
      for (const [t, dt, , thinking] of window.__frameLog) {
        if (t < ${JSON.stringify(since)} || !thinking) continue;
        frames.push(dt);
        thinkingMs += dt;
      }
      return { frames, thinkingMs };
    })()`);
  });
}

function resolutionInHarness(browser: Browser, url: string): Promise<{ p95: number; renderer: string | null }> {
  return inFreshPage(browser, async (page) => {
    await page.goto(`${url}/board-harness.html?bare=1`);
    await page.locator('.cdl-board[data-ready-ms]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.goto(`${url}/board-harness.html?events=sample`);
    await page.locator('.cdl-board[data-animation="done"]').waitFor({ timeout: 15_000 });
    // Once more after load: "Play a turn" plays the sample turn again as a new turn.
    await startFrameLog(page);
    await page.waitForTimeout(500);
    const { frames: f } = await playAndMeasure(page, 'Play a turn');
    const renderer = await page.evaluate<string | null>('(window.__boardMetrics && window.__boardMetrics.renderer) || null');
    return { p95: quantile(f, 0.95), renderer };
  });
}

// ---------------------------------------------------------------------------------------------

const LIMITS = { board_interactive_ms: 2000, resolution_frame_p95_ms: 20, ai_frame_p95_ms: 20 };

function skipped(reason: string, sizes: ReturnType<typeof bundleSizes> | null): BoardBench {
  log(`skipped: ${reason}`);
  return {
    board_interactive_ms: null,
    board_interactive_samples_ms: null,
    board_interactive_harness_ms: null,
    resolution_frame_p95_ms: null,
    resolution_frame_p50_ms: null,
    resolution_frames: null,
    resolution_animation_ms: null,
    resolution_frame_p95_harness_ms: null,
    ai_frame_p95_ms: null,
    ai_frame_p50_ms: null,
    ai_frames: null,
    ai_thinking_ms: null,
    board_renderer: null,
    renderer_bundle_bytes: sizes?.renderer_bundle_bytes ?? null,
    renderer_bundle_gzip_bytes: sizes?.renderer_bundle_gzip_bytes ?? null,
    renderer_largest_chunk_bytes: sizes?.renderer_largest_chunk_bytes ?? null,
    renderer_largest_chunk_gzip_bytes: sizes?.renderer_largest_chunk_gzip_bytes ?? null,
    renderer_largest_chunk: sizes?.renderer_largest_chunk ?? null,
    board_limits: LIMITS,
    board_within_limits: null,
    board_skipped_reason: reason,
  };
}

export async function benchBoard(): Promise<BoardBench> {
  let sizes: ReturnType<typeof bundleSizes>;
  try {
    ensureBuild();
    sizes = bundleSizes();
  } catch (e) {
    return skipped(`no web build: ${e instanceof Error ? e.message : String(e)}`, null);
  }
  const exe = chromiumLaunch.executablePath;
  if (!existsSync(exe)) return skipped(`Chromium not found at ${exe} (apt-get install chromium, or set CHROMIUM_PATH)`, sizes);

  const { server, url } = await serve(WEB);
  let browser: Browser | null = null;
  try {
    try {
      browser = await chromium.launch(chromiumLaunch);
    } catch (e) {
      return skipped(`Chromium did not start: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, sizes);
    }
    log(`serving out/web at ${url}; Chromium ${browser.version()}`);
    log(`${LOADS} loads of the app`);
    await loadOnce(browser, `${url}/`); // warm the OS file cache and the browser's code caches
    const loads: number[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await loadOnce(browser, `${url}/`));
    const harnessLoads: number[] = [];
    for (let i = 0; i < LOADS; i++) harnessLoads.push(await loadOnce(browser, `${url}/board-harness.html`));
    log(`board interactive: ${loads.map(Math.round).join(', ')} ms (app); ${harnessLoads.map(Math.round).join(', ')} ms (harness)`);
    log(`${TURNS} turn resolutions in the app`);
    const app = await resolutionInApp(browser, `${url}/`);
    log(`${TURNS} turns of a game with three hard computer sides (frames while they think)`);
    const ai = await thinkingInApp(browser, `${url}/`);
    if (ai.frames.length === 0) throw new Error('no frame was drawn while the hard computer sides thought (did the worker run?)');
    log(`thinking: ${ai.frames.length} frames over ${Math.round(ai.thinkingMs)} ms, p95 ${r1(quantile(ai.frames, 0.95))} ms`);
    log('the sample turn on the harness');
    const harness = await resolutionInHarness(browser, url);
    const interactive = median(loads);
    const p95 = quantile(app.frames, 0.95);
    return {
      board_interactive_ms: r1(interactive),
      board_interactive_samples_ms: loads.map(r1),
      board_interactive_harness_ms: r1(median(harnessLoads)),
      resolution_frame_p95_ms: r1(p95),
      resolution_frame_p50_ms: r1(quantile(app.frames, 0.5)),
      resolution_frames: app.frames.length,
      resolution_animation_ms: app.lengths,
      resolution_frame_p95_harness_ms: r1(harness.p95),
      ai_frame_p95_ms: ai.frames.length ? r1(quantile(ai.frames, 0.95)) : null,
      ai_frame_p50_ms: ai.frames.length ? r1(quantile(ai.frames, 0.5)) : null,
      ai_frames: ai.frames.length,
      ai_thinking_ms: Math.round(ai.thinkingMs),
      board_renderer: harness.renderer,
      ...sizes,
      board_limits: LIMITS,
      board_within_limits:
        interactive <= LIMITS.board_interactive_ms &&
        p95 <= LIMITS.resolution_frame_p95_ms &&
        ai.frames.length > 0 &&
        quantile(ai.frames, 0.95) <= LIMITS.ai_frame_p95_ms,
    };
  } catch (e) {
    return skipped(`measurement failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, sizes);
  } finally {
    await browser?.close();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
}

// On its own: `tsx scripts/bench-board.ts`.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void benchBoard().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
