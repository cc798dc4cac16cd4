// Desktop build: main (ESM), preload (CommonJS, because a sandboxed preload cannot load ESM) and renderer.
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

const version = JSON.stringify(process.env.npm_package_version ?? '0.0.0');

export default defineConfig({
  main: {
    build: { outDir: 'out/main', rollupOptions: { input: { index: resolve(import.meta.dirname, 'main/index.ts') } } },
    define: { __APP_VERSION__: version },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    define: { __APP_VERSION__: version },
    build: {
      outDir: 'out/renderer',
      minify: true,
      chunkSizeWarningLimit: 2500,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
