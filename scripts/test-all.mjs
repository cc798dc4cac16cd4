#!/usr/bin/env node
// The one test command (`npm test`): format check, lint, typecheck, unit tests, both builds, end-to-end tests.
// Every step runs even if an earlier one fails, so one run shows everything that is wrong; the last
// line is the honest total of unit + end-to-end tests, read by CI: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// A fresh clone: install first, so `npm test` is the only command a newcomer needs.
if (!existsSync('node_modules')) {
  console.log('=== node_modules missing: npm ci');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ...process.env },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
}

const reports = '.reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  ['format', 'npx', ['prettier', '--check', '.']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['typecheck', 'npx', ['tsc', '-b']],
  ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${reports}/unit.json`]],
  ['build (desktop)', 'npx', ['electron-vite', 'build']],
  ['build (web)', 'npm', ['run', 'build:web']],
  ['e2e', 'npx', ['playwright', 'test']],
];
// Playwright caches its compiled test files between runs; a stale cache once hid an import that a
// clean clone refused. Every run compiles afresh, as CI does.
process.env.PWTEST_CACHE_DIR = `${process.cwd()}/${reports}/playwright-cache`;

const failedSteps = [];
for (const [name, cmd, args] of steps) {
  const started = process.hrtime.bigint();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const s = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${s.toFixed(1)} s`);
  if (r.status !== 0) failedSteps.push(name);
}

let passed = 0,
  failed = 0,
  skipped = 0;
const unitFile = `${reports}/unit.json`;
if (existsSync(unitFile)) {
  const u = JSON.parse(readFileSync(unitFile, 'utf8'));
  passed += u.numPassedTests ?? 0;
  failed += u.numFailedTests ?? 0;
  // A file that fails outside its tests (a setup hook, an import) counts as one failure.
  failed += (u.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  skipped += (u.numPendingTests ?? 0) + (u.numTodoTests ?? 0);
}
const e2eFile = `${reports}/e2e.json`;
if (existsSync(e2eFile)) {
  const e = JSON.parse(readFileSync(e2eFile, 'utf8'));
  passed += e.stats?.expected ?? 0;
  failed += (e.stats?.unexpected ?? 0) + (e.stats?.flaky ?? 0);
  skipped += e.stats?.skipped ?? 0;
}
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length || failed ? 1 : 0);
