// npm run bench:ui — the counter as a cashier feels it, in headless Chromium against the built
// browser host (dist/node/host.js, started as `npm run web` starts it) on a terminal holding 1M
// members (a tenth of them with a card) and 10M points-ledger entries:
//  - scan → line painted: a wedge-scanner burst (digits + Enter at scanner speed) on the checkout
//    screen, from the first keydown to the animation frame that paints the new line or quantity;
//  - member card → member shown: the demo gold member's card and generated members' cards;
//  - "Complete" → receipt preview painted, for a cash sale;
//  - the renderer's JS, gzipped: all of dist/renderer/**/*.js, and what index.html loads up front;
//  - cold start: spawning the host to the login screen painted in a fresh browser context.
// Times are taken inside the page (performance.now() at the key or click, a MutationObserver for the
// change, the requestAnimationFrame after it), so Playwright's round trips are not in them. Prints
// figures beside their goals and one JSON line; never fails on a slow machine: figures only.
// LINLI_BENCH_MEMBERS / LINLI_BENCH_ENTRIES / LINLI_BENCH_SAMPLES for a smaller run.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { databaseFileName } from '../features/app';
import { demoMember } from '../features/demo/demo-loyalty';
import { openDatabase } from '../db/open';
import { chromiumFlags } from '../test/support/chromium';
import { startHostProcess, type HostProcess } from '../test/support/host-process';
import { findChromium } from '../host-support/find-chromium';
import { cachedSeed, cardHolder, seededCardNumber } from './seed';

const members = Number(process.env.LINLI_BENCH_MEMBERS ?? 1_000_000);
const entries = Number(process.env.LINLI_BENCH_ENTRIES ?? 10_000_000);
const samples = Number(process.env.LINLI_BENCH_SAMPLES ?? 200);
const cards = Math.floor(members / 10);
const memberSamples = Math.max(10, Math.round(samples / 4));
const completeSamples = Math.max(10, Math.round(samples / 4));
const coldStarts = 5;
// The basket is emptied every so many scans, as sales end at a real counter.
const scansPerBasket = 20;
// A USB wedge scanner sends a key every millisecond or two (press and release at the HID poll
// rate), far inside the decoder's 35 ms mean and 80 ms largest gap. Playwright cannot type faster
// than a DevTools round trip per key, so keys go with no added delay, and the burst (first key to
// Enter) is printed beside the total: it is the typing, not the app.
const keyDelayMs = 0;

const goals = {
  scanToLineP95Ms: 16,
  memberScanP95Ms: 50,
  completeToPreviewP95Ms: 100,
  rendererJsGzipKb: 300,
  coldStartMs: 1000,
};

const root = resolve(import.meta.dirname, '..');
const rendererDir = join(root, 'dist/renderer');

function xorshift(seed: number) {
  return () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
}
const rand = xorshift(0x27d4eb2f);

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return { p50: at(50), p95: at(95) };
}
const ms = (n: number) => Number(n.toFixed(1));
const verdict = (value: number, goal: number) => (value <= goal ? 'met' : 'NOT met');

// ---- Renderer JS size -------------------------------------------------------------------------

function rendererJs() {
  const files: { path: string; bytes: number; gzip: number }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.js')) {
        const text = readFileSync(path);
        files.push({
          path: relative(rendererDir, path),
          bytes: text.length,
          gzip: gzipSync(text, { level: 9 }).length,
        });
      }
    }
  };
  walk(rendererDir);
  files.sort((a, b) => b.gzip - a.gzip);
  // What the first screen waits for: the entry script and the chunks index.html preloads with it.
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const initialPaths = new Set(
    [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!),
  );
  const kb = (n: number) => n / 1024;
  return {
    files,
    totalGzipKb: kb(files.reduce((sum, f) => sum + f.gzip, 0)),
    initialGzipKb: kb(files.filter((f) => initialPaths.has(f.path)).reduce((sum, f) => sum + f.gzip, 0)),
    initialFiles: [...initialPaths],
  };
}

// ---- In-page probe ------------------------------------------------------------------------------

/** One API request the page made while a probe was armed, in ms from the probe's start. */
interface ApiCall {
  method: string;
  start: number;
  end: number;
}

