import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright's own browser download does not work on these machines. */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--enable-unsafe-swiftshader'],
};

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.reports/e2e.json' }]],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    launchOptions: chromiumLaunch,
    viewport: { width: 1920, height: 1080 },
  },
  webServer: {
    command: 'npm run preview:web',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
