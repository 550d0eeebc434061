import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const backend = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@visite/billing': fileURLToPath(new URL('../packages/billing/src/index.ts', import.meta.url)),
      '@visite/contracts': fileURLToPath(new URL('../packages/contracts/src/index.ts', import.meta.url)),
      '@visite/i18n': fileURLToPath(new URL('../packages/i18n/src/index.ts', import.meta.url)),
      '@visite/scheduling': fileURLToPath(new URL('../packages/scheduling/src/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/socket.io': { target: backend, changeOrigin: true, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    // No source maps in the production build (docs/security.md "Headers"): the server serves dist as it is.
    sourcemap: false,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/.pnpm/zod') || id.includes('/node_modules/zod/')) return 'zod';
          if (id.includes('mediasoup-client') || id.includes('socket.io') || id.includes('engine.io')) return 'rtc';
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
    },
  },
});
