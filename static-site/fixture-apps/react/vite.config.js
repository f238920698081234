import { defineConfig } from 'vite';

// A plain modern build: ES modules, hashed assets, the doctor page in a chunk of its own.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true },
});
