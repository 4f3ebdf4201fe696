/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The dashboard compiles @yujian/realtime from its sources (tsconfig.json maps the same paths), so a
 * change in packages/realtime shows in `npm run dev` and the tests without rebuilding its dist/.
 * Other services install the built package instead (packages/realtime/README.md).
 */
const realtimeSrc = fileURLToPath(new URL('./packages/realtime/src/', import.meta.url));

/** The backend (reference-app) in development; `npm run dev` proxies to it. */
const backend = process.env.YUJIAN_BACKEND ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@yujian\/realtime$/, replacement: `${realtimeSrc}index.ts` },
      { find: /^@yujian\/realtime\/testing$/, replacement: `${realtimeSrc}testing/index.ts` },
    ],
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/ws': { target: backend, ws: true, changeOrigin: false },
      '/health': { target: backend },
      '/metrics': { target: backend },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    restoreMocks: true,
    // Plain logic runs in Node; only component tests (.tsx) pay for a jsdom environment. Each package
    // under packages/ brings its own vitest.config.ts and runs as one more project.
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'dom', environment: 'jsdom', include: ['src/**/*.test.tsx'], setupFiles: ['src/testSetup.ts'] },
      },
      'packages/*',
    ],
  },
});
