// DLE EOT replies → what staff need to know. Bits from the Epson reference (real-time status).
import type { PrinterHealth } from '../../contract';

/** A DLE EOT reply has bits 1 and 4 set and bits 0 and 7 clear; anything else is not one. */
export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export interface PrinterStatusBytes {
  /** n = 1: printer status. */
  printer?: number;
  /** n = 2: offline cause. */
  offline?: number;
  /** n = 4: roll paper sensor. */
  paper?: number;
}

export interface DecodedStatus {
  online: boolean;
  coverOpen: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
  /** Drawer kick connector pin 3 level (drawer open or closed depends on the drawer). */
  drawerPinHigh: boolean;
  error: boolean;
}

export function decodeStatus(bytes: PrinterStatusBytes): DecodedStatus {
  const printer = bytes.printer ?? 0x12;
  const offline = bytes.offline ?? 0x12;
  const paper = bytes.paper ?? 0x12;
  return {
    online: (printer & 0x08) === 0,
    drawerPinHigh: (printer & 0x04) !== 0,
    coverOpen: (offline & 0x04) !== 0,
    paperOut: (offline & 0x20) !== 0 || (paper & 0x60) === 0x60,
    paperNearEnd: (paper & 0x0c) === 0x0c,
    error: (offline & 0x40) !== 0,
  };
}

/** The one word the UI shows; the most serious condition wins. */
export function healthOf(status: DecodedStatus): PrinterHealth {
  if (status.coverOpen) return 'coverOpen';
  if (status.paperOut) return 'paperOut';
  if (!status.online || status.error) return 'offline';
  if (status.paperNearEnd) return 'paperNearEnd';
  return 'online';
}

/** Whether a job may be sent now: near end still prints, the rest would lose the receipt. */
export function canPrint(health: PrinterHealth): boolean {
  return health === 'online' || health === 'paperNearEnd' || health === 'unknown';
}

/** The bytes a printer with this health answers to DLE EOT 1, 2 and 4 (the simulator uses it). */
export function statusBytesFor(health: PrinterHealth): Required<PrinterStatusBytes> {
  switch (health) {
    case 'offline':
      return { printer: 0x1a, offline: 0x12, paper: 0x12 };
    case 'coverOpen':
      return { printer: 0x1a, offline: 0x16, paper: 0x12 };
    case 'paperOut':
      return { printer: 0x1a, offline: 0x32, paper: 0x72 };
    case 'paperNearEnd':
      return { printer: 0x12, offline: 0x12, paper: 0x1e };
    default:
      return { printer: 0x12, offline: 0x12, paper: 0x12 };
  }
}
