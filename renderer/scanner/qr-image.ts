// Draws QR codes and barcodes as SVG data URLs with zxing-wasm's writer. The .wasm file is bundled with the
// renderer and served by our own host: never fetched from a CDN (the default of zxing-wasm).
// The writer's JavaScript is loaded with import() the first time a code is drawn (a receipt preview,
// the member QR panel), so the first screen does not wait for it.
import wasmUrl from 'zxing-wasm/writer/zxing_writer.wasm?url';

type Writer = typeof import('zxing-wasm/writer');

let writer: Promise<Writer> | null = null;

function loadWriter(): Promise<Writer> {
  writer ??= import('zxing-wasm/writer').then(
    (module) => {
      module.prepareZXingModule({
        overrides: {
          locateFile: (path: string, prefix: string) =>
            path.endsWith('.wasm') ? new URL(wasmUrl, window.location.href).href : prefix + path,
        },
      });
      return module;
    },
    (error: unknown) => {
      // A chunk that failed to load (the host restarting) is tried again on the next code.
      writer = null;
      throw error;
    },
  );
  return writer;
}

/** A QR code or a CODE128 barcode as an SVG data URL, drawn by the same library as the camera reader. */
export async function barcodeSvgDataUrl(text: string, format: 'QRCode' | 'Code128'): Promise<string> {
  const { writeBarcode } = await loadWriter();
  const result = await writeBarcode(
    text,
    format === 'QRCode' ? { format, options: 'ecLevel=M', scale: 6 } : { format, scale: 2 },
  );
  if (result.error) throw new Error(result.error);
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(result.svg)}`;
}

export const qrSvgDataUrl = (text: string): Promise<string> => barcodeSvgDataUrl(text, 'QRCode');
