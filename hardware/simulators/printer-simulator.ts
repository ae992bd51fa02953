// A receipt printer without paper: decodes what it is sent into receipts (lines, QR payloads,
// barcodes, cuts, drawer kicks) and answers real-time status requests with a settable health.
import { EventEmitter } from 'node:events';
import type { PrinterHealth } from '../../contract';
import { EscPosStreamDecoder, type PrintedItem } from '../escpos/decode-stream';
import { statusBytesFor } from '../escpos/status';

export interface SimulatedReceipt {
  lines: string[];
  qrCodes: string[];
  barcodes: string[];
  images: number;
  drawerKicks: number;
  items: PrintedItem[];
}

export interface SimulatorConnection {
  push(bytes: Uint8Array): void;
  /** The connection ended: whatever was not cut yet is a torn-off partial, not a receipt. */
  end(): void;
}

function toReceipt(items: PrintedItem[]): SimulatedReceipt {
  const receipt: SimulatedReceipt = { lines: [], qrCodes: [], barcodes: [], images: 0, drawerKicks: 0, items };
  for (const item of items) {
    if (item.type === 'line') receipt.lines.push(item.text);
    else if (item.type === 'qr') receipt.qrCodes.push(item.data);
    else if (item.type === 'barcode') receipt.barcodes.push(item.data);
    else if (item.type === 'image') receipt.images++;
    else if (item.type === 'drawer') receipt.drawerKicks++;
  }
  return receipt;
}

export class PrinterSimulator extends EventEmitter<{
  receipt: [SimulatedReceipt];
  drawer: [];
  partial: [SimulatedReceipt];
  status: [number];
}> {
  health: PrinterHealth = 'online';
  /** When false the printer ignores DLE EOT, like models that never answer. */
  answersStatus = true;
  readonly receipts: SimulatedReceipt[] = [];
  readonly partials: SimulatedReceipt[] = [];
  drawerKicks = 0;
  bytesReceived = 0;

  connect(reply: (bytes: Uint8Array) => void): SimulatorConnection {
    let items: PrintedItem[] = [];
    const decoder = new EscPosStreamDecoder({
      item: (item) => {
        if (item.type === 'init') return;
        if (item.type === 'drawer') {
          this.drawerKicks++;
          this.emit('drawer');
        }
        if (item.type === 'cut') {
          const receipt = toReceipt(items);
          items = [];
          this.receipts.push(receipt);
          // A demo till runs for days: keep the recent paper only (tests stay far below this).
          if (this.receipts.length > 1000) this.receipts.splice(0, this.receipts.length - 1000);
          this.emit('receipt', receipt);
          return;
        }
        items.push(item);
      },
      statusRequest: (n) => {
        this.emit('status', n);
        if (!this.answersStatus) return;
        const bytes = statusBytesFor(this.health);
        reply(Uint8Array.of(n === 1 ? bytes.printer : n === 2 ? bytes.offline : n === 4 ? bytes.paper : 0x12));
      },
    });
    return {
      push: (bytes) => {
        this.bytesReceived += bytes.length;
        decoder.push(bytes);
      },
      end: () => {
        const printed = items.filter((i) => i.type !== 'line' || i.text !== '');
        if (printed.length) {
          const partial = toReceipt(items);
          this.partials.push(partial);
          this.emit('partial', partial);
        }
        items = [];
      },
    };
  }

  /** Waits for the n-th receipt (1-based) without polling. */
  nextReceipt(count = this.receipts.length + 1): Promise<SimulatedReceipt> {
    if (this.receipts.length >= count) return Promise.resolve(this.receipts[count - 1]!);
    return new Promise((resolve) => {
      const on = () => {
        if (this.receipts.length >= count) {
          this.off('receipt', on);
          resolve(this.receipts[count - 1]!);
        }
      };
      this.on('receipt', on);
    });
  }

  /** What the paper would look like, receipt after receipt. */
  preview(): string {
    return this.receipts
      .map((r) =>
        [...r.lines, ...r.qrCodes.map((q) => `[QR ${q}]`), ...r.barcodes.map((b) => `[CODE128 ${b}]`)].join('\n'),
      )
      .join('\n- - - - - - - - - - - - - - - -\n');
  }
}
