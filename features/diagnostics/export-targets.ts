// Where a diagnostics export may be written: the data dir's exports/ folder, always; and every
// removable drive the desktop mounted for the kiosk's user (udisks mounts them as
// /media/<user>/<label> on Debian and Ubuntu, /run/media/<user>/<label> on Fedora and Arch). Pure:
// the caller lists the mount roots (tests give a temp dir instead of /media).
import { join } from 'node:path';
import type { DiagnosticsTarget } from '../../contract';

export const exportsTargetId = 'exports';
const removablePrefix = 'usb:';

export function defaultMountRoots(user: string | null): string[] {
  return user ? [join('/media', user), join('/run/media', user)] : [];
}

export interface MountRootListing {
  root: string;
  entries: readonly { name: string; isDirectory: boolean }[];
}

/** The exports folder, then the drives under the mount roots by name (a drive seen twice, once). */
export function exportTargets(exportsPath: string, listings: readonly MountRootListing[]): DiagnosticsTarget[] {
  const drives = new Map<string, DiagnosticsTarget>();
  for (const { root, entries } of listings) {
    for (const entry of entries) {
      // Hidden folders are not drives (a file manager's .Trash, udisks' own bookkeeping).
      if (!entry.isDirectory || entry.name.startsWith('.')) continue;
      const path = join(root, entry.name);
      if (!drives.has(path))
        drives.set(path, { id: removablePrefix + path, kind: 'removable', label: entry.name, path });
    }
  }
  const sorted = [...drives.values()].sort((a, b) => a.label.localeCompare(b.label) || a.path.localeCompare(b.path));
  return [{ id: exportsTargetId, kind: 'exports', label: 'exports', path: exportsPath }, ...sorted];
}
