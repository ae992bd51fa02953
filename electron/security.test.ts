import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  appOrigin,
  contentSecurityPolicy,
  isBlockedKioskShortcut,
  isPermissionAllowed,
  isTrustedSenderUrl,
  shouldBlockNavigation,
  type KeyInput,
} from './security';

describe('isTrustedSenderUrl', () => {
  it('accepts the app origin', () => {
    expect(appOrigin).toBe('app://linli');
    expect(isTrustedSenderUrl('app://linli/')).toBe(true);
    expect(isTrustedSenderUrl('app://linli/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://linli/index.html?x=1#/counter')).toBe(true);
    expect(isTrustedSenderUrl('app://linli')).toBe(true);
  });

  it.each([
    'file:///work/main/dist/renderer/index.html',
    'http://127.0.0.1:5173/',
    'https://linli/',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'javascript:alert(1)',
    'app://evil/',
    'app://linli.evil/',
    'app://linli.evil.com/index.html',
    'app://evil.linli/',
    'app://linli@evil/',
    'app://evil@linli/',
    'app://user:pw@linli/',
    'app://linli:8080/',
    'apps://linli/',
    'xapp://linli/',
    'app:linli',
    'app:///linli/',
    ' app://linli.evil/',
    '',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
  });

  it('rejects missing values', () => {
    expect(isTrustedSenderUrl(undefined)).toBe(false);
    expect(isTrustedSenderUrl(null)).toBe(false);
  });
});

describe('shouldBlockNavigation', () => {
  it('allows in-app navigation only', () => {
    expect(shouldBlockNavigation('app://linli/index.html')).toBe(false);
    expect(shouldBlockNavigation('https://example.com/')).toBe(true);
    expect(shouldBlockNavigation('file:///etc/passwd')).toBe(true);
    expect(shouldBlockNavigation('app://linli.evil/')).toBe(true);
    expect(shouldBlockNavigation('')).toBe(true);
  });
});

/** The window's webPreferences as written in electron/main.ts: property name -> source text of its value. */
function mainWindowWebPreferences(): Record<string, string> {
  const file = fileURLToPath(new URL('./main.ts', import.meta.url));
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const windows: ts.NewExpression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText(source) === 'BrowserWindow') windows.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  expect(windows).toHaveLength(1); // one window; a second one would need its own literal checked here
  const options = windows[0]?.arguments?.[0];
  if (!options || !ts.isObjectLiteralExpression(options)) throw new Error('BrowserWindow options are not a literal');
  const prefs = options.properties.find((p) => p.name?.getText(source) === 'webPreferences');
  if (!prefs || !ts.isPropertyAssignment(prefs) || !ts.isObjectLiteralExpression(prefs.initializer)) {
    throw new Error('webPreferences is not a literal at the BrowserWindow call site');
  }
  return Object.fromEntries(
    prefs.initializer.properties.map((p) => {
      if (!ts.isPropertyAssignment(p)) throw new Error(`webPreferences: ${p.getText(source)} is not a plain property`);
      return [p.name.getText(source), p.initializer.getText(source)];
    }),
  );
}

describe('the kiosk window webPreferences (a literal in electron/main.ts)', () => {
  it('locks the renderer down', () => {
    expect(mainWindowWebPreferences()).toEqual({
      preload: 'preloadPath',
      contextIsolation: 'true',
      sandbox: 'true',
      nodeIntegration: 'false',
      nodeIntegrationInWorker: 'false',
      nodeIntegrationInSubFrames: 'false',
      webSecurity: 'true',
      allowRunningInsecureContent: 'false',
      experimentalFeatures: 'false',
      webviewTag: 'false',
      spellcheck: 'false',
      navigateOnDragDrop: 'false',
      disableBlinkFeatures: "'Auxclick'",
      // Developer tools only for a windowed, unpackaged development run.
      devTools: 'shell.windowed && !app.isPackaged',
    });
  });
});

