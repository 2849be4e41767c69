/** This build's version (`0.1.0+8188c7a`, src/server/app-version.ts), defined by vite; `dev` in tests. */
declare const __APP_VERSION__: string | undefined;

export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
