import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppPath } from './protocol-path';

const root = path.resolve('/srv/linli/dist/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('resolveAppPath', () => {
  it('serves index.html for the root', () => {
    expect(resolveAppPath('app://linli/', root)).toBe(inRoot('index.html'));
    expect(resolveAppPath('app://linli', root)).toBe(inRoot('index.html'));
    expect(resolveAppPath('app://linli/?token=1', root)).toBe(inRoot('index.html'));
    expect(resolveAppPath('app://linli/#/counter', root)).toBe(inRoot('index.html'));
  });

  it('maps files and directories inside the root', () => {
    expect(resolveAppPath('app://linli/index.html', root)).toBe(inRoot('index.html'));
    expect(resolveAppPath('app://linli/assets/index-abc123.js', root)).toBe(inRoot('assets', 'index-abc123.js'));
    expect(resolveAppPath('app://linli/assets/app.css?v=2#x', root)).toBe(inRoot('assets', 'app.css'));
    expect(resolveAppPath('app://linli/fonts/', root)).toBe(inRoot('fonts', 'index.html'));
    expect(resolveAppPath('app://linli//assets//a.js', root)).toBe(inRoot('assets', 'a.js'));
  });

  it('decodes ordinary percent-encoding', () => {
    expect(resolveAppPath('app://linli/assets/my%20logo.png', root)).toBe(inRoot('assets', 'my logo.png'));
    expect(resolveAppPath('app://linli/assets/%E6%A0%87%E5%BF%97.svg', root)).toBe(inRoot('assets', '标志.svg'));
  });

  it.each([
    'app://linli/../secret.txt',
    'app://linli/assets/../../secret.txt',
    'app://linli/..',
    'app://linli/./index.html',
    'app://linli/%2e%2e/secret.txt',
    'app://linli/%2E%2E/secret.txt',
    'app://linli/assets/%2e%2e/%2e%2e/etc/passwd',
    'app://linli/.%2e/secret.txt',
    'app://linli/%2e/index.html',
    'app://linli/%2fetc%2fpasswd',
    'app://linli/..%2f..%2fetc%2fpasswd',
    'app://linli/..%5c..%5cwindows',
    'app://linli/assets\\..\\..\\secret.txt',
    'app://linli/C:/Windows/win.ini',
    'app://linli/C%3A%5CWindows',
    'app://linli/index.html:stream',
    'app://linli/a%00.html',
    'app://linli/%E0%A4%A', // malformed percent-encoding
  ])('refuses traversal: %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  it.each([
    'app://linli.evil/index.html',
    'app://linli@evil/index.html',
    'app://linli:8080/index.html',
    'app://other/index.html',
    'file:///srv/linli/dist/renderer/index.html',
    'http://linli/index.html',
    '/etc/passwd',
    '',
  ])('refuses other origins: %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  it('never returns a path outside the root (property check)', () => {
    const pieces = ['..', '.', '%2e', '%2E%2e', 'a', 'b.js', '%2f', '%5c', '', '~', 'C:', '%00', '…'];
    for (let i = 0; i < 3000; i++) {
      const n = 1 + (i % 5);
      const segs = Array.from({ length: n }, (_, j) => pieces[(i * 7 + j * 13 + ((i >> j) & 3)) % pieces.length]);
      const result = resolveAppPath(`app://linli/${segs.join('/')}`, root);
      if (result !== null) {
        const rel = path.relative(root, result);
        expect(rel.startsWith('..') || path.isAbsolute(rel) || rel === '').toBe(false);
      }
    }
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer file types', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/noext')).toBe('application/octet-stream');
  });
});