declare global {
  interface Window {
    __linliBench: {
      /** Epoch ms of the frame that first painted a staff tile (the login screen). */
      firstScreenAt: number | null;
      arm(probe: { on: 'keydown' | 'click'; selector: string; text: string | null }): void;
      result(): { start: number; enter: number | null; done: number; api: ApiCall[] } | null;
      /** Largest gap between two keys of the armed burst. */
      largestKeyGap(): number;
    };
  }
}

// Runs in the page before any of its scripts. A capture listener on window registered first sees
// every key before the app's wedge scanner (also on window, in the capture phase) can consume it.
function installProbe() {
  type Armed = {
    on: 'keydown' | 'click';
    selector: string;
    text: string | null;
    start: number | null;
    enter: number | null;
    last: number | null;
    maxGap: number;
    seen: boolean;
    done: number | null;
  };
  let armed: Armed | null = null;
  const matches = (selector: string, text: string | null) => {
    const el = document.querySelector(selector);
    return el !== null && (text === null || el.textContent === text);
  };
  const check = () => {
    if (!armed || armed.start === null || armed.seen || !matches(armed.selector, armed.text)) return;
    armed.seen = true;
    const probe = armed;
    // The frame that paints the change: its callbacks run just before that paint.
    requestAnimationFrame(() => {
      probe.done = performance.now();
      observer.disconnect();
    });
  };
  const observer = new MutationObserver(check);
  addEventListener(
    'keydown',
    (event) => {
      if (armed?.on !== 'keydown') return;
      const now = performance.now();
      armed.start ??= now;
      if (armed.last !== null) armed.maxGap = Math.max(armed.maxGap, now - armed.last);
      armed.last = now;
      if (event.key === 'Enter') armed.enter ??= now;
    },
    true,
  );
  addEventListener('click', () => armed?.on === 'click' && (armed.start ??= performance.now()), true);
  const bench: Window['__linliBench'] = {
    firstScreenAt: null,
    arm(probe) {
      armed = { ...probe, start: null, enter: null, last: null, maxGap: 0, seen: false, done: null };
      performance.clearResourceTimings();
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    result() {
      if (!armed || armed.start === null || armed.done === null) return null;
      const start = armed.start;
      // Where the time went: the API requests made on the way (resource timing, same clock).
      const api = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.name.includes('/api/') && e.startTime >= start)
        .map((e) => ({
          method: new URL(e.name).pathname.slice(5),
          start: e.startTime - start,
          end: e.responseEnd - start,
        }));
      return { start, enter: armed.enter, done: armed.done, api };
    },
    largestKeyGap: () => armed?.maxGap ?? 0,
  };
  window.__linliBench = bench;
  const firstScreen = new MutationObserver(() => {
    if (!document.querySelector('[data-testid^="staff-tile-"]')) return;
    firstScreen.disconnect();
    requestAnimationFrame(() => (bench.firstScreenAt = performance.timeOrigin + performance.now()));
  });
  firstScreen.observe(document, { subtree: true, childList: true });
}

// tsx compiles with esbuild's keepNames, which wraps named functions in a __name(…) helper that
// only exists in Node: the page gets a no-op one along with the probe's source.
const probeScript = { content: `var __name = (fn) => fn; (${installProbe.toString()})();` };

async function measure(page: Page, probe: Parameters<Window['__linliBench']['arm']>[0], act: () => Promise<void>) {
  await page.evaluate((p) => window.__linliBench.arm(p), probe);
  await act();
  let r;
  try {
    const handle = await page.waitForFunction(() => window.__linliBench.result(), null, {
      timeout: 10_000,
      polling: 'raf',
    });
    r = (await handle.jsonValue())!;
  } catch (error) {
    if ((error as Error).name !== 'TimeoutError') throw error;
    // Typed slower than a scanner (a loaded machine): the decoder took the burst for typing.
    const gap = await page.evaluate(() => window.__linliBench.largestKeyGap());
    misses.push(`${probe.selector}: nothing after 10 s; largest gap between keys ${ms(gap)} ms`);
    return null;
  }
  return {
    total: r.done - r.start,
    fromEnter: r.enter === null ? null : r.done - r.enter,
    burst: r.enter === null ? null : r.enter - r.start,
    api: r.api,
    afterLastAnswer: r.done - r.start - Math.max(0, ...r.api.map((c) => c.end)),
  };
}

type Measured = NonNullable<Awaited<ReturnType<typeof measure>>>;

