import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const API = process.env.VITE_API_TARGET ?? 'http://127.0.0.1:3000';

/**
 * The web app: built into apps/web/dist (served by the API with a per-response CSP nonce), or served by Vite in
 * development with /api proxied to a running API. Shared rules, labels and the API's response types come from
 * libs/contracts by alias — only pure files (label/catalog files, the `api/` types) are imported: the package
 * index pulls in Temporal.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  resolve: {
    alias: {
      '@contracts': here('../../libs/contracts/src'),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // antd marks its modules "use client" (for React Server Components); meaningless in a static bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
    // The manifest lets a test add up what the dashboard's first load fetches (entry + its static imports).
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': API, '/health': API, '/ready': API },
  },
});
