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
import { UI_FONT_CSS, UI_FONT_PRELOAD } from './ui-fonts.ts';

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.glb': 'model/gltf-binary',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.usdz': 'model/vnd.usdz+zip',
  '.woff2': 'font/woff2',
  '.css': 'text/css',
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
  /** The sets of the last successful run; a failed remake in dev keeps serving these. */
  let current: AssetSet[] | null = null;
  let pending: Promise<unknown> | null = null;
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
    // A build (and the dev server's start) fails when a set cannot be made: a missing glyph, a bad bundle.
    async buildStart() {
      current = await make();
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const path = (req.url ?? '').split(/[?#]/)[0]!;
        if (!path.startsWith(config.base)) return next();
        void Promise.resolve(pending).then(() => {
          const file = current && findAsset(current, path.slice(config.base.length));
          if (!file || !existsSync(file)) return next();
          res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          res.setHeader('Content-Length', statSync(file).size);
          res.setHeader('Cache-Control', 'no-cache');
          if (req.method === 'HEAD') return res.end();
          createReadStream(file).pipe(res);
        });
      });
      // A bundle edited while the dev server runs: remake what depends on it (the config's own
      // imports, such as src/xr/messages.ts, restart the server anyway).
      const models = resolve(config.publicDir, 'models');
      const onChange = (file: string) => {
        if (!resolve(file).startsWith(models) || !/(vehicle\.json|model\.glb|index\.json)$/.test(file)) return;
        pending = make().then(
          (sets) => (current = sets),
          (error: unknown) => config.logger.error(`xr-assets: ${(error as Error).message}\n(still serving the previous XR assets)`),
        );
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
    },
    // The screens' font (ui-fonts.ts): linked after Vite has processed the page, since the file is
    // not in public/ (Vite would try to bundle it) but generated and copied in writeBundle.
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'link', attrs: { rel: 'preload', href: `${config.base}${UI_FONT_PRELOAD}`, as: 'font', type: 'font/woff2', crossorigin: '' }, injectTo: 'head-prepend' },
        { tag: 'link', attrs: { rel: 'stylesheet', href: `${config.base}${UI_FONT_CSS}` }, injectTo: 'head-prepend' },
      ],
    },
    writeBundle(output) {
      if (!current) return;
      const started = performance.now();
      copySets(current, output.dir ?? resolve(config.root, config.build.outDir));
      const count = current.reduce((sum, s) => sum + s.files.length, 0);
      config.logger.info(`xr-assets: ${count} files copied into the build in ${Math.round(performance.now() - started)} ms`);
    },
  };
}
