/**
 * Browser test harness: serves the built app (dist/) with `vite preview` on a free port, drives
 * Debian's Chromium through playwright-core, records every console error, page error, failed
 * request and HTTP error (a missing favicon included), and takes screenshots that must not be blank.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { colourStats, decodePng, type ColourStats } from './png.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_DIR = join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The host name phones use for the showroom server in browser tests (see launchBrowser). */
export const SHOWROOM_HOST = 'kiosk.lan';

export const VIEWPORTS = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** A TCP port free on loopback right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface PreviewServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Copies dist/ to a private folder, so another build in the same working tree (several
 * engineers share it) cannot swap the files under a running test. A copy taken while such a
 * build is half written (index.html naming assets that are not there yet) is retaken.
 */
export async function snapshotDist(): Promise<string> {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npx vite build` first');
  for (let attempt = 0; ; attempt++) {
    const copy = mkdtempSync(join(tmpdir(), 'showroom-dist-'));
    cpSync(dist, copy, { recursive: true });
    const html = existsSync(join(copy, 'index.html')) ? readFileSync(join(copy, 'index.html'), 'utf8') : '';
    const assets = [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]!);
    if (html && assets.every((a) => existsSync(join(copy, a)))) return copy;
    rmSync(copy, { recursive: true, force: true });
    if (attempt >= 10) throw new Error('dist/ stays incomplete (a build in progress?)');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Starts `vite preview` on a snapshot of dist/ (build first) and waits until it answers. */
export async function startPreview(): Promise<PreviewServer> {
  const outDir = await snapshotDist();
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['node_modules/.bin/vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: String(port) } },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(outDir, { recursive: true, force: true });
      throw new Error(`vite preview exited (${child.exitCode}):\n${output}`);
    }
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(outDir, { recursive: true, force: true });
      throw new Error(`vite preview did not answer on ${url}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        const finish = () => {
          rmSync(outDir, { recursive: true, force: true });
          done();
        };
        if (child.exitCode !== null) return finish();
        child.once('exit', finish);
        // By pid: the process we spawned is vite itself (no npx wrapper in between).
        process.kill(child.pid!, 'SIGTERM');
        setTimeout(() => child.exitCode === null && process.kill(child.pid!, 'SIGKILL'), 5000);
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

export interface BrowserOptions {
  /** More host names that resolve to 127.0.0.1, besides SHOWROOM_HOST (e.g. a certificate's name). */
  loopbackHosts?: string[];
  /** More Chromium switches (e.g. `--ignore-certificate-errors-spki-list=<hash>` to trust a test certificate). */
  args?: string[];
  /**
   * The kiosk's service worker: blocked unless a test is about it ('allow', offline.test.ts). A
   * page it controls sends its requests through it, where page.route and context.route cannot
   * see them (microsoft/playwright#2311), and the other tests fake the network with those.
   */
  serviceWorkers?: 'allow' | 'block';
}

/** Launches Chromium with a fresh temporary profile (user-data-dir), removed on close. */
export async function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'showroom-chromium-'));
  const hostRules = [SHOWROOM_HOST, ...(options.loopbackHosts ?? [])].map((host) => `MAP ${host} 127.0.0.1`).join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORTS.landscape,
    locale: 'zh-CN',
    serviceWorkers: options.serviceWorkers ?? 'block',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      // A showroom address for phones: http://kiosk.lan:<port> reaches the test server over
      // loopback but is another origin and not a secure context, as a phone on the LAN sees it.
      // One switch for every name: Chromium keeps only the last --host-resolver-rules.
      `--host-resolver-rules=${hostRules}`,
      ...(options.args ?? []),
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Everything that went wrong on a page; a test fails if any list is non-empty. */
export interface Problems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
}

export interface WatchedPage {
  page: Page;
  problems: Problems;
  /** Throws listing every problem recorded so far. */
  assertClean: () => void;
}

