import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { appVersion } from './src/server/app-version.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

export default defineConfig({
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(appVersion()) },
  // `npm run dev` talks to a lead server started beside it (`npm run serve`, port 8080).
  server: { port: Number(process.env.DEV_PORT ?? 5173), host, proxy: { '/api': `http://127.0.0.1:${port}` } },
  preview: { port, host, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
});
