// `npx tsx hardware/simulators/print-server.ts [--port 9100] [--host 127.0.0.1]`: a network printer
// without paper. Point a till's printer at it and every receipt appears here as text.
import { startTcpPrinterSimulator } from './tcp-printer';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const server = await startTcpPrinterSimulator({
  host: option('host', '127.0.0.1'),
  port: Number(option('port', '9100')),
});
console.log(`Simulated receipt printer on ${server.host}:${server.port} (Ctrl+C to stop)`);
server.simulator.on('receipt', (receipt) => {
  console.log('┌' + '─'.repeat(48));
  for (const line of receipt.lines) console.log(`│ ${line}`);
  for (const qr of receipt.qrCodes) console.log(`│ [QR ${qr}]`);
  for (const code of receipt.barcodes) console.log(`│ [CODE128 ${code}]`);
  if (receipt.drawerKicks) console.log('│ [drawer kick]');
  console.log('└' + '─'.repeat(20) + ' ✂ ' + '─'.repeat(25));
});
server.simulator.on('partial', () => console.log('(a receipt was cut off mid-way: the till will send it again)'));
process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
