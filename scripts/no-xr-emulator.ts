/**
 * Keeps the WebXR emulator out of the kiosk's build. @react-three/xr lazily imports pmndrs/xr's
 * `emulate.js` (iwer, its dev UI and @iwer/sem's synthetic rooms: about 5 MB) for its `emulate`
 * option, which the app turns off (src/xr/xr-store.ts); the import would still put every room into
 * `dist`. This Vite plugin answers that import with a module whose `emulate` says why it is not
 * there. The browser tests install their own emulator (test/e2e/xr/iwer-init.ts).
 */
import type { Plugin } from 'vite';

const STUB_ID = '\0showroom-twin:no-xr-emulator';

export function noXrEmulator(): Plugin {
  return {
    name: 'showroom-twin:no-xr-emulator',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './emulate.js' && importer && /[\\/]@pmndrs[\\/]xr[\\/]dist[\\/]store\.js$/.test(importer)) return STUB_ID;
      return null;
    },
    load(id) {
      if (id !== STUB_ID) return null;
      return "export function emulate() { throw new Error('this build has no WebXR emulator: the XR store is created with emulate: false'); }\n";
    },
  };
}
