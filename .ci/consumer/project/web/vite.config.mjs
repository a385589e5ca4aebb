// Plain production build of the consumer page; no plugins.
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'info',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2048 },
});
