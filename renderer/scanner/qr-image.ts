// Draws a QR code as an SVG data URL with zxing-wasm's writer. The .wasm file is bundled with the
// renderer and served by our own host: never fetched from a CDN (the default of zxing-wasm).
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import wasmUrl from 'zxing-wasm/writer/zxing_writer.wasm?url';

let prepared = false;

function prepare(): void {
  if (prepared) return;
  prepared = true;
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, window.location.href).href : prefix + path),
    },
  });
}

export async function qrSvgDataUrl(text: string): Promise<string> {
  prepare();
  const result = await writeBarcode(text, { format: 'QRCode', options: 'ecLevel=M', scale: 6 });
  if (result.error) throw new Error(result.error);
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(result.svg)}`;
}
