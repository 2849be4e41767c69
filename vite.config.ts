import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { appVersion } from './src/server/app-version.ts';
import { noXrEmulator } from './scripts/no-xr-emulator.ts';
import { xrAssets } from './scripts/xr-assets/vite-plugin.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

export default defineConfig({
  // xrAssets: controller profiles, the in-world font and the cars' USDZ, made at build time (scripts/xr-assets);
  // noXrEmulator: pmndrs/xr's lazy emulator chunk (iwer and its rooms) stays out of dist.
  plugins: [
    react(),
    xrAssets(),
    noXrEmulator(),
    // The service worker (src/sw/sw.ts): precaches the build, including the XR assets and fonts
    // xrAssets copies in before it runs; registered by src/state/app-update.ts.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // vite-plugin-pwa#912: on Vite 8 the ES build warns about inlineDynamicImports.
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,json,glb,png,svg,webp,woff2,ttf,wasm}'],
        // Source maps are for developers; the USDZ files (about 10 MB each) are opened by iOS
        // Quick Look, a separate process that does not go through the page's service worker.
        globIgnores: ['**/*.map', '**/*.usdz', 'sw.js'],
        // The largest file is the twin's chunk (about 1.5 MB); a bigger one fails the build.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(appVersion()) },
  // `npm run dev` talks to a lead server started beside it (`npm run serve`, port 8080).
  server: { port: Number(process.env.DEV_PORT ?? 5173), host, proxy: { '/api': `http://127.0.0.1:${port}` } },
  preview: { port, host, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
});