describe('contentSecurityPolicy', () => {
  it('matches the renderer meta policy (plus frame-ancestors, which a meta tag cannot carry)', () => {
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeTruthy();
    expect(contentSecurityPolicy).toBe(`${meta}; frame-ancestors 'none'`);
    expect(contentSecurityPolicy).toContain("connect-src 'self';");
    // 'wasm-unsafe-eval' (WebAssembly for the camera QR reader) is allowed; JavaScript eval is not.
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-eval'/);
    expect(contentSecurityPolicy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    // No inline styles or style attributes: React sets styles through the CSSOM, which CSP allows.
    expect(contentSecurityPolicy).toContain("style-src 'self';");
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-inline'/);
  });
});

describe('isPermissionAllowed', () => {
  it('grants the camera to the app origin', () => {
    expect(
      isPermissionAllowed({ permission: 'media', requestingUrl: 'app://linli/index.html', mediaTypes: ['video'] }),
    ).toBe(true);
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: 'app://linli' })).toBe(true);
  });

  it('never grants the microphone', () => {
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: 'app://linli/', mediaTypes: ['audio'] })).toBe(
      false,
    );
    expect(
      isPermissionAllowed({ permission: 'media', requestingUrl: 'app://linli/', mediaTypes: ['video', 'audio'] }),
    ).toBe(false);
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: 'app://linli/', mediaTypes: [] })).toBe(false);
  });

  it('denies media to other origins', () => {
    expect(
      isPermissionAllowed({ permission: 'media', requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }),
    ).toBe(false);
    expect(
      isPermissionAllowed({ permission: 'media', requestingUrl: 'app://linli.evil/', mediaTypes: ['video'] }),
    ).toBe(false);
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: undefined })).toBe(false);
  });

  it.each([
    'geolocation',
    'notifications',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'clipboard-read',
    'fullscreen',
    'display-capture',
    'unknown',
  ])('denies %s even to the app origin', (permission) => {
    expect(isPermissionAllowed({ permission, requestingUrl: 'app://linli/' })).toBe(false);
  });
});

describe('isBlockedKioskShortcut', () => {
  const key = (k: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput => ({
    key: k,
    control: false,
    alt: false,
    meta: false,
    shift: false,
    ...mods,
  });
  const ctrl = { control: true };
  const ctrlShift = { control: true, shift: true };

  it.each([
    ['Ctrl+R', key('r', ctrl)],
    ['Ctrl+Shift+R', key('R', ctrlShift)],
    ['F5', key('F5')],
    ['Ctrl+F5', key('F5', ctrl)],
    ['F12', key('F12')],
    ['Ctrl+Shift+I', key('I', ctrlShift)],
    ['Ctrl+Shift+J', key('J', ctrlShift)],
    ['Ctrl+Shift+C', key('C', ctrlShift)],
    ['Cmd+Alt+I', key('i', { meta: true, alt: true })],
    ['Ctrl+=', key('=', ctrl)],
    ['Ctrl++', key('+', ctrlShift)],
    ['Ctrl+-', key('-', ctrl)],
    ['Ctrl+0', key('0', ctrl)],
    ['Ctrl+W', key('w', ctrl)],
    ['Ctrl+Q', key('q', ctrl)],
    ['Cmd+Q', key('q', { meta: true })],
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+P', key('p', ctrl)],
    ['Ctrl+N', key('n', ctrl)],
    ['Ctrl+Shift+N', key('N', ctrlShift)],
    ['F11', key('F11')],
    ['Alt+Left', key('ArrowLeft', { alt: true })],
  ])('blocks %s', (_name, input) => {
    expect(isBlockedKioskShortcut(input)).toBe(true);
  });

  it.each([
    ['a', key('a')],
    ['Shift+A', key('A', { shift: true })],
    ['r', key('r')],
    ['Shift+R', key('R', { shift: true })],
    ['digit 0', key('0')],
    ['minus', key('-')],
    ['plus', key('+', { shift: true })],
    ['Ctrl+C', key('c', ctrl)],
    ['Ctrl+V', key('v', ctrl)],
    ['Ctrl+X', key('x', ctrl)],
    ['Ctrl+A', key('a', ctrl)],
    ['Ctrl+Z', key('z', ctrl)],
    ['Ctrl+Shift+Z', key('Z', ctrlShift)],
    ['Backspace', key('Backspace')],
    ['Enter', key('Enter')],
    ['Escape', key('Escape')],
    ['Tab', key('Tab')],
    ['ArrowLeft', key('ArrowLeft')],
    ['Shift+ArrowLeft', key('ArrowLeft', { shift: true })],
    ['Ctrl+ArrowLeft', key('ArrowLeft', ctrl)],
    ['F4', key('F4')],
    ['Chinese IME text', key('你')],
    ['AltGr @ (Ctrl+Alt+Q on German layouts)', key('@', { control: true, alt: true })],
  ])('leaves %s alone', (_name, input) => {
    expect(isBlockedKioskShortcut(input)).toBe(false);
  });
});
