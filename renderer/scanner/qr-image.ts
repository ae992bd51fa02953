// Draws QR codes and barcodes as SVG data URLs with zxing-wasm's writer. The .wasm file is bundled with the
// renderer and served by our own host: never fetched from a CDN (the default of zxing-wasm).
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import wasmUrl from 'zxing-wasm/writer/zxing_writer.wasm?url';

let prepared = false;

function prepare(): void {
  if (prepared) return;
  prepared = true;
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) =>
        path.endsWith('.wasm') ? new URL(wasmUrl, window.location.href).href : prefix + path,
    },
  });
}

/** A QR code or a CODE128 barcode as an SVG data URL, drawn by the same library as the camera reader. */
export async function barcodeSvgDataUrl(text: string, format: 'QRCode' | 'Code128'): Promise<string> {
  prepare();
  const result = await writeBarcode(
    text,
    format === 'QRCode' ? { format, options: 'ecLevel=M', scale: 6 } : { format, scale: 2 },
  );
  if (result.error) throw new Error(result.error);
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(result.svg)}`;
}

export const qrSvgDataUrl = (text: string): Promise<string> => barcodeSvgDataUrl(text, 'QRCode');