/** Bursts or clicks that changed nothing within 10 s: retried, and listed after the figures. */
const misses: string[] = [];
// Past this many a measurement ends with the samples it has (a very loaded machine): figures, not a failure.
const maxMisses = Math.max(50, samples);
const tooManyMisses = () => misses.length >= maxMisses;

/** Medians of where the time went: the burst, each API request, and the last answer to the frame. */
function breakdown(results: Measured[]): string {
  const parts: string[] = [];
  const bursts = results.flatMap((r) => (r.burst === null ? [] : [r.burst]));
  if (bursts.length) parts.push(`burst (first key to Enter) ${ms(percentiles(bursts).p50)} ms`);
  const methods = [...new Set(results.flatMap((r) => r.api.map((c) => c.method)))];
  for (const method of methods) {
    const times = results.flatMap((r) => r.api.filter((c) => c.method === method).map((c) => c.end - c.start));
    parts.push(`${method} ${ms(percentiles(times).p50)} ms`);
  }
  parts.push(`last answer → frame ${ms(percentiles(results.map((r) => r.afterLastAnswer)).p50)} ms`);
  return `  where it goes (p50): ${parts.join(', ')}`;
}

const scan = (page: Page, text: string) => page.keyboard.type(`${text}\n`, { delay: keyDelayMs });
const settle = (page: Page, msDelay: number) => page.waitForTimeout(msDelay);

// ---- Cold start ---------------------------------------------------------------------------------

async function coldStart(browser: Browser, dataDir: string) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(probeScript);
  const page = await context.newPage();
  const spawnedAt = Date.now();
  const host = await startHostProcess(dataDir);
  const readyAt = Date.now();
  try {
    await page.goto(host.url);
    const handle = await page.waitForFunction(() => window.__linliBench.firstScreenAt, null, {
      timeout: 60_000,
      polling: 'raf',
    });
    const paintedAt = (await handle.jsonValue())!;
    return { total: paintedAt - spawnedAt, hostReady: readyAt - spawnedAt };
  } finally {
    await context.close();
    await host.stop();
  }
}

// ---- The run ------------------------------------------------------------------------------------

