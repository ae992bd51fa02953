// Sandboxed preload: exposes exactly one object, `window.linliBridge` (invoke + subscribe), over two
// IPC channels. The page builds the KioskApi from it (renderer/api), so LinliError fields survive:
// contextBridge would strip them from an Error thrown here.
// Built to a single CommonJS file (dist/preload/preload.cjs); it may only import 'electron' at run time.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { Envelope, KioskBridge, KioskEventName } from '../contract';

const bridge = {
  invoke: (method, input) => ipcRenderer.invoke('linli:invoke', method, input) as Promise<Envelope>,
  subscribe: (listener) => {
    const handler = (_event: IpcRendererEvent, event: KioskEventName, payload: unknown) => listener(event, payload);
    ipcRenderer.on('linli:event', handler);
    return () => {
      ipcRenderer.removeListener('linli:event', handler);
    };
  },
} satisfies KioskBridge;

contextBridge.exposeInMainWorld('linliBridge', bridge);
