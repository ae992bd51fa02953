// node-hid, loaded only when a HID device is configured or discovered: its native library may be
// missing (libusb), and that must be a status ("unavailable"), never a crash at start.
import type { DiscoveredHidDevice } from '../../contract';

export interface HidDeviceInfo {
  path?: string;
  vendorId: number;
  productId: number;
  product?: string;
  manufacturer?: string;
  usagePage?: number;
  usage?: number;
}

export interface HidHandle {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): Promise<void>;
}

export interface HidModule {
  devicesAsync(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidHandle>;
}

let loaded: Promise<HidModule> | null = null;

export function loadHid(): Promise<HidModule> {
  loaded ??= (async () => {
    const mod = (await import('node-hid')) as unknown as { default?: unknown };
    const hid = (mod.default ?? mod) as {
      setDriverType(type: 'hidraw' | 'libusb'): void;
      devicesAsync(): Promise<HidDeviceInfo[]>;
      HIDAsync: { open(path: string): Promise<HidHandle> };
    };
    // hidraw reads what the kernel already parsed and needs only the udev rule; libusb would
    // detach the kernel driver.
    if (process.platform === 'linux') hid.setDriverType('hidraw');
    // The native binding loads on first use: fail here, once, with the real reason.
    await hid.devicesAsync();
    return { devicesAsync: () => hid.devicesAsync(), open: (path) => hid.HIDAsync.open(path) };
  })();
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}

export async function discoverHid(): Promise<{ devices: DiscoveredHidDevice[]; problem: string | null }> {
  try {
    const hid = await loadHid();
    const devices = (await hid.devicesAsync())
      .filter((d) => d.path)
      .map((d) => ({
        path: d.path!,
        vendorId: d.vendorId,
        productId: d.productId,
        product: d.product ?? null,
        manufacturer: d.manufacturer ?? null,
        usagePage: d.usagePage ?? null,
        usage: d.usage ?? null,
      }));
    return { devices, problem: null };
  } catch (error) {
    return { devices: [], problem: (error as Error).message ?? String(error) };
  }
}
