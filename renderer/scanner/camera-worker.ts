// Reads QR codes (and common barcodes) from camera frames off the main thread, so the touch UI
// stays smooth. The reader's .wasm is served locally, like everything else the kiosk loads.
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) =>
      path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path,
  },
});

export interface CameraFrame {
  id: number;
  image: ImageData;
}

export interface CameraResult {
  id: number;
  text: string | null;
  format: string | null;
  error?: string;
}

self.onmessage = async (event: MessageEvent<CameraFrame>) => {
  const { id, image } = event.data;
  try {
    const [found] = await readBarcodes(image, {
      formats: ['QRCode', 'EAN-13', 'EAN-8', 'Code128'],
      tryHarder: true,
      maxNumberOfSymbols: 1,
    });
    const reply: CameraResult = found?.isValid
      ? { id, text: found.text, format: found.format }
      : { id, text: null, format: null };
    self.postMessage(reply);
  } catch (error) {
    self.postMessage({ id, text: null, format: null, error: String(error) } satisfies CameraResult);
  }
};
