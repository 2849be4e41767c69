/**
 * Twin viewer figures (npm run bench:twin, after `npx vite build`):
 *  - draw calls and triangles per view (renderer.info of the last frame) for
 *    each vehicle, against the budgets (exterior <= 100, x-ray <= 150, <= 500k);
 *  - GLB sizes; initial JavaScript (gzip) of the kiosk;
 *  - time from navigation to the first rendered frame of the car, ours vs
 *    Google's <model-viewer> (npm) on the same GLB, same Chromium, loopback.
 * SwiftShader is slow: the times compare the two viewers, not real kiosks.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launchBrowser, openPage, startPreview, ROOT } from '../test/e2e/harness.ts';

type TwinWindow = { __twin: { settled(): boolean; info(): { calls: number; triangles: number } } };
const VEHICLES = (JSON.parse(readFileSync(join(ROOT, 'public/models/index.json'), 'utf8')) as { vehicles: string[] }).vehicles;
const VIEWS = ['exterior', 'xray', 'exploded', 'section'] as const;
const BUDGET: Record<string, number> = { exterior: 100, xray: 150 };
const RUNS = Number(process.env.RUNS ?? 3);

function initialJsGzip(): { files: string[]; bytes: number } {
  const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return { files, bytes: files.reduce((s, f) => s + gzipSync(readFileSync(join(ROOT, 'dist', f))).byteLength, 0) };
}

/** A bare page with <model-viewer> from node_modules and the meshopt decoder from the meshoptimizer package. */
function modelViewerServer(): Promise<{ url: string; server: Server }> {
  const files: Record<string, [string, string]> = {
    '/model-viewer.js': [join(ROOT, 'node_modules/@google/model-viewer/dist/model-viewer.min.js'), 'text/javascript'],
    '/meshopt_decoder.js': [join(ROOT, 'node_modules/meshoptimizer/meshopt_decoder.cjs'), 'text/javascript'],
  };
  const page = `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;height:100%}model-viewer{width:100vw;height:100vh}</style></head><body>
<script type="module">
import '/model-viewer.js';
const MV = customElements.get('model-viewer');
MV.meshoptDecoderLocation = '/meshopt_decoder.js';
const el = document.createElement('model-viewer');
el.addEventListener('model-visibility', (e) => { if (e.detail.visible) performance.mark('mv:first-frame'); });
el.setAttribute('camera-controls', '');
el.setAttribute('environment-image', 'neutral');
el.setAttribute('shadow-intensity', '1');
el.src = '/model.glb?id=' + new URLSearchParams(location.search).get('id');
document.body.appendChild(el);
</script></body></html>`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page); return; }
    if (url.pathname === '/model.glb') {
      res.writeHead(200, { 'content-type': 'model/gltf-binary' });
      res.end(readFileSync(join(ROOT, `public/models/${url.searchParams.get('id')}/model.glb`)));
      return;
    }
    const f = files[url.pathname];
    if (!f) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': f[1] });
    res.end(readFileSync(f[0]));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    ok({ url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, server });
  }));
}

async function firstFrameMs(url: string, mark: string): Promise<number> {
  const browser = await launchBrowser();
  try {
    const { page } = await openPage(browser, 'landscape');
    await page.goto(url);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 180_000, polling: 50 });
    return await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, mark);
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const preview = await startPreview();
  const mv = await modelViewerServer();
  let over = false;
  try {
    console.log('GLB sizes');
    for (const id of VEHICLES) console.log(`  ${id}: ${(statSync(join(ROOT, `public/models/${id}/model.glb`)).size / 1024).toFixed(0)} KiB`);
    const js = initialJsGzip();
    console.log(`initial JS (gzip): ${(js.bytes / 1024).toFixed(1)} KiB in ${js.files.join(', ')}`);

    console.log('\ndraw calls / triangles per view (1920x1080)');
    const browser = await launchBrowser();
    for (const id of VEHICLES) {
      const { page } = await openPage(browser, 'landscape');
      await page.goto(`${preview.url}/?twin=${id}&twinIdle=0#/twin`);
      await page.waitForSelector('.twin[data-first-frame="yes"]', { timeout: 180_000 });
      const row: string[] = [];
      for (const view of VIEWS) {
        await page.click(`[data-view-button="${view}"]`);
        await page.waitForFunction(() => (window as unknown as TwinWindow).__twin.settled(), undefined, { timeout: 180_000, polling: 200 });
        await page.waitForTimeout(300);
        const info = await page.evaluate(() => (window as unknown as TwinWindow).__twin.info());
        const budget = BUDGET[view];
        if ((budget !== undefined && info.calls > budget) || info.triangles > 500_000) over = true;
        row.push(`${view} ${info.calls} calls ${(info.triangles / 1000).toFixed(0)}k tris`);
      }
      console.log(`  ${id}: ${row.join(' | ')}`);
      await page.close();
    }
    await browser.close();

    console.log(`\ntime to first frame, median of ${RUNS} cold runs (fresh profile each)`);
    for (const id of [VEHICLES[0]!, VEHICLES[VEHICLES.length - 1]!]) {
      const ours: number[] = [], theirs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        ours.push(await firstFrameMs(`${preview.url}/?twin=${id}&twinIdle=0#/twin`, 'twin:first-frame'));
        theirs.push(await firstFrameMs(`${mv.url}/?id=${id}`, 'mv:first-frame'));
      }
      const [a, b] = [median(ours), median(theirs)];
      console.log(`  ${id}: showroom twin ${a.toFixed(0)} ms, model-viewer ${b.toFixed(0)} ms, ratio ${(a / b).toFixed(2)} (runs: ${ours.map((x) => x.toFixed(0)).join('/')} vs ${theirs.map((x) => x.toFixed(0)).join('/')})`);
    }
  } finally {
    await preview.stop();
    mv.server.close();
  }
  if (over) { console.error('over budget'); process.exitCode = 1; }
}

await main();
