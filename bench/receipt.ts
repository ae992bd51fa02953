// Receipt encoding speed (Linli's encoder vs receiptline, the same 30-line Chinese receipt with a
// QR code, same run) and scan latency (serial scanner through a socat pty → routed scan event).
// Prints figures and one JSON line; never fails a build.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import receiptline from 'receiptline';
import type { ReceiptDocument } from '../contract';
import { encodeReceipt } from '../hardware/escpos/encode-receipt';
import { ptyPair, socatPath } from '../test/support/socat';
import { loginAs, openTestCore, tempDir } from '../test/support/temp-core';

const items = Array.from({ length: 30 }, (_, i) => ({
  name: ['桂花乌龙茶 250g', '明前龙井 100g', '手工凤梨酥 6枚', '陶瓷品茗杯', '会员积分兑换 Gift'][i % 5]!,
  price: `￥${(((i * 37) % 200) + 9).toFixed(2)}`,
}));
const qr = 'LQ1.01JD5Z8Q3V4W6X7Y8Z9A0B1C2D.1A2B3C.ABCDEFGHIJKLMNOP';

const linliDoc: ReceiptDocument = {
  kind: 'sale',
  title: 'bench',
  blocks: [
    ...items.map((i) => ({ type: 'row' as const, left: i.name, right: i.price })),
    { type: 'qr', data: qr },
    { type: 'cut' },
  ],
};
const receiptlineDoc = `${items.map((i) => `${i.name} | ${i.price}`).join('\n')}\n{code:${qr}; option:qrcode,6,m}\n`;
const receiptlinePrinter = { cpl: 48, encoding: 'gb18030', command: 'escpos', cutting: true } as const;

function timePerReceipt(fn: () => unknown, minMs = 1500): { perMs: number; runs: number } {
  for (let i = 0; i < 20; i++) fn(); // warm-up (JIT)
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 10; i++) fn();
    runs += 10;
    elapsed = performance.now() - start;
  }
  return { perMs: elapsed / runs, runs };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function scanLatency(samples: number): Promise<{ p50: number; p95: number; n: number } | null> {
  if (!socatPath) return null;
  const temp = tempDir('linli-bench-scan-');
  process.env.LINLI_DEVICE_RECONNECT_MS = '100';
  const core = openTestCore(temp.dir);
  const pair = await ptyPair(join(temp.dir, 'dev'), join(temp.dir, 'app'));
  try {
    await loginAs(core, 'cashier');
    const ready = new Promise<void>((resolve) => {
      const off = core.subscribe((event, payload) => {
        if (
          event === 'deviceStatus' &&
          (payload as { connection: string; state: string }).connection.startsWith('serial') &&
          (payload as { state: string }).state === 'idle'
        ) {
          off();
          resolve();
        }
      });
    });
    await loginAs(core, 'manager');
    await core.methods.saveDevice({
      settings: {
        kind: 'scanner',
        name: 'bench',
        connection: { type: 'serial', path: pair.app, baudRate: 115200, framing: 'CRLF' },
      },
    });
    await ready;
    const fd = openSync(pair.device, 'w');
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const code = `BENCH${String(i).padStart(6, '0')}`;
      const seen = new Promise<number>((resolve) => {
        const off = core.subscribe((event, payload) => {
          if (event === 'scan' && (payload as { input: { text: string } }).input.text === code) {
            off();
            resolve(performance.now());
          }
        });
      });
      const t0 = performance.now();
      writeSync(fd, Buffer.from(`${code}\r\n`));
      times.push((await seen) - t0);
    }
    closeSync(fd);
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
  } finally {
    await core.close();
    await pair.kill();
    temp.remove();
  }
}

async function main() {
  const linliBytes = encodeReceipt(linliDoc, { paperWidth: 80, encoding: 'gb18030' });
  const rlBytes = receiptline.transform(receiptlineDoc, receiptlinePrinter);
  const linli = timePerReceipt(() => encodeReceipt(linliDoc, { paperWidth: 80, encoding: 'gb18030' }));
  const rl = timePerReceipt(() => receiptline.transform(receiptlineDoc, receiptlinePrinter));
  const ratio = rl.perMs / linli.perMs;
  console.log(
    `receipt (30 Chinese lines + QR): Linli ${(linli.perMs * 1000).toFixed(1)} µs (${linliBytes.length} bytes), receiptline ${(rl.perMs * 1000).toFixed(1)} µs (${rlBytes.length} bytes), ratio ${ratio.toFixed(1)} (goal ≥ 5)`,
  );
  const scan = await scanLatency(Number(process.env.LINLI_BENCH_SCANS ?? 200));
  if (scan)
    console.log(
      `serial scan → routed scan event: p50 ${scan.p50.toFixed(2)} ms, p95 ${scan.p95.toFixed(2)} ms over ${scan.n} scans`,
    );
  else console.log('serial scan latency: skipped (socat not installed)');
  console.log(
    JSON.stringify({
      bench: 'receipt',
      linliUsPerReceipt: Number((linli.perMs * 1000).toFixed(1)),
      receiptlineUsPerReceipt: Number((rl.perMs * 1000).toFixed(1)),
      ratio: Number(ratio.toFixed(2)),
      linliBytes: linliBytes.length,
      receiptlineBytes: rlBytes.length,
      scanP50Ms: scan ? Number(scan.p50.toFixed(3)) : null,
      scanP95Ms: scan ? Number(scan.p95.toFixed(3)) : null,
      scans: scan?.n ?? 0,
    }),
  );
}

void main().catch((error: unknown) => {
  console.error('bench:receipt could not run:', error);
});