async function main() {
  const executablePath = findChromium();
  if (!executablePath) {
    console.log('bench:ui needs a Chromium (set LINLI_CHROMIUM or install chromium): nothing measured.');
    return;
  }
  const js = rendererJs();

  console.log(
    `Seeding ${members.toLocaleString('en')} members (${cards.toLocaleString('en')} with a card) and ${entries.toLocaleString('en')} ledger entries …`,
  );
  const seed = await cachedSeed({ members, entries, cards }, 'linli-bench-ui-');
  const file = join(seed.dataDir, databaseFileName);
  const dbBytes = statSync(file).size;
  const db = openDatabase(file);
  const products = db.prepare('SELECT sku, barcode FROM products WHERE barcode IS NOT NULL ORDER BY sku').all() as {
    sku: string;
    barcode: string;
  }[];
  db.close();

  let browser: Browser | null = null;
  let host: HostProcess | null = null;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: chromiumFlags });

    const colds: { total: number; hostReady: number }[] = [];
    for (let i = 0; i < coldStarts; i++) colds.push(await coldStart(browser, seed.dataDir));

    host = await startHostProcess(seed.dataDir);
    const context = await browser.newContext({ locale: 'zh-CN' });
    await context.addInitScript(probeScript);
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: /张伟/ }).click();
    await page.getByTestId('pin-input').fill('1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-checkout').click();
    await page.getByTestId('checkout-empty').waitFor();

    // Scan → line painted. The bench keeps the basket it expects, to know what the next frame shows.
    let basket = new Map<string, number>();
    // After a miss the page's state is unknown: start the sale again from an empty basket.
    const recover = async () => {
      await settle(page, 500);
      if ((await page.getByTestId('checkout-new').count()) > 0) await page.getByTestId('checkout-new').click();
      await voidBasket();
    };
    const voidBasket = async () => {
      await page.getByTestId('checkout-void').click();
      // Voiding a basket with lines asks first (an empty basket voids at once).
      if ((await page.getByTestId('checkout-lines').count()) > 0) await page.getByTestId('void-dialog-confirm').click();
      await page.getByTestId('checkout-empty').waitFor();
      basket = new Map();
    };
    const scanProduct = async () => {
      const product = products[Math.floor(rand() * products.length)]!;
      const quantity = (basket.get(product.sku) ?? 0) + 1;
      basket.set(product.sku, quantity);
      const r = await measure(
        page,
        {
          on: 'keydown',
          selector: `[data-testid="line-${product.sku}"] [data-testid^="line-qty-"]`,
          text: String(quantity),
        },
        () => scan(page, product.barcode),
      );
      // A cashier picks up the next item: scans never pile up behind each other.
      await settle(page, 30);
      if (!r) await recover();
      return r;
    };
    for (let i = 0; i < 10; i++) await scanProduct();
    await voidBasket();
    const scanTimes: number[] = [];
    const scanFromEnter: number[] = [];
    const scanResults: Measured[] = [];
    for (let i = 0; scanResults.length < samples && !tooManyMisses(); i++) {
      if (i > 0 && i % scansPerBasket === 0) await voidBasket();
      const r = await scanProduct();
      if (!r) continue;
      scanTimes.push(r.total);
      scanResults.push(r);
      if (r.fromEnter !== null) scanFromEnter.push(r.fromEnter);
    }
    await voidBasket();

    // Member card → member shown, with two lines in the basket (the quote is priced for the member).
    await scanProduct();
    await scanProduct();
    const clearMember = async () => {
      const clear = page.getByTestId('checkout-clear-member');
      if ((await clear.count()) === 0) return;
      await clear.click();
      await page.locator('.checkout__member-name').waitFor({ state: 'detached' });
    };
    const memberScan = async (k: number) => {
      const seeded = k % 2 === 1 && cards > 0;
      const i = cardHolder(Math.floor(rand() * cards), members, cards);
      const card = seeded ? seededCardNumber(i) : demoMember.card;
      const name = seeded ? `会员${i}` : demoMember.name;
      await clearMember();
      const r = await measure(page, { on: 'keydown', selector: '.checkout__member-name', text: name }, () =>
        scan(page, card),
      );
      await settle(page, 30);
      if (!r) {
        await recover();
        await scanProduct();
        await scanProduct();
        return null;
      }
      return { ...r, seeded };
    };
    for (let k = 0; k < 4; k++) await memberScan(k);
    const memberTimes: number[] = [];
    const memberFromEnter: number[] = [];
    const memberResults: Measured[] = [];
    const goldTimes: number[] = [];
    const seededTimes: number[] = [];
    for (let k = 0; memberResults.length < memberSamples && !tooManyMisses(); k++) {
      const r = await memberScan(k);
      if (!r) continue;
      memberTimes.push(r.total);
      memberResults.push(r);
      if (r.fromEnter !== null) memberFromEnter.push(r.fromEnter);
      (r.seeded ? seededTimes : goldTimes).push(r.total);
    }
    await clearMember();
    await voidBasket();

    // "Complete" → receipt preview painted: an anonymous cash sale of two lines.
    const sale = async () => {
      while (basket.size < 2 && !tooManyMisses()) await scanProduct();
      if (basket.size < 2) return null;
      await page.getByTestId('checkout-cash').fill('1000');
      const r = await measure(page, { on: 'click', selector: '[data-testid="receipt-preview"]', text: null }, () =>
        page.getByTestId('checkout-complete').click(),
      );
      if (!r) {
        await recover();
        return null;
      }
      // The receipt prints (a simulated printer in demo mode) before the next sale starts.
      await settle(page, 200);
      await page.getByTestId('checkout-new').click();
      await page.getByTestId('checkout-empty').waitFor();
      basket = new Map();
      return r;
    };
    for (let i = 0; i < 3; i++) await sale();
    const completeResults: Measured[] = [];
    while (completeResults.length < completeSamples && !tooManyMisses()) {
      const r = await sale();
      if (r) completeResults.push(r);
    }
    const completeTimes = completeResults.map((r) => r.total);
    await context.close();

    const s = percentiles(scanTimes);
    const se = percentiles(scanFromEnter);
    const m = percentiles(memberTimes);
    const me = percentiles(memberFromEnter);
    const c = percentiles(completeTimes);
    const cold = percentiles(colds.map((x) => x.total));
    const ready = percentiles(colds.map((x) => x.hostReady));
    const goldP50 = percentiles(goldTimes).p50;
    const seededP50 = percentiles(seededTimes).p50;

    console.log(
      `members ${members.toLocaleString('en')} (${cards.toLocaleString('en')} cards), ledger entries ${entries.toLocaleString('en')}, database ${(dbBytes / 1024 / 1024).toFixed(0)} MiB, ` +
        (seed.cached
          ? `seeded file reused from the cache ${seed.cacheDir}`
          : `seeded in ${seed.buildSeconds.toFixed(1)} s and cached in ${seed.cacheDir} for the next run`),
    );
    console.log(
      `scan → line painted      p50 ${ms(s.p50)} ms  p95 ${ms(s.p95)} ms  goal p95 ≤ ${goals.scanToLineP95Ms} ms: ${verdict(s.p95, goals.scanToLineP95Ms)}  (${scanResults.length} scans of ${products.length} products, first key to frame, ${keyDelayMs} ms a key; from Enter p50 ${ms(se.p50)} ms  p95 ${ms(se.p95)} ms)`,
    );
    console.log(breakdown(scanResults));
    console.log(
      `member card → shown      p50 ${ms(m.p50)} ms  p95 ${ms(m.p95)} ms  goal p95 ≤ ${goals.memberScanP95Ms} ms: ${verdict(m.p95, goals.memberScanP95Ms)}  (${memberResults.length} scans: gold member p50 ${ms(goldP50)} ms, generated members p50 ${ms(seededP50)} ms; from Enter p50 ${ms(me.p50)} ms  p95 ${ms(me.p95)} ms)`,
    );
    console.log(breakdown(memberResults));
    console.log(
      `Complete → receipt shown p50 ${ms(c.p50)} ms  p95 ${ms(c.p95)} ms  goal p95 ≤ ${goals.completeToPreviewP95Ms} ms: ${verdict(c.p95, goals.completeToPreviewP95Ms)}  (${completeResults.length} cash sales of two lines)`,
    );
    console.log(breakdown(completeResults));
    console.log(
      `renderer JS gzip         ${js.totalGzipKb.toFixed(1)} KB  goal ≤ ${goals.rendererJsGzipKb} KB: ${verdict(js.totalGzipKb, goals.rendererJsGzipKb)}  (all of dist/renderer/**/*.js; loaded up front by index.html: ${js.initialGzipKb.toFixed(1)} KB)`,
    );
    for (const f of js.files.slice(0, 6))
      console.log(
        `  ${(f.gzip / 1024).toFixed(1).padStart(6)} KB gzip  ${(f.bytes / 1024).toFixed(1).padStart(6)} KB  ${f.path}${js.initialFiles.includes(f.path) ? '  (initial)' : ''}`,
      );
    console.log(
      `cold start               median ${ms(cold.p50)} ms  goal ≤ ${goals.coldStartMs} ms: ${verdict(cold.p50, goals.coldStartMs)}  (${coldStarts} runs: spawn the host to the login screen painted; host ready, URL printed, median ${ms(ready.p50)} ms)`,
    );
    if (misses.length) {
      console.log(`${misses.length} bursts or clicks changed nothing within 10 s and were done again:`);
      for (const miss of misses) console.log(`  ${miss}`);
    }
    console.log(
      JSON.stringify({
        bench: 'ui',
        members,
        cards,
        ledgerEntries: entries,
        samples,
        dbBytes,
        seedCached: seed.cached,
        seedSeconds: Number(seed.buildSeconds.toFixed(1)),
        scanToLineP50Ms: ms(s.p50),
        scanToLineP95Ms: ms(s.p95),
        scanEnterToLineP50Ms: ms(se.p50),
        scanEnterToLineP95Ms: ms(se.p95),
        memberScanP50Ms: ms(m.p50),
        memberScanP95Ms: ms(m.p95),
        completeToPreviewP50Ms: ms(c.p50),
        completeToPreviewP95Ms: ms(c.p95),
        rendererJsGzipKb: Number(js.totalGzipKb.toFixed(1)),
        rendererInitialJsGzipKb: Number(js.initialGzipKb.toFixed(1)),
        rendererJsFiles: js.files.map((f) => ({ path: f.path, gzipBytes: f.gzip, bytes: f.bytes })),
        coldStartMs: ms(cold.p50),
        coldStartHostReadyMs: ms(ready.p50),
        misses: misses.length,
      }),
    );
  } finally {
    await browser?.close();
    await host?.stop();
    seed.remove();
  }
}

void main();
