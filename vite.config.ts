import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds the renderer into dist/renderer with relative asset paths (served by Electron's app:// and the browser host). */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
});
