import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchFileOption, launchPageHtml, LaunchFileError, removeLaunchFile, writeLaunchFile } from './launch-file';

const work = mkdtempSync(join(tmpdir(), 'linli-launch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('launchFileOption', () => {
  it('takes --launch-file over LINLI_LAUNCH_FILE, and nothing when neither is given', () => {
    expect(launchFileOption(['--launch-file', '/run/user/1000/linli/launch.html'], { LINLI_LAUNCH_FILE: '/x' })).toBe(
      '/run/user/1000/linli/launch.html',
    );
    expect(launchFileOption([], { LINLI_LAUNCH_FILE: '/run/a.html' })).toBe('/run/a.html');
    expect(launchFileOption([], {})).toBeNull();
  });

  it('refuses a relative path (the unit and the host would not agree on where it is)', () => {
    expect(() => launchFileOption(['--launch-file=launch.html'], {})).toThrow(/absolute/);
  });
});

describe('launchPageHtml', () => {
  it('sends the browser to the host with the token in the fragment, with no script and a CSP that loads nothing', () => {
    const html = launchPageHtml('http://127.0.0.1:5174', 'abc_DEF-123');
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=http://127.0.0.1:5174/#token=abc_DEF-123">');
    expect(html).toContain(`content="default-src 'none'"`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('?token=');
  });

  it('cannot be broken out of by what it carries', () => {
    const html = launchPageHtml('http://127.0.0.1:5174', '"><script>x</script>');
    expect(html).not.toContain('<script>');
    expect(html.match(/<meta http-equiv="refresh"/g)).toHaveLength(1);
  });
});

describe('writeLaunchFile', () => {
  it('creates a private directory and a file only its owner can read', () => {
    const file = join(work, 'runtime', 'linli', 'launch.html');
    writeLaunchFile(file, 'page one');
    expect(readFileSync(file, 'utf8')).toBe('page one');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(work, 'runtime', 'linli')).mode & 0o777).toBe(0o700);
    // A second start replaces the page and leaves no temporary files behind.
    writeLaunchFile(file, 'page two');
    expect(readFileSync(file, 'utf8')).toBe('page two');
    expect(readdirSync(join(work, 'runtime', 'linli'))).toEqual(['launch.html']);
    removeLaunchFile(file);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a directory other users can enter, and writes nothing there', () => {
    const shared = join(work, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o755);
    expect(() => writeLaunchFile(join(shared, 'launch.html'), 'secret')).toThrow(LaunchFileError);
    expect(() => writeLaunchFile(join(shared, 'launch.html'), 'secret')).toThrow(/mode 755/);
    expect(readdirSync(shared)).toEqual([]);
  });
});