/** Opens a page that records console errors, page errors, failed requests and HTTP errors. */
export async function openPage(browser: Browser, viewport: ViewportName = 'landscape'): Promise<WatchedPage> {
  const page = await browser.context.newPage();
  await page.setViewportSize(VIEWPORTS[viewport]);
  const problems: Problems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.pageErrors.push(e.stack ?? e.message));
  // A request the page's own navigation cancelled (a reload while a font or chunk was still on its
  // way) is no failure of the app; any other failed request is.
  let navigations = 0;
  const issuedAt = new WeakMap<object, number>();
  page.on('framenavigated', (frame) => void (frame === page.mainFrame() && navigations++));
  page.on('request', (r) => issuedAt.set(r, navigations));
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText === 'net::ERR_ABORTED' && (issuedAt.get(r) ?? navigations) < navigations) return;
    problems.failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    const request = `${r.request().method()} ${r.url()}`;
    if (r.status() >= 400) problems.failedRequests.push(`${request}: HTTP ${r.status()}`);
    // vite preview (like most SPA hosts) answers a missing file with index.html and a 200: a
    // web page where a script, style, image, icon or JSON file was asked for is a missing file.
    else if (!r.request().isNavigationRequest() && (r.headers()['content-type'] ?? '').includes('text/html')) {
      problems.failedRequests.push(`${request}: missing (the server sent index.html instead)`);
    }
  });
  return {
    page,
    problems,
    assertClean: () => {
      const all = [...problems.consoleErrors, ...problems.pageErrors, ...problems.failedRequests];
      if (all.length > 0) throw new Error(`page problems:\n${all.join('\n')}`);
    },
  };
}

/**
 * Screenshots the page to test-results/<name>-<w>x<h>.png and fails when it is blank or a
 * single colour (fewer than `minColours` colours, or one colour over 97 % of the pixels).
 */
export async function screenshot(page: Page, name: string, minColours = 64): Promise<ColourStats & { path: string }> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const size = page.viewportSize()!;
  const path = join(RESULTS_DIR, `${name}-${size.width}x${size.height}.png`);
  // Finished animations only: a screen's fade-in must not make a screenshot look washed out.
  const png = await page.screenshot({ type: 'png', animations: 'disabled' });
  writeFileSync(path, png);
  const image = decodePng(png);
  if (image.width !== size.width || image.height !== size.height) {
    throw new Error(`${path}: ${image.width}x${image.height}, expected ${size.width}x${size.height}`);
  }
  const stats = colourStats(image);
  if (stats.distinctColours < minColours || stats.dominantShare > 0.97) {
    throw new Error(`${path} looks blank: ${stats.distinctColours} colours, dominant ${(stats.dominantShare * 100).toFixed(1)} %`);
  }
  return { ...stats, path };
}

/**
 * Visible controls (buttons, inputs) smaller than 48 × 48 CSS px, the touch-target minimum;
 * controls scrolled out of a sideways scroller still count (they are laid out).
 */
export async function smallTouchTargets(page: Page): Promise<{ text: string; width: number; height: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, a[href]')]
      .filter((el) => el.offsetParent !== null && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { text: (el.textContent || el.getAttribute('aria-label') || el.tagName).trim(), width: r.width, height: r.height };
      })
      .filter((r) => r.width < 48 || r.height < 48),
  );
}

/** One kiosk outbox entry as stored in IndexedDB, without its (encrypted) lead. */
export type OutboxEntry = { id: string; state: string; attempts: number; lastError: string | null };

/** The kiosk's outbox entries, read straight from IndexedDB (no personal data is in the clear). */
export async function outboxEntries(page: Page): Promise<OutboxEntry[]> {
  return page.evaluate(
    () =>
      new Promise<OutboxEntry[]>((resolve, reject) => {
        const open = indexedDB.open('showroom-lead-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('entries')) return resolve([]);
          const all = db.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => {
            resolve((all.result as OutboxEntry[]).map(({ id, state, attempts, lastError }) => ({ id, state, attempts, lastError })));
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/**
 * Runs the questionnaire to its plan the quickest way: skip where a question can be skipped, the
 * proposed answer elsewhere.
 */
export async function answerUntilPlan(page: Page): Promise<void> {
  await page.locator('[data-question]').first().waitFor();
  for (let step = 0; step < 30 && !(await page.getByTestId('plan').isVisible()); step++) {
    const skip = page.getByTestId('needs-skip');
    if (await skip.isVisible()) await skip.click();
    else if (await page.getByTestId('needs-next').isVisible()) await page.getByTestId('needs-next').click();
    else await page.waitForTimeout(200); // the plan is being made
  }
  await page.getByTestId('plan').waitFor({ timeout: 20_000 });
}

/** Fills the contact form (name, phone, consent to be contacted, the first time slot) and submits it. */
export async function submitContact(page: Page, name: string, phone: string): Promise<void> {
  await page.getByTestId('contact-form').waitFor();
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="phone"]', phone);
  await page.check('input[name="consentContact"]');
  await page.locator('[data-slot]').first().click();
  await page.getByTestId('contact-submit').click();
  await page.getByTestId('contact-done').waitFor();
}
