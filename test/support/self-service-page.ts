// What the self-service end-to-end tests do again and again: start a host in the self-service
// role, scan a card the way a keyboard-wedge scanner types it, and wait for member home. Also the
// camera test's video: a QR code as YUV4MPEG2 frames Chromium's fake camera plays.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import { startHostProcess, type HostProcess } from './host-process';

export function startSelfServiceHost(
  dataDir: string,
  opts: { args?: readonly string[]; role?: boolean } = {},
): Promise<HostProcess> {
  return startHostProcess(dataDir, {
    args: [...(opts.role === false ? [] : ['--role', 'self-service']), ...(opts.args ?? [])],
  });
}

/**
 * A wedge scan: the whole code and Enter in one fast burst, as the scanner sends it. The keys are
 * dispatched inside the page in one go: typed one by one from the test, a busy machine can stretch
 * the gaps past what the scanner decoder takes for a scan (it then reads as someone typing).
 */
export async function wedgeScan(page: Page, text: string): Promise<void> {
  await page.evaluate((code) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...code, 'Enter']) {
      const init = { key, bubbles: true, cancelable: true, composed: true };
      if (target.dispatchEvent(new KeyboardEvent('keydown', init)))
        target.dispatchEvent(new KeyboardEvent('keyup', init));
    }
  }, text);
}

/** At the attract screen: scans the card and waits for member home. */
export async function scanIntoHome(page: Page, card: string): Promise<void> {
  await page.getByTestId('ss-attract').waitFor();
  // Painted is not yet listening: the scanner's listener is installed in an effect after the paint.
  await page.locator('[data-testid="self-service"][data-scanning="on"]').waitFor();
  await wedgeScan(page, card);
  await page.getByTestId('ss-home').waitFor();
}

let writerReady = false;

/**
 * Writes `frames` frames of a width×height I420 video showing `text` as a QR code (black on white,
 * centred, with its quiet zone) in the YUV4MPEG2 format `--use-file-for-fake-video-capture` reads.
 */
export async function writeQrY4m(
  path: string,
  text: string,
  { width = 640, height = 480, frames = 10 }: { width?: number; height?: number; frames?: number } = {},
): Promise<void> {
  if (!writerReady) {
    // The writer's wasm from node_modules, not from the CDN zxing-wasm would fetch it from by default.
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/writer/zxing_writer.wasm'));
    prepareZXingModule({
      overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.length) },
    });
    writerReady = true;
  }
  const result = await writeBarcode(text, { format: 'QRCode', scale: 1 });
  if (result.error) throw new Error(result.error);
  const { data, width: modules } = result.symbol;
  // Modules as big as fit with a four-module quiet zone on each side.
  const scale = Math.floor(Math.min(width, height) / (modules + 8));
  const left = Math.floor((width - modules * scale) / 2);
  const top = Math.floor((height - modules * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < modules * scale; y++)
    for (let x = 0; x < modules * scale; x++)
      if (data[Math.floor(y / scale) * modules + Math.floor(x / scale)] === 0) luma[(top + y) * width + left + x] = 16;
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
