// The static web build: the same renderer as the desktop app, with the web platform.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'renderer/index.html'),
        // The board alone with sample data, for its end-to-end tests and screenshots.
        'board-harness': resolve(import.meta.dirname, 'renderer/board-harness.html'),
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
