// Vite build of the web UI. Root is web/; the core (rules, scoring, workflow, money) and the HTML
// export are imported from ../src so the browser runs the same code as the server and CLI.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.JIXIAO_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // the live check's Web Worker (hooks/check.worker.ts) is an ES module, like the app
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // named vendor chunks, cached across releases of the app's own code (antd is left to the automatic
        // splitting, so components only the editor uses load with the editor)
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            // zod with its jitless setting in one chunk: a chunk that parses at load (the templates) runs it
            // first, wherever the splitting puts that chunk (CSP forbids zod's eval probe)
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|[\\/]web[\\/]src[\\/]zod-config\.ts$/ },
          ],
        },
      },
    },
  },
  server: {
    // the repository root, so ../src/core is served in dev mode
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
