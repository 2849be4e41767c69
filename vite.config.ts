import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { appVersion } from './src/server/app-version.ts';
import { noXrEmulator } from './scripts/no-xr-emulator.ts';
import { xrAssets } from './scripts/xr-assets/vite-plugin.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

export default defineConfig({
  // xrAssets: controller profiles, the in-world font and the cars' USDZ, made at build time (scripts/xr-assets);
  // noXrEmulator: pmndrs/xr's lazy emulator chunk (iwer and its rooms) stays out of dist.
  plugins: [react(), xrAssets(), noXrEmulator()],
  define: { __APP_VERSION__: JSON.stringify(appVersion()) },
  // `npm run dev` talks to a lead server started beside it (`npm run serve`, port 8080).
  server: { port: Number(process.env.DEV_PORT ?? 5173), host, proxy: { '/api': `http://127.0.0.1:${port}` } },
  preview: { port, host, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
});
