import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The gateway serves the built app at its own origin (relative URLs, one origin for cookies and CSRF).
// `npm run dev` proxies the API and the BFF to a gateway on localhost:8080 (the local run).
const gateway = 'http://localhost:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/bff': { target: gateway, changeOrigin: false },
      '/api': { target: gateway, changeOrigin: false },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
