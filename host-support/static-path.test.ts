import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from './static-path';

const root = '/srv/linli/renderer';

describe('resolveStaticPath', () => {
  it('serves index.html for / and files below the root', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/linli/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/app.js?v=1')).toBe('/srv/linli/renderer/assets/app.js');
  });
  it.each([
    '/../secret',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/a\\..\\b',
    '/x%00.js',
    '/%E0%A4%A',
    '/C:/windows',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });
});
