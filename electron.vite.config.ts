import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// SISO_OUT_DIR lets parallel checkouts' test builds write to separate folders; the default is out/.
const outDir = process.env['SISO_OUT_DIR'] ?? 'out';

export default defineConfig({
  main: {
    build: {
      outDir: `${outDir}/main`,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: `${outDir}/preload`,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, outDir, 'renderer'),
      // electron-vite leaves bundles unminified; the renderer is 5 MB of JS without this.
      minify: 'esbuild',
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    server: { port: 5173, strictPort: true },
  },
});
