// The in-process simulated printer as a transport: demo mode prints here, with the same bytes,
// status requests and decoding as a network printer, but without a port.
import type { PrinterSimulator } from '../simulators/printer-simulator';
import { ReplyBuffer, type ByteLink, type PrinterTransport } from './link';

export function simulatedPrinterTransport(simulator: PrinterSimulator): PrinterTransport {
  return {
    label: 'simulator',
    canReadStatus: true,
    async connect(): Promise<ByteLink> {
      const replies = new ReplyBuffer();
      const connection = simulator.connect((bytes) => replies.push(bytes));
      return {
        write: async (bytes) => connection.push(bytes),
        readByte: (timeoutMs) => replies.read(timeoutMs),
        discardInput: () => replies.clear(),
        close: async () => connection.end(),
      };
    },
    close: async () => {},
  };
}
