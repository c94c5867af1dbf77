import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The ops dashboard: built to dist/dashboard, served by the admin app at /dashboard/. */
export default defineConfig({
  root,
  base: '/dashboard/',
  publicDir: false,
  // Preact's automatic JSX runtime; no babel plugin needed.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The CSP forbids inline scripts; keep every asset a file (no data: URL for fonts or scripts).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
});
