import { describe, expect, it } from 'vitest';
import { defaultMountRoots, exportTargets } from './export-targets';

const dir = (name: string) => ({ name, isDirectory: true });

describe('defaultMountRoots', () => {
  it("looks where udisks mounts the user's drives", () => {
    expect(defaultMountRoots('shop')).toEqual(['/media/shop', '/run/media/shop']);
    expect(defaultMountRoots(null)).toEqual([]);
  });
});

describe('exportTargets', () => {
  it('always offers the exports folder first, then the drives by name', () => {
    const targets = exportTargets('/data/exports', [
      { root: '/media/shop', entries: [dir('USB-B'), dir('Kingston'), { name: 'notes.txt', isDirectory: false }] },
      { root: '/run/media/shop', entries: [dir('.Trash-1000')] },
    ]);
    expect(targets.map((t) => [t.id, t.kind, t.label])).toEqual([
      ['exports', 'exports', 'exports'],
      ['usb:/media/shop/Kingston', 'removable', 'Kingston'],
      ['usb:/media/shop/USB-B', 'removable', 'USB-B'],
    ]);
  });

  it('lists a drive seen twice once, and only the exports folder without drives', () => {
    const twice = [
      { root: '/media/shop', entries: [dir('A')] },
      { root: '/media/shop', entries: [dir('A')] },
    ];
    expect(exportTargets('/d/exports', twice)).toHaveLength(2);
    expect(exportTargets('/d/exports', [])).toEqual([
      { id: 'exports', kind: 'exports', label: 'exports', path: '/d/exports' },
    ]);
  });
});
