import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: plain static files that either host serves (app:// in Electron, 127.0.0.1 in the browser host).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
  },
});
