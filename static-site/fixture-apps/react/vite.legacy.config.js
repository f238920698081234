import { defineConfig } from 'vite';
import legacy from '@vitejs/plugin-legacy';

// The same app for old browsers: modern module chunks plus nomodule SystemJS chunks and polyfills,
// as @vitejs/plugin-legacy builds it by default.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  plugins: [legacy({ targets: ['defaults', 'IE 11'] })],
  build: { outDir: 'dist-legacy', emptyOutDir: true },
});
