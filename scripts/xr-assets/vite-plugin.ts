/**
 * Vite plugin: makes the XR asset sets (index.ts) when a build or the dev server starts, copies
 * them into the build output after the bundle is written, and serves them from the cache in dev.
 * Nothing generated lands in `public/` or in git.
 */
import { createReadStream, copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import type { AssetSet } from './cache.ts';
import { buildXrAssets } from './index.ts';

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.glb': 'model/gltf-binary',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.usdz': 'model/vnd.usdz+zip',
};

/** The file a URL path (below the base) names in one of the sets, or null. */
export function findAsset(sets: readonly AssetSet[], urlPath: string): string | null {
  const rel = decodeURIComponent(urlPath).replace(/^\/+/, '');
  for (const set of sets) if (set.files.includes(rel)) return join(set.dir, rel);
  return null;
}

/** Copies every set into `outDir` (their trees are the URL layout). */
export function copySets(sets: readonly AssetSet[], outDir: string): void {
  for (const set of sets) {
    for (const rel of set.files) {
      const to = join(outDir, rel);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(set.dir, rel), to);
    }
  }
}

export function xrAssets(options: { cacheDir?: string } = {}): Plugin {
  let config: ResolvedConfig;
  let sets: Promise<AssetSet[]> | null = null;
  const make = () =>
    buildXrAssets({
      root: config.root,
      publicDir: config.publicDir,
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
      log: (line) => config.logger.info(line),
    });
  return {
    name: 'showroom:xr-assets',
    configResolved(resolved) {
      config = resolved;
    },
    async buildStart() {
      sets = make();
      await sets;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!sets || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
        const path = (req.url ?? '').split(/[?#]/)[0]!;
        if (!path.startsWith(config.base)) return next();
        sets.then(
          (ready) => {
            const file = findAsset(ready, path.slice(config.base.length));
            if (!file || !existsSync(file)) return next();
            res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
            res.setHeader('Content-Length', statSync(file).size);
            res.setHeader('Cache-Control', 'no-cache');
            if (req.method === 'HEAD') return res.end();
            createReadStream(file).pipe(res);
          },
          (error: unknown) => next(error),
        );
      });
      // A bundle edited while the dev server runs: remake what depends on it (the config's own
      // imports, such as src/xr/messages.ts, restart the server anyway).
      const models = resolve(config.publicDir, 'models');
      const onChange = (file: string) => {
        if (!resolve(file).startsWith(models) || !/(vehicle\.json|model\.glb|index\.json)$/.test(file)) return;
        sets = make();
        sets.catch((error: unknown) => config.logger.error(`xr-assets: ${(error as Error).message}`));
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
    },
    async writeBundle(output) {
      if (!sets) return;
      const started = performance.now();
      const ready = await sets;
      copySets(ready, output.dir ?? resolve(config.root, config.build.outDir));
      const count = ready.reduce((sum, s) => sum + s.files.length, 0);
      config.logger.info(`xr-assets: ${count} files copied into the build in ${Math.round(performance.now() - started)} ms`);
    },
  };
}
